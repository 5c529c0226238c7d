import ArgumentParser
import JupyterKernel

/// `regula kernel --connection-file F`: what a kernelspec's argv runs.
struct KernelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kernel", abstract: "Run as a Jupyter kernel (Jupyter starts this for you).")

    @Option(name: [.customShort("f"), .long], help: "The connection file Jupyter wrote.")
    var connectionFile: String

    /// Whatever else the front end passes. `jupyter run --kernel regula script.regula` appends
    /// the script's name to the kernel's command line (as it does for every kernel) and then
    /// sends the script's text as a cell; ipykernel ignores such arguments, and so does Regula,
    /// rather than dying with "Unexpected argument".
    @Argument(parsing: .allUnrecognized, help: .hidden)
    var ignored: [String] = []

    func run() throws {
        if !ignored.isEmpty {
            let listing = ignored.map { "'\($0)'" }.joined(separator: " ")
            writeText("[regula] ignoring arguments the kernel does not take: \(listing) (a front end's; the cells it sends still run)\n", to: standardError)
        }
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
