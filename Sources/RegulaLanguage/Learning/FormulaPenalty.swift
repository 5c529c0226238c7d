import RegulaLearning

/// A penalty formula compiled from the syntax tree: the weight, parameters, constants,
/// arithmetic and the differentiable functions of `MathFunction.all`. It evaluates P(w) and,
/// on dual numbers, P′(w) — a subgradient of least magnitude at kinks.
indirect enum Formula: Sendable {
    case constant(Double)
    case weight
    case parameter(Int)
    case negate(Formula)
    case add(Formula, Formula)
    case subtract(Formula, Formula)
    case multiply(Formula, Formula)
    case divide(Formula, Formula)
    case unary(@Sendable (Dual) -> Dual, Formula)
    case binary(@Sendable (Dual, Dual) -> Dual, Formula, Formula)

    /// P(w) and dP/dw at `w`.
    func evaluate(_ w: Double, _ parameters: [Double]) -> Dual {
        switch self {
        case let .constant(c): Dual(c)
        case .weight: Dual.variable(w)
        case let .parameter(index): Dual(parameters[index])
        case let .negate(a): -a.evaluate(w, parameters)
        case let .add(a, b): a.evaluate(w, parameters) + b.evaluate(w, parameters)
        case let .subtract(a, b): a.evaluate(w, parameters) - b.evaluate(w, parameters)
        case let .multiply(a, b): a.evaluate(w, parameters) * b.evaluate(w, parameters)
        case let .divide(a, b): a.evaluate(w, parameters) / b.evaluate(w, parameters)
        case let .unary(function, a): function(a.evaluate(w, parameters))
        case let .binary(function, a, b): function(a.evaluate(w, parameters), b.evaluate(w, parameters))
        }
    }
}

/// A penalty defined in a cell by `penalty name(w, …) = formula`. It plugs into every solver
/// through the `Penalty` interface; its proximal step is closed-form when the formula turns
/// out to be a·|w| + b·w² (checked numerically), and a robust one-dimensional search otherwise.
public struct FormulaPenalty: SpelledPenalty {
    public let name: String
    let parameterNames: [String]
    let parameterValues: [Double]
    let formula: Formula
    public let elasticForm: (l1: Double, l2: Double)?

    init(name: String, parameterNames: [String], parameterValues: [Double], formula: Formula) {
        self.name = name
        self.parameterNames = parameterNames
        self.parameterValues = parameterValues
        self.formula = formula
        elasticForm = Self.detectElasticForm(formula, parameterValues)
    }

    public func value(_ weight: Double) -> Double { formula.evaluate(weight, parameterValues).value }
    public func derivative(_ weight: Double) -> Double { formula.evaluate(weight, parameterValues).derivative }

    public func proximal(_ weight: Double, step: Double) -> Double {
        if let form = elasticForm { return elasticProximal(weight, step: step, l1: form.l1, l2: form.l2) }
        return numericProximal(weight, step: step, penalty: value, derivative: derivative)
    }

    /// The size of the subdifferential at 0: the one-sided slope there.
    public var thresholdAtZero: Double? {
        let slope = (value(1e-9) - value(0)) / 1e-9
        return slope.isFinite && slope >= 0 ? slope : nil
    }

    /// `capped` or `capped(t: 0.5)`: the call that makes it.
    var spelling: String {
        parameterNames.isEmpty ? name : "\(name)(" + zip(parameterNames, parameterValues).map { "\($0): \(formatted($1))" }.joined(separator: ", ") + ")"
    }

    /// (a, b) when P(w) = a·|w| + b·w² at every probe point (to rounding), else nil.
    static func detectElasticForm(_ formula: Formula, _ parameters: [Double]) -> (l1: Double, l2: Double)? {
        func p(_ w: Double) -> Double { formula.evaluate(w, parameters).value }
        guard p(0) == 0 else { return nil }
        // From P(1) = a + b and P(2) = 2a + 4b.
        let b = (p(2) - 2 * p(1)) / 2, a = p(1) - b
        guard a >= 0, b >= 0 else { return nil }
        for w in [-3.7, -1.3, -0.2, 0.05, 0.6, 2.9, 11] {
            let expected = a * Swift.abs(w) + b * w * w
            guard Swift.abs(p(w) - expected) <= 1e-12 * max(1, Swift.abs(expected)) else { return nil }
        }
        return (a, b)
    }

    /// The same penalty with some parameters changed.
    func with(_ changes: [(String, Double)]) -> FormulaPenalty {
        var values = parameterValues
        for (name, value) in changes { values[parameterNames.firstIndex(of: name)!] = value }
        return FormulaPenalty(name: name, parameterNames: parameterNames, parameterValues: values, formula: formula)
    }

    /// The built-in that `capped(t: 0.5)` calls: a copy with new parameter values.
    var builtin: Builtin {
        let penalty = self
        return Builtin(
            name, summary: "The penalty \(name) with other parameter values.", documentation: "Defined by a `penalty` declaration.",
            example: "", parameters: parameterNames.enumerated().map {
                .labelled($1, .number, default: .number(penalty.parameterValues[$0]), "The declaration's \($1); this penalty's value when left out.")
            }
        ) { (call: inout Call) throws(RegulaError) -> Value in
            var changes: [(String, Double)] = []
            for name in penalty.parameterNames { changes.append((name, try call.number(name))) }
            return .penalty(penalty.with(changes))
        }
    }
}

extension Evaluator {
    /// Compiles a `penalty` declaration against the current bindings (names other than the
    /// weight and the parameters must be numbers, captured now) and checks it at a few weights.
    mutating func definePenalty(_ declaration: PenaltyDeclaration) throws(RegulaError) -> FormulaPenalty {
        var values: [Double] = []
        for parameter in declaration.parameters {
            guard case let .number(value) = try evaluate(parameter.defaultValue) else {
                throw RegulaError(.type, "the default of '\(parameter.name.text)' must be a Number", at: parameter.defaultValue.range)
            }
            values.append(value)
        }
        let names = declaration.parameters.map(\.name.text)
        let formula = try compile(declaration.formula, weight: declaration.weight.text, parameters: names)
        let penalty = FormulaPenalty(name: declaration.name.text, parameterNames: names, parameterValues: values, formula: formula)
        for w in [0.0, 0.5, -0.5, 2, -2] where !penalty.value(w).isFinite {
            throw RegulaError(.value, "the penalty '\(declaration.name.text)' is not finite at \(declaration.weight.text) = \(formatted(w)): P(\(formatted(w))) = \(formatted(penalty.value(w)))", at: declaration.formula.range)
        }
        // The proximal search (and the idea of a penalty) needs P even and growing with |w|.
        let grid = (0...400).map { Double($0) / 40 }
        for (index, w) in grid.enumerated() {
            let here = penalty.value(w)
            guard Swift.abs(penalty.value(-w) - here) <= 1e-12 * max(1, Swift.abs(here)) else {
                throw RegulaError(.value, "the penalty '\(declaration.name.text)' must be symmetric, P(−w) = P(w), but P(\(formatted(w))) = \(formatted(here)) and P(\(formatted(-w))) = \(formatted(penalty.value(-w))); wrap the weight in abs()", at: declaration.formula.range)
            }
            if index > 0, here < penalty.value(grid[index - 1]) - 1e-12 * max(1, Swift.abs(here)) {
                throw RegulaError(.value, "the penalty '\(declaration.name.text)' must not decrease as |w| grows, but P(\(formatted(grid[index - 1]))) = \(formatted(penalty.value(grid[index - 1]))) > P(\(formatted(w))) = \(formatted(here))", at: declaration.formula.range)
            }
        }
        return penalty
    }

    private mutating func compile(_ expression: Expression, weight: String, parameters: [String]) throws(RegulaError) -> Formula {
        func compile(_ e: Expression) throws(RegulaError) -> Formula { try self.compile(e, weight: weight, parameters: parameters) }
        switch expression.form {
        case let .number(value): return .constant(value)
        case let .name(name):
            if name.text == weight { return .weight }
            if let index = parameters.firstIndex(of: name.text) { return .parameter(index) }
            guard case let .number(value) = try lookUp(name, at: expression.range) else {
                throw RegulaError(.type, "a penalty formula can use numbers, the weight '\(weight)' and its parameters; '\(name.text)' is not a Number", at: expression.range)
            }
            return .constant(value)
        case let .unary(.minus, operand): return .negate(try compile(operand))
        case let .binary(symbol, left, right):
            let a = try compile(left), b = try compile(right)
            switch symbol {
            case .plus: return .add(a, b)
            case .minus: return .subtract(a, b)
            case .star: return .multiply(a, b)
            case .slash: return .divide(a, b)
            default: break
            }
        case let .call(callee, arguments):
            if case let .name(name) = callee.form, let function = MathFunction.named[name.text] {
                guard let differentiable = function.differentiable else {
                    throw RegulaError(
                        .type, "\(name.text)() is a function of a list, not of one weight, so a penalty formula cannot use it; it can use " + MathFunction.differentiableNames.joined(separator: ", "),
                        at: expression.range)
                }
                guard arguments.count == differentiable.arity, arguments.allSatisfy({ $0.label == nil }) else {
                    throw RegulaError(.argument, "\(name.text)() in a penalty formula takes \(differentiable.arity) unlabelled argument(s)", at: expression.range)
                }
                var compiled: [Formula] = []
                for argument in arguments { compiled.append(try compile(argument.value)) }
                switch differentiable {
                case let .unary(f): return .unary(f, compiled[0])
                case let .binary(f): return .binary(f, compiled[0], compiled[1])
                }
            }
        default:
            break
        }
        throw RegulaError(
            .type, "a penalty formula can use numbers, '\(weight)', its parameters, + - * /, and " + MathFunction.differentiableNames.joined(separator: ", "),
            at: expression.range)
    }
}
