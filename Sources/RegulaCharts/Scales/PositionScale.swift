/// A map from data values to pixel positions along one axis, with the ticks its axis shows.
/// Linear and logarithmic scales conform; a chart picks one per axis (`ScaleKind`).
public protocol PositionScale: Sendable {
    var domain: ClosedRange<Double> { get }
    var range: ClosedRange<Double> { get }
    /// The pixel position of `value`.
    func callAsFunction(_ value: Double) -> Double
    /// About `count` round values inside the domain.
    func ticks(count: Int) -> [Double]
    /// Whether `value` can be placed at all (a log scale cannot place 0 or negative values).
    func canPlace(_ value: Double) -> Bool
}

extension PositionScale {
    public func canPlace(_ value: Double) -> Bool { value.isFinite }
}

/// How an axis maps values to positions.
public enum ScaleKind: String, Sendable, CaseIterable {
    case linear
    /// Base-10 logarithmic: equal ratios take equal room. Only positive values can be placed.
    case log

    /// A scale of this kind over the extent of `values` (or `fixed`), niced to round ends.
    func scale(
        values: [Double], fixed: ClosedRange<Double>?, range: ClosedRange<Double>, isFlipped: Bool, tickCount: Int
    ) -> any PositionScale {
        switch self {
        case .linear:
            let finite = values.filter(\.isFinite)
            let domain = fixed ?? (finite.min() ?? 0)...(finite.max() ?? 1)
            return LinearScale(domain: domain, range: range, isFlipped: isFlipped).niced(tickCount: tickCount)
        case .log:
            let positive = values.filter { $0.isFinite && $0 > 0 }
            let domain = fixed ?? (positive.min() ?? 1)...(positive.max() ?? 10)
            return LogScale(domain: domain, range: range, isFlipped: isFlipped).niced()
        }
    }
}
