import Dispatch
import Synchronization

/// A Jupyter kernel: opens the five channels of its transport (ZeroMQ, or memory in tests) and
/// serves an `Interpreter`.
///
/// Threads, each owning its sockets:
/// - the shell thread (the caller of `run`) serves shell requests and runs cells;
/// - the control thread serves `kernel_info`, `interrupt` and `shutdown`, even while a cell runs;
/// - the heartbeat thread echoes pings;
/// - the IOPub relay publishes what the others send it and greets new subscribers;
/// - a watcher ends the kernel when the process that started it dies.
public final class KernelServer: @unchecked Sendable {
    let transport: any KernelTransport
    let interpreter: any Interpreter
    let configuration: KernelConfiguration
    let log: KernelLog
    let factory: MessageFactory
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
    /// The comms; used on the shell thread only.
    let comms: CommManager
    /// Set in `serveShell`, for comm messages handled while a request runs.
    var shellChannel: ReplyChannel?
    var shellIOPub: IOPubSender?

    private let shutdownRequested = Atomic<Bool>(false)
    private let wakeSender: Mutex<(any FrameSocket)?> = Mutex(nil)
    private let wakeEndpoint: String
    private let iopubEndpoint: String

    /// A kernel on the ZeroMQ endpoints of a connection file. Without a `configuration` it is
    /// named by the interpreter's `implementation` and owns the process.
    public convenience init(
        connection: ConnectionInfo, interpreter: any Interpreter, configuration: KernelConfiguration? = nil
    ) {
        self.init(
            transport: ZeroMQTransport(connection: connection), key: connection.key,
            interpreter: interpreter, configuration: configuration)
    }

    /// A kernel on any transport, signing with `key` (empty: unsigned).
    public init(
        transport: any KernelTransport, key: String, interpreter: any Interpreter,
        configuration: KernelConfiguration? = nil
    ) {
        let languageInfo = interpreter.languageInfo
        let configuration = configuration ?? KernelConfiguration(identity: KernelIdentity(languageInfo))
        self.transport = transport
        self.interpreter = interpreter
        self.configuration = configuration
        self.log = KernelLog(configuration)
        self.comms = CommManager(log: log)
        self.factory = MessageFactory(username: configuration.identity.username)
        self.codec = WireCodec(key: key)
        self.languageInfo = languageInfo
        wakeEndpoint = configuration.identity.pipeEndpoint("wake")
        iopubEndpoint = configuration.identity.pipeEndpoint("iopub")
    }

    /// Serves until a shutdown request or the parent's death, then closes every socket and returns.
    public func run() throws {
        if configuration.ownsProcess { MemoryRelease.configure() }
        let relay = try IOPubRelay(
            transport: transport, pipeEndpoint: iopubEndpoint, codec: codec, factory: factory, log: log)
        relay.start()
        self.relay = relay
        let shell = try transport.bind(.shell)
        let stdin = try transport.bind(.stdin)
        self.stdin = StdinChannel(
            channel: ReplyChannel(name: "stdin", socket: stdin, codec: codec, factory: factory, log: log),
            transport: transport, log: log)
        let control = try transport.bind(.control)
        let heartbeat = try transport.bind(.heartbeat)
        let wake = try transport.pipeReceiver(at: wakeEndpoint)
        let sender = try transport.pipeSender(to: wakeEndpoint)
        wakeSender.withLock { $0 = sender }
        let iopub = try makeIOPubSender()

        let controlDone = startThread("control") { [self] in serveControl(control) }
        let heartbeatDone = startThread("heartbeat") { [transport] in
            transport.echoHeartbeats(on: heartbeat)
            heartbeat.close()
        }
        if configuration.ownsProcess {
            watchInterruptSignal()
            ParentWatcher.start { [self] in
                log("the process that started the kernel has exited; shutting down")
                requestShutdown()
            }
        }

        iopub.publishStatus("starting", parent: nil)
        comms.owner = pthread_self()
        comms.iopub = iopub
        comms.deliverWaiting = { [unowned self] in deliverPendingComms() }
        interpreter.attach(comms: comms)
        serveShell(shell, iopub: iopub, wake: wake, stdin: stdin)

        // Orderly exit: flush IOPub, close the shell thread's sockets, then end the other threads.
        iopub.sendStopSignal()
        relay.waitUntilFinished()
        iopub.close()
        for socket in [shell, stdin, wake] { socket.close() }
        transport.shutdown()
        controlDone.wait()
        heartbeatDone.wait()
        wakeSender.withLock { $0?.close() }
        transport.terminate()
    }

    /// A publisher for the calling thread (each thread that publishes has its own).
    private func makeIOPubSender() throws -> IOPubSender {
        IOPubSender(pipe: try transport.pipeSender(to: iopubEndpoint), codec: codec, factory: factory, log: log)
    }

    // MARK: - Shutdown

    var isShuttingDown: Bool { shutdownRequested.load(ordering: .acquiring) }

    /// Asks the shell thread to finish: a running cell is interrupted, then the kernel exits.
    /// Safe from any thread. If the cell ignores the interrupt, the process exits after a grace period.
    func requestShutdown() {
        guard !shutdownRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        interruption.raise()
        wakeSender.withLock { socket in try? socket?.send([Data("wake".utf8)]) }
        guard configuration.ownsProcess else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + 5) { [log] in
            log("the running cell did not stop within 5 s of shutdown; exiting")
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

    private func serveShell(
        _ shell: any FrameSocket, iopub: IOPubSender, wake: any FrameSocket, stdin: any FrameSocket
    ) {
        let channel = ReplyChannel(name: "shell", socket: shell, codec: codec, factory: factory, log: log)
        shellChannel = channel
        shellIOPub = iopub
        defer { comms.deliverWaiting = nil }
        while !isShuttingDown {
            if !deferred.isEmpty {
                let message = deferred.removeFirst()
                dispatch(message, on: channel, iopub: iopub, handlers: shellHandlers)
                continue
            }
            do {
                let ready = try transport.pollReadable([shell, wake, stdin], timeout: -1)
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
                log("shell channel stopped: \(error)")
                return
            }
        }
    }

    private func serveControl(_ control: any FrameSocket) {
        defer { control.close() }
        guard let iopub = try? makeIOPubSender() else { return }
        defer { iopub.close() }
        let channel = ReplyChannel(name: "control", socket: control, codec: codec, factory: factory, log: log)
        while true {
            do {
                _ = try transport.pollReadable([control], timeout: -1)
                if let message = channel.receive() {
                    dispatch(message, on: channel, iopub: iopub, handlers: controlHandlers)
                }
            } catch {
                // The transport is shutting down.
                return
            }
        }
    }

    /// Runs a request's handler between `busy` and `idle`, the one place that status is published
    /// (a comm handler may publish its idle before it returns: `CommMessage.finishEarly`).
    func dispatch(_ message: Message, on channel: ReplyChannel, iopub: IOPubSender, handlers: [String: Handler]) {
        guard let handler = handlers[message.type] else {
            log("ignored \(message.type) on \(channel.name): no handler for that message type")
            return
        }
        iopub.publishStatus("busy", parent: message)
        let request = Request(message: message, channel: channel, iopub: iopub)
        handler(self, request)
        request.publishIdle()
    }
}
