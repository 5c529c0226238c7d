/// Composite Simpson's rule: ∫ f from `lower` to `upper` with `intervals` subintervals (even), exact for
/// cubics and of error O(h⁴) for smooth integrands. The nodes are `lower + k·h`, so a caller
/// that sums the same nodes gets the same bits.
///
/// Throws when the interval is not finite or reversed, when the count is odd or below 2, and at
/// the first node where `f` is NaN or infinite (an integral through a pole is not a number).
public func simpsonIntegral(
    of f: (Double) -> Double, from lower: Double, to upper: Double, intervals: Int
) throws(NumericsError) -> Double {
    guard lower.isFinite, upper.isFinite, lower <= upper else { throw .invalidInterval(lower: lower, upper: upper) }
    guard intervals >= 2, intervals % 2 == 0 else { throw .invalidIntervals(intervals) }
    let h = (upper - lower) / Double(intervals)
    var total = 0.0
    for k in 0...intervals {
        let x = lower + Double(k) * h
        let value = f(x)
        guard value.isFinite else { throw .notFinite(point: x, value: value) }
        let weight = k == 0 || k == intervals ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0)
        total += weight * value
    }
    return total * h / 3
}
