/// k-fold cross-validation of a regularization path, as cv.glmnet does it: the path on all the
/// data fixes the λ grid; each fold's path is fitted on the other folds over that grid and
/// scored on the fold left out (mean squared error, or binomial deviance for logistic models).
public struct CrossValidation: Sendable {
    /// The path fitted on all the data.
    public let path: RegularizationPath
    /// The mean held-out error per λ (weighted by fold size).
    public let meanError: [Double]
    /// Its standard error per λ.
    public let standardError: [Double]
    /// The number of folds.
    public let folds: Int
    /// "mean squared error" or "binomial deviance".
    public let measure: String
    /// The index of the λ with the smallest mean error.
    public let indexMin: Int
    /// The index of the largest λ whose mean error is within one standard error of the minimum.
    public let index1se: Int

    public var lambdas: [Double] { path.lambdas }
    public var lambdaMin: Double { path.lambdas[indexMin] }
    public var lambda1se: Double { path.lambdas[index1se] }
}

extension CrossValidation {
    /// Cross-validates `penalty` on `data` with `folds` seeded folds; `progress` is told after each
    /// fold (the full path first, then fold by fold), with the fold's smallest held-out error.
    public init(
        _ data: Dataset, family: Family, penalty: PenaltyFamily, options: SolverOptions = SolverOptions(),
        folds: Int = 10, seed: Int, lambdas given: [Double]? = nil, count: Int = 100, ratio: Double? = nil,
        progress: ((Int, Int, Double?) -> Void)? = nil
    ) throws(LearningError) {
        try self.init(
            data, family: family, penalty: penalty, options: options, assignment: data.foldAssignment(folds, seed: seed),
            lambdas: given, count: count, ratio: ratio, progress: progress)
    }

    /// Cross-validates with the folds given: sample i is held out in fold `assignment[i]`, folds
    /// numbered from 0 with none empty (cv.glmnet's `foldid` minus 1).
    public init(
        _ data: Dataset, family: Family, penalty: PenaltyFamily, options: SolverOptions = SolverOptions(),
        assignment: [Int], lambdas given: [Double]? = nil, count: Int = 100, ratio: Double? = nil,
        progress: ((Int, Int, Double?) -> Void)? = nil
    ) throws(LearningError) {
        guard assignment.count == data.sampleCount else {
            throw .shapeMismatch("\(assignment.count) fold numbers", "\(data.sampleCount) samples")
        }
        let folds = (assignment.max() ?? -1) + 1
        // A stray fold number must not size an allocation: at most one fold per sample.
        try require(folds <= assignment.count, "the largest fold number", Double(folds - 1), "less than the number of samples")
        var sizes = [Double](repeating: 0, count: max(folds, 0))
        for fold in assignment {
            try require(fold >= 0, "a fold number", Double(fold), "at least 0")
            sizes[fold] += 1
        }
        try require(folds >= 2, "the number of folds", Double(folds), "at least 2")
        if let empty = sizes.firstIndex(of: 0) { throw .invalidInput("fold \(empty) of \(folds) has no samples") }
        let solver = try PenalizedRegression(data, family: family, options: options)
        let path = try solver.path(penalty, lambdas: given, count: count, ratio: ratio, featureNames: data.featureNames)
        progress?(1, folds + 1, nil)
        var errors: [[Double]] = []
        for fold in 0..<folds {
            let heldOut = assignment.indices.filter { assignment[$0] == fold }
            // Filled missing values are refilled from the fold's training rows: no leakage.
            let (training, test) = data.partition(training: assignment.indices.filter { assignment[$0] != fold }, test: heldOut)
            // Every fold is fitted at every λ of the grid, as cv.glmnet does (certified near
            // separation too: see LogisticNewton.swift).
            let foldPath = try PenalizedRegression(training, family: family, options: options)
                .path(penalty, lambdas: path.lambdas, ending: .never)
            let fits = foldPath.fits
            errors.append(fits.map { fit in
                let eta = test.features.times(fit.coefficients).map { $0 + fit.intercept }
                switch family {
                case .gaussian: return Metrics.meanSquaredError(eta, test.target)
                case .logistic: return Self.binomialDeviance(eta, test.target)
                }
            })
            progress?(fold + 2, folds + 1, errors[errors.count - 1].min())
        }
        let totalSize = sizes.total
        var mean: [Double] = [], standard: [Double] = []
        for index in path.lambdas.indices {
            let m = zip(errors, sizes).reduce(0) { $0 + $1.0[index] * $1.1 } / totalSize
            let variance = zip(errors, sizes).reduce(0) { $0 + ($1.0[index] - m) * ($1.0[index] - m) * $1.1 } / totalSize
            mean.append(m)
            standard.append((variance / Double(folds - 1)).squareRoot())
        }
        let indexMin = mean.indices.min { mean[$0] < mean[$1] }!
        let bound = mean[indexMin] + standard[indexMin]
        let index1se = mean.indices.first { mean[$0] <= bound }!
        self.init(
            path: path, meanError: mean, standardError: standard, folds: folds,
            measure: family == .gaussian ? "mean squared error" : "binomial deviance",
            indexMin: indexMin, index1se: index1se)
    }

    /// cv.glmnet's binomial deviance, −2·mean(y·log p + (1 − y)·log(1 − p)), with the predicted
    /// probabilities clipped to [1e-5, 1 − 1e-5] as cv.glmnet clips them: one confidently wrong
    /// held-out sample then costs at most 2·log(1e5) ≈ 23, not up to 69 (log-loss's 1e-15 clip).
    static func binomialDeviance(_ eta: [Double], _ target: [Double]) -> Double {
        let bound = 1e-5
        let probabilities = eta.map { min(max(1 / (1 + exp(-$0)), bound), 1 - bound) }
        return 2 * Metrics.logLoss(probabilities: probabilities, target)
    }
}
