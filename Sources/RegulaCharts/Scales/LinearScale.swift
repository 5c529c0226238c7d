
/// Maps a numeric domain onto a pixel range, linearly, with "nice" round ticks (after d3-scale).
public struct LinearScale: PositionScale, Equatable {
    public private(set) var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    /// True when the range runs downward (a y axis: larger values are higher on screen).
    public var isFlipped: Bool

    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, isFlipped: Bool = false) {
        // A domain of one value gets a little room, so it can still be drawn.
        if domain.lowerBound == domain.upperBound {
            let pad = domain.lowerBound == 0 ? 1 : abs(domain.lowerBound) * 0.1
            self.domain = (domain.lowerBound - pad)...(domain.upperBound + pad)
        } else {
            self.domain = domain
        }
        self.range = range
        self.isFlipped = isFlipped
    }

    /// The pixel position of `value`.
    public func callAsFunction(_ value: Double) -> Double {
        let t = (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        let fraction = isFlipped ? 1 - t : t
        return range.lowerBound + fraction * (range.upperBound - range.lowerBound)
    }

    /// Widens the domain to whole multiples of the tick step, so the axis starts and ends on a tick.
    public func niced(tickCount: Int = 6) -> LinearScale {
        guard domain.lowerBound.isFinite, domain.upperBound.isFinite else { return self }
        let step = Self.tickStep(domain, count: tickCount)
        var scale = self
        scale.domain = (floor(domain.lowerBound / step) * step)...(ceil(domain.upperBound / step) * step)
        return scale
    }

    /// About `count` round values (1, 2 or 5 times a power of ten apart) inside the domain.
    public func ticks(count: Int) -> [Double] {
        let step = Self.tickStep(domain, count: count)
        let first = ceil(domain.lowerBound / step - 1e-9)
        let last = floor(domain.upperBound / step + 1e-9)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { index in
            let value = index * step
            return abs(value) < step * 1e-9 ? 0 : value
        }
    }

    /// The step between ticks: 1, 2 or 5 times a power of ten.
    static func tickStep(_ domain: ClosedRange<Double>, count: Int) -> Double {
        let span = domain.upperBound - domain.lowerBound
        guard span > 0, span.isFinite else { return 1 }
        let rough = span / Double(max(count, 1))
        let power = pow(10, floor(log10(rough)))
        let error = rough / power
        let factor: Double = error >= 7.5 ? 10 : error >= 3.5 ? 5 : error >= 1.5 ? 2 : 1
        return factor * power
    }
}
