/// What went wrong in the learning engine, with what the language needs to explain it.
public enum LearningError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A parameter outside its domain: `parameter` got `value`, and `expected` says what is allowed.
    case invalidValue(parameter: String, value: Double, expected: String)
    /// Two things whose shapes must agree do not: each is named with its shape.
    case shapeMismatch(String, String)
    /// A problem in CSV text at a 1-based line and a column name (or number).
    case invalidCSV(line: Int, column: String, problem: String)
    /// A bundled dataset that does not exist.
    case unknownDataset(String, available: [String])
    /// Training produced a NaN or an infinity; the last finite weights were kept.
    case diverged(epoch: Int, quantity: String)
    /// The interrupt flag was raised; partial work was discarded or kept as documented.
    case interrupted
    /// A solver ran out of its budget before its result could be certified (duality gap or
    /// KKT residual): the message says what it reached and what to change.
    case notCertified(String)
    /// Anything else a person can act on, as a sentence.
    case invalidInput(String)
    /// A request needing more memory than `MemoryBudget` allows: what was asked, its bytes, the budget.
    case tooLarge(what: String, bytes: Double, budget: Int)
    /// A file that cannot be read as asked: which, and why.
    case unreadableFile(path: String, reason: String)
    /// Everything wrong with a table of data on its way into a dataset, one sentence each.
    case dataProblems([String])

    public var description: String {
        switch self {
        case .invalidValue(let parameter, let value, let expected):
            return "\(parameter) must be \(expected), got \(formatted(value))"
        case .shapeMismatch(let first, let second):
            return "shapes do not match: \(first) against \(second)"
        case .invalidCSV(let line, let column, let problem):
            return "line \(line), column \(column): \(problem)"
        case .unknownDataset(let name, let available):
            return "no bundled dataset named \"\(name)\"; available: \(available.joined(separator: ", "))"
        case .diverged(let epoch, let quantity):
            return "training diverged at epoch \(epoch): the \(quantity) is not finite (the last finite weights are kept); try a smaller learning rate"
        case .interrupted:
            return "interrupted"
        case .invalidInput(let message), .notCertified(let message):
            return message
        case .tooLarge(let what, let bytes, let budget):
            return "\(what) needs \(formattedBytes(bytes)), more than the memory budget of \(formattedBytes(Double(budget))) (the machine's memory or its control group's limit)"
        case .unreadableFile(let path, let reason):
            return "cannot read \"\(path)\": \(reason)"
        case .dataProblems(let problems):
            if problems.count == 1 { return problems[0] }
            return "the data has \(problems.count) problems:\n" + problems.enumerated().map { "  \($0 + 1). \($1)" }.joined(separator: "\n")
        }
    }
}

/// A number's exact text, as the language prints it and the engine's messages quote it: whole
/// numbers without a fraction (`3`, not `3.0`), others as Swift's shortest text that reads back
/// as the same double, and `nan`, `inf`, `-inf`.
public func formatted(_ value: Double) -> String {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value > 0 ? "inf" : "-inf" }
    if value == value.rounded(), Swift.abs(value) < 1e16 { return String(Int64(value)) }
    return String(value)
}

/// Throws `invalidValue` unless `condition` holds.
func require(_ condition: Bool, _ parameter: String, _ value: Double, _ expected: String) throws(LearningError) {
    if !condition { throw .invalidValue(parameter: parameter, value: value, expected: expected) }
}
