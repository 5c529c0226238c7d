import ArgumentParser
import JupyterKernel

/// `regula kernel --connection-file F`: what a kernelspec's argv runs.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel", abstract: "Run as a Jupyter kernel (Jupyter starts this for you).")

    @Option(name: [.customShort("f"), .long], help: "The connection file Jupyter wrote.")
    var connectionFile: String

    func run() throws {
        do {
            let connection = try ConnectionInfo.load(path: connectionFile)
            let server = KernelServer(connection: connection, interpreter: RegulaInterpreter())
            try server.run()
        } catch {
            writeText("regula kernel: \(error)\n", to: standardError)
            throw ExitCode.failure
        }
    }
}
