/// A point in data coordinates.
public typealias Point = (x: Double, y: Double)

/// One bar: the x interval it covers and its height.
public struct Bar: Sendable, Equatable {
    public var lower: Double
    public var upper: Double
    public var value: Double

    public init(lower: Double, upper: Double, value: Double) {
        self.lower = lower
        self.upper = upper
        self.value = value
    }
}

/// Values on a rectangular grid, for heatmaps and contour lines: `values[row * xs.count + column]`
/// is the value at `(xs[column], ys[row])`.
public struct Grid: Sendable, Equatable {
    public var xs: [Double]
    public var ys: [Double]
    public var values: [Double]

    public init(xs: [Double], ys: [Double], values: [Double]) {
        precondition(values.count == xs.count * ys.count, "a grid needs one value per (x, y) pair")
        self.xs = xs
        self.ys = ys
        self.values = values
    }

    /// The grid of `function` over `xs` × `ys`.
    public init(xs: [Double], ys: [Double], _ function: (Double, Double) -> Double) {
        self.init(xs: xs, ys: ys, values: ys.flatMap { y in xs.map { x in function(x, y) } })
    }

    public func value(column: Int, row: Int) -> Double { values[row * xs.count + column] }
}

/// What a chart draws, in data coordinates: a line, points, bars, a band, a rule, text, …
/// Marks are values; a `Chart` lays them out on shared scales (after Observable Plot).
public struct Mark: Sendable {
    public enum Shape: Sendable {
        /// A polyline; a point that cannot be placed (NaN, or ≤ 0 on a log scale) breaks it.
        case line([Point])
        /// A line that holds each value until the next x (counts that change in whole steps).
        case step([Point])
        case scatter([Point])
        /// A filled band between `low` and `high` along `x` (mean ± standard error).
        case band(x: [Double], low: [Double], high: [Double])
        /// Bars from 0 (or the axis) up to each value; histograms are bars that touch.
        case bars([Bar])
        /// A line from 0 to each value with a dot at its end (coefficients by index).
        case stems([Point])
        /// A filled closed shape (the L1 diamond, the L2 disk).
        case area([Point])
        case verticalRule(Double)
        case horizontalRule(Double)
        case text(Point, String)
        case heatmap(Grid)
        /// Lines where the grid's interpolated value equals each level (marching squares).
        case contours(Grid, levels: [Double])
    }

    public var shape: Shape
    /// Shown in the legend or at the line's end, and as the mark's tooltip.
    public var name: String?
    /// An index into the palette; nil takes the next colour in order.
    public var color: Int?
    public var isDashed = false
    /// Scatter dots and stems drawn as rings rather than discs (a "true" value under an estimate).
    public var isHollow = false
    /// Fill opacity for bars, bands and areas.
    public var opacity: Double?
    /// Name the line at its right end instead of in the legend (coefficient paths).
    public var labelsEnd = false
    /// Draw in the inactive grey (exact zeros, switched-off parts).
    public var isInactive = false
    /// Text marks: placed right of their point (`start`) or left of it (`end`).
    public var textAnchor = "start"

    public init(_ shape: Shape, name: String? = nil, color: Int? = nil) {
        self.shape = shape
        self.name = name
        self.color = color
    }

    public static func line(_ points: [Point], name: String? = nil, color: Int? = nil, dashed: Bool = false) -> Mark {
        var mark = Mark(.line(points), name: name, color: color)
        mark.isDashed = dashed
        return mark
    }

    /// A line of `values` against their positions 1, 2, 3, …
    public static func line(values: [Double], name: String? = nil) -> Mark {
        line(values.enumerated().map { (Double($0.offset + 1), $0.element) }, name: name)
    }

    /// Does this mark take a colour of the palette (and a place in the legend)?
    var isDataMark: Bool {
        switch shape {
        case .verticalRule, .horizontalRule, .text, .heatmap: false
        default: true
        }
    }

    /// What the mark is, in a word, for descriptions.
    var kindName: String {
        switch shape {
        case .line: "line"
        case .step: "step"
        case .scatter: "scatter"
        case .band: "band"
        case .bars: "bar"
        case .stems: "stem"
        case .area: "area"
        case .verticalRule, .horizontalRule: "rule"
        case .text: "text"
        case .heatmap: "heatmap"
        case .contours: "contour"
        }
    }

    /// Named data marks, except those named at their ends and those greyed out as inactive
    /// (a grey swatch in a legend of colours would name nothing).
    var inLegend: Bool { name != nil && isDataMark && !labelsEnd && !isInactive }

    /// The x values the chart's x scale must cover.
    var xExtent: [Double] {
        switch shape {
        case let .line(points), let .step(points), let .scatter(points), let .stems(points), let .area(points): points.map(\.x)
        case let .band(x, _, _): x
        case let .bars(bars): bars.flatMap { [$0.lower, $0.upper] }
        case let .verticalRule(x): [x]
        case .horizontalRule: []
        case let .text(point, _): [point.x]
        case let .heatmap(grid): Self.cellEdges(grid.xs)
        case let .contours(grid, _): grid.xs
        }
    }

    /// The y values the chart's y scale must cover.
    var yExtent: [Double] {
        switch shape {
        case let .line(points), let .step(points), let .scatter(points), let .area(points): points.map(\.y)
        case let .stems(points): points.map(\.y) + [0]
        case let .band(_, low, high): low + high
        case let .bars(bars): bars.map(\.value) + [0]
        case .verticalRule: []
        case let .horizontalRule(y): [y]
        case let .text(point, _): [point.y]
        case let .heatmap(grid): Self.cellEdges(grid.ys)
        case let .contours(grid, _): grid.ys
        }
    }

    /// The boundaries of the cells centred on `centers`: halfway between neighbours, and half a
    /// step beyond the ends.
    static func cellEdges(_ centers: [Double]) -> [Double] {
        guard centers.count > 1 else { return centers.isEmpty ? [] : [centers[0] - 0.5, centers[0] + 0.5] }
        var edges = [centers[0] - (centers[1] - centers[0]) / 2]
        for index in 1..<centers.count { edges.append((centers[index - 1] + centers[index]) / 2) }
        edges.append(centers[centers.count - 1] + (centers[centers.count - 1] - centers[centers.count - 2]) / 2)
        return edges
    }
}
