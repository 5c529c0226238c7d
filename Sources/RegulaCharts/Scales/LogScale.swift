/// Maps positive values onto a pixel range by their base-10 logarithm (after d3-scale's
/// scaleLog): ticks at powers of ten, with 2 and 5 between them when the domain is short.
public struct LogScale: PositionScale, Equatable {
    public private(set) var domain: ClosedRange<Double>
    public var range: ClosedRange<Double>
    public var isFlipped: Bool

    /// The smallest and largest values the scale spans: beyond them a power of ten is not a
    /// normal Double (10^-308 is the smallest normal, and 10^-324 underflows to 0).
    static let limits = 1e-300...1e300

    /// `domain` must be positive; a domain that is not is replaced by 1…10 rather than trapping,
    /// and one reaching beyond `limits` (a subnormal, 1e308) is cut to them.
    public init(domain: ClosedRange<Double>, range: ClosedRange<Double>, isFlipped: Bool = false) {
        var low = domain.lowerBound, high = domain.upperBound
        if !(low > 0 && low.isFinite) || !(high > 0 && high.isFinite) { (low, high) = (1, 10) }
        low = min(max(low, Self.limits.lowerBound), Self.limits.upperBound)
        high = min(max(high, Self.limits.lowerBound), Self.limits.upperBound)
        // One value, or two too close to tell apart on a log axis: a factor of 2 each way.
        if high / low < 1 + 1e-9 { (low, high) = (low / 2, high * 2) }
        self.domain = low...high
        self.range = range
        self.isFlipped = isFlipped
    }

    public func callAsFunction(_ value: Double) -> Double {
        let t = (log10(value) - log10(domain.lowerBound)) / (log10(domain.upperBound) - log10(domain.lowerBound))
        let fraction = isFlipped ? 1 - t : t
        return range.lowerBound + fraction * (range.upperBound - range.lowerBound)
    }

    public func canPlace(_ value: Double) -> Bool { value.isFinite && value > 0 }

    /// Widens the domain to whole powers of ten when it spans more than one; otherwise to
    /// the nearest 1, 2 or 5 times a power of ten.
    public func niced() -> LogScale {
        var scale = self
        let low = floor(log10(domain.lowerBound) + 1e-9), high = ceil(log10(domain.upperBound) - 1e-9)
        if high - low >= 2 {
            scale.domain = max(pow(10, low), Self.limits.lowerBound / 2)...min(pow(10, high), Self.limits.upperBound * 2)
        } else {
            let candidates = Self.mantissas.flatMap { m in (Int(low) - 1...Int(high) + 1).map { m * pow(10, Double($0)) } }.sorted()
            let lower = candidates.last { $0 <= domain.lowerBound * (1 + 1e-12) } ?? domain.lowerBound
            let upper = candidates.first { $0 >= domain.upperBound * (1 - 1e-12) } ?? domain.upperBound
            guard lower < upper else { return self }
            scale.domain = lower...upper
        }
        return scale
    }

    /// Powers of ten inside the domain (every second or fifth one when there are many), with
    /// 2× and 5× between them when the domain spans fewer than three decades.
    public func ticks(count: Int) -> [Double] {
        let low = Int(floor(log10(domain.lowerBound) + 1e-9)), high = Int(ceil(log10(domain.upperBound) - 1e-9))
        let decades = high - low
        let inside = { (value: Double) in value >= self.domain.lowerBound * (1 - 1e-9) && value <= self.domain.upperBound * (1 + 1e-9) }
        if decades < 3 {
            let values = (low...high).flatMap { e in Self.mantissas.map { $0 * pow(10, Double(e)) } }.filter(inside)
            if values.count <= max(count, 2) * 2 { return values.map(Self.rounded) }
        }
        let stride = max(1, Int((Double(decades) / Double(max(count, 1))).rounded(.up)))
        return Swift.stride(from: low, through: high, by: 1).filter { ($0 - low) % stride == 0 }
            .map { pow(10, Double($0)) }.filter(inside).map(Self.rounded)
    }

    private static let mantissas: [Double] = [1, 2, 5]

    /// Removes the last-digit noise of `m * 10^e` (0.30000000000000004 → 0.3).
    private static func rounded(_ value: Double) -> Double {
        let exponent = floor(log10(value))
        let scale = pow(10, 12 - exponent)
        // Near the ends of the Double range the scale itself overflows; such ticks are exact enough.
        guard scale.isFinite, scale > 0, (value * scale).isFinite else { return value }
        return (value * scale).rounded() / scale
    }
}
