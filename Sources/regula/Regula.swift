import ArgumentParser
import RegulaLearning

/// The `regula` command: a Jupyter kernel, its installer, and a script runner.
@main
struct Regula: ParsableCommand {
    /// One OpenBLAS thread unless OPENBLAS_NUM_THREADS says otherwise. OpenBLAS starts its worker
    /// pool in a constructor that runs before `main`, and idle workers spin for about 0.1 s of
    /// CPU; the setting only takes effect at start-up, so without it the process sets it and
    /// starts itself again (the kernelspec sets it, so a kernel never needs to).
    static func main() {
        if getenv("OPENBLAS_NUM_THREADS") == nil {
            setenv("OPENBLAS_NUM_THREADS", "1", 1)
            execv("/proc/self/exe", CommandLine.unsafeArgv)
            BLASThreads.set(1)  // exec failed (no /proc): at least no more parallel calls
        }
        Self.main(nil)
    }

    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Regula: a Jupyter kernel for studying regularization.",
        version: version,
        subcommands: [KernelCommand.self, InstallCommand.self, RunCommand.self, ReferenceCommand.self]
    )
}
