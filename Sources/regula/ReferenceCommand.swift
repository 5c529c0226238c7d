import ArgumentParser
import RegulaLanguage

/// `regula reference`: prints the built-in reference, the source of `docs/reference.md`.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference", abstract: "Print the reference of every built-in, as Markdown.")

    func run() {
        print(BuiltinRegistry.referenceMarkdown(), terminator: "")
    }
}
