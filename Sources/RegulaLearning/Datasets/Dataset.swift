/// What a dataset's target is.
public enum TargetKind: Equatable, Sendable {
    /// A real-valued target.
    case regression
    /// Class labels 0, 1, …, classes − 1 stored as doubles.
    case classification(classes: Int)
}

/// Samples in rows, features in columns, one target per sample, and, for synthetic data, the
/// truth that generated it. A value type: splitting or standardizing makes a new dataset.
public struct Dataset: Equatable, Sendable {
    /// The design matrix, samples × features.
    public var features: Matrix
    /// One target per sample.
    public var target: [Double]
    /// A name per feature column.
    public var featureNames: [String]
    /// The target's name.
    public var targetName: String
    /// Regression or classification.
    public var task: TargetKind
    /// The coefficients that generated synthetic data, in the scale of `features`.
    public var truth: [Double]?
    /// A short description for displays ("synthetic regression", "diabetes", a file name).
    public var title: String
    /// For data that comes with its own train/test split (the prostate data), true for the
    /// samples its authors used for training.
    public var designatedTraining: [Bool]?
    /// What was done to the data on its way in (rows dropped, columns encoded, values filled),
    /// one sentence each, for its display.
    public var notes: [String] = []
    /// The cells filled in for missing values, refilled from the training part when split.
    public var imputation: Imputation?

    public init(
        features: Matrix, target: [Double], featureNames: [String]? = nil, targetName: String = "y",
        task: TargetKind = .regression, truth: [Double]? = nil, title: String = "data"
    ) {
        precondition(features.rows == target.count, "\(features.rows) rows but \(target.count) targets")
        self.features = features
        self.target = target
        self.featureNames = featureNames ?? (0..<features.columns).map { "x\($0 + 1)" }
        self.targetName = targetName
        self.task = task
        self.truth = truth
        self.title = title
    }

    /// The number of samples.
    public var sampleCount: Int { features.rows }
    /// The number of features.
    public var featureCount: Int { features.columns }

    /// The samples at `indices`, in that order.
    public func selecting(_ indices: [Int]) -> Dataset {
        var result = self
        result.features = features.selectingRows(indices)
        result.target = indices.map { target[$0] }
        result.designatedTraining = designatedTraining.map { flags in indices.map { flags[$0] } }
        result.imputation = imputation?.selecting(indices)
        return result
    }

    /// A seeded random split into a training part holding `fraction` of the samples and a test
    /// part; filled missing values are refilled from the training part (see `partition`).
    public func split(_ fraction: Double, seed: Int) throws(LearningError) -> (train: Dataset, test: Dataset) {
        try require(fraction > 0 && fraction < 1, "the split fraction", fraction, "between 0 and 1 (exclusive)")
        let trainCount = Int((fraction * Double(sampleCount)).rounded())
        guard trainCount > 0, trainCount < sampleCount else {
            throw .invalidInput("a split of \(formatted(fraction)) leaves one part of \(sampleCount) samples empty")
        }
        var random = RandomSource(seed: seed)
        let order = random.permutation(sampleCount)
        let parts = partition(training: Array(order[..<trainCount]).sorted(), test: Array(order[trainCount...]).sorted())
        return (parts.training, parts.test)
    }

    /// A seeded assignment of every sample to one of `count` folds of nearly equal size;
    /// element i is the fold (0-based) of sample i.
    public func foldAssignment(_ count: Int, seed: Int) throws(LearningError) -> [Int] {
        try require(count >= 2 && count <= sampleCount, "the number of folds", Double(count), "between 2 and the number of samples (\(sampleCount))")
        var random = RandomSource(seed: seed)
        var folds = [Int](repeating: 0, count: sampleCount)
        for (position, sample) in random.permutation(sampleCount).enumerated() { folds[sample] = position % count }
        return folds
    }

    /// The samples in a seeded random order, cut into batches of `size` (the last may be smaller).
    public func batches(_ size: Int, seed: Int) throws(LearningError) -> [[Int]] {
        try require(size >= 1, "the batch size", Double(size), "at least 1")
        var random = RandomSource(seed: seed)
        let order = random.permutation(sampleCount)
        return stride(from: 0, to: sampleCount, by: size).map { Array(order[$0..<min($0 + size, sampleCount)]) }
    }
}
