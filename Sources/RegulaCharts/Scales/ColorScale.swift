/// Maps numbers to colours for heatmaps: a diverging blue–white–vermilion scale centred on 0
/// for signed data, a sequential light-to-dark blue for data of one sign.
public struct ColorScale: Sendable, Equatable {
    public let domain: ClosedRange<Double>
    public let isDiverging: Bool

    public init(values: [Double]) {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        isDiverging = low < 0 && high > 0
        if isDiverging {
            let extent = max(-low, high)
            domain = -extent...extent
        } else {
            domain = low == high ? (low - 1)...(high + 1) : low...high
        }
    }

    /// The colour of `value` as `#rrggbb`; non-finite values are light grey.
    public func color(_ value: Double) -> String {
        guard value.isFinite else { return "#dddddd" }
        let t = min(1, max(0, (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound)))
        let stops = isDiverging ? Self.diverging : Self.sequential
        let position = t * Double(stops.count - 1)
        let index = min(stops.count - 2, Int(position))
        let fraction = position - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        return Self.hex(
            a.0 + (b.0 - a.0) * fraction, a.1 + (b.1 - a.1) * fraction, a.2 + (b.2 - a.2) * fraction)
    }

    // Blue (#0072B2) through white to vermilion (#D55E00): the palette's own ends, colour-blind safe.
    private static let diverging: [(Double, Double, Double)] = [(0, 114, 178), (255, 255, 255), (213, 94, 0)]
    private static let sequential: [(Double, Double, Double)] = [(247, 251, 255), (107, 174, 214), (8, 48, 107)]

    private static func hex(_ red: Double, _ green: Double, _ blue: Double) -> String {
        let digits = Array("0123456789abcdef")
        var text = "#"
        for channel in [red, green, blue] {
            let byte = Int(min(255, max(0, channel.rounded())))
            text.append(digits[byte / 16])
            text.append(digits[byte % 16])
        }
        return text
    }
}
