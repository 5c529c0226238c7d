/// The five channels of a Jupyter connection.
public enum KernelChannel: String, Sendable, CaseIterable {
    case shell, control, stdin, iopub, heartbeat
}

/// One end of a channel or of an in-process pipe: whole multipart messages (lists of frames) in
/// and out. Like a ZeroMQ socket it is used by one thread at a time.
public protocol FrameSocket: AnyObject, Sendable {
    /// Sends one multipart message.
    func send(_ frames: [Data]) throws
    /// The next whole message, or nil when `blocking` is false and none is queued.
    func receive(blocking: Bool) throws -> [Data]?
    /// Closes this end; further calls fail. Closing twice does nothing.
    func close()
}

/// An error a transport throws; `isTerminating` says the transport is shutting down, after which
/// the thread that got it should close its sockets and end quietly.
public protocol TransportFailure: Error {
    var isTerminating: Bool { get }
}

extension Error {
    /// True for a transport's "shutting down" error.
    var isTransportTermination: Bool { (self as? any TransportFailure)?.isTerminating ?? false }
}

/// Where a kernel's messages travel: the seam between the kernel core and its sockets.
/// `ZeroMQTransport` binds a connection file's endpoints; `InMemoryTransport` keeps queues in
/// memory so the server and its handlers can be tested in one process.
///
/// The kernel's threads each own the sockets they open (see `KernelServer`); a transport only has
/// to make `pollReadable`, `shutdown` and `terminate` safe from any thread.
///
/// Frames are wire frames: on shell, control and stdin a received message starts with the
/// sender's routing identities and a sent one with the addressee's, as on a ZeroMQ ROUTER socket.
public protocol KernelTransport: AnyObject, Sendable {
    /// Opens `channel` for the kernel. For `.iopub`, `send` publishes to every subscriber and
    /// `receive` yields subscription frames (0x01 then the topic; 0x00 for an unsubscription).
    func bind(_ channel: KernelChannel) throws -> any FrameSocket

    /// Echoes every heartbeat ping on `socket` (bound with `.heartbeat`) until `shutdown`.
    func echoHeartbeats(on socket: any FrameSocket)

    /// The reading end of an in-process pipe between the kernel's threads, at `endpoint`.
    func pipeReceiver(at endpoint: String) throws -> any FrameSocket

    /// A writing end of the pipe at `endpoint`; a pipe may have several, each keeping its order.
    func pipeSender(to endpoint: String) throws -> any FrameSocket

    /// The indices of `sockets` with a message to read, after waiting at most `timeout`
    /// milliseconds (-1: until one has). Every socket must come from this transport.
    func pollReadable(_ sockets: [any FrameSocket], timeout: Int) throws -> [Int]

    /// Makes every blocking call on this transport's sockets fail with a terminating error.
    func shutdown()

    /// Waits until every socket is closed and what they still had to send is sent, then releases
    /// what the transport holds (such as socket files). Called once, last.
    func terminate()
}
