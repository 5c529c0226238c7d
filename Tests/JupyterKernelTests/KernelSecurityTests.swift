import Foundation
import Testing

@testable import JupyterKernel

/// Messages that must be refused, through the real server: it drops them with a log line and
/// goes on serving.
@Suite("Kernel server: refused messages")
struct KernelSecurityTests {
    /// Sends `frames` on `channel`, then a kernel_info request; the next reply must be that
    /// request's, so the refused frames got no reply and the kernel still serves.
    func expectRefused(_ frames: [Data], on channel: KernelChannel = .shell, by kernel: KernelHarness) throws {
        kernel.transport.send(frames, on: channel)
        let probe = kernel.send("kernel_info_request", on: channel)
        let reply = try #require(kernel.next(on: channel))
        #expect(reply.parentID == probe.id)
        #expect(reply.content["status"] == "ok")
    }

    @Test func unsignedBadlySignedAndReplayedMessagesAreRefused() throws {
        let kernel = KernelHarness()
        kernel.start()

        var unsigned = kernel.encoder.encode(kernel.request("execute_request", ["code": "print unsigned"]))
        unsigned[2] = Data()  // the signature frame, after the identity and the delimiter
        try expectRefused(unsigned, by: kernel)

        let forged = WireCodec(key: "not-the-key").encode(kernel.request("execute_request", ["code": "print forged"]))
        try expectRefused(forged, by: kernel)

        var upperCase = kernel.encoder.encode(kernel.request("execute_request", ["code": "print upper"]))
        upperCase[2] = Data(String(decoding: upperCase[2], as: UTF8.self).uppercased().utf8)
        try expectRefused(upperCase, by: kernel)

        let original = kernel.encoder.encode(kernel.request("execute_request", ["code": "print once"]))
        kernel.transport.send(original, on: .shell)
        #expect(try #require(kernel.next()).content["status"] == "ok")
        try expectRefused(original, by: kernel)
        // The replay guard is shared: the same frames on control are refused too.
        try expectRefused(original, on: .control, by: kernel)

        #expect(kernel.interpreter.executed.map(\.code) == ["print once"])
        let drops = kernel.log.filter { $0.contains("dropped a message on") }
        #expect(drops == [
            "[fakelang] dropped a message on shell: bad or missing signature\n",
            "[fakelang] dropped a message on shell: bad or missing signature\n",
            "[fakelang] dropped a message on shell: bad or missing signature\n",
            "[fakelang] dropped a message on shell: replayed signature (message already seen)\n",
            "[fakelang] dropped a message on control: replayed signature (message already seen)\n",
        ])
        #expect(kernel.stop())
    }

    @Test func malformedFramesAreRefused() throws {
        let kernel = KernelHarness()
        kernel.start()
        try expectRefused([Data("no delimiter".utf8)], by: kernel)
        try expectRefused([KernelHarness.clientIdentity, Data("<IDS|MSG>".utf8), Data()], by: kernel)
        #expect(kernel.log.count == 2)
        #expect(kernel.stop())
    }
}
