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

    /// A scale of this kind over the extent of `values`, niced to round ends; or over `fixed`
    /// exactly, as the caller chose it (an equal-aspect picture, counts from 0).
    func scale(
        values: [Double], fixed: ClosedRange<Double>?, range: ClosedRange<Double>, isFlipped: Bool, tickCount: Int
    ) -> any PositionScale {
        switch self {
        case .linear:
            if let fixed { return LinearScale(domain: fixed, range: range, isFlipped: isFlipped) }
            let finite = values.filter(\.isFinite)
            return LinearScale(domain: (finite.min() ?? 0)...(finite.max() ?? 1), range: range, isFlipped: isFlipped).niced(tickCount: tickCount)
        case .log:
            if let fixed { return LogScale(domain: fixed, range: range, isFlipped: isFlipped) }
            let positive = values.filter { $0.isFinite && $0 > 0 }
            return LogScale(domain: (positive.min() ?? 1)...(positive.max() ?? 10), range: range, isFlipped: isFlipped).niced()
        }
    }
}
