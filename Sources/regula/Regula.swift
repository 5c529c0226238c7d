import ArgumentParser
import RegulaLearning

/// The `regula` command: a Jupyter kernel, its installer, and a script runner.
@main
struct Regula: ParsableCommand {
    /// One OpenBLAS thread unless OPENBLAS_NUM_THREADS says otherwise (see `BLASThreads`). The
    /// kernelspec sets OPENBLAS_NUM_THREADS=1 so that a kernel starts no OpenBLAS workers at all.
    static func main() {
        if getenv("OPENBLAS_NUM_THREADS") == nil { BLASThreads.set(1) }
        Self.main(nil)
    }

    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Regula: a Jupyter kernel for studying regularization.",
        version: version,
        subcommands: [KernelCommand.self, InstallCommand.self, RunCommand.self, ReferenceCommand.self]
    )
}
