/// A root of `f` between `lower` and `upper` by bisection, when `f` changes sign over it.
///
/// Each step halves the bracket, so it ends after at most `maximumSteps` steps (200 take any
/// finite bracket of Doubles down to adjacent numbers) or when the bracket is within
/// `relativeTolerance`·max(1, |lower end|); it returns the midpoint then, or a point where `f`
/// is exactly 0. A kink or a jump inside the bracket is fine: bisection needs only the signs.
/// Throws when the ends do not bracket a sign change, and when `f` is NaN or infinite at an
/// end or at a midpoint (a sign there means nothing).
public func bisectionRoot(
    of f: (Double) -> Double, from lower: Double, to upper: Double, relativeTolerance: Double = 1e-15, maximumSteps: Int = 200
) throws(NumericsError) -> Double {
    var (a, b) = (lower, upper)
    guard a.isFinite, b.isFinite, a <= b else { throw .invalidInterval(lower: a, upper: b) }
    var fa = f(a)
    let fb = f(b)
    guard fa.isFinite else { throw .notFinite(point: a, value: fa) }
    guard fb.isFinite else { throw .notFinite(point: b, value: fb) }
    if fa == 0 { return a }
    if fb == 0 { return b }
    guard (fa < 0) != (fb < 0) else { throw .noSignChange(lower: a, upper: b, lowerValue: fa, upperValue: fb) }
    for _ in 0..<maximumSteps where b - a > relativeTolerance * max(1, Swift.abs(a)) {
        let middle = (a + b) / 2
        let value = f(middle)
        guard value.isFinite else { throw .notFinite(point: middle, value: value) }
        if value == 0 { return middle }
        if (value < 0) == (fa < 0) { (a, fa) = (middle, value) } else { b = middle }
    }
    return (a + b) / 2
}
