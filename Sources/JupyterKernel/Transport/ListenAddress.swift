/// Where a kernel's TCP channels listen, worked out once from a connection file's `ip`.
///
/// Debian's libzmq (4.3.4, the one the kernel links) binds only to a numeric address, `*` or a
/// network interface's name (`lo`), not to a host name ("No such device"; pyzmq's bundled 4.3.5,
/// which ipykernel uses, does bind one), and it takes an IPv6 address only on a socket with
/// `ZMQ_IPV6` set. A connection file may hold any of these: `127.0.0.1` from jupyter_client,
/// `0.0.0.0` or the host's own address from a launcher on a cluster (Enterprise Gateway starts
/// kernels on other hosts and connects to the file's ip), `::1`, or a name such as `localhost`.
public struct ListenAddress: Equatable, Sendable {
    /// What libzmq binds: a numeric IPv4 or IPv6 address (without brackets), `*`, or an interface name.
    public let host: String

    /// True when the socket needs `ZMQ_IPV6` to bind (libzmq's sockets are IPv4-only by default).
    public var isIPv6: Bool { host.contains(":") }

    /// The endpoint of one port, with an IPv6 address in brackets (`tcp://[::1]:9000`).
    public func endpoint(port: Int) -> String {
        "tcp://\(isIPv6 ? "[\(host)]" : host):\(port)"
    }

    /// The address to bind for a connection file's `ip`.
    ///
    /// A numeric address (an IPv6 one with or without brackets), `*` or an interface name is kept.
    /// A host name is resolved, to its first IPv4 address when it has one: jupyter_client's
    /// sockets are IPv4-only (libzmq's default), so that is the address its clients connect to.
    public static func resolving(_ ip: String) throws(KernelError) -> ListenAddress {
        let host = ip.hasPrefix("[") && ip.hasSuffix("]") ? String(ip.dropFirst().dropLast()) : ip
        if host == "*" || isNumeric(host) || if_nametoindex(host) != 0 {
            return ListenAddress(host: host)
        }
        return ListenAddress(host: try resolveName(host))
    }

    private static func isNumeric(_ host: String) -> Bool {
        var buffer = in6_addr()
        return inet_pton(AF_INET, host, &buffer) == 1 || inet_pton(AF_INET6, host, &buffer) == 1
    }

    /// The host's addresses from getaddrinfo, as numeric text, IPv4 first.
    private static func resolveName(_ name: String) throws(KernelError) -> String {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(name, nil, &hints, &list)
        guard status == 0, let first = list else {
            throw KernelError.unresolvableIP(ip: name, reason: String(cString: gai_strerror(status)))
        }
        defer { freeaddrinfo(first) }
        var addresses: [(family: Int32, text: String)] = []
        for entry in sequence(first: first, next: { $0.pointee.ai_next }) {
            var text = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            let entryAddress = entry.pointee
            guard getnameinfo(entryAddress.ai_addr, entryAddress.ai_addrlen, &text, socklen_t(text.count), nil, 0, NI_NUMERICHOST) == 0
            else { continue }
            addresses.append((entryAddress.ai_family, String(cString: text)))
        }
        guard let chosen = addresses.first(where: { $0.family == AF_INET }) ?? addresses.first else {
            throw KernelError.unresolvableIP(ip: name, reason: "it has no address")
        }
        return chosen.text
    }
}
