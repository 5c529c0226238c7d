/// A filled band between `low` and `high` along `x` (mean ± standard error).
public struct BandShape: MarkShape {
    public var x: [Double]
    public var low: [Double]
    public var high: [Double]
    public init(x: [Double], low: [Double], high: [Double]) {
        self.x = x
        self.low = low
        self.high = high
    }

    public var kindName: String { "band" }
    public var xExtent: [Double] { x }
    public var yExtent: [Double] { low + high }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        let lower = zip(x, low).map { (x: $0, y: $1) }, upper = zip(x, high).map { (x: $0, y: $1) }
        let outline = mark.path(lower, context, closing: Array(upper.reversed()))
        return [SVGElement("path", [("d", outline), ("fill", context.color), ("fill-opacity", NumberFormat.coordinate(mark.opacity ?? 0.2)), ("stroke", "none")], children: mark.tooltip)]
    }

    public func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        LegendSwatch.square(of: mark, color: color, x: x, y: y)
    }
}

extension MarkShape where Self == BandShape {
    public static func band(x: [Double], low: [Double], high: [Double]) -> BandShape { BandShape(x: x, low: low, high: high) }
}
