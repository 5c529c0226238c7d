/// Bars from 0 (or the axis) up to each value; histograms are bars that touch.
public struct BarsShape: MarkShape {
    public var bars: [Bar]
    public init(_ bars: [Bar]) { self.bars = bars }

    public var kindName: String { "bar" }
    public var xExtent: [Double] { bars.flatMap { [$0.lower, $0.upper] } }
    public var yExtent: [Double] { bars.map(\.value) + [0] }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        let baseline = mark.baselinePosition(context)
        let rects = bars.filter { $0.value.isFinite && $0.value != 0 && context.x.canPlace($0.lower) && context.x.canPlace($0.upper) }.map { bar in
            let (left, right) = (context.x(bar.lower), context.x(bar.upper))
            let top = context.y(bar.value)
            return SVGElement("rect", [
                ("x", NumberFormat.coordinate(min(left, right))), ("y", NumberFormat.coordinate(min(top, baseline))),
                ("width", NumberFormat.coordinate(max(0.5, abs(right - left) - 1))), ("height", NumberFormat.coordinate(abs(baseline - top))),
            ])
        }
        return [SVGElement("g", [("class", "bars"), ("fill", context.color), ("fill-opacity", NumberFormat.coordinate(mark.opacity ?? 0.85))], children: mark.tooltip + rects)]
    }

    public func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        LegendSwatch.square(of: mark, color: color, x: x, y: y)
    }
}

extension MarkShape where Self == BarsShape {
    public static func bars(_ bars: [Bar]) -> BarsShape { BarsShape(bars) }
}
