/// Where a running cell sends what it shows: the kernel publishes it, `regula run` prints and saves it.
public protocol OutputSink: AnyObject {
    func write(_ text: String, toStandardError: Bool)
    /// Shows a value now; with an `id`, later updates replace it.
    func display(_ bundle: DisplayBundle, id: String?)
    func update(_ bundle: DisplayBundle, id: String)
    func clearOutput(wait: Bool)
    /// A line typed by the user after `prompt`; `password` hides what is typed.
    func readInput(prompt: String, password: Bool) throws(InputFailure) -> String
}

extension OutputSink {
    public func readInput(prompt: String, password: Bool) throws(InputFailure) -> String {
        throw .unavailable("this output takes no input")
    }
}

/// Why `input()` got no line.
public enum InputFailure: Error, Sendable, Equatable {
    /// Nothing can answer: the front end does not allow input, or standard input is closed.
    case unavailable(String)
    /// The user interrupted the cell while it waited.
    case interrupted
}

/// What a successful cell gives back: the value of its last expression, and pages for the pager.
public struct CellResult: Sendable {
    public var value: DisplayBundle?
    public var pages: [DisplayBundle]
}
