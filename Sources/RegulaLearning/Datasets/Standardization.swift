/// Centering and scaling of feature columns the way glmnet does it (population standard
/// deviation, divisor n), kept so coefficients can be reported in the original units.
public struct Standardization: Equatable, Sendable {
    /// The column means.
    public let means: [Double]
    /// The column standard deviations (1 for a constant column, which centering makes 0; without
    /// an intercept it is not centered and keeps its value, unlike glmnet, which drops it).
    public let scales: [Double]

    /// Measures the columns of `features`.
    public init(of features: Matrix) {
        let n = Double(max(features.rows, 1))
        var means = [Double](repeating: 0, count: features.columns)
        var scales = [Double](repeating: 1, count: features.columns)
        features.storage.withUnsafeBufferPointer { elements in
            for j in 0..<features.columns {
                let column = UnsafeBufferPointer(rebasing: elements[(j * features.rows)..<((j + 1) * features.rows)])
                let mean = column.reduce(0, +) / n
                let squares = column.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
                let deviation = (squares / n).squareRoot()
                means[j] = mean
                scales[j] = deviation > 0 ? deviation : 1
            }
        }
        self.means = means
        self.scales = scales
    }

    /// `features` centered and scaled by these statistics.
    public func apply(to features: Matrix) -> Matrix {
        var result = features
        let rows = features.rows
        result.storage.withUnsafeMutableBufferPointer { elements in
            for j in 0..<features.columns {
                let mean = means[j], scale = scales[j]
                for i in (j * rows)..<((j + 1) * rows) { elements[i] = (elements[i] - mean) / scale }
            }
        }
        return result
    }

    /// Coefficients and intercept fitted on standardized features, in the original units.
    public func originalUnits(coefficients: [Double], intercept: Double) -> (coefficients: [Double], intercept: Double) {
        let original = zip(coefficients, scales).map { $0 / $1 }
        let shift = zip(original, means).reduce(0) { $0 + $1.0 * $1.1 }
        return (original, intercept - shift)
    }
}

extension Dataset {
    /// The dataset with standardized features, and the statistics used. The truth, if any,
    /// is rescaled so that it still generates the same target.
    public func standardized() -> (data: Dataset, standardization: Standardization) {
        let standardization = Standardization(of: features)
        var result = self
        result.features = standardization.apply(to: features)
        if let truth { result.truth = zip(truth, standardization.scales).map { $0 * $1 } }
        return (result, standardization)
    }
}
