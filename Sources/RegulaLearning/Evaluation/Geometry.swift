/// A two-dimensional quadratic loss ½·(w − c)ᵀΣ(w − c) with Σ = [[1, ρ], [ρ, 1]]: the picture
/// of a least-squares loss near its minimum, for the geometry of L1 and L2 constraints.
public struct QuadraticLoss: Sendable, Equatable {
    public let center: [Double]
    public let correlation: Double

    public init(center: [Double], correlation: Double) throws(LearningError) {
        guard center.count == 2 else { throw .shapeMismatch("a center of \(center.count) numbers", "2 (the picture is in the plane)") }
        try require(correlation > -1 && correlation < 1, "the correlation", correlation, "between -1 and 1 (exclusive)")
        self.center = center
        self.correlation = correlation
    }

    public func value(_ w: [Double]) -> Double {
        let d0 = w[0] - center[0], d1 = w[1] - center[1]
        return (d0 * d0 + 2 * correlation * d0 * d1 + d1 * d1) / 2
    }

    func gradient(_ w: [Double]) -> [Double] {
        let d0 = w[0] - center[0], d1 = w[1] - center[1]
        return [d0 + correlation * d1, correlation * d0 + d1]
    }

    /// The level set {w : loss(w) = level}, an ellipse, as `count` points (closed).
    public func contour(level: Double, count: Int = 120) -> [(x: Double, y: Double)] {
        // Σ's eigenvectors are (1, 1)/√2 and (1, −1)/√2 with eigenvalues 1 ± ρ.
        let radius = (2 * max(level, 0)).squareRoot(), s = 0.5.squareRoot()
        let a = radius / (1 + correlation).squareRoot(), b = radius / (1 - correlation).squareRoot()
        return (0...count).map { k in
            let t = 2 * Double.pi * Double(k) / Double(count)
            let u = a * cos(t), v = b * sin(t)
            return (center[0] + s * (u + v), center[1] + s * (u - v))
        }
    }

    /// The minimizer over the ball ‖w‖ ≤ radius of the given norm, by projected gradient descent.
    public func constrainedMinimum(_ norm: ConstraintNorm, radius: Double) throws(LearningError) -> [Double] {
        try require(radius > 0 && radius.isFinite, "the radius", radius, "a finite number greater than 0")
        var w = norm.project(center, radius: radius)
        let step = 1 / (1 + Swift.abs(correlation))
        for _ in 0..<20_000 {
            let g = gradient(w)
            let next = norm.project([w[0] - step * g[0], w[1] - step * g[1]], radius: radius)
            if next == w { break }
            w = next
        }
        return w
    }
}

/// The two balls of the geometry picture.
public enum ConstraintNorm: String, Sendable, CaseIterable {
    case l1, l2

    /// The Euclidean projection onto {‖w‖ ≤ radius}. For L1, Duchi et al. (2008): soft
    /// thresholding by the θ that lands on the diamond, which sets small coordinates to exactly 0.
    public func project(_ w: [Double], radius: Double) -> [Double] {
        switch self {
        case .l2:
            let norm = w.l2Norm
            return norm <= radius ? w : w.map { $0 * radius / norm }
        case .l1:
            guard w.l1Norm > radius else { return w }
            let sorted = w.map(Swift.abs).sorted(by: >)
            var total = 0.0, theta = 0.0
            for (index, value) in sorted.enumerated() {
                total += value
                let candidate = (total - radius) / Double(index + 1)
                if value > candidate { theta = candidate }
            }
            return w.map { softThreshold($0, theta) }
        }
    }

    /// The ball's boundary as a closed polyline.
    public func boundary(radius: Double, count: Int = 120) -> [(x: Double, y: Double)] {
        switch self {
        case .l1: return [(radius, 0), (0, radius), (-radius, 0), (0, -radius), (radius, 0)]
        case .l2:
            return (0...count).map { k in
                let t = 2 * Double.pi * Double(k) / Double(count)
                return (radius * cos(t), radius * sin(t))
            }
        }
    }
}
