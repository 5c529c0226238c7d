/// A grid's values as coloured cells, with the chart's colour bar for their scale.
public struct HeatmapShape: MarkShape {
    public var grid: Grid
    public init(_ grid: Grid) { self.grid = grid }

    public var kindName: String { "heatmap" }
    public var isDataMark: Bool { false }
    public var xExtent: [Double] { Mark.cellEdges(grid.xs) }
    public var yExtent: [Double] { Mark.cellEdges(grid.ys) }
    public var colorBarValues: [Double]? { grid.values }

    public func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        let colors = ColorScale(values: grid.values)
        let xEdges = Mark.cellEdges(grid.xs), yEdges = Mark.cellEdges(grid.ys)
        var cells: [SVGElement] = []
        // A tooltip per cell while that stays small; beyond, the colour bar tells the values.
        let labelsCells = grid.values.count <= 400
        for row in grid.ys.indices {
            for column in grid.xs.indices {
                let value = grid.value(column: column, row: row)
                let (left, right) = (context.x(xEdges[column]), context.x(xEdges[column + 1]))
                let (top, bottom) = (context.y(yEdges[row + 1]), context.y(yEdges[row]))
                cells.append(SVGElement("rect", [
                    ("x", NumberFormat.coordinate(min(left, right))), ("y", NumberFormat.coordinate(min(top, bottom))),
                    ("width", NumberFormat.coordinate(abs(right - left))), ("height", NumberFormat.coordinate(abs(bottom - top))),
                    ("fill", colors.color(value)),
                ], children: labelsCells ? [SVGElement("title", text: NumberFormat.compact(value, significantDigits: 4))] : []))
            }
        }
        return [SVGElement("g", [("class", "heatmap"), ("shape-rendering", "crispEdges")], children: cells)]
    }

    public func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        LegendSwatch.square(of: mark, color: color, x: x, y: y)
    }
}

extension MarkShape where Self == HeatmapShape {
    public static func heatmap(_ grid: Grid) -> HeatmapShape { HeatmapShape(grid) }
}
