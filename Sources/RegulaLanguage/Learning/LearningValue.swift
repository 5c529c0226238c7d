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

/// How `fit` optimizes: glmnet's coordinate descent, or epochs of an optimizer.
public enum OptimizerSpecification: Sendable {
    case coordinateDescent
    case training(OptimizerBox)

    var name: String {
        switch self {
        case .coordinateDescent: "coordinateDescent()"
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
    /// Per-epoch training loss, for fits by an optimizer.
    public var losses: [Double]
    public var network: Network?
}

/// A regularization path with what made it, so `crossValidate` can refit it fold by fold.
public struct PathResult: Sendable {
    public var path: RegularizationPath
    public var data: Dataset
    public var penalty: PenaltyFamily
    public var family: Family
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
        }
    }

    var description: String {
        switch self {
        case let .dataset(data):
            "\(data.title): \(data.sampleCount) samples × \(data.featureCount) features, target \(data.targetName)"
        case let .penalty(penalty): "\(penalty)"
        case let .model(model): model.name
        case let .optimizer(optimizer): optimizer.name
        case let .fit(fit):
            "\(fit.model) fit by \(fit.method), penalty \(fit.penalty): \(fit.coefficients.count - fit.coefficients.exactZeroCount) nonzero of \(fit.coefficients.count), objective \(Value.format(fit.objective))"
        case let .path(result):
            "\(result.path.penaltyName) path: \(result.path.lambdas.count) λ from \(Value.format(result.path.lambdas.first ?? 0)) to \(Value.format(result.path.lambdas.last ?? 0))"
        case let .crossValidation(cv):
            "\(cv.folds)-fold cross-validation of the \(cv.path.penaltyName): λ_min = \(Value.format(cv.lambdaMin)), λ_1se = \(Value.format(cv.lambda1se))"
        case let .network(box):
            "\(box.kind) model with \(box.network.sizes[0]) inputs: \(box.network.weights.count - box.network.weights.exactZeroCount) nonzero of \(box.network.weights.count) weights"
        case let .log(log):
            "log of \(log.rowCount) rows: \(log.columns.joined(separator: ", "))"
        }
    }
}

extension LearningError {
    /// The language's error for an engine error, pointing at `range`.
    func regulaError(at range: SourceRange) -> RegulaError {
        let kind: RegulaError.Kind = switch self {
        case .shapeMismatch: .shape
        case .interrupted: .interrupted
        case .diverged: .training
        default: .value
        }
        return RegulaError(kind, description, at: range)
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
