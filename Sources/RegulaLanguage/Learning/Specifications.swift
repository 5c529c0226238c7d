import RegulaLearning

/// A model kind for `fit`: the convex models coordinate descent fits, or a network.
public enum ModelSpecification: Sendable {
    case linear
    case logistic
    case network(hidden: [Int], activation: Activation)

    var isLogistic: Bool {
        if case .logistic = self { return true }
        return false
    }

    var name: String {
        switch self {
        case .linear: "linear"
        case .logistic: "logistic"
        case let .network(hidden, activation): "mlp(hidden: [\(hidden.map(String.init).joined(separator: ", "))], activation: \(activation.rawValue))"
        }
    }
}

/// What `coordinateDescent(tolerance:, maxPasses:)` was given: the certificate a convex fit
/// must reach and the budget of passes. Defaults are the engine's (`SolverOptions`).
public struct CoordinateDescentSettings: Sendable, Equatable {
    public var tolerance = SolverOptions().tolerance
    public var maximumPasses = SolverOptions().maximumPasses

    public static let standard = CoordinateDescentSettings()

    /// The call that makes it, naming only the settings that differ from the defaults.
    var name: String {
        var arguments: [String] = []
        if tolerance != Self.standard.tolerance { arguments.append("tolerance: \(formatted(tolerance))") }
        if maximumPasses != Self.standard.maximumPasses { arguments.append("maxPasses: \(maximumPasses)") }
        return "coordinateDescent(\(arguments.joined(separator: ", ")))"
    }

    /// Engine options with these settings.
    func apply(to options: inout SolverOptions) {
        options.tolerance = tolerance
        options.maximumPasses = maximumPasses
    }
}

/// How `fit` optimizes: glmnet's coordinate descent, or epochs of an optimizer.
public enum OptimizerSpecification: Sendable {
    case coordinateDescent(CoordinateDescentSettings)
    case training(OptimizerBox)

    var name: String {
        switch self {
        case let .coordinateDescent(settings): settings.name
        case let .training(box): "\(box.initial.kind.name)(lr: \(formatted(box.initial.learningRate)))"
        }
    }
}
