import Foundation
import Synchronization

@testable import JupyterKernel

/// A language for the kernel's tests, whose behaviour the cell's code chooses:
/// `fail` fails, `print X` writes `X` and a newline to stdout, `value` results in 42, `input`
/// asks for a line and prints it, `spin` says `spinning` and runs until interrupted, anything else succeeds with no
/// result. It records what it was asked.
///
/// Comms: it takes the target `echo`, whose comms answer each message with `{"echo": data}` and
/// display `data.show` when there is one; `open thing` opens a comm for the front end's target
/// `thing`, `send thing` and `close thing` use it, `open elsewhere` tries to open one off the shell
/// thread; `pump N` says `pumping` and delivers comm messages until its comms have received N
/// messages (or it is interrupted). `commEvents` records what the comms saw.
final class FakeInterpreter: Interpreter, Sendable {
    struct Execution: Equatable {
        var code: String
        var executionCount: Int
        var silent: Bool
        var origin = CellOrigin()
    }

    let languageInfo: LanguageInfo
    private let executions = Mutex<[Execution]>([])
    private let events = Mutex<[String]>([])
    // Used only on the kernel's shell thread, as the comm API requires.
    nonisolated(unsafe) private var comms: CommManager?
    nonisolated(unsafe) private var thing: Comm?

    init(implementation: String = "fakelang") {
        languageInfo = LanguageInfo(
            name: "fake", version: "1.2.3", mimetype: "text/x-fake", fileExtension: ".fake",
            pygmentsLexer: "fakelex", codemirrorMode: "fakemode", implementation: implementation,
            implementationVersion: "4.5.6", banner: "Fake 1.2.3",
            helpLinks: [(text: "Fake docs", url: "https://example.org/fake")])
    }

    /// The cells executed so far, in order.
    var executed: [Execution] { executions.withLock { $0 } }

    /// What the comms saw, in order: `open ID DATA`, `message ID DATA`, `close ID DATA`.
    var commEvents: [String] { events.withLock { $0 } }

    private func record(_ event: String, _ comm: Comm, _ message: CommMessage) {
        events.withLock { $0.append("\(event) \(comm.id) \(String(decoding: message.data.serialized(), as: UTF8.self))") }
    }

    func attach(comms: CommManager) {
        self.comms = comms
        comms.register(target: "echo") { [self] comm, opening in
            record("open", comm, opening)
            comm.onMessage = { [self] message in
                record("message", comm, message)
                if message.data["finishEarly"] == true {
                    message.finishEarly()
                    message.finishEarly()
                }
                if let text = message.data["show"].stringValue {
                    message.publisher.display(MIMEBundle(plainText: text), displayID: nil)
                }
                comm.send(data: ["echo": message.data], metadata: ["m": 1], buffers: message.buffers)
            }
            comm.onClose = { [self] message in record("close", comm, message) }
        }
    }

    private var messagesReceived: Int {
        events.withLock { $0.count { $0.hasPrefix("message ") } }
    }

    /// The comm cells, or nil when `code` is not one.
    private func runCommCell(_ code: String, _ publisher: any OutputPublisher, _ isInterrupted: () -> Bool)
        -> Result<ExecutionResult, ExecutionError>?
    {
        guard let comms else { return nil }
        switch code {
        case "open thing":
            let comm = comms.open(target: "thing", data: ["n": 1], metadata: ["version": "2"])
            comm.onMessage = { [self] message in record("message", comm, message) }
            comm.onClose = { [self] message in record("close", comm, message) }
            thing = comm
        case "send thing": thing?.send(data: ["n": 2])
        case "close thing": thing?.close(data: ["bye": true])
        case "open elsewhere":
            let done = DispatchSemaphore(value: 0)
            nonisolated(unsafe) var opened = true
            // CommManager is not Sendable, so only an unsafe escape like this one reaches another thread.
            nonisolated(unsafe) let elsewhere = comms
            Thread.detachNewThread {
                opened = elsewhere.open(target: "thing").isOpen
                done.signal()
            }
            done.wait()
            publisher.write("open: \(opened)\n", to: .stdout)
        case let pump where pump.hasPrefix("pump "):
            let wanted = Int(pump.dropFirst("pump ".count)) ?? 1
            publisher.write("pumping\n", to: .stdout)
            while messagesReceived < wanted {
                if isInterrupted() { return .failure(ExecutionError(name: "Interrupted", value: "stopped", traceback: [])) }
                comms.deliverPending()
                usleep(1000)
            }
        default: return nil
        }
        return .success(ExecutionResult())
    }

    func execute(
        code: String, executionCount: Int, silent: Bool, origin: CellOrigin, publisher: any OutputPublisher,
        isInterrupted: @escaping @Sendable () -> Bool
    ) -> Result<ExecutionResult, ExecutionError> {
        executions.withLock { $0.append(Execution(code: code, executionCount: executionCount, silent: silent, origin: origin)) }
        if let outcome = runCommCell(code, publisher, isInterrupted) { return outcome }
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
