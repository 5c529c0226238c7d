/// How much noise a synthetic regression target gets.
public enum NoiseLevel: Equatable, Sendable {
    /// Gaussian noise with this standard deviation.
    case standardDeviation(Double)
    /// Noise scaled so that Var(Xβ) / Var(noise) equals this ratio (Friedman et al. use 3).
    case signalToNoise(Double)
}

/// Synthetic datasets with a known truth. Every draw comes from one seeded `RandomSource`.
public enum Synthetic {
    /// Gaussian features with equal pairwise correlation `correlation`, on the design of
    /// Friedman, Hastie and Tibshirani (2010): coefficients βⱼ = (−1)ʲ·exp(−2(j−1)/20), or, when
    /// `informative` is given, that many nonzero coefficients (magnitude 1 to 2, random sign)
    /// at random positions and zeros elsewhere.
    public static func regression(
        samples: Int, features: Int, informative: Int? = nil, noise: NoiseLevel = .signalToNoise(3),
        correlation: Double = 0, seed: Int
    ) throws(LearningError) -> Dataset {
        var random = RandomSource(seed: seed)
        let (x, truth) = try design(samples: samples, features: features, informative: informative, correlation: correlation, random: &random)
        let signal = x.times(truth)
        let deviation: Double
        switch noise {
        case .standardDeviation(let value):
            try require(value >= 0, "the noise", value, "at least 0")
            deviation = value
        case .signalToNoise(let ratio):
            try require(ratio > 0, "the signal-to-noise ratio", ratio, "positive")
            // βᵀΣβ for Σ = (1−ρ)I + ρ11ᵀ.
            let variance = (1 - correlation) * truth.reduce(0) { $0 + $1 * $1 } + correlation * truth.total * truth.total
            deviation = (variance / ratio).squareRoot()
        }
        let target = signal.map { $0 + deviation * random.normal() }
        return Dataset(features: x, target: target, truth: truth, title: "synthetic regression")
    }

    /// A logistic classification problem with a sparse truth: P(y = 1) = σ(Xβ).
    public static func classification(
        samples: Int, features: Int, informative: Int, correlation: Double = 0, seed: Int
    ) throws(LearningError) -> Dataset {
        var random = RandomSource(seed: seed)
        let (x, truth) = try design(samples: samples, features: features, informative: informative, correlation: correlation, random: &random)
        let target = x.times(truth).map { random.uniform() < 1 / (1 + exp(-$0)) ? 1.0 : 0.0 }
        return Dataset(features: x, target: target, task: .classification(classes: 2), truth: truth, title: "synthetic classification")
    }

    /// The truth and then the features, drawn in that order from `random`.
    static func design(
        samples: Int, features: Int, informative: Int?, correlation: Double, random: inout RandomSource
    ) throws(LearningError) -> (Matrix, [Double]) {
        try require(samples >= 2, "samples", Double(samples), "at least 2")
        try require(features >= 1, "features", Double(features), "at least 1")
        try require(correlation >= 0 && correlation < 1, "the correlation", correlation, "in [0, 1)")
        // The features and their standardized copy.
        try MemoryBudget.check("a dataset of \(samples) samples × \(features) features", counts: [samples, features], bytesEach: 16)
        // 10⁸ values are 800 MB: beyond that a typo (an extra zero or two) would exhaust memory.
        try require(Double(samples) * Double(features) <= 1e8, "samples × features", Double(samples) * Double(features), "at most 100000000")
        let truth = try coefficients(features: features, informative: informative, random: &random)
        return (correlatedGaussian(samples: samples, features: features, correlation: correlation, random: &random), truth)
    }

    static func coefficients(features: Int, informative: Int?, random: inout RandomSource) throws(LearningError) -> [Double] {
        guard let informative else {
            return (1...features).map { j in (j % 2 == 0 ? 1.0 : -1.0) * exp(-2 * Double(j - 1) / 20) }
        }
        try require(informative >= 0 && informative <= features, "informative", Double(informative), "between 0 and the number of features (\(features))")
        var truth = [Double](repeating: 0, count: features)
        for j in random.permutation(features).prefix(informative) {
            truth[j] = (random.uniform() < 0.5 ? -1.0 : 1.0) * (1 + random.uniform())
        }
        return truth
    }

    /// Xᵢⱼ = √(1−ρ)·Zᵢⱼ + √ρ·Uᵢ: unit variances and pairwise correlation ρ.
    static func correlatedGaussian(samples: Int, features: Int, correlation: Double, random: inout RandomSource) -> Matrix {
        var x = Matrix(rows: samples, columns: features)
        let own = (1 - correlation).squareRoot(), shared = correlation.squareRoot()
        for i in 0..<samples {
            let common = random.normal()
            for j in 0..<features { x[i, j] = own * random.normal() + shared * common }
        }
        return x
    }
}

/// The two-dimensional classification sets that TensorFlow Playground made familiar.
public enum PlaygroundShape: String, CaseIterable, Sendable {
    case circle, xor, gaussians, spiral
}

extension Synthetic {
    /// `samples` points in the plane with labels 0 and 1 (half each), with Gaussian noise of
    /// standard deviation `noise` added to the coordinates.
    public static func playground(_ shape: PlaygroundShape, samples: Int, noise: Double = 0.1, seed: Int) throws(LearningError) -> Dataset {
        try require(samples >= 2 && samples <= 10_000_000, "samples", Double(samples), "between 2 and 10000000")
        try require(noise >= 0, "the noise", noise, "at least 0")
        var random = RandomSource(seed: seed)
        var rows: [[Double]] = []
        var labels: [Double] = []
        for i in 0..<samples {
            let label = i % 2
            let point: (Double, Double)
            switch shape {
            case .circle:
                let radius = label == 0 ? 2.5 * random.uniform() : 3.5 + 1.5 * random.uniform()
                let angle = 2 * Double.pi * random.uniform()
                point = (radius * cos(angle), radius * sin(angle))
            case .xor:
                var a = 10 * random.uniform() - 5, b = 10 * random.uniform() - 5
                a += a > 0 ? 0.3 : -0.3
                b += b > 0 ? 0.3 : -0.3
                // Label 1 where the signs differ; flip one coordinate to match the label drawn.
                if (a * b < 0) != (label == 1) { b = -b }
                point = (a, b)
            case .gaussians:
                let center = label == 0 ? -2.0 : 2.0
                point = (center + random.normal(), center + random.normal())
            case .spiral:
                let t = 1.75 * Double(i / 2) / Double(max(samples / 2, 1)) * 2 * Double.pi
                let radius = 5 * Double(i / 2) / Double(max(samples / 2, 1))
                let angle = t + (label == 0 ? 0 : Double.pi)
                point = (radius * sin(angle), radius * cos(angle))
            }
            rows.append([point.0 + noise * random.normal(), point.1 + noise * random.normal()])
            labels.append(Double(label))
        }
        return Dataset(
            features: Matrix(rowArrays: rows), target: labels, featureNames: ["x1", "x2"], targetName: "class",
            task: .classification(classes: 2), title: shape.rawValue)
    }
}
