/// A Regula session: the variables defined so far, and the means to run cells against them.
/// A cell that fails keeps every variable bound before the failing statement.
public final class Session {
    public private(set) var globals: [String: Binding] = [:]
    /// What a cell's output may hold; `outputLimits(…)` in a cell changes it for the session.
    public var outputLimits: OutputLimits {
        get { limitedOutput.limits }
        set { limitedOutput.limits = newValue }
    }
    private let limitedOutput = LimitedOutput(limits: OutputLimits())

    public init() {}

    deinit {
        // Freeing a deeply nested value is recursive: do it on the large stack too.
        var doomed: [String: Binding]? = globals
        globals = [:]
        LargeStack.run { doomed = nil }
        _ = doomed
    }

    /// Runs one cell. Output goes to `output` as it happens; the result is the last expression's
    /// display and any pager pages, or the error that stopped the cell.
    public func execute(
        _ source: String, output: any OutputSink, isInterrupted: @escaping () -> Bool = { false }
    ) -> Result<CellResult, RegulaError> {
        // On a large stack, so that the depth bounds, not the caller's stack, stop deep cells.
        LargeStack.run { run(source, output: output, isInterrupted: isInterrupted) }
    }

    private func run(
        _ source: String, output: any OutputSink, isInterrupted: @escaping () -> Bool
    ) -> Result<CellResult, RegulaError> {
        limitedOutput.begin(output)
        defer { limitedOutput.end() }
        let output = limitedOutput
        var evaluator = Evaluator(globals: globals, output: output, isInterrupted: isInterrupted)
        defer { globals = evaluator.globals }
        LoopProgress.beginCell(output)
        do {
            let statements = try Parser.parse(source)
            let value = try evaluator.run(statements)
            LoopProgress.endCell(output, failed: false)
            return .success(CellResult(value: value.display.map(outputLimits.limited), pages: evaluator.pages))
        } catch {
            LoopProgress.endCell(output, failed: true)
            return .failure(error)
        }
    }

    /// Keeps what a redraw (`redraw(_:output:isInterrupted:)`) left in the globals.
    func replaceGlobals(_ updated: [String: Binding]) { globals = updated }

    /// The type and value of a variable, for inspection.
    public func variable(_ name: String) -> Value? { globals[name]?.value }

    /// Binds `name` to `value` as `let` would: how a host hands a cell a value it made.
    public func define(_ name: String, as value: Value) {
        globals[name] = Binding(value: value, isMutable: false)
    }
}

/// Whether a cell's text is ready to run.
public enum SourceCompleteness: Equatable, Sendable {
    case complete
    /// More is expected; the next line should start with `indent`.
    case incomplete(indent: String)
    case invalid
}

extension Session {
    /// Complete, incomplete (an open bracket or string, a trailing operator) or invalid.
    public func completeness(of source: String) -> SourceCompleteness {
        let tokens: [Token]
        do {
            tokens = try Lexer.tokens(source)
        } catch {
            return error.isAtEnd ? .incomplete(indent: "") : .invalid
        }
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .symbol(.leftParen), .symbol(.leftBracket), .symbol(.leftBrace): depth += 1
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace): depth -= 1
            default: break
            }
            if depth < 0 { return .invalid }
        }
        if depth > 0 { return .incomplete(indent: String(repeating: " ", count: 4 * depth)) }
        do {
            _ = try Parser.parse(source)
            return .complete
        } catch {
            return error.isAtEnd ? .incomplete(indent: "") : .invalid
        }
    }
}
