/// A name's value, and whether it may be reassigned (`var`) or not (`let`).
public struct Binding: Sendable {
    public var value: Value
    public var isMutable: Bool
}

/// Evaluates statements. Scopes nest: the session's globals are the outermost, each block
/// (`if`, `for`, `while` body) and each function call adds one for the bindings made inside it.
///
/// Variables are found by their name's number (`Name.id`): globals in an array indexed by it,
/// block scopes in short arrays searched from the innermost. No string is hashed in a loop.
struct Evaluator {
    /// What a statement tells the block running it: go on, or leave the function with a value.
    enum Flow {
        case next(Value)
        case returned(Value)
    }

    /// Deeper calls than this are refused, so runaway recursion is an error rather than a crash.
    /// Calls made by a built-in (`plot({ x in r(x) })`) count too.
    static let maximumCallDepth = 200
    /// How many expressions may be under evaluation at once, across calls: with the parser's
    /// bound on one expression's depth this bounds the evaluator's recursion, and `LargeStack`
    /// holds it many times over.
    static let maximumDepth = 10_000
    /// How deeply lists and tuples may nest in one value: printing, comparing and freeing a
    /// value are recursive, so a `[x]` repeated in a loop must stop somewhere.
    static let maximumValueNesting = 1_000

    /// Global bindings by name number; nil where a name is not bound.
    private var globalSlots: [Binding?]
    /// Block and call scopes, innermost last; empty at the top level of a cell.
    private var locals: [[LocalSlot]] = []
    /// The first of `locals` visible now: a function body sees its own scopes, not its caller's.
    private var frameBase = 0
    var callDepth = 0
    /// Expressions under evaluation now (`maximumDepth`).
    var depth = 0
    let output: any OutputSink
    let isInterrupted: () -> Bool
    var pages: [DisplayBundle] = []

    init(globals: [String: Binding], output: any OutputSink, isInterrupted: @escaping () -> Bool) {
        globalSlots = []
        self.output = output
        self.isInterrupted = isInterrupted
        for (text, binding) in globals { setGlobal(Name(text).id, binding) }
    }

    /// The globals by name, for the session to keep between cells.
    var globals: [String: Binding] {
        var result: [String: Binding] = [:]
        for (id, binding) in globalSlots.enumerated() {
            if let binding { result[NameTable.shared.text(for: id)] = binding }
        }
        return result
    }

    private mutating func setGlobal(_ id: Int, _ binding: Binding) {
        if id >= globalSlots.count { globalSlots += Array(repeating: nil, count: id - globalSlots.count + 1) }
        globalSlots[id] = binding
    }

    /// Binds `name` in the innermost scope (a global at the top level).
    private mutating func define(_ name: Name, _ binding: Binding) {
        guard locals.count > frameBase else { return setGlobal(name.id, binding) }
        let innermost = locals.count - 1
        if let index = locals[innermost].firstIndex(where: { $0.id == name.id }) {
            // A new binding of the name, not a change to the old one: a function that captured
            // the old one keeps it.
            locals[innermost][index] = LocalSlot(id: name.id, binding: binding)
        } else {
            locals[innermost].append(LocalSlot(id: name.id, binding: binding))
        }
    }

    /// Every bound name, for "did you mean" suggestions.
    private var boundNames: [String] {
        locals[frameBase...].flatMap { $0.map { NameTable.shared.text(for: $0.id) } } + Array(globals.keys)
    }

    /// Runs a cell's statements in order, each binding kept as soon as its statement succeeds, so
    /// an error later in the cell loses nothing defined before it. Returns the last statement's
    /// value when it is an expression, and `nothing` otherwise.
    mutating func run(_ statements: [Statement]) throws(RegulaError) -> Value {
        var last = Value.nothing
        for statement in statements {
            // The parser allows `return` only inside functions, so a top-level flow is always `next`.
            if case let .next(value) = try execute(statement) { last = value }
        }
        return last
    }

    private mutating func execute(_ statement: Statement) throws(RegulaError) -> Flow {
        if isInterrupted() { throw RegulaError(.interrupted, "the cell was interrupted") }
        switch statement {
        case let .expression(expression):
            return .next(try evaluate(expression))
        case let .returnStatement(expression, _):
            return .returned(try expression.map { (expression) throws(RegulaError) in try evaluate(expression) } ?? .nothing)
        case let .function(function):
            define(function.binding, Binding(value: .function(capturing(function)), isMutable: false))
        case let .penalty(declaration):
            define(declaration.name, Binding(value: .penalty(try definePenalty(declaration)), isMutable: false))
        case let .binding(name, _, expression, isMutable):
            define(name, Binding(value: try evaluate(expression), isMutable: isMutable))
        case let .destructuring(names, range, expression, isMutable):
            let value = try evaluate(expression)
            let elements: [Value]
            switch value {
            case let .tuple(values, _): elements = values
            case let .list(values): elements = values
            default:
                throw RegulaError(.type, "only a Tuple or a List can be unpacked into names, got \(value.typeName)", at: expression.range)
            }
            guard elements.count == names.count else {
                throw RegulaError(.value, "cannot unpack \(elements.count) values into \(names.count) names", at: range)
            }
            for (binding, element) in zip(names, elements) {
                define(binding.name, Binding(value: element, isMutable: isMutable))
            }
        case let .assignment(name, nameRange, compound, expression):
            try assign(name, at: nameRange, compound: compound, expression)
        case let .conditional(condition, then, otherwise):
            if try truth(of: condition, in: "an 'if' condition") {
                return try executeBlock(then)
            } else if let otherwise {
                return try executeBlock(otherwise)
            }
        case let .forLoop(variable, _, sequence, body, keywordRange):
            return try runFor(variable, over: try evaluate(sequence), sequenceRange: sequence.range, body: body, at: keywordRange)
        case let .whileLoop(condition, body, keywordRange):
            var iteration = 0
            while try truth(of: condition, in: "a 'while' condition") {
                // Checked here, not only per statement: an empty body runs no statement.
                if isInterrupted() { throw RegulaError(.interrupted, "the cell was interrupted in a loop", at: keywordRange) }
                iteration += 1
                do {
                    let flow = try executeBlock(body)
                    if case .returned = flow { return flow }
                } catch {
                    throw Self.annotate(error, iteration: iteration, line: keywordRange.start.line, variable: nil)
                }
            }
        }
        return .next(.nothing)
    }

    private mutating func executeBlock(_ statements: [Statement]) throws(RegulaError) -> Flow {
        locals.append([])
        defer { locals.removeLast() }
        for statement in statements {
            let flow = try execute(statement)
            if case .returned = flow { return flow }
        }
        return .next(.nothing)
    }

    private mutating func assign(_ name: Name, at range: SourceRange, compound: Symbol?, _ expression: Expression) throws(RegulaError) {
        var local: (scope: Int, index: Int)?
        var scope = locals.count - 1
        while scope >= frameBase {
            if let index = locals[scope].firstIndex(where: { $0.id == name.id }) {
                local = (scope, index)
                break
            }
            scope -= 1
        }
        let current = local.map { locals[$0.scope][$0.index].binding } ?? (name.id < globalSlots.count ? globalSlots[name.id] : nil)
        guard let binding = current else {
            let suggestion = Suggestion.closest(to: name.text, among: boundNames).map { " Did you mean '\($0)'?" } ?? ""
            throw RegulaError(.name, "'\(name)' is not defined; declare it first with 'var \(name) = …'.\(suggestion)", at: range)
        }
        guard binding.isMutable else {
            throw RegulaError(.type, "'\(name)' is a constant (declared with 'let'); declare it with 'var' to change it", at: range)
        }
        var value = try evaluate(expression)
        if let compound {
            value = try Operators.binary(compound, binding.value, value, at: range.union(expression.range), rightRange: expression.range)
        }
        if let local {
            locals[local.scope][local.index].binding.value = value
        } else {
            globalSlots[name.id] = Binding(value: value, isMutable: true)
        }
    }

    private mutating func truth(of condition: Expression, in purpose: String) throws(RegulaError) -> Bool {
        let value = try evaluate(condition)
        guard case let .boolean(truth) = value else {
            throw RegulaError(.type, "\(purpose) must be a Bool, got \(value.typeName)", at: condition.range)
        }
        return truth
    }

    private mutating func runFor(
        _ variable: Name, over sequence: Value, sequenceRange: SourceRange, body: [Statement], at keywordRange: SourceRange
    ) throws(RegulaError) -> Flow {
        // One scope serves every iteration, emptied in place: no allocation per iteration.
        locals.append([])
        defer { locals.removeLast() }
        switch sequence {
        case let .range(lower, upper, isClosed):
            let end = isClosed ? upper : upper - 1
            guard lower <= end else { return .next(.nothing) }
            var iteration = 0
            for number in lower...end {
                iteration += 1
                let flow = try runIteration(body, binding: variable, to: .number(Double(number)), iteration: iteration, at: keywordRange)
                if case .returned = flow { return flow }
            }
        case let .list(elements):
            for (offset, element) in elements.enumerated() {
                let flow = try runIteration(body, binding: variable, to: element, iteration: offset + 1, at: keywordRange)
                if case .returned = flow { return flow }
            }
        default:
            throw RegulaError(.type, "a 'for' loop needs a Range or a List to go over, got \(sequence.typeName)", at: sequenceRange)
        }
        return .next(.nothing)
    }

    /// One iteration of a `for` loop, in the loop's scope (the innermost).
    private mutating func runIteration(
        _ body: [Statement], binding variable: Name, to value: Value, iteration: Int, at keywordRange: SourceRange
    ) throws(RegulaError) -> Flow {
        if isInterrupted() { throw RegulaError(.interrupted, "the cell was interrupted in a loop", at: keywordRange) }
        let innermost = locals.count - 1
        if locals[innermost].count == 1 {
            // The usual case, a body that binds nothing of its own: rebind the variable in place.
            locals[innermost][0] = LocalSlot(id: variable.id, binding: Binding(value: value, isMutable: false))
        } else {
            locals[innermost].removeAll(keepingCapacity: true)
            locals[innermost].append(LocalSlot(id: variable.id, binding: Binding(value: value, isMutable: false)))
        }
        do {
            for statement in body {
                let flow = try execute(statement)
                if case .returned = flow { return flow }
            }
            return .next(.nothing)
        } catch {
            throw Self.annotate(error, iteration: iteration, line: keywordRange.start.line, variable: (variable.text, value))
        }
    }

    /// An error coming out of a loop gains a note naming the iteration (interruptions excepted).
    private static func annotate(_ error: RegulaError, iteration: Int, line: Int, variable: (String, Value)?) -> RegulaError {
        guard error.kind != .interrupted else { return error }
        var error = error
        let binding = variable.map { " (\($0.0) = \($0.1.description))" } ?? ""
        error.notes.append("in iteration \(iteration) of the loop at line \(line)\(binding)")
        return error
    }

    mutating func evaluate(_ expression: Expression) throws(RegulaError) -> Value {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw RegulaError(.value, "the evaluation is nested more than \(Self.maximumDepth) levels deep (through calls and expressions); make it shallower", at: expression.range)
        }
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
        case .nothing: return .nothing
        case let .name(name): return try lookUp(name, at: expression.range)
        case let .list(elements):
            var values: [Value] = []
            values.reserveCapacity(elements.count)
            for element in elements { values.append(try evaluate(element)) }
            try Self.checkNesting(of: values, at: expression.range)
            return .list(values)
        case let .tuple(elements, labels):
            var values: [Value] = []
            for element in elements { values.append(try evaluate(element)) }
            try Self.checkNesting(of: values, at: expression.range)
            return .tuple(values, labels: labels)
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
        case let .closure(function):
            return .function(capturing(function))
        }
    }

    /// `function` as a value made here: inside a function or block it captures the local
    /// variables it mentions that are visible now, sharing them with this scope (a later change
    /// on either side is seen by both). At the top level it captures nothing: globals are looked
    /// up when it runs.
    private mutating func capturing(_ function: UserFunction) -> UserFunction {
        guard locals.count > frameBase else { return function }
        var captures: [Capture] = []
        for id in function.mentions {
            var scope = locals.count - 1
            while scope >= frameBase {
                if let index = locals[scope].firstIndex(where: { $0.id == id }) {
                    captures.append(Capture(id: id, cell: locals[scope][index].share()))
                    break
                }
                scope -= 1
            }
        }
        var made = function
        made.captures = captures
        return made
    }

    func lookUp(_ name: Name, at range: SourceRange) throws(RegulaError) -> Value {
        var scope = locals.count - 1
        while scope >= frameBase {
            for entry in locals[scope] where entry.id == name.id { return entry.binding.value }
            scope -= 1
        }
        if name.id < globalSlots.count, let binding = globalSlots[name.id] { return binding.value }
        if let builtin = BuiltinRegistry.all[name.text] { return .builtin(builtin) }
        let candidates = boundNames + BuiltinRegistry.names
        let suggestion = Suggestion.closest(to: name.text, among: candidates).map { " Did you mean '\($0)'?" } ?? ""
        throw RegulaError(.name, "'\(name)' is not defined.\(suggestion)", at: range)
    }

    private mutating func call(_ callee: Expression, _ arguments: [Argument], at range: SourceRange) throws(RegulaError) -> Value {
        let function = try evaluate(callee)
        var evaluated: [EvaluatedArgument] = []
        for argument in arguments {
            evaluated.append(EvaluatedArgument(
                label: argument.label, value: try evaluate(argument.value), range: argument.value.range, labelRange: argument.labelRange))
        }
        if case let .function(userFunction) = function {
            return try call(userFunction, evaluated, at: range)
        }
        let builtin: Builtin
        if case let .builtin(given) = function {
            builtin = given
        } else if case let .object(object) = function, let callable = object.callable {
            builtin = callable
        } else {
            throw RegulaError(.type, "a \(function.typeName) cannot be called; only functions can", at: callee.range)
        }
        var call = try Call(builtin: builtin, arguments: evaluated, range: range, output: output, isInterrupted: isInterrupted)
        guard evaluated.contains(where: { if case .function = $0.value { true } else { false } }) else {
            let result = try call.builtin.implementation(&call)
            pages += call.pages
            return result
        }
        // A built-in given a Regula function (plot of { w in … }) calls it through a copy of this
        // evaluator, one for the whole call: it sees the globals as they are, starts at this
        // evaluator's depths (recursion through a built-in is bounded too), and what it assigns to
        // globals comes back here, whether the built-in succeeds or not.
        let inner = EvaluatorBox(self)
        call.invokeFunction = { function, values, range throws(RegulaError) in
            let arguments = values.map { EvaluatedArgument(label: nil, value: $0, range: range) }
            return try inner.evaluator.call(function, arguments, at: range)
        }
        defer { globalSlots = inner.evaluator.globalSlots }
        let result = try call.builtin.implementation(&call)
        pages += call.pages
        return result
    }

    /// Refuses a list or tuple that would nest deeper than `maximumValueNesting`. Each distinct
    /// list is measured once (a value such as `[x, x]` shares its parts, and walking every path
    /// through it would take exponential time), and the walk stops at the bound.
    static func checkNesting(of elements: [Value], at range: SourceRange) throws(RegulaError) {
        var heights: [UnsafeRawPointer: Int] = [:]
        /// The levels of containers from `values`' own down, or more than `budget` when deeper.
        func height(_ values: [Value], budget: Int) -> Int {
            let key = values.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
            if let key, let known = heights[key] { return known }
            var deepest = 0
            for value in values {
                switch value {
                case let .list(items), let .tuple(items, _):
                    deepest = max(deepest, height(items, budget: budget - 1))
                    if deepest >= budget { return deepest + 1 }
                default: continue
                }
            }
            if let key { heights[key] = deepest + 1 }
            return deepest + 1
        }
        guard height(elements, budget: maximumValueNesting) <= maximumValueNesting else {
            throw RegulaError(.value, "lists and tuples may nest at most \(maximumValueNesting) levels deep", at: range)
        }
    }

    /// Calls `function` with `values` as its positional arguments, as a host calls back into
    /// the language after the cell that made the function has ended (`Session.redraw`).
    mutating func invoke(_ function: UserFunction, with values: [Value], at range: SourceRange) throws(RegulaError) -> Value {
        try call(function, values.map { EvaluatedArgument(label: nil, value: $0, range: range) }, at: range)
    }

    /// Calls a function written in Regula. Its body and its parameters' defaults see the session's
    /// globals, what it captured and its parameters; an error inside gains a note naming the
    /// call, so nested calls read as a call chain.
    private mutating func call(_ function: UserFunction, _ arguments: [EvaluatedArgument], at range: SourceRange) throws(RegulaError) -> Value {
        guard callDepth < Self.maximumCallDepth else {
            throw RegulaError(.value, "more than \(Self.maximumCallDepth) nested calls: does '\(function.name)' call itself without end?", at: range)
        }
        var parameters: [LocalSlot] = []
        parameters.reserveCapacity(function.parameters.count)
        // Parameters left out, as (slot, parameter) indices: their defaults are evaluated once
        // the function's captures are in place, so they can use them.
        var defaulted: [(slot: Int, parameter: Int)] = []
        try ArgumentBinder.bind(arguments, to: function, at: range) { index, argument throws(RegulaError) in
            if argument == nil { defaulted.append((parameters.count, index)) }
            parameters.append(LocalSlot(id: function.parameters[index].name.id, binding: Binding(value: argument?.value ?? .nothing, isMutable: false)))
        }

        // The body sees the globals, what the function captured where it was made, and its
        // parameters; not the caller's block scopes.
        let callerFrameBase = frameBase
        let callerDepth = locals.count
        frameBase = locals.count
        if let captures = function.captures {
            // A function declared inside another sees itself first, so it can recurse (a literal
            // has no name to be called by).
            var enclosing = function.isLiteral ? [] : [LocalSlot(id: function.binding.id, binding: Binding(value: .function(function), isMutable: false))]
            enclosing += captures.map(LocalSlot.init)
            locals.append(enclosing)
        }
        defer {
            locals.removeSubrange(callerDepth...)
            frameBase = callerFrameBase
        }
        callDepth += 1
        defer { callDepth -= 1 }
        do {
            // A default is an expression, evaluated at each call that leaves it out, where the
            // function was made (globals and captures), as Swift's: not among the parameters,
            // so `func f(t = t)` reads the outer `t`.
            for (slot, parameter) in defaulted {
                parameters[slot].binding.value = try evaluate(function.parameters[parameter].defaultValue!)
            }
            locals.append(parameters)
            var result = Value.nothing
            for statement in function.body {
                if case let .returned(value) = try execute(statement) {
                    result = value
                    break
                }
            }
            return result
        } catch {
            var error = error
            if error.kind != .interrupted {
                error.addNote("in a call to \(function.name)() at line \(range.start.line)")
            }
            throw error
        }
    }
}

/// An evaluator that a built-in's calls of Regula functions share (`Call.invokeFunction`).
private final class EvaluatorBox {
    var evaluator: Evaluator
    init(_ evaluator: Evaluator) { self.evaluator = evaluator }
}

extension RegulaError {
    /// Adds `note`, or counts it when it repeats the last one: an error 200 recursive calls
    /// deep reads "in a call to deep() at line 1 (199 times)", one line rather than 199.
    mutating func addNote(_ note: String) {
        guard let last = notes.last else { return notes.append(note) }
        let counted = note + " ("
        if last == note {
            notes[notes.count - 1] = note + " (2 times)"
        } else if last.hasPrefix(counted), last.hasSuffix(" times)"), let count = Int(last.dropFirst(counted.count).dropLast(" times)".count)) {
            notes[notes.count - 1] = note + " (\(count + 1) times)"
        } else {
            notes.append(note)
        }
    }
}
