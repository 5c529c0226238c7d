/// A line from 0 to each value with a dot at its end (coefficients by index).
public struct StemsShape: PointsShape {
    public var points: [Point]
    public init(_ points: [Point]) { self.points = points }

    public var kindName: String { "stem" }
    public var yExtent: [Double] { points.map(\.y) + [0] }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        let baseline = mark.baselinePosition(context)
        var children = mark.tooltip
        for point in points where context.canPlace(point) {
            let (px, py) = (context.x(point.x), context.y(point.y))
            if point.y != 0 { children.append(Axes.line(x1: px, y1: baseline, x2: px, y2: py, color: context.color, width: 1.5, dashed: mark.isHollow)) }
            children.append(mark.dot(x: px, y: py, radius: mark.isHollow ? 5 : 3.5, color: point.y == 0 && !mark.isHollow ? Theme.inactive : context.color))
        }
        return [SVGElement("g", [("class", "stems")], children: children)]
    }

    public func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        LegendSwatch.dot(of: mark, color: color, x: x, y: y)
    }
}

extension MarkShape where Self == StemsShape {
    public static func stems(_ points: [Point]) -> StemsShape { StemsShape(points) }
}
