import CZeroMQ

/// An error from libzmq, with the call that failed and the library's own message.
public struct ZeroMQError: Error, CustomStringConvertible, Equatable {
    /// The libzmq function that failed, such as `zmq_bind`.
    public let call: String
    /// The `errno` value libzmq reported.
    public let code: Int32

    public var description: String {
        "\(call) failed: \(String(cString: zmq_strerror(code)))"
    }

    /// True when the context is being terminated (the socket should be closed).
    public var isTerminating: Bool { code == ETERM }

    static func last(_ call: String) -> ZeroMQError {
        ZeroMQError(call: call, code: zmq_errno())
    }
}

/// A libzmq context. One per kernel; terminated once at shutdown.
public final class ZeroMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    public init() {
        handle = zmq_ctx_new()
    }

    /// Makes every blocking call on this context's sockets return with `ETERM`.
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    /// Waits until every socket is closed and its pending messages are sent (within linger).
    public func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}

/// The socket kinds the kernel uses.
public enum SocketKind: Sendable {
    case router, extendedPublisher, push, pull

    var rawValue: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .extendedPublisher: ZMQ_XPUB
        case .push: ZMQ_PUSH
        case .pull: ZMQ_PULL
        }
    }
}

/// A libzmq socket. Like libzmq's own sockets it must be used from one thread at a time:
/// the kernel gives each thread the sockets it owns.
public final class ZeroMQSocket: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer
    private var isClosed = false

    public init(context: ZeroMQContext, kind: SocketKind) throws {
        guard let handle = zmq_socket(context.handle, kind.rawValue) else {
            throw ZeroMQError.last("zmq_socket")
        }
        self.handle = handle
    }

    deinit { close() }

    public func close() {
        guard !isClosed else { return }
        isClosed = true
        zmq_close(handle)
    }

    public func bind(_ endpoint: String) throws {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZeroMQError.last("zmq_bind(\(endpoint))") }
    }

    public func connect(_ endpoint: String) throws {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZeroMQError.last("zmq_connect(\(endpoint))") }
    }

    public func setOption(_ option: Int32, _ value: Int32) throws {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw ZeroMQError.last("zmq_setsockopt(\(option))")
        }
    }

    /// Sends a multipart message. Blocks only if the peer's queue is full (ROUTER and PUB drop instead).
    public func send(_ frames: [Data]) throws {
        for (index, frame) in frames.enumerated() {
            let flags = index == frames.count - 1 ? 0 : ZMQ_SNDMORE
            let result = frame.withUnsafeBytes { buffer -> Int32 in
                var rc: Int32
                repeat {
                    rc = zmq_send(handle, buffer.baseAddress, buffer.count, flags)
                } while rc < 0 && zmq_errno() == EINTR
                return rc
            }
            guard result >= 0 else { throw ZeroMQError.last("zmq_send") }
        }
    }

    /// Receives one whole multipart message, or nil when `blocking` is false and none is queued.
    public func receive(blocking: Bool = true) throws -> [Data]? {
        var frames: [Data] = []
        var message = zmq_msg_t()
        while true {
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            var rc: Int32
            repeat {
                rc = zmq_msg_recv(&message, handle, blocking || !frames.isEmpty ? 0 : ZMQ_DONTWAIT)
            } while rc < 0 && zmq_errno() == EINTR
            if rc < 0 {
                if zmq_errno() == EAGAIN && frames.isEmpty { return nil }
                throw ZeroMQError.last("zmq_msg_recv")
            }
            let size = zmq_msg_size(&message)
            if let data = zmq_msg_data(&message) {
                frames.append(Data(bytes: data, count: size))
            } else {
                frames.append(Data())
            }
            if zmq_msg_more(&message) == 0 { return frames }
        }
    }

    /// Relays every message arriving on this socket back to its sender (the heartbeat echo).
    /// Returns when the context shuts down.
    public func echoForever() {
        zmq_proxy(handle, handle, nil)
    }
}

/// Waits until one of `sockets` has a message to read, or `timeout` milliseconds pass (-1: forever).
/// Returns the indices of the readable sockets.
public func pollReadable(_ sockets: [ZeroMQSocket], timeout: Int) throws -> [Int] {
    var items = sockets.map { zmq_pollitem_t(socket: $0.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
    var rc: Int32
    repeat {
        rc = zmq_poll(&items, Int32(items.count), timeout)
    } while rc < 0 && zmq_errno() == EINTR
    guard rc >= 0 else { throw ZeroMQError.last("zmq_poll") }
    return items.indices.filter { items[$0].revents & Int16(ZMQ_POLLIN) != 0 }
}
