/// An error in a cell: its kind, a message that says what was expected, and where.
public struct RegulaError: Error, Sendable, Equatable {
    /// The kinds of error, each with the name a person sees.
    public enum Kind: String, Sendable {
        case parse = "ParseError"
        case name = "NameError"
        case type = "TypeError"
        case argument = "ArgumentError"
        case value = "ValueError"
        case zeroDivision = "ZeroDivisionError"
        case shape = "ShapeError"
        case training = "TrainingError"
        /// A request that needs more memory than the machine allows (`MemoryBudget`).
        case memory = "MemoryError"
        /// A claim a notebook checks with `check(condition, "message")` does not hold.
        case check = "CheckError"
        /// `input()` could not get a line: the front end takes no input, or stdin is closed.
        case input = "InputError"
        case interrupted = "Interrupted"
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange?
    /// True when the error is at the end of the source: more text could fix it (for `is_complete`).
    public var isAtEnd: Bool
    /// Further errors found in the same cell (parse errors are gathered, not stopped at the first).
    public var others: [RegulaError] = []
    /// Where the error happened beyond its line, innermost first: "in iteration 3 of the loop at line 2".
    public var notes: [String] = []

    public init(_ kind: Kind, _ message: String, at range: SourceRange? = nil, atEnd: Bool = false) {
        self.kind = kind
        self.message = message
        self.range = range
        self.isAtEnd = atEnd
    }
}

/// Renders errors the one way they are shown everywhere: kind, message, the line, a caret under the column.
public enum DiagnosticFormatter {
    static let red = "\u{1B}[0;31m", bold = "\u{1B}[1m", reset = "\u{1B}[0m"

    /// The lines of a traceback for `error` in `source`, with ANSI colour when `colored`.
    public static func render(_ error: RegulaError, source: String, cellName: String = "cell", colored: Bool = true) -> [String] {
        ([error] + error.others).flatMap { renderOne($0, source: source, cellName: cellName, colored: colored) }
    }

    private static func renderOne(_ error: RegulaError, source: String, cellName: String, colored: Bool) -> [String] {
        let (red, bold, reset) = colored ? (Self.red, Self.bold, Self.reset) : ("", "", "")
        var lines = ["\(red)\(bold)\(error.kind.rawValue)\(reset)\(bold): \(error.message)\(reset)"]
        guard let range = error.range else { return lines + error.notes.map { "  = note: \($0)" } }
        let sourceLines = source.split(separator: "\n", omittingEmptySubsequences: false)
        lines.append("  --> \(cellName), \(range.start)")
        guard range.start.line - 1 < sourceLines.count else { return lines }
        let text = String(sourceLines[range.start.line - 1])
        let gutter = String(range.start.line)
        let blank = String(repeating: " ", count: gutter.count)
        let caretStart = max(0, min(range.start.column - 1, text.count))
        let caretWidth = range.end.line == range.start.line ? max(1, range.end.column - range.start.column) : 1
        lines.append("\(blank) |")
        lines.append("\(gutter) | \(text)")
        lines.append("\(blank) | " + String(repeating: " ", count: caretStart) + red + String(repeating: "^", count: caretWidth) + reset)
        lines += error.notes.map { "\(blank) = note: \($0)" }
        return lines
    }
}
