/// Measures of fit and of sparsity. Zeros are counted exactly (0.0), never "small".
public enum Metrics {
    /// Mean squared error.
    public static func meanSquaredError(_ predicted: [Double], _ actual: [Double]) -> Double {
        precondition(predicted.count == actual.count)
        return zip(predicted, actual).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } / Double(max(actual.count, 1))
    }

    /// The fraction of labels predicted exactly.
    public static func accuracy(_ predicted: [Double], _ actual: [Double]) -> Double {
        Double(zip(predicted, actual).filter { $0 == $1 }.count) / Double(max(actual.count, 1))
    }

    /// −(1/n)·Σ [y·log p + (1 − y)·log(1 − p)], with p clipped to [1e-15, 1 − 1e-15].
    public static func logLoss(probabilities: [Double], _ actual: [Double]) -> Double {
        var total = 0.0
        for (p, y) in zip(probabilities, actual) {
            let q = min(max(p, 1e-15), 1 - 1e-15)
            total -= y * log(q) + (1 - y) * log(1 - q)
        }
        return total / Double(max(actual.count, 1))
    }

    /// How many coefficients are exactly 0.0.
    public static func exactZeros(_ coefficients: [Double]) -> Int { coefficients.exactZeroCount }

    /// How many coefficients are not exactly 0.0.
    public static func nonzeros(_ coefficients: [Double]) -> Int { coefficients.count - coefficients.exactZeroCount }
}

/// Which of a known truth's nonzero coefficients an estimate found.
public struct SupportRecovery: Equatable, Sendable {
    /// Nonzero in both.
    public let truePositives: Int
    /// Nonzero in the estimate only.
    public let falsePositives: Int
    /// Nonzero in the truth only.
    public let falseNegatives: Int

    public init(estimated: [Double], truth: [Double]) throws(LearningError) {
        guard estimated.count == truth.count else {
            throw .shapeMismatch("\(estimated.count) estimated coefficients", "\(truth.count) true ones")
        }
        var tp = 0, fp = 0, fn = 0
        for (e, t) in zip(estimated, truth) {
            if e != 0 && t != 0 { tp += 1 } else if e != 0 { fp += 1 } else if t != 0 { fn += 1 }
        }
        truePositives = tp
        falsePositives = fp
        falseNegatives = fn
    }

    /// Of the features selected, the fraction that are truly nonzero (1 when none is selected).
    public var precision: Double { truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives) }
    /// Of the truly nonzero features, the fraction selected (1 when the truth is empty).
    public var recall: Double { truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives) }
}
