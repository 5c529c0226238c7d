/// Where a mark is drawn: the chart's scales, its plot area and the mark's colour (the
/// inactive grey for a mark drawn as inactive).
public struct RenderContext: Sendable {
    public let x: any PositionScale
    public let y: any PositionScale
    public let plot: Frame
    public var color: String

    public init(x: any PositionScale, y: any PositionScale, plot: Frame, color: String) {
        self.x = x
        self.y = y
        self.plot = plot
        self.color = color
    }

    /// Can both coordinates of `point` be placed?
    public func canPlace(_ point: Point) -> Bool { x.canPlace(point.x) && y.canPlace(point.y) }
}

extension Mark {
    /// The mark as SVG elements, in pixels.
    func elements(in context: RenderContext) -> [SVGElement] {
        var context = context
        if isInactive { context.color = Theme.inactive }
        return shape.elements(of: self, in: context)
    }

    /// The mark's name as an SVG tooltip, when it has one.
    public var tooltip: [SVGElement] { name.map { [SVGElement("title", text: $0)] } ?? [] }

    func stroked(_ d: String, color: String, tooltip: [SVGElement]) -> SVGElement {
        var attributes = [("d", d.isEmpty ? "M0,0" : d), ("fill", "none"), ("stroke", color), ("stroke-width", "2"), ("stroke-linejoin", "round"), ("stroke-linecap", "round")]
        if isDashed { attributes.append(("stroke-dasharray", "6 4")) }
        return SVGElement("path", attributes, children: tooltip)
    }

    func dot(x: Double, y: Double, radius: Double, color: String) -> SVGElement {
        SVGElement("circle", [
            ("cx", NumberFormat.coordinate(x)), ("cy", NumberFormat.coordinate(y)), ("r", NumberFormat.coordinate(radius)),
            ("fill", isHollow ? Theme.background : color), ("stroke", isHollow ? color : Theme.background), ("stroke-width", isHollow ? "2" : "1"),
        ])
    }

    /// The pixel height of y = 0, or the axis when 0 is outside the domain (or on a log scale).
    func baselinePosition(_ context: RenderContext) -> Double {
        let domain = context.y.domain
        if context.y.canPlace(0), domain.contains(0) { return context.y(0) }
        return context.plot.bottom
    }

    /// Path data through the points that can be placed; others break the line. `closing`
    /// continues the same run (a band's upper edge) and closes it.
    public func path(_ points: [Point], _ context: RenderContext, closing: [Point]? = nil) -> String {
        var d = ""
        var penDown = false
        var previous = ""
        for point in points + (closing ?? []) {
            guard context.x.canPlace(point.x), context.y.canPlace(point.y) else {
                penDown = false
                continue
            }
            let coordinates = NumberFormat.coordinate(context.x(point.x)) + "," + NumberFormat.coordinate(context.y(point.y))
            if penDown && coordinates == previous { continue }  // same pixel: nothing to draw
            d += (penDown ? "L" : "M") + coordinates
            previous = coordinates
            penDown = true
        }
        return closing == nil || d.isEmpty ? d : d + "Z"
    }
}
