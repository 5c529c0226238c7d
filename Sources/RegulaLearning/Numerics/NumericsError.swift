/// What a numerical routine could not do, with the inputs that made it fail.
public enum NumericsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The interval is empty, reversed or not finite.
    case invalidInterval(lower: Double, upper: Double)
    /// The function gave NaN or an infinity at `point`.
    case notFinite(point: Double, value: Double)
    /// A root finder was given ends where the function has the same sign: no root is bracketed.
    case noSignChange(lower: Double, upper: Double, lowerValue: Double, upperValue: Double)
    /// A count of subintervals that the rule cannot use.
    case invalidIntervals(Int)

    public var description: String {
        switch self {
        case let .invalidInterval(lower, upper):
            "the interval [\(formatted(lower)), \(formatted(upper))] must be finite and not reversed"
        case let .notFinite(point, value):
            "the function is not finite at \(formatted(point)): \(formatted(value))"
        case let .noSignChange(lower, upper, lowerValue, upperValue):
            "no sign change between \(formatted(lower)) and \(formatted(upper)) (the function is \(formatted(lowerValue)) and \(formatted(upperValue)) there), so no root is bracketed"
        case let .invalidIntervals(count):
            "Simpson's rule needs an even number of subintervals, at least 2; got \(count)"
        }
    }
}
