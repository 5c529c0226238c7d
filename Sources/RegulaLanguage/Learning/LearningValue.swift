import RegulaCharts
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
        if tolerance != Self.standard.tolerance { arguments.append("tolerance: \(Value.format(tolerance))") }
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
        case let .training(box): "\(box.initial.kind.name)(lr: \(Value.format(box.initial.learningRate)))"
        }
    }
}

// Training loops written out in cells mutate a model, an optimizer's state and a log that are
// bound with `let`, as objects are in Python; so these three are references. Cells run on one
// thread at a time, which is what makes the unchecked Sendable conformances sound.

/// An optimizer as the language holds it: its settings (what `fit` starts from) and the state
/// that `step` carries from call to call.
public final class OptimizerBox: @unchecked Sendable {
    public let initial: Optimizer
    public var current: Optimizer
    init(_ optimizer: Optimizer) {
        initial = optimizer
        current = optimizer
    }
}

/// A model instance that `step` trains in place.
public final class NetworkBox: @unchecked Sendable {
    public var network: Network
    public let kind: String
    init(_ network: Network, kind: String) {
        self.network = network
        self.kind = kind
    }
}

/// A log of named numbers, one row per `add`, for plots and tables of training curves.
public final class TrainingLog: @unchecked Sendable {
    public private(set) var columns: [String] = []
    public private(set) var values: [String: [Double]] = [:]
    public private(set) var rowCount = 0

    /// Appends a row; a column first seen now is empty (nan) in earlier rows, and a column
    /// missing from this row gets nan.
    func add(_ row: [(String, Double)]) {
        for (name, _) in row where values[name] == nil {
            columns.append(name)
            values[name] = Array(repeating: .nan, count: rowCount)
        }
        for name in columns { values[name]!.append(row.first { $0.0 == name }?.1 ?? .nan) }
        rowCount += 1
    }
}

/// A fitted model as the language shows it.
public struct FitResult: Sendable {
    public var model: String
    public var method: String
    public var penalty: String
    public var featureNames: [String]
    /// The first layer's weights for a network (inputs × first layer, flattened), else the coefficients.
    public var coefficients: [Double]
    public var intercept: Double
    public var objective: Double
    /// Per-epoch records (loss, exact zeros, norms), for fits by an optimizer.
    public var history: [EpochRecord] = []
    /// Every weight at the end of each epoch (epoch 0 first), for models of at most 200 weights.
    public var trajectories: [[Double]]?
    /// The coefficients that generated the data, when the data is synthetic.
    public var truth: [Double]?
    public var network: Network?
    /// The certificate of a fit by coordinate descent (nil for a trained model).
    public var certificate: Certificate?

    /// Per-epoch training loss.
    public var losses: [Double] { history.map(\.trainLoss) }
    /// Every weight of the model (a network's, all layers, without biases), or the coefficients.
    public var weights: [Double] { network?.weights ?? coefficients }
    public var weightCount: Int { weights.count }
    /// Names for `count` weights: the features' when there is one weight per feature, else w1, w2, …
    func weightNames(_ count: Int) -> [String] {
        count == featureNames.count ? featureNames : (0..<count).map { "w\($0 + 1)" }
    }
    /// Does the model give probabilities (logistic regression, or a network with a logistic loss)?
    public var isClassifier: Bool { model == "logistic" || network?.loss == .logistic }
}

/// A regularization path with what made it, so `crossValidate` can refit it fold by fold
/// with the same family, penalty and solver settings.
public struct PathResult: Sendable {
    public var path: RegularizationPath
    public var data: Dataset
    public var penalty: PenaltyFamily
    public var family: Family
    /// Standardization, intercept, penalty factors, tolerance and passes (not the interrupt check).
    public var options = SolverOptions()

    /// The settings that differ from `lassoPath`'s defaults, for its description.
    var settingsNote: String {
        var notes: [String] = []
        let standard = SolverOptions()
        if family == .logistic { notes.append("binomial") }
        if !options.fitsIntercept { notes.append("no intercept") }
        if !options.standardize { notes.append("not standardized") }
        if options.penaltyFactors != nil { notes.append("penalty factors") }
        if options.tolerance != standard.tolerance { notes.append("tolerance \(Value.format(options.tolerance))") }
        return notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
    }
}

/// The values the learning engine gives the language.
public enum LearningValue: Sendable {
    case dataset(Dataset)
    case penalty(any Penalty)
    case model(ModelSpecification)
    case optimizer(OptimizerSpecification)
    case fit(FitResult)
    case path(PathResult)
    case crossValidation(CrossValidation)
    case network(NetworkBox)
    case log(TrainingLog)
    /// `penalty.value` or `penalty.gradient`: callable like a function, and drawable by `plot`.
    case curve(PenaltyCurve)
    /// The prior density ∝ exp(−P(w)) whose MAP estimate the penalty gives.
    case prior(Prior)
    case quadratic(QuadraticLoss)
    case geometry(GeometryResult)
    /// The group lasso over a network's neurons or inputs: a penalty for training, not per weight.
    case groupPenalty(GroupPenalty)
    /// What `time` measured.
    case timing(Timing)

    var typeName: String {
        switch self {
        case .dataset: "Dataset"
        case .penalty: "Penalty"
        case .model: "Model"
        case .optimizer: "Optimizer"
        case .fit: "Fit"
        case .path: "Path"
        case .crossValidation: "CrossValidation"
        case .network: "Model"
        case .log: "Log"
        case .curve: "Function"
        case .prior: "Prior"
        case .quadratic: "Quadratic"
        case .geometry: "Geometry"
        case .groupPenalty: "GroupPenalty"
        case .timing: "Timing"
        }
    }

    var description: String {
        switch self {
        case let .dataset(data):
            "\(data.title): \(data.sampleCount) samples × \(data.featureCount) features, target \(data.targetName)"
        case let .penalty(penalty): spelled(penalty)
        case let .model(model): model.name
        case let .optimizer(optimizer): optimizer.name
        case let .fit(fit):
            "\(fit.model) fit by \(fit.method), penalty \(fit.penalty): \(fit.weights.count - fit.weights.exactZeroCount) nonzero of \(fit.weights.count), objective \(Value.format(fit.objective))"
        case let .path(result):
            "\(result.path.penaltyName) path\(result.settingsNote): \(result.path.lambdas.count) λ from \(Value.format(result.path.lambdas.first ?? 0)) to \(Value.format(result.path.lambdas.last ?? 0))"
        case let .crossValidation(cv):
            "\(cv.folds)-fold cross-validation of the \(cv.path.penaltyName): λ_min = \(NumberFormat.compact(cv.lambdaMin, significantDigits: 4)), λ_1se = \(NumberFormat.compact(cv.lambda1se, significantDigits: 4))"
        case let .network(box):
            "\(box.kind) model with \(box.network.sizes[0]) inputs: \(box.network.weights.count - box.network.weights.exactZeroCount) nonzero of \(box.network.weights.count) weights"
        case let .log(log):
            "log of \(log.rowCount) rows: \(log.columns.joined(separator: ", "))"
        case let .curve(curve): curve.name
        case let .prior(prior): prior.name
        case let .quadratic(loss):
            "quadratic loss centred at (\(loss.center.map { Value.format($0) }.joined(separator: ", "))), correlation \(Value.format(loss.correlation))"
        case let .geometry(result): result.description
        case let .groupPenalty(group): spelled(group)
        case let .timing(timing): "time of " + timing.names.joined(separator: ", ")
        }
    }
}

extension LearningError {
    /// The language's error for an engine error, pointing at `range`.
    func regulaError(at range: SourceRange) -> RegulaError {
        let kind: RegulaError.Kind = switch self {
        case .shapeMismatch: .shape
        case .interrupted: .interrupted
        case .diverged, .notCertified: .training
        case .tooLarge: .memory
        default: .value
        }
        var message = description
        if case .notCertified = self {
            // The engine names its options; the language spells them as the user writes them.
            message = message.replacing("raise maximumPasses, loosen the tolerance", with: "raise coordinateDescent(maxPasses:), loosen coordinateDescent(tolerance:)")
        }
        return RegulaError(kind, message, at: range)
    }
}

/// Runs engine code, turning its errors into the language's, at `range`.
func engine<T>(at range: SourceRange, _ body: () throws(LearningError) -> T) throws(RegulaError) -> T {
    do {
        return try body()
    } catch {
        throw error.regulaError(at: range)
    }
}

/// P(w) or P′(w) of a penalty, as a function of w.
public struct PenaltyCurve: Sendable {
    /// `threshold` is the proximal step with step 1: soft thresholding for L1, hard for L0,
    /// proportional shrinkage for L2.
    public enum Kind: String, Sendable { case value, gradient, threshold }
    public let penalty: any Penalty
    public let kind: Kind

    var name: String { "\(spelled(penalty)).\(kind.rawValue)" }

    func callAsFunction(_ w: Double) -> Double {
        switch kind {
        case .value: penalty.value(w)
        case .gradient: penalty.derivative(w)
        case .threshold: penalty.proximal(w, step: 1)
        }
    }

    private var summary: String {
        switch kind {
        case .value: "The penalty P(w)."
        case .gradient: "A subgradient P′(w) of the penalty (0 at a kink)."
        case .threshold: "The proximal step of the penalty with step 1: where a weight w lands."
        }
    }

    /// The built-in that calls it, of a number or of each element of a list.
    var builtin: Builtin {
        let curve = self
        return Builtin(
            name, signature: "\(name)(_ w: Number or List)",
            summary: summary,
            documentation: "Of a number, or of each element of a list.", example: "", parameters: [.positional("w")]
        ) { (call: inout Call) throws(RegulaError) -> Value in
            try call.value("w").mapNumbers(at: call.range(of: "w")) { curve($0) }
        }
    }
}

/// The cost per weight of penalties' values or gradients, as `time` measured it. Timings differ
/// from run to run; notebooks check the ratios rather than print them.
public struct Timing: Sendable {
    public let names: [String]
    public let nanoseconds: [Double]
    /// Each cost divided by the first.
    public var ratios: [Double] { nanoseconds.map { $0 / nanoseconds[0] } }
}
