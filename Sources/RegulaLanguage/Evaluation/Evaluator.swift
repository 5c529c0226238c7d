/// A name's value, and whether it may be reassigned (`var`) or not (`let`).
public struct Binding: Sendable {
    public var value: Value
    public var isMutable: Bool
}

/// Evaluates statements. Scopes nest: the session's globals are the outermost, each block
/// (`if`, `for`, `while` body) adds one for the bindings made inside it.
struct Evaluator {
    var scopes: [[String: Binding]]
    let output: any OutputSink
    let isInterrupted: () -> Bool
    var pages: [DisplayBundle] = []

    init(globals: [String: Binding], output: any OutputSink, isInterrupted: @escaping () -> Bool) {
        scopes = [globals]
        self.output = output
        self.isInterrupted = isInterrupted
    }

    var globals: [String: Binding] { scopes[0] }

    /// Runs a cell's statements in order, each binding kept as soon as its statement succeeds, so
    /// an error later in the cell loses nothing defined before it. Returns the last statement's
    /// value when it is an expression, and `nothing` otherwise.
    mutating func run(_ statements: [Statement]) throws(RegulaError) -> Value {
        var last = Value.nothing
        for statement in statements {
            last = try execute(statement)
        }
        return last
    }

    private mutating func execute(_ statement: Statement) throws(RegulaError) -> Value {
        if isInterrupted() { throw RegulaError(.interrupted, "the cell was interrupted") }
        switch statement {
        case let .expression(expression):
            return try evaluate(expression)
        case let .binding(name, _, expression, isMutable):
            let value = try evaluate(expression)
            scopes[scopes.count - 1][name] = Binding(value: value, isMutable: isMutable)
        case let .assignment(name, nameRange, compound, expression):
            try assign(name, at: nameRange, compound: compound, expression)
        case let .conditional(condition, then, otherwise):
            if try truth(of: condition, in: "an 'if' condition") {
                try executeBlock(then)
            } else if let otherwise {
                try executeBlock(otherwise)
            }
        case let .forLoop(variable, _, sequence, body, keywordRange):
            try runFor(variable, over: try evaluate(sequence), sequenceRange: sequence.range, body: body, at: keywordRange)
        case let .whileLoop(condition, body, keywordRange):
            var iteration = 0
            while try truth(of: condition, in: "a 'while' condition") {
                iteration += 1
                try withLoopNote(iteration: iteration, line: keywordRange.start.line, variable: nil) {
                    (evaluator: inout Evaluator) throws(RegulaError) in try evaluator.executeBlock(body)
                }
            }
        }
        return .nothing
    }

    private mutating func executeBlock(_ statements: [Statement]) throws(RegulaError) {
        scopes.append([:])
        defer { scopes.removeLast() }
        for statement in statements { _ = try execute(statement) }
    }

    private mutating func assign(_ name: String, at range: SourceRange, compound: Symbol?, _ expression: Expression) throws(RegulaError) {
        guard let depth = scopes.lastIndex(where: { $0[name] != nil }), let binding = scopes[depth][name] else {
            let suggestion = Suggestion.closest(to: name, among: scopes.flatMap(\.keys)).map { " Did you mean '\($0)'?" } ?? ""
            throw RegulaError(.name, "'\(name)' is not defined; declare it first with 'var \(name) = …'.\(suggestion)", at: range)
        }
        guard binding.isMutable else {
            throw RegulaError(.type, "'\(name)' is a constant (declared with 'let'); declare it with 'var' to change it", at: range)
        }
        var value = try evaluate(expression)
        if let compound {
            value = try Operators.binary(compound, binding.value, value, at: range.union(expression.range), rightRange: expression.range)
        }
        scopes[depth][name]?.value = value
    }

    private mutating func truth(of condition: Expression, in purpose: String) throws(RegulaError) -> Bool {
        let value = try evaluate(condition)
        guard case let .boolean(truth) = value else {
            throw RegulaError(.type, "\(purpose) must be a Bool, got \(value.typeName)", at: condition.range)
        }
        return truth
    }

    private mutating func runFor(
        _ variable: String, over sequence: Value, sequenceRange: SourceRange, body: [Statement], at keywordRange: SourceRange
    ) throws(RegulaError) {
        func iterate(_ value: Value, _ iteration: Int, _ evaluator: inout Evaluator) throws(RegulaError) {
            if evaluator.isInterrupted() { throw RegulaError(.interrupted, "the cell was interrupted in a loop", at: keywordRange) }
            try evaluator.withLoopNote(iteration: iteration, line: keywordRange.start.line, variable: (variable, value)) {
                (evaluator: inout Evaluator) throws(RegulaError) in
                evaluator.scopes.append([variable: Binding(value: value, isMutable: false)])
                defer { evaluator.scopes.removeLast() }
                for statement in body { _ = try evaluator.execute(statement) }
            }
        }
        switch sequence {
        case let .range(lower, upper, isClosed):
            let end = isClosed ? upper : upper - 1
            guard lower <= end else { return }
            for (offset, number) in (lower...end).enumerated() {
                try iterate(.number(Double(number)), offset + 1, &self)
            }
        case let .list(elements):
            for (offset, element) in elements.enumerated() {
                try iterate(element, offset + 1, &self)
            }
        default:
            throw RegulaError(.type, "a 'for' loop needs a Range or a List to go over, got \(sequence.typeName)", at: sequenceRange)
        }
    }

    /// Runs one iteration; an error coming out of it gains a note naming the iteration.
    private mutating func withLoopNote(
        iteration: Int, line: Int, variable: (String, Value)?, _ body: (inout Evaluator) throws(RegulaError) -> Void
    ) throws(RegulaError) {
        do {
            try body(&self)
        } catch {
            guard error.kind != .interrupted else { throw error }
            var error = error
            let binding = variable.map { " (\($0.0) = \($0.1.description))" } ?? ""
            error.notes.append("in iteration \(iteration) of the loop at line \(line)\(binding)")
            throw error
        }
    }

    mutating func evaluate(_ expression: Expression) throws(RegulaError) -> Value {
        switch expression.form {
        case let .number(value): return .number(value)
        case let .string(value): return .string(value)
        case let .interpolation(pieces):
            var text = ""
            for piece in pieces {
                switch piece {
                case let .text(literal): text += literal
                case let .value(expression): text += try evaluate(expression).printed
                }
            }
            return .string(text)
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
        case let .range(lower, upper, closed):
            return try Operators.range(
                try evaluate(lower), try evaluate(upper), closed: closed, lowerRange: lower.range, upperRange: upper.range)
        case let .call(callee, arguments):
            return try call(callee, arguments, at: expression.range)
        case let .index(base, index):
            return try Operators.index(try evaluate(base), try evaluate(index), at: expression.range, indexRange: index.range)
        case let .member(base, name):
            return try Operators.member(try evaluate(base), name, at: expression.range)
        }
    }

    func lookUp(_ name: String, at range: SourceRange) throws(RegulaError) -> Value {
        for scope in scopes.reversed() {
            if let binding = scope[name] { return binding.value }
        }
        if let builtin = BuiltinRegistry.all[name] { return .builtin(builtin) }
        let candidates = scopes.flatMap(\.keys) + BuiltinRegistry.names
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
