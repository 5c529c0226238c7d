import RegulaLearning

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
        if options.tolerance != standard.tolerance { notes.append("tolerance \(formatted(options.tolerance))") }
        return notes.isEmpty ? "" : " (\(notes.joined(separator: ", ")))"
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
