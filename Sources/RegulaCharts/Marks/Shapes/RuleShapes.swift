/// A dashed vertical line across the plot at `x` (λ_min, a crossing), named along the top.
public struct VerticalRuleShape: MarkShape {
    public var x: Double
    public init(_ x: Double) { self.x = x }

    public var kindName: String { "rule" }
    public var isDataMark: Bool { false }
    public var xExtent: [Double] { [x] }
    public var yExtent: [Double] { [] }
    public var labelledRule: Double? { x }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        guard context.x.canPlace(x) else { return [] }
        let position = context.x(x)
        return [Axes.line(x1: position, y1: context.plot.top, x2: position, y2: context.plot.bottom, color: mark.isInactive ? Theme.inactive : Theme.mutedInk, width: 1.25, dashed: true)]
    }
}

/// A dashed horizontal line across the plot at `y`.
public struct HorizontalRuleShape: MarkShape {
    public var y: Double
    public init(_ y: Double) { self.y = y }

    public var kindName: String { "rule" }
    public var isDataMark: Bool { false }
    public var xExtent: [Double] { [] }
    public var yExtent: [Double] { [y] }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        guard context.y.canPlace(y) else { return [] }
        let position = context.y(y)
        return [Axes.line(x1: context.plot.left, y1: position, x2: context.plot.right, y2: position, color: mark.isInactive ? Theme.inactive : Theme.mutedInk, width: 1.25, dashed: true)]
    }
}

extension MarkShape where Self == VerticalRuleShape {
    public static func verticalRule(_ x: Double) -> VerticalRuleShape { VerticalRuleShape(x) }
}

extension MarkShape where Self == HorizontalRuleShape {
    public static func horizontalRule(_ y: Double) -> HorizontalRuleShape { HorizontalRuleShape(y) }
}
