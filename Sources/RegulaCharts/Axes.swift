/// Axis lines, ticks, tick labels and grid lines for a scale.
enum Axes {
    /// The x axis along the bottom at `baseline`, with vertical grid lines up to `gridFrom`.
    static func horizontal(_ scale: LinearScale, at baseline: Double, gridFrom top: Double) -> [SVGElement] {
        var elements: [SVGElement] = []
        for tick in scale.ticks() {
            let position = NumberFormat.coordinate(scale(tick))
            elements.append(SVGElement("line", [("x1", position), ("y1", NumberFormat.coordinate(top)), ("x2", position), ("y2", NumberFormat.coordinate(baseline)), ("stroke", Theme.grid)]))
            elements.append(text(NumberFormat.tick(tick), x: scale(tick), y: baseline + 18, anchor: "middle", color: Theme.mutedInk))
        }
        elements.append(SVGElement("line", [
            ("x1", NumberFormat.coordinate(scale.range.lowerBound)), ("y1", NumberFormat.coordinate(baseline)),
            ("x2", NumberFormat.coordinate(scale.range.upperBound)), ("y2", NumberFormat.coordinate(baseline)), ("stroke", Theme.ink),
        ]))
        return [SVGElement("g", [("class", "x-axis")], children: elements)]
    }

    /// The y axis along the left at `baseline`, with horizontal grid lines across to `gridTo`.
    static func vertical(_ scale: LinearScale, at baseline: Double, gridTo right: Double) -> [SVGElement] {
        var elements: [SVGElement] = []
        for tick in scale.ticks() {
            let position = NumberFormat.coordinate(scale(tick))
            elements.append(SVGElement("line", [("x1", NumberFormat.coordinate(baseline)), ("y1", position), ("x2", NumberFormat.coordinate(right)), ("y2", position), ("stroke", Theme.grid)]))
            elements.append(text(NumberFormat.tick(tick), x: baseline - 8, y: scale(tick) + 4, anchor: "end", color: Theme.mutedInk))
        }
        elements.append(SVGElement("line", [
            ("x1", NumberFormat.coordinate(baseline)), ("y1", NumberFormat.coordinate(scale.range.lowerBound)),
            ("x2", NumberFormat.coordinate(baseline)), ("y2", NumberFormat.coordinate(scale.range.upperBound)), ("stroke", Theme.ink),
        ]))
        return [SVGElement("g", [("class", "y-axis")], children: elements)]
    }

    static func text(
        _ content: String, x: Double, y: Double, anchor: String, size: Double = Theme.fontSize,
        weight: String = "normal", color: String = Theme.ink
    ) -> SVGElement {
        SVGElement("text", [
            ("x", NumberFormat.coordinate(x)), ("y", NumberFormat.coordinate(y)), ("text-anchor", anchor),
            ("font-size", NumberFormat.coordinate(size)), ("font-weight", weight), ("fill", color),
        ], text: content)
    }
}
