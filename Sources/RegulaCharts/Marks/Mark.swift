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

/// What a chart draws, in data coordinates: a shape (`MarkShape`: a line, points, bars, a band,
/// a rule, text, …) and how it is styled. Marks are values; a `Chart` lays them out on shared
/// scales (after Observable Plot).
public struct Mark: Sendable {
    public var shape: any MarkShape
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

    public init(_ shape: some MarkShape, name: String? = nil, color: Int? = nil) {
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
    var isDataMark: Bool { shape.isDataMark }

    /// What the mark is, in a word, for descriptions.
    var kindName: String { shape.kindName }

    /// Named data marks, except those named at their ends and those greyed out as inactive
    /// (a grey swatch in a legend of colours would name nothing).
    var inLegend: Bool { name != nil && isDataMark && !labelsEnd && !isInactive }

    /// The x values the chart's x scale must cover.
    var xExtent: [Double] { shape.xExtent }

    /// The y values the chart's y scale must cover.
    var yExtent: [Double] { shape.yExtent }

    /// The boundaries of the cells centred on `centers`: halfway between neighbours, and half a
    /// step beyond the ends.
    public static func cellEdges(_ centers: [Double]) -> [Double] {
        guard centers.count > 1 else { return centers.isEmpty ? [] : [centers[0] - 0.5, centers[0] + 0.5] }
        var edges = [centers[0] - (centers[1] - centers[0]) / 2]
        for index in 1..<centers.count { edges.append((centers[index - 1] + centers[index]) / 2) }
        edges.append(centers[centers.count - 1] + (centers[centers.count - 1] - centers[centers.count - 2]) / 2)
        return edges
    }
}
