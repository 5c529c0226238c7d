/// Text at a point, right of it or (with `textAnchor = "end"`) left of it, kept clear of
/// other text marks.
public struct TextShape: MarkShape {
    public var point: Point
    public var content: String
    public init(_ point: Point, _ content: String) {
        self.point = point
        self.content = content
    }

    public var kindName: String { "text" }
    public var isDataMark: Bool { false }
    public var xExtent: [Double] { [point.x] }
    public var yExtent: [Double] { [point.y] }
    public var avoidsOtherText: Bool { true }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        guard context.canPlace(point) else { return [] }
        let offset = mark.textAnchor == "end" ? -8.0 : 8.0
        return [Axes.text(content, x: context.x(point.x) + offset, y: context.y(point.y) + 4, anchor: mark.textAnchor, color: mark.color.map(Theme.color) ?? Theme.ink, halo: true)]
    }
}

extension MarkShape where Self == TextShape {
    public static func text(_ point: Point, _ content: String) -> TextShape { TextShape(point, content) }
}
