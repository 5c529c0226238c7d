/// Where a running cell sends what it shows: the kernel publishes it, `regula run` prints and saves it.
public protocol OutputSink: AnyObject {
    func write(_ text: String, toStandardError: Bool)
    /// Shows a value now; with an `id`, later updates replace it.
    func display(_ bundle: DisplayBundle, id: String?)
    func update(_ bundle: DisplayBundle, id: String)
    func clearOutput(wait: Bool)
}

/// What a successful cell gives back: the value of its last expression, and pages for the pager.
public struct CellResult: Sendable {
    public var value: DisplayBundle?
    public var pages: [DisplayBundle]
}
