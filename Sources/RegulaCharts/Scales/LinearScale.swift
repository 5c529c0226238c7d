
/// Maps a numeric domain onto a pixel range, linearly, with "nice" round ticks (after d3-scale).
public struct LinearScale: PositionScale, Equatable {
    public private(set) var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    /// True when the range runs downward (a y axis: larger values are higher on screen).
    public var isFlipped: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, isFlipped: Bool = false) {
        self.domain = Self.drawable(domain)
        self.range = range
        self.isFlipped = isFlipped
    }

    /// A domain that can be drawn and ticked whatever the data: infinite ends become the
    /// largest finite ones (NaN ends 0 and 1), and a domain of one value, or one too narrow
    /// for its magnitude (a subnormal width), gets a little room around its centre.
    static func drawable(_ domain: ClosedRange<Double>) -> ClosedRange<Double> {
        func finite(_ value: Double, otherwise fallback: Double) -> Double {
            value.isNaN ? fallback : max(-.greatestFiniteMagnitude, min(.greatestFiniteMagnitude, value))
        }
        let low = finite(domain.lowerBound, otherwise: 0), high = max(low, finite(domain.upperBound, otherwise: 1))
        let magnitude = max(abs(low), abs(high))
        guard high / 2 - low / 2 <= magnitude * 1e-12 || high - low < 1e-290 else { return low...high }
        let centre = low / 2 + high / 2
        // Values this close to 0 are drawn as 0 ± 1.
        let pad = abs(centre) < 1e-290 ? 1 : abs(centre) * 0.1
        return (centre - pad)...(centre + pad)
    }

    /// The pixel position of `value`. Halves keep the width finite for a domain of ±1e308.
    public func callAsFunction(_ value: Double) -> Double {
        let t = (value / 2 - domain.lowerBound / 2) / (domain.upperBound / 2 - domain.lowerBound / 2)
        let fraction = isFlipped ? 1 - t : t
        return range.lowerBound + fraction * (range.upperBound - range.lowerBound)
    }

    /// Widens the domain to whole multiples of the tick step, so the axis starts and ends on a
    /// tick (an end that would overflow stays where it is).
    public func niced(tickCount: Int = 6) -> LinearScale {
        let step = Self.tickStep(domain, count: tickCount)
        let low = floor(domain.lowerBound / step) * step, high = ceil(domain.upperBound / step) * step
        let lower = low.isFinite ? low : domain.lowerBound, upper = high.isFinite ? high : domain.upperBound
        guard lower <= upper else { return self }
        var scale = self
        scale.domain = lower...upper
        return scale
    }

    /// About `count` round values (1, 2 or 5 times a power of ten apart) inside the domain; never
    /// more than a few times `count`, whatever the domain.
    public func ticks(count: Int) -> [Double] {
        let step = Self.tickStep(domain, count: count)
        let first = ceil(domain.lowerBound / step - 1e-9)
        let last = floor(domain.upperBound / step + 1e-9)
        guard first <= last, last - first <= Double(4 * max(count, 1) + 4) else { return [] }
        return stride(from: first, through: last, by: 1).map { index in
            let value = index * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// The step between ticks: 1, 2 or 5 times a power of ten.
    static func tickStep(_ domain: ClosedRange<Double>, count: Int) -> Double {
        // Half the span and then twice the rough step: the span of ±1e308 is not finite.
        let halfSpan = domain.upperBound / 2 - domain.lowerBound / 2
        let rough = halfSpan / Double(max(count, 1)) * 2
        guard rough > 0, rough.isFinite, rough.isNormal else { return max(1, abs(domain.lowerBound)) }
        let power = pow(10, floor(log10(rough)))
        let error = rough / power
        let factor: Double = error >= 7.5 ? 10 : error >= 3.5 ? 5 : error >= 1.5 ? 2 : 1
        return factor * power
    }
}
