/// The prior density p(w) ∝ exp(−P(w)): the L1 penalty's is Laplace, L2's Gaussian, and a
/// penalized fit is the MAP estimate under it.
public struct Prior: Sendable {
    public let penalty: any Penalty
    /// ∫ exp(−P(w)) dw, computed numerically.
    public let normalizer: Double

    /// The subintervals of Simpson's rule: with the tails cut where P ≥ 40, the relative error
    /// on the Laplace and Gaussian densities is below 1e-12.
    static let intervals = 20_000

    /// Throws `invalidInput` (the message begins "the penalty …") when exp(−P) has no finite
    /// integral: a penalty that stops growing (MCP, SCAD, L0) gives it a flat tail.
    public init(_ penalty: any Penalty) throws(LearningError) {
        if penalty.value(1000) - penalty.value(100) < 1 {
            throw .invalidInput("the penalty levels off for large weights, so exp(−P(w)) does not integrate: it has no proper prior")
        }
        // [−L, L] where P(L) ≥ 40: the tails beyond hold less than e^−40 of the mass.
        var limit = 1.0
        while penalty.value(limit) < 40, limit < 1e6 { limit *= 2 }
        do {
            normalizer = try simpsonIntegral(of: { exp(-penalty.value($0)) }, from: -limit, to: limit, intervals: Self.intervals)
        } catch {
            throw .invalidInput("the penalty's prior exp(−P(w)) cannot be integrated: \(error)")
        }
        self.penalty = penalty
    }

    /// p(w) = exp(−P(w)) / ∫ exp(−P).
    public func density(_ w: Double) -> Double { exp(-penalty.value(w)) / normalizer }
}
