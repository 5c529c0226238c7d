import ArgumentParser

/// The `regula` command: a Jupyter kernel, its installer, and a script runner.
@main
struct Regula: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        abstract: "Regula: a Jupyter kernel for studying regularization.",
        version: version,
        subcommands: [KernelCommand.self, InstallCommand.self, RunCommand.self, ReferenceCommand.self]
    )
}
