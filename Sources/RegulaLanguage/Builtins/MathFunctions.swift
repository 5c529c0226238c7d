import RegulaLearning

/// A math function of the language, declared once: the built-in that cells call and, when it
/// has one, its form on dual numbers (value and derivative), which penalty formulas compile to.
/// The built-ins in `MathBuiltins.all` and the functions a formula accepts both come from
/// `MathFunction.all`, so a function added here is callable and differentiable at once.
struct MathFunction: Sendable {
    /// How a formula evaluates the function on dual numbers.
    enum Differentiable: Sendable {
        case unary(@Sendable (Dual) -> Dual)
        case binary(@Sendable (Dual, Dual) -> Dual)

        /// The number of arguments it takes in a formula.
        var arity: Int {
            switch self {
            case .unary: 1
            case .binary: 2
            }
        }
    }

    let name: String
    let builtin: Builtin
    /// Nil for functions of a whole list (`sum`, `mean`), which a formula of one weight cannot use.
    let differentiable: Differentiable?

    /// A function of a number, applied element by element to a list; its value in cells is the
    /// value part of its dual form, so the two cannot disagree.
    static func elementwise(
        _ name: String, _ what: String, _ dual: @escaping @Sendable (Dual) -> Dual,
        domain: @escaping @Sendable (Double) -> Bool = { _ in true }, domainText: String = "", activation: Activation? = nil
    ) -> MathFunction {
        var builtin = MathBuiltins.elementwise(name, what, { dual(Dual($0)).value }, domain: domain, domainText: domainText)
        if let activation { builtin = builtin.denoting(activation) }
        return MathFunction(name: name, builtin: builtin, differentiable: .unary(dual))
    }

    /// A function of a list in cells; in a formula, `binary` (when given) combines two terms, as
    /// `min(w, 1)`.
    static func reduction(
        _ name: String, _ what: String, needsElements: Bool = false, _ function: @escaping @Sendable ([Double]) -> Double,
        binary: (@Sendable (Dual, Dual) -> Dual)? = nil
    ) -> MathFunction {
        MathFunction(
            name: name, builtin: MathBuiltins.reduction(name, what, needsElements: needsElements, function),
            differentiable: binary.map { .binary($0) })
    }

    static let all: [MathFunction] = [
        elementwise("abs", "absolute value", Dual.abs),
        elementwise("sqrt", "square root", Dual.sqrt, domain: { $0 >= 0 }, domainText: "≥ 0"),
        elementwise("log", "natural logarithm", Dual.log, domain: { $0 > 0 }, domainText: "> 0"),
        elementwise("exp", "exponential", Dual.exp),
        elementwise("sign", "sign (-1, 0 or 1)", Dual.sign),
        // Activations; also what `mlp(activation:)` takes.
        elementwise("relu", "rectified linear unit, max(0, x)", Dual.relu, activation: .relu),
        elementwise("tanh", "hyperbolic tangent", Dual.tanh, activation: .tanh),
        elementwise("sigmoid", "logistic function 1/(1 + e^−x)", Dual.sigmoid, activation: .sigmoid),
        reduction("sum", "sum") { $0.reduce(0, +) },
        reduction("mean", "arithmetic mean", needsElements: true) { $0.reduce(0, +) / Double($0.count) },
        reduction("min", "smallest element", needsElements: true, { $0.min()! }, binary: Dual.min),
        reduction("max", "largest element", needsElements: true, { $0.max()! }, binary: Dual.max),
    ]

    /// The functions by name.
    static let named: [String: MathFunction] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The names a penalty formula can call, sorted.
    static let differentiableNames: [String] = all.filter { $0.differentiable != nil }.map(\.name).sorted()
}
