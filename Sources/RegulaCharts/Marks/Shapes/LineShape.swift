/// A polyline; a point that cannot be placed (NaN, or ≤ 0 on a log scale) breaks it.
public struct LineShape: PointsShape {
    public var points: [Point]
    public init(_ points: [Point]) { self.points = points }

    public var kindName: String { "line" }
    public var endLabelPoints: [Point]? { points }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        [mark.stroked(mark.path(points, context), color: context.color, tooltip: mark.tooltip)]
    }
}

extension MarkShape where Self == LineShape {
    public static func line(_ points: [Point]) -> LineShape { LineShape(points) }
}
