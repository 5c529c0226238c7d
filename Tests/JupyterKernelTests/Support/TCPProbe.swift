import Foundation

/// Plain TCP from the test's side: a free port to bind, and whether an address accepts a
/// connection, which is how a ZeroMQ socket's listening address is seen from outside.
enum TCPProbe {
    /// A port nothing listens on now (the system's pick for 127.0.0.1, then released).
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                precondition(bind(descriptor, generic, length) == 0, "cannot bind a probe socket")
                precondition(getsockname(descriptor, generic, &length) == 0, "cannot read the probe's port")
            }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// True when a TCP connection to the numeric `host` (IPv4 or IPv6) at `port` is accepted.
    static func accepts(host: String, port: Int) -> Bool {
        var hints = addrinfo()
        hints.ai_flags = AI_NUMERICHOST
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &list) == 0, let entry = list else { return false }
        defer { freeaddrinfo(entry) }
        let descriptor = socket(entry.pointee.ai_family, entry.pointee.ai_socktype, 0)
        defer { close(descriptor) }
        return connect(descriptor, entry.pointee.ai_addr, entry.pointee.ai_addrlen) == 0
    }
}
