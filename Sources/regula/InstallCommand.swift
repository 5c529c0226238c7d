import ArgumentParser
import JupyterKernel

/// `regula install`: registers the kernelspec so that Jupyter lists Regula.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install", abstract: "Register the Regula kernel with Jupyter.")

    @Flag(help: "Install for the current user (the default).")
    var user = false

    @Flag(help: "Install into the active Python environment (VIRTUAL_ENV or CONDA_PREFIX).")
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
        let source = URL(fileURLWithPath: try kernelspec ?? Self.findKernelspec(near: executable))
        let destination = try kernelsFolder().appendingPathComponent("regula")
        let manager = FileManager.default
        try manager.createDirectory(at: destination, withIntermediateDirectories: true)

        // kernel.json: the template's argv[0] becomes this binary's absolute path.
        let templateURL = source.appendingPathComponent("kernel.json")
        guard let template = try? JSON.parse(Data(contentsOf: templateURL)),
              case var .object(spec) = template, var argv = template["argv"].arrayValue, !argv.isEmpty
        else {
            throw ValidationError("\(templateURL.path) is missing or is not a kernelspec with an argv")
        }
        argv[0] = .string(executable)
        spec["argv"] = .array(argv)
        try JSON.object(spec).serialized().write(to: destination.appendingPathComponent("kernel.json"))

        for logo in try manager.contentsOfDirectory(atPath: source.path) where logo.hasPrefix("logo-") {
            let target = destination.appendingPathComponent(logo)
            try? manager.removeItem(at: target)
            try manager.copyItem(at: source.appendingPathComponent(logo), to: target)
        }
        print("Installed the Regula kernelspec in \(destination.path)")
    }

    private func kernelsFolder() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let prefix {
            return URL(fileURLWithPath: prefix).standardizedFileURL.appendingPathComponent("share/jupyter/kernels")
        }
        if sysPrefix {
            guard let root = environment["VIRTUAL_ENV"] ?? environment["CONDA_PREFIX"] else {
                throw ValidationError("--sys-prefix found no active Python environment (VIRTUAL_ENV or CONDA_PREFIX): activate one, or use --prefix")
            }
            return URL(fileURLWithPath: root).appendingPathComponent("share/jupyter/kernels")
        }
        if let data = environment["JUPYTER_DATA_DIR"] {
            return URL(fileURLWithPath: data).appendingPathComponent("kernels")
        }
        let dataHome = environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: environment["HOME"] ?? "/root").appendingPathComponent(".local/share")
        return dataHome.appendingPathComponent("jupyter/kernels")
    }

    /// This binary's absolute path, symbolic links resolved (Linux: /proc/self/exe).
    static func executablePath() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let length = buffer.withUnsafeMutableBytes { readlink("/proc/self/exe", $0.baseAddress!.assumingMemoryBound(to: CChar.self), $0.count) }
        if length > 0 { return String(decoding: buffer[..<length], as: UTF8.self) }
        return URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.resolvingSymlinksInPath().path
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
}
