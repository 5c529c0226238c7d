import ArgumentParser
import Foundation

/// `regula install`: registers the kernelspec so that Jupyter lists Regula.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install", abstract: "Register the Regula kernel with Jupyter.")

    @Flag(help: "Install for the current user (the default).")
    var user = false

    @Flag(help: "Install into the active Python environment (VIRTUAL_ENV, CONDA_PREFIX, or python3's sys.prefix).")
    var sysPrefix = false

    @Option(help: "Install under PREFIX/share/jupyter/kernels.")
    var prefix: String?

    @Option(help: "The folder holding kernel.json and the logos (found next to the build by default).")
    var kernelspec: String?

    func validate() throws {
        if [user, sysPrefix, prefix != nil].filter({ $0 }).count > 1 {
            throw ValidationError("choose one of --user, --sys-prefix and --prefix")
        }
    }

    func run() throws {
        let executable = Self.executablePath()
        let source = try kernelspec ?? Self.findKernelspec(near: executable)
        let destination = (try kernelsFolder() as NSString).appendingPathComponent("regula")
        let manager = FileManager.default
        try manager.createDirectory(atPath: destination, withIntermediateDirectories: true)

        // kernel.json: the template's argv[0] becomes this binary's absolute path.
        let templatePath = (source as NSString).appendingPathComponent("kernel.json")
        guard let template = manager.contents(atPath: templatePath),
              var spec = try JSONSerialization.jsonObject(with: template) as? [String: Any],
              var argv = spec["argv"] as? [String], !argv.isEmpty
        else {
            throw ValidationError("\(templatePath) is missing or is not a kernelspec with an argv")
        }
        argv[0] = executable
        spec["argv"] = argv
        let json = try JSONSerialization.data(withJSONObject: spec, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: URL(fileURLWithPath: (destination as NSString).appendingPathComponent("kernel.json")))

        for logo in try manager.contentsOfDirectory(atPath: source) where logo.hasPrefix("logo-") {
            let target = (destination as NSString).appendingPathComponent(logo)
            try? manager.removeItem(atPath: target)
            try manager.copyItem(atPath: (source as NSString).appendingPathComponent(logo), toPath: target)
        }
        print("Installed the Regula kernelspec in \(destination)")
    }

    private func kernelsFolder() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let prefix {
            return (URL(fileURLWithPath: prefix).standardizedFileURL.path as NSString).appendingPathComponent("share/jupyter/kernels")
        }
        if sysPrefix {
            guard let root = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"] ?? Self.pythonPrefix() else {
                throw ValidationError("--sys-prefix found no Python environment: activate one, or use --prefix")
            }
            return (root as NSString).appendingPathComponent("share/jupyter/kernels")
        }
        if let data = environment["JUPYTER_DATA_DIR"] {
            return (data as NSString).appendingPathComponent("kernels")
        }
        let dataHome = environment["XDG_DATA_HOME"] ?? (NSHomeDirectory() as NSString).appendingPathComponent(".local/share")
        return (dataHome as NSString).appendingPathComponent("jupyter/kernels")
    }

    static func executablePath() -> String {
        let path = CommandLine.arguments[0].contains("/")
            ? CommandLine.arguments[0] : (Bundle.main.executablePath ?? CommandLine.arguments[0])
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The repository's `kernelspec/regula`, found by walking up from the binary (`.build/<triple>/release/regula`).
    static func findKernelspec(near executable: String) throws -> String {
        var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("kernelspec/regula")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("kernel.json").path) {
                return candidate.path
            }
            folder.deleteLastPathComponent()
        }
        throw ValidationError("cannot find kernelspec/regula/kernel.json near \(executable); pass --kernelspec DIR")
    }

    static func pythonPrefix() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import sys; print(sys.prefix)"]
        let pipe = Pipe()
        process.standardOutput = pipe
        guard (try? process.run()) != nil else { return nil }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let trimmed = output.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
