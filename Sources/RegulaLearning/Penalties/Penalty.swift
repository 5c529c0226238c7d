/// A penalty on each weight, P(w), summed over the penalized weights. Everything a solver
/// needs is here: the value, a (sub)gradient, and the proximal operator
/// prox(w, t) = argminₓ (x − w)²/(2t) + P(x). Solvers use only this interface, so a penalty
/// defined by a formula in the language works wherever a built-in one does.
///
/// A penalty has no text here: how one is written (`l1(0.5)`) belongs to the language that
/// makes it, and the engine's messages say "the penalty".
public protocol Penalty: Sendable {
    /// P(w).
    func value(_ weight: Double) -> Double
    /// A subgradient of P at w; at a kink, the one of least magnitude (0 for L1 at 0).
    func derivative(_ weight: Double) -> Double
    /// argminₓ (x − w)²/(2·step) + P(x).
    func proximal(_ weight: Double, step: Double) -> Double
    /// P(w) = a·|w| + b·w² with these (a, b), when the penalty has that form (L1, L2, elastic
    /// net and their sums and scalings); nil otherwise. Gives closed-form proximal steps.
    var elasticForm: (l1: Double, l2: Double)? { get }
    /// The largest |z| for which 0 minimizes z·x... that is, the size of P's subdifferential at
    /// 0: w = 0 is stationary when the loss gradient is at most this. Nil when not known.
    var thresholdAtZero: Double? { get }
    /// Whether `proximal` is computed in closed form (to rounding), not by a numeric search:
    /// certificates of penalties without one allow for the search's precision.
    var hasExactProximal: Bool { get }

    // The vector forms are requirements (with default implementations below) so that a call
    // through `any Penalty` dispatches once per vector, and the loop inside is specialized
    // for the concrete penalty, not once per weight. They take `factors` without a default on
    // purpose: a defaulted overload in an extension would be chosen instead, and it is not
    // specialized (bench/penalty_cost.py measured the difference).

    /// Σ factorⱼ·P(wⱼ); a factor of 0 leaves a weight unpenalized.
    func value(of weights: [Double], factors: [Double]?) -> Double
    /// Adds factorⱼ·P′(wⱼ) to `gradient`.
    func addDerivative(of weights: [Double], factors: [Double]?, to gradient: inout [Double])
    /// Applies the proximal step to every weight, with step·factorⱼ.
    func applyProximal(to weights: inout [Double], step: Double, factors: [Double]?)
}

extension Penalty {
    public var elasticForm: (l1: Double, l2: Double)? { nil }
    public var thresholdAtZero: Double? { elasticForm.map { $0.l1 } }
    public var hasExactProximal: Bool { elasticForm != nil }

    public func value(of weights: [Double], factors: [Double]?) -> Double {
        var total = 0.0
        if let factors {
            for (j, w) in weights.enumerated() { total += factors[j] * value(w) }
        } else {
            for w in weights { total += value(w) }
        }
        return total
    }

    public func addDerivative(of weights: [Double], factors: [Double]?, to gradient: inout [Double]) {
        precondition(gradient.count == weights.count)
        gradient.withUnsafeMutableBufferPointer { g in
            weights.withUnsafeBufferPointer { w in
                if let factors {
                    for j in w.indices { g[j] += factors[j] * derivative(w[j]) }
                } else {
                    for j in w.indices { g[j] += derivative(w[j]) }
                }
            }
        }
    }

    public func applyProximal(to weights: inout [Double], step: Double, factors: [Double]?) {
        weights.withUnsafeMutableBufferPointer { w in
            if let factors {
                for j in w.indices { w[j] = proximal(w[j], step: step * factors[j]) }
            } else {
                for j in w.indices { w[j] = proximal(w[j], step: step) }
            }
        }
    }
}

/// Soft thresholding: sign(w)·max(|w| − t, 0), the proximal step of t·|w|.
@inline(__always)
public func softThreshold(_ w: Double, _ t: Double) -> Double {
    w > t ? w - t : (w < -t ? w + t : 0)
}

/// The proximal step of a·|x| + b·x² in closed form: soft threshold, then shrink.
@inline(__always)
public func elasticProximal(_ w: Double, step: Double, l1: Double, l2: Double) -> Double {
    softThreshold(w, step * l1) / (1 + 2 * step * l2)
}

/// A robust proximal step for any penalty that is even and nondecreasing in |x| (every
/// penalty here): the minimizer lies between 0 and w, so scan that interval, then refine
/// the best cell by golden-section search, and keep 0 or w if either is better.
///
/// With `derivative`, the result is then polished by bisection on the stationarity condition
/// (x − w)/step + P′(x) = 0: a search on values alone stops at about √ε relative precision.
public func numericProximal(
    _ w: Double, step: Double, penalty value: (Double) -> Double, derivative: ((Double) -> Double)? = nil
) -> Double {
    guard step > 0, w != 0, w.isFinite else { return w }
    func objective(_ x: Double) -> Double { (x - w) * (x - w) / (2 * step) + value(x) }
    let cells = 64
    var best = 0.0, bestValue = objective(0)
    for k in 1...cells {
        let x = w * Double(k) / Double(cells)
        let v = objective(x)
        if v < bestValue { best = x; bestValue = v }
    }
    // Golden section on the two cells around the best grid point.
    let width = Swift.abs(w) / Double(cells)
    var lower = best - width, upper = best + width
    if w > 0 { lower = max(lower, 0); upper = min(upper, w) } else { lower = max(lower, w); upper = min(upper, 0) }
    let ratio = (5.0.squareRoot() - 1) / 2
    var a = lower, b = upper
    var c = b - ratio * (b - a), d = a + ratio * (b - a)
    var fc = objective(c), fd = objective(d)
    for _ in 0..<100 where b - a > 1e-15 * max(1, Swift.abs(w)) {
        if fc < fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = objective(c) }
        else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = objective(d) }
    }
    var refined = (a + b) / 2
    if let derivative {
        func slope(_ x: Double) -> Double { (x - w) / step + derivative(x) }
        var low = max(lower, refined - 1e-6 * max(1, Swift.abs(w))), high = min(upper, refined + 1e-6 * max(1, Swift.abs(w)))
        if slope(low) < 0, slope(high) > 0 {
            for _ in 0..<200 where high - low > 0 {
                let middle = (low + high) / 2
                if middle == low || middle == high { break }
                if slope(middle) < 0 { low = middle } else { high = middle }
            }
            if objective((low + high) / 2) <= objective(refined) { refined = (low + high) / 2 }
        }
    }
    for candidate in [refined, 0, w] where objective(candidate) < bestValue {
        best = candidate
        bestValue = objective(candidate)
    }
    return best
}
