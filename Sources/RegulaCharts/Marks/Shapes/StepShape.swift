/// A line that holds each value until the next x (counts that change in whole steps).
public struct StepShape: PointsShape {
    public var points: [Point]
    public init(_ points: [Point]) { self.points = points }

    public var kindName: String { "step" }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        var stepped: [Point] = []
        for (index, point) in points.enumerated() {
            if index > 0, point.x.isFinite, point.y.isFinite, points[index - 1].y.isFinite { stepped.append((point.x, points[index - 1].y)) }
            stepped.append(point)
        }
        return [mark.stroked(mark.path(stepped, context), color: context.color, tooltip: mark.tooltip)]
    }
}

extension MarkShape where Self == StepShape {
    public static func step(_ points: [Point]) -> StepShape { StepShape(points) }
}
