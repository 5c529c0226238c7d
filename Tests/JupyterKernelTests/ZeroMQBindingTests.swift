import Foundation
import Testing

@testable import JupyterKernel

/// The kernel listens on the connection file's ip, whatever form it takes: a remote launcher
/// (Enterprise Gateway on a cluster) gives it an address of its host and connects there.
@Suite("Binding the connection file's ip")
struct ZeroMQBindingTests {
    @Test func numericAddressesWildcardsAndInterfacesAreKept() throws {
        for ip in ["127.0.0.1", "127.0.0.2", "0.0.0.0", "*", "::1", "::", "lo"] {
            #expect(try ListenAddress.resolving(ip).host == ip)
        }
        #expect(try ListenAddress.resolving("[::1]").host == "::1")
        #expect(try ListenAddress.resolving("::1").isIPv6)
        #expect(try !ListenAddress.resolving("0.0.0.0").isIPv6)
        #expect(try ListenAddress.resolving("::1").endpoint(port: 9000) == "tcp://[::1]:9000")
        #expect(try ListenAddress.resolving("127.0.0.2").endpoint(port: 9000) == "tcp://127.0.0.2:9000")
    }

    /// libzmq cannot bind a host name; the kernel binds the address jupyter_client connects to.
    @Test func aHostNameIsResolvedToItsIPv4Address() throws {
        #expect(try ListenAddress.resolving("localhost").host == "127.0.0.1")
    }

    @Test func anUnknownHostSaysWhichIP() {
        #expect {
            try ListenAddress.resolving("no-such-host.invalid")
        } throws: { error in
            "\(error)".hasPrefix("cannot listen on ip 'no-such-host.invalid' of the connection file: ")
        }
    }

    @Test func theShellChannelListensOnTheGivenAddressOnly() throws {
        let port = TCPProbe.freePort()
        try withShellBound(ip: "127.0.0.2", port: port) {
            #expect(TCPProbe.accepts(host: "127.0.0.2", port: port))
            #expect(!TCPProbe.accepts(host: "127.0.0.1", port: port))
        }
    }

    @Test func anIPv6AddressIsBoundWithIPv6Enabled() throws {
        let port = TCPProbe.freePort()
        try withShellBound(ip: "::1", port: port) {
            #expect(TCPProbe.accepts(host: "::1", port: port))
            #expect(!TCPProbe.accepts(host: "127.0.0.1", port: port))
        }
    }

    @Test func theWildcardListensOnEveryIPv4Address() throws {
        let port = TCPProbe.freePort()
        try withShellBound(ip: "0.0.0.0", port: port) {
            #expect(TCPProbe.accepts(host: "127.0.0.1", port: port))
            #expect(TCPProbe.accepts(host: "127.0.0.2", port: port))
        }
    }

    @Test func aHostNameIsBound() throws {
        let port = TCPProbe.freePort()
        try withShellBound(ip: "localhost", port: port) {
            #expect(TCPProbe.accepts(host: "127.0.0.1", port: port))
        }
    }

    @Test func aFailedBindNamesTheChannelAndEndpoint() throws {
        let port = TCPProbe.freePort()
        try withShellBound(ip: "127.0.0.1", port: port) {
            let second = ZeroMQTransport(connection: connection(ip: "127.0.0.1", port: port))
            defer { second.shutdown(); second.terminate() }
            #expect {
                try second.bind(.shell)
            } throws: { error in
                "\(error)".hasPrefix("cannot bind the shell channel to tcp://127.0.0.1:\(port): zmq_bind")
            }
        }
    }

    private func connection(ip: String, port: Int) -> ConnectionInfo {
        ConnectionInfo(ip: ip, shellPort: port, iopubPort: 0, stdinPort: 0, controlPort: 0, heartbeatPort: 0, key: "")
    }

    /// Binds a real ZeroMQ shell socket for the duration of `body`.
    private func withShellBound(ip: String, port: Int, _ body: () throws -> Void) throws {
        let transport = ZeroMQTransport(connection: connection(ip: ip, port: port))
        let shell = try transport.bind(.shell)
        defer {
            shell.close()
            transport.shutdown()
            transport.terminate()
        }
        try body()
    }
}
