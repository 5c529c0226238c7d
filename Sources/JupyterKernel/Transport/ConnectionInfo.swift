
/// The contents of a Jupyter connection file: where each channel listens and how messages are signed.
public struct ConnectionInfo: Codable, Sendable, Equatable {
    public var transport: String
    public var ip: String
    public var shellPort: Int
    public var iopubPort: Int
    public var stdinPort: Int
    public var controlPort: Int
    public var heartbeatPort: Int
    public var key: String
    public var signatureScheme: String

    enum CodingKeys: String, CodingKey {
        case transport, ip, key
        case shellPort = "shell_port"
        case iopubPort = "iopub_port"
        case stdinPort = "stdin_port"
        case controlPort = "control_port"
        case heartbeatPort = "hb_port"
        case signatureScheme = "signature_scheme"
    }

    public init(
        transport: String = "tcp", ip: String = "127.0.0.1",
        shellPort: Int, iopubPort: Int, stdinPort: Int, controlPort: Int, heartbeatPort: Int,
        key: String, signatureScheme: String = "hmac-sha256"
    ) {
        self.transport = transport
        self.ip = ip
        self.shellPort = shellPort
        self.iopubPort = iopubPort
        self.stdinPort = stdinPort
        self.controlPort = controlPort
        self.heartbeatPort = heartbeatPort
        self.key = key
        self.signatureScheme = signatureScheme
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        transport = try container.decodeIfPresent(String.self, forKey: .transport) ?? "tcp"
        ip = try container.decodeIfPresent(String.self, forKey: .ip) ?? "127.0.0.1"
        shellPort = try container.decode(Int.self, forKey: .shellPort)
        iopubPort = try container.decode(Int.self, forKey: .iopubPort)
        stdinPort = try container.decode(Int.self, forKey: .stdinPort)
        controlPort = try container.decode(Int.self, forKey: .controlPort)
        heartbeatPort = try container.decode(Int.self, forKey: .heartbeatPort)
        key = try container.decodeIfPresent(String.self, forKey: .key) ?? ""
        signatureScheme = try container.decodeIfPresent(String.self, forKey: .signatureScheme) ?? "hmac-sha256"
    }

    /// Reads and validates a connection file.
    public static func load(path: String) throws -> ConnectionInfo {
        let data = try contents(of: path)
        let info: ConnectionInfo
        do {
            info = try JSONDecoder().decode(ConnectionInfo.self, from: data)
        } catch {
            throw KernelError.connectionFile(path: path, reason: "is not a valid connection file: \(Self.explain(error))")
        }
        guard ["tcp", "ipc"].contains(info.transport) else {
            throw KernelError.connectionFile(path: path, reason: "names transport '\(info.transport)'; expected 'tcp' or 'ipc'")
        }
        guard info.key.isEmpty || info.signatureScheme == "hmac-sha256" else {
            throw KernelError.connectionFile(path: path, reason: "names signature scheme '\(info.signatureScheme)'; only 'hmac-sha256' is supported")
        }
        return info
    }

    /// The file's bytes, read with POSIX calls so that a failure says the system's reason ("No such
    /// file or directory", "Is a directory"), not a CocoaError's dump.
    private static func contents(of path: String) throws(KernelError) -> Data {
        let descriptor = open(path, O_RDONLY)
        func failure() -> KernelError {
            .connectionFile(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
        }
        guard descriptor >= 0 else { throw failure() }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0 { throw failure() }
            if count == 0 { return data }
            data.append(contentsOf: buffer[0..<count])
            // A connection file is a few hundred bytes; this is not one.
            guard data.count <= 1 << 20 else {
                throw .connectionFile(path: path, reason: "is over 1 MiB, too large for a connection file")
            }
        }
    }

    /// What is wrong with a connection file's JSON, in a sentence.
    private static func explain(_ error: any Error) -> String {
        switch error as? DecodingError {
        case let .keyNotFound(key, _)?: "it has no \"\(key.stringValue)\""
        case let .typeMismatch(_, context)?, let .valueNotFound(_, context)?:
            "its \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\" is not \(context.codingPath.last?.stringValue.hasSuffix("port") == true ? "a port number" : "a string")"
        case .dataCorrupted?: "it is not JSON"
        default: "\(error)"
        }
    }

    /// The ZeroMQ endpoint for a port, following Jupyter's conventions (`ipc` paths are `ip-port`).
    public func endpoint(port: Int) -> String {
        switch transport {
        case "ipc": "ipc://\(ip)-\(port)"
        default: "tcp://\(ip.contains(":") ? "[\(ip)]" : ip):\(port)"
        }
    }
}

/// Errors that stop the kernel from starting.
public enum KernelError: Error, CustomStringConvertible {
    case connectionFile(path: String, reason: String)
    case bind(channel: String, endpoint: String, underlying: any Error)
    /// The connection file's `ip` is no address, interface or host name this machine can resolve.
    case unresolvableIP(ip: String, reason: String)

    public var description: String {
        switch self {
        case let .connectionFile(path, reason): "connection file \(path) \(reason)"
        case let .bind(channel, endpoint, underlying): "cannot bind the \(channel) channel to \(endpoint): \(underlying)"
        case let .unresolvableIP(ip, reason): "cannot listen on ip '\(ip)' of the connection file: \(reason)"
        }
    }
}

extension ConnectionInfo {
    /// The five ports, in the connection file's order.
    var ports: [Int] { [shellPort, iopubPort, stdinPort, controlPort, heartbeatPort] }

    /// With the `ipc` transport every channel is a file; they are removed at shutdown, as
    /// ipykernel does, so a clean exit leaves nothing behind.
    func removeSocketFiles() {
        guard transport == "ipc" else { return }
        for port in ports { unlink("\(ip)-\(port)") }
    }
}
