/// A filled closed shape (the L1 diamond, the L2 disk).
public struct AreaShape: PointsShape {
    public var points: [Point]
    public init(_ points: [Point]) { self.points = points }

    public var kindName: String { "area" }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        var attributes = [("d", mark.path(points, context) + "Z"), ("fill", context.color), ("fill-opacity", NumberFormat.coordinate(mark.opacity ?? 0.15)), ("stroke", context.color), ("stroke-width", "1.5")]
        if mark.isDashed { attributes.append(("stroke-dasharray", "6 4")) }
        return [SVGElement("path", attributes, children: mark.tooltip)]
    }

    public func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        LegendSwatch.square(of: mark, color: color, x: x, y: y)
    }
}

extension MarkShape where Self == AreaShape {
    public static func area(_ points: [Point]) -> AreaShape { AreaShape(points) }
}
