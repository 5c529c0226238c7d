/// What a mark draws, in data coordinates: a line, points, bars, a band, a rule, text, …
///
/// A shape declares everything a chart asks of it: the values its scales must cover, its SVG
/// elements, its legend swatch, and its word in descriptions. The built-in shapes are in
/// `Shapes/`, each with a static factory (`Mark(.scatter(points))`); a new one conforms here.
public protocol MarkShape: Sendable {
    /// What the mark is, in a word, for descriptions ("line", "bar").
    var kindName: String { get }
    /// Does the mark take a colour of the palette, a place in the legend and a part in the
    /// chart's description? False for rules, text and heatmaps, which annotate.
    var isDataMark: Bool { get }
    /// The x values the chart's x scale must cover.
    var xExtent: [Double] { get }
    /// The y values the chart's y scale must cover.
    var yExtent: [Double] { get }
    /// The mark as SVG elements in pixels; `context.color` is the mark's colour.
    func elements(of mark: Mark, in context: RenderContext) -> [SVGElement]
    /// The legend's sample of the mark, centred vertically on `y`, from `x` over 18 pixels.
    func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement

    /// Values the chart's colour bar shows (heatmaps); nil when the mark has none.
    var colorBarValues: [Double]? { get }
    /// The points whose right end a name is written at, when the mark asks for it (`labelsEnd`).
    var endLabelPoints: [Point]? { get }
    /// The x of a vertical rule named along the plot's top; nil for other shapes.
    var labelledRule: Double? { get }
    /// Text moved down, a line at a time, until it overlaps no text placed before it.
    var avoidsOtherText: Bool { get }
}

extension MarkShape {
    public var isDataMark: Bool { true }
    public func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        LegendSwatch.stroke(of: mark, color: color, x: x, y: y)
    }
    public var colorBarValues: [Double]? { nil }
    public var endLabelPoints: [Point]? { nil }
    public var labelledRule: Double? { nil }
    public var avoidsOtherText: Bool { false }
}

/// The legend's samples: a short stroke for lines, a square for filled marks, a dot for points.
public enum LegendSwatch {
    public static func stroke(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        Axes.line(x1: x, y1: y, x2: x + 18, y2: y, color: color, width: 3, dashed: mark.isDashed)
    }

    public static func square(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        SVGElement("rect", [
            ("x", NumberFormat.coordinate(x + 3)), ("y", NumberFormat.coordinate(y - 6)), ("width", "12"), ("height", "12"),
            ("fill", color), ("fill-opacity", NumberFormat.coordinate(mark.opacity.map { max($0, 0.35) } ?? 0.85)),
        ])
    }

    public static func dot(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        SVGElement("circle", [
            ("cx", NumberFormat.coordinate(x + 9)), ("cy", NumberFormat.coordinate(y)), ("r", "4"),
            ("fill", mark.isHollow ? Theme.background : color), ("stroke", color), ("stroke-width", "2"),
        ])
    }
}

/// A shape drawn through or at a list of points (lines, steps, dots, areas, stems): its
/// extent is the points', unless it says otherwise.
public protocol PointsShape: MarkShape {
    var points: [Point] { get }
}

extension PointsShape {
    public var xExtent: [Double] { points.map(\.x) }
    public var yExtent: [Double] { points.map(\.y) }
}
