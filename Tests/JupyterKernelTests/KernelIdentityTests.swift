import Foundation
import Testing

@testable import JupyterKernel

/// The core names nothing itself: its log lines, header usernames and pipe endpoints follow the
/// identity it is given.
@Suite("Kernel identity")
struct KernelIdentityTests {
    @Test func usernameLogPrefixAndEndpointsFollowTheIdentity() throws {
        let identity = KernelIdentity(name: "othername", username: "someone", logPrefix: "<other>")
        let kernel = KernelHarness(identity: identity)
        kernel.start()
        kernel.transport.send([Data("junk".utf8)], on: .shell)
        let request = kernel.send("kernel_info_request")
        let reply = try #require(kernel.next())
        #expect(reply.header["username"] == "someone")
        for message in kernel.iopub(through: request) {
            #expect(message.header["username"] == "someone", "\(message.type)")
        }
        #expect(kernel.log == ["<other> dropped a message on shell: no <IDS|MSG> delimiter\n"])
        #expect(kernel.transport.pipeEndpoints == ["inproc://othername-iopub", "inproc://othername-wake"])
        #expect(kernel.stop())
    }

    @Test func byDefaultTheIdentityIsTheInterpretersImplementation() throws {
        let kernel = KernelHarness(interpreter: FakeInterpreter(implementation: "plainkernel"))
        kernel.start()
        kernel.send("kernel_info_request")
        #expect(try #require(kernel.next()).header["username"] == "plainkernel")
        #expect(kernel.transport.pipeEndpoints.allSatisfy { $0.hasPrefix("inproc://plainkernel-") })
        #expect(kernel.stop())
        #expect(KernelIdentity(FakeInterpreter(implementation: "x").languageInfo) == KernelIdentity(name: "x"))
        #expect(KernelIdentity(name: "x").logPrefix == "[x]")
        #expect(KernelIdentity(name: "x").username == "x")
    }

    /// The core must not know which language it serves: no file of it names the one it ships with.
    @Test func theKernelCoreNamesNoLanguage() throws {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/JupyterKernel")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }
        #expect(files.count > 10)
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(!text.lowercased().contains("regula"), "\(file.lastPathComponent) names the language")
        }
    }
}
