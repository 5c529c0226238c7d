import ArgumentParser
import RegulaLanguage
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `regula run FILE`: evaluates a script outside Jupyter. Text goes to the terminal; charts and
/// tables are written as SVG and HTML files to the output folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a Regula script, writing charts and tables to a folder.")

    @Argument(help: "The script to run (a .regula file).")
    var file: String

    @Option(name: .shortAndLong, help: "Where SVG and HTML outputs go.")
    var output: String = "regula-output"

    func run() throws {
        let source: String
        do {
            source = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw ValidationError("cannot read \(file): \(error)")
        }
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        let sink = FileSink(folder: output)
        // A script's output goes to a terminal or a file, which hold it all: no stream limit.
        let session = Session()
        session.outputLimits.stream = 1 << 50
        switch session.execute(source, output: sink) {
        case let .success(result):
            for page in result.pages { writeText(page.plainText + "\n", to: standardOutput) }
            if let value = result.value { sink.display(value, id: nil) }
        case let .failure(error):
            let colored = isatty(standardError) != 0
            let lines = DiagnosticFormatter.render(error, source: source, cellName: file, colored: colored)
            writeText(lines.joined(separator: "\n") + "\n", to: standardError)
            throw ExitCode.failure
        }
    }
}

/// Prints text and saves rich outputs as numbered files.
private final class FileSink: OutputSink {
    let folder: String
    var count = 0

    init(folder: String) {
        self.folder = folder
    }

    func write(_ text: String, toStandardError: Bool) {
        writeText(text, to: toStandardError ? standardError : standardOutput)
    }

    // Everything goes through `writeText`, unbuffered, as `print` from the script does: Swift's
    // buffered `print` put a piped script's charts after all its printed lines.
    func display(_ bundle: DisplayBundle, id: String?) {
        writeText(bundle.plainText + "\n", to: standardOutput)
        for (kind, text) in [("svg", bundle.svg), ("html", bundle.html)] {
            guard let text else { continue }
            count += 1
            let path = URL(fileURLWithPath: folder).appendingPathComponent("output-\(count).\(kind)").path
            do {
                try text.write(toFile: path, atomically: true, encoding: .utf8)
                writeText("[saved \(path)]\n", to: standardOutput)
            } catch {
                writeText("could not write \(path): \(error)\n", to: standardError)
            }
        }
    }

    func update(_ bundle: DisplayBundle, id: String) { display(bundle, id: id) }
    func clearOutput(wait: Bool) {}

    func readInput(prompt: String, password: Bool) throws(InputFailure) -> String {
        writeText(prompt, to: standardOutput)
        guard let line = readLine() else { throw .unavailable("standard input is closed") }
        return line
    }
}
