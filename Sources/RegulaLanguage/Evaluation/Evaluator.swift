/// Evaluates statements against a session's variables.
struct Evaluator {
    var globals: [String: Value]
    let output: any OutputSink
    let isInterrupted: () -> Bool
    var pages: [DisplayBundle] = []

    /// Runs `statements` in order, each binding kept as soon as its statement succeeds, so an error
    /// later in the cell loses nothing defined before it. Returns the last expression's value.
    mutating func run(_ statements: [Statement]) throws(RegulaError) -> Value {
        var last = Value.nothing
        for statement in statements {
            if isInterrupted() { throw RegulaError(.interrupted, "the cell was interrupted") }
            switch statement {
            case let .binding(name, _, expression):
                globals[name] = try evaluate(expression)
                last = .nothing
            case let .expression(expression):
                last = try evaluate(expression)
            }
        }
        return last
    }

    mutating func evaluate(_ expression: Expression) throws(RegulaError) -> Value {
        switch expression.form {
        case let .number(value): return .number(value)
        case let .string(value): return .string(value)
        case let .boolean(value): return .boolean(value)
        case let .name(name): return try lookUp(name, at: expression.range)
        case let .list(elements):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try evaluate(element)) }
            return .list(values)
        case let .unary(symbol, operand):
            return try Operators.unary(symbol, try evaluate(operand), at: expression.range)
        case let .binary(symbol, left, right):
            // && and || evaluate their right side only when needed.
            if symbol == .and || symbol == .or {
                let leftValue = try Operators.truth(try evaluate(left), for: symbol, at: left.range)
                if leftValue == (symbol == .or) { return .boolean(leftValue) }
                return .boolean(try Operators.truth(try evaluate(right), for: symbol, at: right.range))
            }
            return try Operators.binary(symbol, try evaluate(left), try evaluate(right), at: expression.range, rightRange: right.range)
        case let .call(callee, arguments):
            return try call(callee, arguments, at: expression.range)
        case let .index(base, index):
            return try Operators.index(try evaluate(base), try evaluate(index), at: expression.range, indexRange: index.range)
        case let .member(base, name):
            return try Operators.member(try evaluate(base), name, at: expression.range)
        }
    }

    func lookUp(_ name: String, at range: SourceRange) throws(RegulaError) -> Value {
        if let value = globals[name] { return value }
        if let builtin = BuiltinRegistry.all[name] { return .builtin(builtin) }
        let candidates = Array(globals.keys) + BuiltinRegistry.names
        let suggestion = Suggestion.closest(to: name, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
        throw RegulaError(.name, "'\(name)' is not defined.\(suggestion)", at: range)
    }

    private mutating func call(_ callee: Expression, _ arguments: [Argument], at range: SourceRange) throws(RegulaError) -> Value {
        let function = try evaluate(callee)
        guard case let .builtin(builtin) = function else {
            throw RegulaError(.type, "a \(function.typeName) cannot be called; only functions can", at: callee.range)
        }
        var evaluated: [EvaluatedArgument] = []
        for argument in arguments {
            evaluated.append(EvaluatedArgument(
                label: argument.label, value: try evaluate(argument.value), range: argument.value.range, labelRange: argument.labelRange))
        }
        var call = try Call(builtin: builtin, arguments: evaluated, range: range, output: output, isInterrupted: isInterrupted)
        let result = try builtin.implementation(&call)
        pages += call.pages
        return result
    }
}
