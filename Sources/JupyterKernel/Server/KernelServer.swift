import CZeroMQ
import Dispatch
import Synchronization

/// A Jupyter kernel: binds the five channels of a connection file and serves an `Interpreter`.
///
/// Threads, each owning its sockets:
/// - the shell thread (the caller of `run`) serves shell requests and runs cells;
/// - the control thread serves `kernel_info`, `interrupt` and `shutdown`, even while a cell runs;
/// - the heartbeat thread echoes pings;
/// - the IOPub relay publishes what the others send it and greets new subscribers;
/// - a watcher ends the kernel when the process that started it dies.
public final class KernelServer: @unchecked Sendable {
    let connection: ConnectionInfo
    let interpreter: any Interpreter
    let context = ZeroMQContext()
    let factory = MessageFactory()
    let codec: WireCodec
    let interruption = InterruptFlag()
    let languageInfo: LanguageInfo

    // Shell-thread state.
    var executionCount = 0
    var history = History()
    var deferred: [Message] = []
    /// Bound in `run`; used by the shell thread, or by the cell it runs while it waits.
    var stdin: StdinChannel?
    /// Set in `run`: the IOPub relay, which `input()` flushes before it asks.
    var relay: IOPubRelay?

    private let shutdownRequested = Atomic<Bool>(false)
    private let wakeSender: Mutex<ZeroMQSocket?> = Mutex(nil)
    static let wakeEndpoint = "inproc://regula-wake"

    public init(connection: ConnectionInfo, interpreter: any Interpreter) {
        self.connection = connection
        self.interpreter = interpreter
        self.codec = WireCodec(key: connection.key)
        self.languageInfo = interpreter.languageInfo
    }

    /// Serves until a shutdown request or the parent's death, then closes every socket and returns.
    public func run() throws {
        MemoryRelease.configure()
        let relay = try IOPubRelay(
            context: context, endpoint: connection.endpoint(port: connection.iopubPort), codec: codec, factory: factory)
        relay.start()
        self.relay = relay
        let shell = try bindRouter("shell", port: connection.shellPort)
        let stdin = try bindRouter("stdin", port: connection.stdinPort)
        self.stdin = StdinChannel(channel: ReplyChannel(name: "stdin", socket: stdin, codec: codec, factory: factory))
        let control = try bindRouter("control", port: connection.controlPort)
        let heartbeat = try bindRouter("heartbeat", port: connection.heartbeatPort)
        let wake = try ZeroMQSocket(context: context, kind: .pull)
        try wake.bind(Self.wakeEndpoint)
        let sender = try ZeroMQSocket(context: context, kind: .push)
        try sender.connect(Self.wakeEndpoint)
        wakeSender.withLock { $0 = sender }
        let iopub = try IOPubSender(context: context, codec: codec, factory: factory)

        let controlDone = startThread("control") { [self] in serveControl(control) }
        let heartbeatDone = startThread("heartbeat") {
            heartbeat.echoForever()
            heartbeat.close()
        }
        watchInterruptSignal()
        ParentWatcher.start { [self] in
            logKernelEvent("the process that started the kernel has exited; shutting down")
            requestShutdown()
        }

        iopub.publishStatus("starting", parent: nil)
        serveShell(shell, iopub: iopub, wake: wake, stdin: stdin)

        // Orderly exit: flush IOPub, close the shell thread's sockets, then end the other threads.
        iopub.sendStopSignal()
        relay.waitUntilFinished()
        iopub.close()
        for socket in [shell, stdin, wake] { socket.close() }
        context.shutdown()
        controlDone.wait()
        heartbeatDone.wait()
        wakeSender.withLock { $0?.close() }
        context.terminate()
        connection.removeSocketFiles()
    }

    private func bindRouter(_ channel: String, port: Int) throws -> ZeroMQSocket {
        let socket = try ZeroMQSocket(context: context, kind: .router)
        try socket.setOption(ZMQ_LINGER, 1000)
        let endpoint = connection.endpoint(port: port)
        do { try socket.bind(endpoint) } catch let error as ZeroMQError {
            throw KernelError.bind(channel: channel, endpoint: endpoint, underlying: error)
        }
        return socket
    }

    // MARK: - Shutdown

    var isShuttingDown: Bool { shutdownRequested.load(ordering: .acquiring) }

    /// Asks the shell thread to finish: a running cell is interrupted, then the kernel exits.
    /// Safe from any thread. If the cell ignores the interrupt, the process exits after a grace period.
    func requestShutdown() {
        guard !shutdownRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        interruption.raise()
        wakeSender.withLock { socket in try? socket?.send([Data("wake".utf8)]) }
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) {
            logKernelEvent("the running cell did not stop within 5 s of shutdown; exiting")
            exit(0)
        }
    }

    private func watchInterruptSignal() {
        // SIGINT is the interrupt Jupyter sends when interrupt_mode is "signal"; treat it like interrupt_request.
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler { [interruption] in interruption.raise() }
        source.resume()
        signalSources.append(source)
    }

    private var signalSources: [any DispatchSourceSignal] = []

    // MARK: - Loops

    private func serveShell(_ shell: ZeroMQSocket, iopub: IOPubSender, wake: ZeroMQSocket, stdin: ZeroMQSocket) {
        let channel = ReplyChannel(name: "shell", socket: shell, codec: codec, factory: factory)
        while !isShuttingDown {
            if !deferred.isEmpty {
                let message = deferred.removeFirst()
                dispatch(message, on: channel, iopub: iopub, handlers: shellHandlers)
                continue
            }
            do {
                let ready = try pollReadable([shell, wake, stdin], timeout: -1)
                if ready.contains(1) { _ = try wake.receive(blocking: false) }
                if ready.contains(2) {
                    self.stdin?.discardUnsolicited()
                    MemoryRelease.returnFreePages()
                }
                if ready.contains(0), let message = channel.receive() {
                    dispatch(message, on: channel, iopub: iopub, handlers: shellHandlers)
                    // A cell may have freed much; hand the pages back.
                    if message.type == "execute_request" { MemoryRelease.returnFreePages() }
                }
            } catch {
                logKernelEvent("shell channel stopped: \(error)")
                return
            }
        }
    }

    private func serveControl(_ control: ZeroMQSocket) {
        defer { control.close() }
        guard let iopub = try? IOPubSender(context: context, codec: codec, factory: factory) else { return }
        defer { iopub.close() }
        let channel = ReplyChannel(name: "control", socket: control, codec: codec, factory: factory)
        while true {
            do {
                _ = try pollReadable([control], timeout: -1)
                if let message = channel.receive() {
                    dispatch(message, on: channel, iopub: iopub, handlers: controlHandlers)
                }
            } catch {
                // ETERM: the context is shutting down.
                return
            }
        }
    }

    /// Runs a request's handler between `busy` and `idle`, the one place that status is published.
    func dispatch(_ message: Message, on channel: ReplyChannel, iopub: IOPubSender, handlers: [String: Handler]) {
        guard let handler = handlers[message.type] else {
            logKernelEvent("ignored \(message.type) on \(channel.name): no handler for that message type")
            return
        }
        iopub.publishStatus("busy", parent: message)
        handler(self, Request(message: message, channel: channel, iopub: iopub))
        iopub.publishStatus("idle", parent: message)
    }
}

/// A request being served: the message, where to reply, and where to publish.
struct Request {
    let message: Message
    let channel: ReplyChannel
    let iopub: IOPubSender

    var content: JSON { message.content }

    func reply(_ content: JSON) {
        channel.reply(to: message, content: content)
    }

    func publish(_ type: String, _ content: JSON) {
        iopub.publish(type, content, parent: message)
    }
}

typealias Handler = (KernelServer, Request) -> Void

/// A ROUTER channel (shell or control): receives requests and sends replies, signed.
struct ReplyChannel {
    let name: String
    let socket: ZeroMQSocket
    let codec: WireCodec
    let factory: MessageFactory

    /// The next valid message, or nil if what arrived was dropped (with a line on stderr saying why).
    func receive(blocking: Bool = true) -> Message? {
        let frames: [Data]
        do {
            guard let received = try socket.receive(blocking: blocking) else { return nil }
            frames = received
        } catch {
            logKernelEvent("receive failed on \(name): \(error)")
            return nil
        }
        do {
            return try codec.decode(frames)
        } catch {
            logKernelEvent("dropped a message on \(name): \(error)")
            return nil
        }
    }

    func reply(to request: Message, content: JSON) {
        let type = request.type.hasSuffix("_request")
            ? String(request.type.dropLast("_request".count)) + "_reply" : request.type + "_reply"
        let reply = factory.make(type, content: content, parent: request, identities: request.identities)
        do {
            try socket.send(codec.encode(reply))
        } catch {
            logKernelEvent("could not send \(type) on \(name): \(error)")
        }
    }
}

/// Set by an interrupt (message or SIGINT); a running cell polls it.
public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func raise() { raised.store(true, ordering: .releasing) }
    public func reset() { raised.store(false, ordering: .releasing) }
    public var isRaised: Bool { raised.load(ordering: .acquiring) }
}
