import Synchronization

@testable import JupyterKernel

/// A language for the kernel's tests, whose behaviour the cell's code chooses:
/// `fail` fails, `print X` writes `X` and a newline to stdout, `value` results in 42, `input`
/// asks for a line and prints it, `spin` says `spinning` and runs until interrupted, anything else succeeds with no
/// result. It records what it was asked.
final class FakeInterpreter: Interpreter, Sendable {
    struct Execution: Equatable {
        var code: String
        var executionCount: Int
        var silent: Bool
    }

    let languageInfo: LanguageInfo
    private let executions = Mutex<[Execution]>([])

    init(implementation: String = "fakelang") {
        languageInfo = LanguageInfo(
            name: "fake", version: "1.2.3", mimetype: "text/x-fake", fileExtension: ".fake",
            pygmentsLexer: "fakelex", codemirrorMode: "fakemode", implementation: implementation,
            implementationVersion: "4.5.6", banner: "Fake 1.2.3",
            helpLinks: [(text: "Fake docs", url: "https://example.org/fake")])
    }

    /// The cells executed so far, in order.
    var executed: [Execution] { executions.withLock { $0 } }

    func execute(
        code: String, executionCount: Int, silent: Bool, publisher: any OutputPublisher,
        isInterrupted: @escaping @Sendable () -> Bool
    ) -> Result<ExecutionResult, ExecutionError> {
        executions.withLock { $0.append(Execution(code: code, executionCount: executionCount, silent: silent)) }
        if code == "fail" {
            return .failure(ExecutionError(name: "FakeError", value: "it failed", traceback: ["FakeError: it failed"]))
        }
        if code == "spin" {
            publisher.write("spinning\n", to: .stdout)
            while !isInterrupted() { usleep(1000) }
            return .failure(ExecutionError(name: "Interrupted", value: "stopped", traceback: []))
        }
        if code == "input" {
            do {
                publisher.write("got \(try publisher.readInput(prompt: "name? ", password: false))\n", to: .stdout)
            } catch {
                return .failure(ExecutionError(name: "InputError", value: "\(error)", traceback: []))
            }
        }
        if code.hasPrefix("print ") {
            publisher.write(String(code.dropFirst("print ".count)) + "\n", to: .stdout)
        }
        return .success(ExecutionResult(value: code == "value" ? MIMEBundle(plainText: "42") : nil))
    }

    func complete(code: String, cursor: Int) -> Completion {
        Completion(matches: ["\(code)-one", "\(code)-two"], cursorStart: 1, cursorEnd: cursor, metadata: ["m": 1])
    }

    func inspect(code: String, cursor: Int, detailLevel: Int) -> MIMEBundle? {
        code == "known" ? MIMEBundle(plainText: "known at \(cursor), detail \(detailLevel)") : nil
    }

    func isComplete(code: String) -> Completeness {
        switch code {
        case "open {": .incomplete(indent: "    ")
        case "}": .invalid
        case "?": .unknown
        default: .complete
        }
    }
}
