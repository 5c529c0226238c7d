/// A statement of a cell.
indirect enum Statement: Sendable {
    /// `let name = value` or, when `isMutable`, `var name = value`.
    case binding(name: Name, nameRange: SourceRange, value: Expression, isMutable: Bool)
    /// `let (a, b) = value`: binds each name to an element of a tuple or list of the same size.
    case destructuring(names: [(name: Name, range: SourceRange)], range: SourceRange, value: Expression, isMutable: Bool)
    /// `name = value`, or `name += value` and the like when `compound` is set.
    case assignment(name: Name, nameRange: SourceRange, compound: Symbol?, value: Expression)
    case expression(Expression)
    /// `if condition { … } else { … }`; an `else if` is an `if` alone in the else block.
    case conditional(condition: Expression, then: [Statement], otherwise: [Statement]?)
    /// `for name in sequence { … }`.
    case forLoop(variable: Name, variableRange: SourceRange, sequence: Expression, body: [Statement], keywordRange: SourceRange)
    /// `while condition { … }`.
    case whileLoop(condition: Expression, body: [Statement], keywordRange: SourceRange)
    /// `func name(parameters) { … }`.
    case function(UserFunction)
    /// `return` or `return value`, inside a function.
    case returnStatement(Expression?, range: SourceRange)
    /// `penalty name(w, t: 1) = expression`: a per-weight penalty from a formula.
    case penalty(PenaltyDeclaration)
}

/// `penalty capped(w, t: 1) = min(abs(w), t)`: the weight's name, parameters with defaults, and
/// the formula.
struct PenaltyDeclaration: Sendable {
    let name: Name
    let nameRange: SourceRange
    let weight: Name
    let parameters: [(name: Name, defaultValue: Expression)]
    let formula: Expression
}

/// A function written in Regula. Parameters follow Swift: `_ x` is unlabelled, `by step` has the
/// label `by`, and a plain `step` is labelled `step:`; `= value` gives a default.
public struct UserFunction: Sendable {
    struct Parameter: Sendable {
        var label: String?
        var name: Name
        var defaultValue: Expression?
    }

    public var name: String { binding.text }
    let binding: Name
    let nameRange: SourceRange
    let parameters: [Parameter]
    let body: [Statement]
    /// The names its parameters' defaults and body read or assign, by number: the most it can
    /// capture. Capturing only these keeps a function from holding the list it is stored in.
    let mentions: Set<Int>
    /// A `{ x in … }` literal rather than a `func` declaration: it has no name to call itself by.
    var isLiteral = false
    /// The enclosing function's variables it shares, when it was made inside a function or
    /// block; nil for a function made at the top level of a cell.
    var captures: [Capture]?

    /// How the function reads in inspection and errors, as it was declared:
    /// `softThreshold(_ w, by t = …)`.
    public var signature: String {
        "\(name)(" + parameters.map { parameter in
            let head: String
            switch parameter.label {
            case nil: head = "_ \(parameter.name.text)"
            case parameter.name.text?: head = parameter.name.text
            case let label?: head = "\(label) \(parameter.name.text)"
            }
            return head + (parameter.defaultValue == nil ? "" : " = …")
        }.joined(separator: ", ") + ")"
    }
}

/// An expression, with the source range it covers.
struct Expression: Sendable {
    indirect enum Form: Sendable {
        case number(Double)
        case string(String)
        /// An interpolated string: literal text and expressions, joined when evaluated.
        case interpolation([InterpolationPiece])
        case boolean(Bool)
        /// The `nothing` literal.
        case nothing
        case name(Name)
        case list([Expression])
        /// `(a, b)` or, with labels, `(train: a, test: b)`.
        case tuple([Expression], labels: [String?])
        case unary(Symbol, Expression)
        case binary(Symbol, Expression, Expression)
        /// `lower...upper` (closed) or `lower..<upper`.
        case range(Expression, Expression, closed: Bool)
        case call(callee: Expression, arguments: [Argument])
        case index(Expression, Expression)
        case member(Expression, name: String)
        /// `{ w in abs(w) }`: an anonymous function.
        case closure(UserFunction)
    }

    var form: Form
    var range: SourceRange
    /// The levels of expressions in this tree (1 for a leaf); the parser bounds it, since
    /// evaluating, walking and freeing a tree are recursive. A function literal's body counts
    /// on its own: it is evaluated in a call, which the evaluator bounds.
    let depth: Int

    init(form: Form, range: SourceRange) {
        self.form = form
        self.range = range
        depth = 1 + form.childDepth
    }
}

extension Expression.Form {
    /// The depth of the deepest direct part.
    fileprivate var childDepth: Int {
        switch self {
        case .number, .string, .boolean, .nothing, .name, .closure: 0
        case let .interpolation(pieces):
            pieces.reduce(0) { deepest, piece in if case let .value(expression) = piece { max(deepest, expression.depth) } else { deepest } }
        case let .list(elements), let .tuple(elements, _): elements.reduce(0) { max($0, $1.depth) }
        case let .unary(_, operand): operand.depth
        case let .binary(_, left, right), let .range(left, right, _), let .index(left, right): max(left.depth, right.depth)
        case let .call(callee, arguments): arguments.reduce(callee.depth) { max($0, $1.value.depth) }
        case let .member(base, _): base.depth
        }
    }
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
