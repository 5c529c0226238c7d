/// Lines where the grid's interpolated value equals each level (marching squares), the inner
/// ones darker.
public struct ContoursShape: MarkShape {
    public var grid: Grid
    public var levels: [Double]
    public init(_ grid: Grid, levels: [Double]) {
        self.grid = grid
        self.levels = levels
    }

    public var kindName: String { "contour" }
    public var xExtent: [Double] { grid.xs }
    public var yExtent: [Double] { grid.ys }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        var children = mark.tooltip
        for (index, level) in levels.enumerated() {
            let lines = Contours.polylines(Contours.segments(grid, level: level))
            let d = lines.map { mark.path($0, context) }.joined()
            guard !d.isEmpty else { continue }
            // Inner contours darker: the eye reads the bowl's depth.
            let strength = levels.count > 1 ? 1 - 0.6 * Double(index) / Double(levels.count - 1) : 1
            children.append(SVGElement("path", [
                ("d", d), ("fill", "none"), ("stroke", context.color), ("stroke-opacity", NumberFormat.coordinate(strength)), ("stroke-width", "1.25"),
            ], children: [SVGElement("title", text: "level " + NumberFormat.compact(level, significantDigits: 4))]))
        }
        return [SVGElement("g", [("class", "contours")], children: children)]
    }
}

extension MarkShape where Self == ContoursShape {
    public static func contours(_ grid: Grid, levels: [Double]) -> ContoursShape { ContoursShape(grid, levels: levels) }
}
