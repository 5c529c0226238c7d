/// A statement of a cell.
indirect enum Statement: Sendable {
    /// `let name = value` or, when `isMutable`, `var name = value`.
    case binding(name: String, nameRange: SourceRange, value: Expression, isMutable: Bool)
    /// `name = value`, or `name += value` and the like when `compound` is set.
    case assignment(name: String, nameRange: SourceRange, compound: Symbol?, value: Expression)
    case expression(Expression)
    /// `if condition { … } else { … }`; an `else if` is an `if` alone in the else block.
    case conditional(condition: Expression, then: [Statement], otherwise: [Statement]?)
    /// `for name in sequence { … }`.
    case forLoop(variable: String, variableRange: SourceRange, sequence: Expression, body: [Statement], keywordRange: SourceRange)
    /// `while condition { … }`.
    case whileLoop(condition: Expression, body: [Statement], keywordRange: SourceRange)
}

/// An expression, with the source range it covers.
struct Expression: Sendable {
    indirect enum Form: Sendable {
        case number(Double)
        case string(String)
        /// An interpolated string: literal text and expressions, joined when evaluated.
        case interpolation([InterpolationPiece])
        case boolean(Bool)
        case name(String)
        case list([Expression])
        case unary(Symbol, Expression)
        case binary(Symbol, Expression, Expression)
        /// `lower...upper` (closed) or `lower..<upper`.
        case range(Expression, Expression, closed: Bool)
        case call(callee: Expression, arguments: [Argument])
        case index(Expression, Expression)
        case member(Expression, name: String)
    }

    var form: Form
    var range: SourceRange
}

enum InterpolationPiece: Sendable {
    case text(String)
    case value(Expression)
}

/// An argument in a call: an optional label, then a value.
struct Argument: Sendable {
    var label: String?
    /// Where the label (with its colon) was written, for errors about the label itself.
    var labelRange: SourceRange?
    var value: Expression
}
