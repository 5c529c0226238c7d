/// Dots at points; smaller when there are many.
public struct ScatterShape: PointsShape {
    public var points: [Point]
    public init(_ points: [Point]) { self.points = points }

    public var kindName: String { "scatter" }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        let dots = points.filter(context.canPlace).map { point in
            mark.dot(x: context.x(point.x), y: context.y(point.y), radius: points.count > 200 ? 2.5 : 4, color: context.color)
        }
        return [SVGElement("g", [("class", "scatter")], children: mark.tooltip + dots)]
    }

    public func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        LegendSwatch.dot(of: mark, color: color, x: x, y: y)
    }
}

extension MarkShape where Self == ScatterShape {
    public static func scatter(_ points: [Point]) -> ScatterShape { ScatterShape(points) }
}
