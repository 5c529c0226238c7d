/// A statement of a cell.
indirect enum Statement: Sendable {
    case binding(name: String, nameRange: SourceRange, value: Expression)
    case expression(Expression)
}

/// An expression, with the source range it covers.
struct Expression: Sendable {
    indirect enum Form: Sendable {
        case number(Double)
        case string(String)
        case boolean(Bool)
        case name(String)
        case list([Expression])
        case unary(Symbol, Expression)
        case binary(Symbol, Expression, Expression)
        case call(callee: Expression, arguments: [Argument])
        case index(Expression, Expression)
        case member(Expression, name: String)
    }

    var form: Form
    var range: SourceRange
}

/// An argument in a call: an optional label, then a value.
struct Argument: Sendable {
    var label: String?
    /// Where the label (with its colon) was written, for errors about the label itself.
    var labelRange: SourceRange?
    var value: Expression
}
