/// Who a kernel says it is: the name in its log lines, in its message headers' `username` and in
/// the names of its in-process pipes. The core names nothing itself; the executable (or, by
/// default, the interpreter's `implementation`) decides.
public struct KernelIdentity: Sendable, Equatable {
    /// A short lower-case name, such as the language's implementation name.
    public var name: String
    /// The `username` in the header of every message the kernel sends.
    public var username: String
    /// What starts each of the kernel's log lines, such as `[name]`.
    public var logPrefix: String

    public init(name: String, username: String? = nil, logPrefix: String? = nil) {
        self.name = name
        self.username = username ?? name
        self.logPrefix = logPrefix ?? "[\(name)]"
    }

    /// The identity named by a language's `implementation`.
    public init(_ info: LanguageInfo) {
        self.init(name: info.implementation)
    }

    /// The endpoint of the in-process pipe for `role` (such as `iopub`), on the kernel's own transport.
    func pipeEndpoint(_ role: String) -> String {
        "inproc://\(name)-\(role)"
    }
}

/// How a `KernelServer` runs, apart from its transport and interpreter.
public struct KernelConfiguration: Sendable {
    public var identity: KernelIdentity
    /// Whether the server takes over what belongs to the whole process: SIGINT as an interrupt,
    /// the watcher that exits when the parent dies, malloc's tuning, and `exit` when a cell ignores
    /// a shutdown for 5 s. A kernel process wants them; tests running servers in one process do not.
    public var ownsProcess: Bool
    /// Where log lines go (each already carries the prefix and a newline); stderr by default,
    /// which Jupyter shows in its server log.
    public var logSink: @Sendable (String) -> Void

    public init(
        identity: KernelIdentity, ownsProcess: Bool = true,
        logSink: @escaping @Sendable (String) -> Void = KernelLog.writeToStandardError
    ) {
        self.identity = identity
        self.ownsProcess = ownsProcess
        self.logSink = logSink
    }
}

/// Writes one line about what the kernel did, prefixed with its identity's `logPrefix`.
public struct KernelLog: Sendable {
    let prefix: String
    let sink: @Sendable (String) -> Void

    init(_ configuration: KernelConfiguration) {
        prefix = configuration.identity.logPrefix
        sink = configuration.logSink
    }

    func callAsFunction(_ line: String) {
        sink("\(prefix) \(line)\n")
    }

    /// One `write(2)` per line, so lines from several threads never interleave.
    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    }
}
