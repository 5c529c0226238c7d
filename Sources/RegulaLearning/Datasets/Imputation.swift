/// Which feature cells of a dataset were missing and are filled with a column statistic, kept
/// so the fills can be recomputed from a training part alone: a split or a cross-validation
/// fold never lets the test rows' values into the numbers that fill the training rows, or its own.
public struct Imputation: Equatable, Sendable {
    /// The column statistic a fill takes.
    public enum Statistic: String, Sendable {
        case mean, median

        /// The statistic of `values` (not empty).
        func of(_ values: [Double]) -> Double {
            switch self {
            case .mean:
                return values.reduce(0, +) / Double(values.count)
            case .median:
                let sorted = values.sorted()
                let middle = sorted.count / 2
                return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            }
        }
    }

    /// The statistic every fill takes.
    public var statistic: Statistic
    /// For each feature column with fills, a flag per sample: true where the value is a fill.
    public var filled: [Int: [Bool]]

    /// The number of filled cells.
    public var filledCount: Int { filled.values.reduce(0) { $0 + $1.count { $0 } } }

    /// The flags of the samples at `indices`, in that order.
    func selecting(_ indices: [Int]) -> Imputation {
        Imputation(statistic: statistic, filled: filled.mapValues { flags in indices.map { flags[$0] } })
    }
}

extension Dataset {
    /// The dataset with every filled cell set to its column's statistic over the observed
    /// (unfilled) values of `reference` (this dataset when nil). A column with no observed value
    /// in `reference` keeps its fills.
    public func refilled(from reference: Dataset? = nil) -> Dataset {
        guard let imputation else { return self }
        let source = reference ?? self
        var result = self
        for (column, flags) in imputation.filled {
            let referenceFlags = source.imputation?.filled[column] ?? []
            let observed = (0..<source.sampleCount).filter { referenceFlags.isEmpty || !referenceFlags[$0] }.map { source.features[$0, column] }
            guard !observed.isEmpty else { continue }
            let fill = imputation.statistic.of(observed)
            for row in flags.indices where flags[row] { result.features[row, column] = fill }
        }
        return result
    }

    /// The samples at `training` and at `test` as two datasets; fills in both come from the
    /// training samples' observed values only.
    public func partition(training: [Int], test: [Int]) -> (training: Dataset, test: Dataset) {
        let trainingPart = selecting(training).refilled()
        return (trainingPart, selecting(test).refilled(from: trainingPart))
    }
}
