import Dispatch
import Foundation
import Synchronization
import Testing

@testable import JupyterKernel

/// A real `KernelServer` on an `InMemoryTransport`, with the test as its front end: requests are
/// signed with the real `WireCodec`, replies and IOPub messages decoded and checked the same way.
final class KernelHarness: Sendable {
    static let key = "harness-key"
    static let clientIdentity = Data("client-1".utf8)

    let transport = InMemoryTransport()
    let interpreter: FakeInterpreter
    let server: KernelServer
    /// Signs what the test sends; the kernel's own codec has a replay guard of its own.
    let encoder = WireCodec(key: key)
    /// Verifies what the kernel sends.
    let decoder = WireCodec(key: key)
    let clientFactory = MessageFactory(session: "client-session", username: "tester")
    private let logLines = LogLines()
    private let finished = DispatchSemaphore(value: 0)

    /// A kernel named `identity` (by default, as the interpreter's implementation is named).
    init(interpreter: FakeInterpreter = FakeInterpreter(), identity: KernelIdentity? = nil) {
        self.interpreter = interpreter
        let lines = logLines
        let configuration = KernelConfiguration(
            identity: identity ?? KernelIdentity(interpreter.languageInfo), ownsProcess: false,
            logSink: { line in lines.append(line) })
        server = KernelServer(transport: transport, key: Self.key, interpreter: interpreter, configuration: configuration)
        transport.subscribe()
    }

    /// Runs the server on a thread of its own, as `regula kernel` runs it on the main thread.
    func start() {
        let server = server
        let finished = finished
        Thread.detachNewThread {
            do { try server.run() } catch { Issue.record("the server stopped: \(error)") }
            finished.signal()
        }
    }

    /// True once `run` has returned, waiting at most `timeout` seconds.
    func waitUntilStopped(timeout: Double = 10) -> Bool {
        finished.wait(timeout: .now() + timeout) == .success
    }

    /// Sends `shutdown_request` on control and waits for the server to stop.
    func stop() -> Bool {
        send("shutdown_request", ["restart": false], on: .control)
        return waitUntilStopped()
    }

    /// Every log line so far, each with its prefix and newline.
    var log: [String] { logLines.all }

    /// A request of `type` from the client, not yet sent.
    func request(_ type: String, _ content: JSON = [:]) -> Message {
        clientFactory.make(type, content: content, parent: nil, identities: [Self.clientIdentity])
    }

    /// Signs and sends a request; returns it, for matching its replies.
    @discardableResult
    func send(_ type: String, _ content: JSON = [:], on channel: KernelChannel = .shell) -> Message {
        let message = request(type, content)
        transport.send(encoder.encode(message), on: channel)
        return message
    }

    /// Sends an execute request with the code and options given.
    @discardableResult
    func execute(_ code: String, _ options: [String: JSON] = [:]) -> Message {
        var content = options
        content["code"] = .string(code)
        return send("execute_request", .object(content))
    }

    /// The next message the kernel sent on `channel`, verified; nil after `timeout` seconds.
    func next(on channel: KernelChannel = .shell, timeout: Double = 10) -> Message? {
        guard let frames = transport.receive(on: channel, timeout: timeout) else { return nil }
        do {
            return try decoder.decode(frames)
        } catch {
            Issue.record("the kernel sent a message that does not verify: \(error)")
            return nil
        }
    }

    /// IOPub messages in order, up to and including the `idle` whose parent is `request`.
    func iopub(through request: Message, timeout: Double = 10) -> [Message] {
        iopub(timeout: timeout) { message in
            message.parentID == request.id && message.executionState == "idle"
        }
    }

    /// IOPub messages in order, up to and including the first for which `last` is true.
    func iopub(timeout: Double = 10, until last: (Message) -> Bool) -> [Message] {
        var messages: [Message] = []
        while let message = next(on: .iopub, timeout: timeout) {
            messages.append(message)
            if last(message) { return messages }
        }
        Issue.record("IOPub went quiet for \(timeout) s; got \(messages.map(\.type))")
        return messages
    }
}

/// Log lines as the kernel writes them, from any thread.
final class LogLines: Sendable {
    private let lines = Mutex<[String]>([])

    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}

extension Message {
    /// The id of the request this message answers or was caused by.
    var parentID: String? { parentHeader["msg_id"].stringValue }

    /// `status` messages' state, such as `busy`; nil for other types.
    var executionState: String? { type == "status" ? content["execution_state"].stringValue : nil }
}
