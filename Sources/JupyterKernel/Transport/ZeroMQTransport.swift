import CZeroMQ

/// The transport of a real kernel: libzmq sockets bound to a connection file's endpoints.
/// Shell, control, stdin and heartbeat are ROUTER sockets, IOPub an XPUB socket, and the pipes
/// between threads inproc PUSH/PULL pairs, all on one context.
public final class ZeroMQTransport: KernelTransport {
    private let connection: ConnectionInfo
    private let context = ZeroMQContext()
    /// Resolved once, so the five channels listen on the same address even when a host name has
    /// several; nil with the `ipc` transport.
    private let listenAddress: Result<ListenAddress, KernelError>?

    public init(connection: ConnectionInfo) {
        self.connection = connection
        listenAddress = connection.transport == "tcp"
            ? Result { () throws(KernelError) in try ListenAddress.resolving(connection.ip) }
            : nil
    }

    public func bind(_ channel: KernelChannel) throws -> any FrameSocket {
        let socket = try ZeroMQSocket(context: context, kind: channel == .iopub ? .extendedPublisher : .router)
        try socket.setOption(ZMQ_LINGER, 1000)
        if channel == .iopub {
            // No high-water mark: past ZeroMQ's default of 1000 queued messages a PUB socket drops
            // messages silently, and a cell that updates a display 20,000 times would lose its last
            // updates, its error and its idle. A slow client makes the queue grow instead.
            try socket.setOption(ZMQ_SNDHWM, 0)
            // Verbose: report every subscription, not just the first for a topic, so every client is greeted.
            try socket.setOption(ZMQ_XPUB_VERBOSE, 1)
        }
        let endpoint: String
        if let listenAddress {
            let address = try listenAddress.get()
            // Without ZMQ_IPV6 libzmq refuses an IPv6 address ("No such device").
            if address.isIPv6 { try socket.setOption(ZMQ_IPV6, 1) }
            endpoint = address.endpoint(port: port(of: channel))
        } else {
            endpoint = connection.endpoint(port: port(of: channel))
        }
        do { try socket.bind(endpoint) } catch let error as ZeroMQError {
            throw KernelError.bind(channel: channel.rawValue, endpoint: endpoint, underlying: error)
        }
        return socket
    }

    private func port(of channel: KernelChannel) -> Int {
        switch channel {
        case .shell: connection.shellPort
        case .control: connection.controlPort
        case .stdin: connection.stdinPort
        case .iopub: connection.iopubPort
        case .heartbeat: connection.heartbeatPort
        }
    }

    public func echoHeartbeats(on socket: any FrameSocket) {
        Self.zeroMQ(socket).echoForever()
    }

    public func pipeReceiver(at endpoint: String) throws -> any FrameSocket {
        let socket = try ZeroMQSocket(context: context, kind: .pull)
        try socket.bind(endpoint)
        return socket
    }

    public func pipeSender(to endpoint: String) throws -> any FrameSocket {
        let socket = try ZeroMQSocket(context: context, kind: .push)
        try socket.setOption(ZMQ_LINGER, 1000)
        try socket.connect(endpoint)
        return socket
    }

    public func pollReadable(_ sockets: [any FrameSocket], timeout: Int) throws -> [Int] {
        try JupyterKernel.pollReadable(sockets.map(Self.zeroMQ), timeout: timeout)
    }

    public func shutdown() {
        context.shutdown()
    }

    public func terminate() {
        context.terminate()
        connection.removeSocketFiles()
    }

    private static func zeroMQ(_ socket: any FrameSocket) -> ZeroMQSocket {
        guard let socket = socket as? ZeroMQSocket else {
            preconditionFailure("a ZeroMQTransport was given a socket of another transport: \(type(of: socket))")
        }
        return socket
    }
}

extension ZeroMQSocket: FrameSocket {}

extension ZeroMQError: TransportFailure {}
