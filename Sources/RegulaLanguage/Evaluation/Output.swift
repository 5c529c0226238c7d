/// Where a running cell sends what it shows: the kernel publishes it, `regula run` prints and saves it.
public protocol OutputSink: AnyObject {
    func write(_ text: String, toStandardError: Bool)
    /// Shows a value now; with an `id`, later updates replace it.
    func display(_ bundle: DisplayBundle, id: String?)
    func update(_ bundle: DisplayBundle, id: String)
    func clearOutput(wait: Bool)
    /// A line typed by the user after `prompt`; `password` hides what is typed.
    func readInput(prompt: String, password: Bool) throws(InputFailure) -> String
    /// Shows live controls above their first drawing (`interact`); a host that can redraw keeps
    /// `interaction` and calls `Session.redraw` when a control moves.
    func interact(_ interaction: Interaction)
}

extension OutputSink {
    /// Without live controls: a line naming the controls, then the first drawing (a failed one is
    /// the error that stops the cell, reported as the cell's).
    public func interact(_ interaction: Interaction) {
        let listing = interaction.controls.map { "\($0.label): \($0.control.description)" }.joined(separator: "\n")
        display(DisplayBundle(plainText: listing), id: nil)
        if case let .success(drawing) = interaction.first { display(drawing, id: nil) }
    }

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
