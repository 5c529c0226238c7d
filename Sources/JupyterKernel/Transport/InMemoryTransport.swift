/// A transport whose channels are queues in memory, for running a `KernelServer` inside a test:
/// the test plays the front end with `send(_:on:)` and `receive(on:timeout:)`, in wire frames,
/// and the server's threads run exactly as they do over ZeroMQ.
///
/// One lock guards every queue and one condition wakes every waiter; that is plenty for tests
/// and keeps `pollReadable` over several sockets simple.
public final class InMemoryTransport: KernelTransport, @unchecked Sendable {
    /// Why a call on an in-memory socket failed.
    public enum Failure: TransportFailure, Equatable {
        /// `shutdown` was called.
        case terminated
        /// The socket was closed, or cannot do this (a pipe's reading end cannot send).
        case unusable(String)

        public var isTerminating: Bool { self == .terminated }
    }

    private let monitor = Monitor()
    /// Guarded by `monitor`: each queue by name, oldest message first.
    private var queues: [String: [[Data]]] = [:]
    private var isShutDown = false
    /// Guarded by `monitor`: every pipe endpoint opened, either end.
    private var openedPipes: Set<String> = []

    public init() {}

    /// The endpoints of the in-process pipes the kernel opened so far.
    public var pipeEndpoints: Set<String> { monitor.withLock { openedPipes } }

    // MARK: - The front end's side

    /// Delivers `frames` to the kernel on `channel`, as a client's socket would (on shell,
    /// control and stdin they start with the client's identities; on IOPub they are a subscription).
    public func send(_ frames: [Data], on channel: KernelChannel) {
        enqueue(frames, into: Self.inbox(channel))
    }

    /// Subscribes to IOPub with `topic`, as a client's SUB socket does when it connects.
    public func subscribe(topic: String = "") {
        send([Data([1]) + Data(topic.utf8)], on: .iopub)
    }

    /// The next message the kernel sent on `channel`, waiting at most `timeout` seconds.
    public func receive(on channel: KernelChannel, timeout: Double) -> [Data]? {
        let deadline = Monitor.deadline(after: timeout)
        return monitor.withLock {
            while true {
                if let frames = dequeue(Self.outbox(channel)) { return frames }
                if !monitor.wait(until: deadline) { return dequeue(Self.outbox(channel)) }
            }
        }
    }

    // MARK: - KernelTransport

    public func bind(_ channel: KernelChannel) throws -> any FrameSocket {
        InMemorySocket(transport: self, inbox: Self.inbox(channel), outbox: Self.outbox(channel))
    }

    public func echoHeartbeats(on socket: any FrameSocket) {
        while let frames = try? socket.receive(blocking: true) {
            guard (try? socket.send(frames)) != nil else { return }
        }
    }

    public func pipeReceiver(at endpoint: String) throws -> any FrameSocket {
        monitor.withLock { _ = openedPipes.insert(endpoint) }
        return InMemorySocket(transport: self, inbox: Self.pipe(endpoint), outbox: nil)
    }

    public func pipeSender(to endpoint: String) throws -> any FrameSocket {
        monitor.withLock { _ = openedPipes.insert(endpoint) }
        return InMemorySocket(transport: self, inbox: nil, outbox: Self.pipe(endpoint))
    }

    public func pollReadable(_ sockets: [any FrameSocket], timeout: Int) throws -> [Int] {
        let inboxes = sockets.map { socket -> String? in
            guard let socket = socket as? InMemorySocket else {
                preconditionFailure("an InMemoryTransport was given a socket of another transport: \(type(of: socket))")
            }
            return socket.inbox
        }
        let deadline = timeout < 0 ? nil : Monitor.deadline(after: Double(timeout) / 1000)
        return try monitor.withLock {
            while true {
                if isShutDown { throw Failure.terminated }
                let ready = inboxes.indices.filter { index in
                    inboxes[index].map { !(queues[$0]?.isEmpty ?? true) } ?? false
                }
                if !ready.isEmpty || !monitor.wait(until: deadline) { return ready }
            }
        }
    }

    public func shutdown() {
        monitor.withLock {
            isShutDown = true
            monitor.broadcast()
        }
    }

    public func terminate() {}

    // MARK: - Queues

    private static func inbox(_ channel: KernelChannel) -> String { "\(channel.rawValue) in" }
    private static func outbox(_ channel: KernelChannel) -> String { "\(channel.rawValue) out" }
    private static func pipe(_ endpoint: String) -> String { "pipe \(endpoint)" }

    fileprivate func enqueue(_ frames: [Data], into queue: String) {
        monitor.withLock {
            queues[queue, default: []].append(frames)
            monitor.broadcast()
        }
    }

    /// Called with the lock held.
    private func dequeue(_ queue: String) -> [Data]? {
        guard let first = queues[queue]?.first else { return nil }
        queues[queue]!.removeFirst()
        return first
    }

    fileprivate func send(_ frames: [Data], into queue: String) throws(Failure) {
        let accepted = monitor.withLock {
            guard !isShutDown else { return false }
            queues[queue, default: []].append(frames)
            monitor.broadcast()
            return true
        }
        if !accepted { throw .terminated }
    }

    fileprivate func receive(from queue: String, blocking: Bool) throws(Failure) -> [Data]? {
        let outcome: Result<[Data]?, Failure> = monitor.withLock {
            while true {
                if isShutDown { return .failure(.terminated) }
                if let frames = dequeue(queue) { return .success(frames) }
                if !blocking { return .success(nil) }
                _ = monitor.wait(until: nil)
            }
        }
        return try outcome.get()
    }
}

/// A kernel-side end of an in-memory channel or pipe.
private final class InMemorySocket: FrameSocket, @unchecked Sendable {
    let transport: InMemoryTransport
    /// Where `receive` reads (nil: nothing to read) and `send` writes (nil: cannot send).
    let inbox: String?
    let outbox: String?
    private var isClosed = false

    init(transport: InMemoryTransport, inbox: String?, outbox: String?) {
        self.transport = transport
        self.inbox = inbox
        self.outbox = outbox
    }

    func send(_ frames: [Data]) throws {
        guard !isClosed, let outbox else { throw InMemoryTransport.Failure.unusable("cannot send on this socket") }
        try transport.send(frames, into: outbox)
    }

    func receive(blocking: Bool) throws -> [Data]? {
        guard !isClosed, let inbox else { throw InMemoryTransport.Failure.unusable("cannot receive on this socket") }
        return try transport.receive(from: inbox, blocking: blocking)
    }

    func close() {
        isClosed = true
    }
}
