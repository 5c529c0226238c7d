/// What an axis's ticks are: numbers, whole numbers only, or names of the positions 1, 2, 3, …
struct AxisStyle {
    var categories: [String]?
    var integers = false
    static let numbers = AxisStyle()
}

/// Axis lines, ticks, tick labels and grid lines. The number of ticks follows the axis length,
/// and drops until no two tick labels overlap.
enum Axes {
    /// The ticks of `scale` and their labels, as many as fit along `length` pixels without overlap.
    static func ticks(of scale: any PositionScale, horizontal: Bool, style: AxisStyle = .numbers) -> [(value: Double, label: String)] {
        let length = abs(scale.range.upperBound - scale.range.lowerBound)
        if let categories = style.categories {
            // Every name when they fit; otherwise every second, third, … name.
            let all = categories.enumerated().map { (value: Double($0.offset + 1), label: Theme.truncated($0.element, toWidth: 90)) }
            for stride in 1...max(1, all.count) {
                let shown = all.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
                if !labelsCollide(shown, scale: scale, horizontal: horizontal) { return shown }
            }
            return []
        }
        var count = max(2, Int(length / (horizontal ? 70 : 45)))
        while true {
            var ticks = scale.ticks(count: count).map { (value: $0, label: NumberFormat.tick($0)) }
            if style.integers { ticks = ticks.filter { $0.value == $0.value.rounded() } }
            if count <= 2 || !labelsCollide(ticks, scale: scale, horizontal: horizontal) { return ticks }
            count -= 1
        }
    }

    private static func labelsCollide(_ ticks: [(value: Double, label: String)], scale: any PositionScale, horizontal: Bool) -> Bool {
        let positions = ticks.map { scale($0.value) }.sorted()
        for index in positions.indices.dropFirst() {
            let gap = abs(positions[index] - positions[index - 1])
            let needed = horizontal
                ? (Theme.textWidth(ticks[index].label) + Theme.textWidth(ticks[index - 1].label)) / 2 + 6
                : Theme.fontSize + 4
            if gap < needed { return true }
        }
        return false
    }

    /// The x axis along the plot's bottom, with vertical grid lines.
    static func horizontal(_ scale: any PositionScale, plot: Frame, style: AxisStyle = .numbers) -> SVGElement {
        var elements: [SVGElement] = []
        for tick in ticks(of: scale, horizontal: true, style: style) {
            let position = scale(tick.value)
            elements.append(line(x1: position, y1: plot.top, x2: position, y2: plot.bottom, color: Theme.grid))
            elements.append(text(tick.label, x: position, y: plot.bottom + 17, anchor: "middle", color: Theme.mutedInk))
        }
        elements.append(line(x1: plot.left, y1: plot.bottom, x2: plot.right, y2: plot.bottom, color: Theme.ink))
        return SVGElement("g", [("class", "x-axis")], children: elements)
    }

    /// The y axis along the plot's left, with horizontal grid lines.
    static func vertical(_ scale: any PositionScale, plot: Frame, style: AxisStyle = .numbers) -> SVGElement {
        var elements: [SVGElement] = []
        for tick in ticks(of: scale, horizontal: false, style: style) {
            let position = scale(tick.value)
            elements.append(line(x1: plot.left, y1: position, x2: plot.right, y2: position, color: Theme.grid))
            elements.append(text(tick.label, x: plot.left - 7, y: position + 4, anchor: "end", color: Theme.mutedInk))
        }
        elements.append(line(x1: plot.left, y1: plot.top, x2: plot.left, y2: plot.bottom, color: Theme.ink))
        return SVGElement("g", [("class", "y-axis")], children: elements)
    }

    /// The widest y tick label, to size the left margin.
    static func widestLabel(_ scale: any PositionScale, style: AxisStyle = .numbers) -> Double {
        ticks(of: scale, horizontal: false, style: style).map { Theme.textWidth($0.label) }.max() ?? 0
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, color: String, width: Double? = nil, dashed: Bool = false) -> SVGElement {
        var attributes = [
            ("x1", NumberFormat.coordinate(x1)), ("y1", NumberFormat.coordinate(y1)),
            ("x2", NumberFormat.coordinate(x2)), ("y2", NumberFormat.coordinate(y2)), ("stroke", color),
        ]
        if let width { attributes.append(("stroke-width", NumberFormat.coordinate(width))) }
        if dashed { attributes.append(("stroke-dasharray", "5 4")) }
        return SVGElement("line", attributes)
    }

    /// A text label. `halo` paints a background-coloured outline under the glyphs, so a label
    /// inside the plot stays readable over lines.
    static func text(
        _ content: String, x: Double, y: Double, anchor: String, size: Double = Theme.fontSize,
        weight: String? = nil, color: String = Theme.ink, halo: Bool = false
    ) -> SVGElement {
        var attributes = [("x", NumberFormat.coordinate(x)), ("y", NumberFormat.coordinate(y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if size != Theme.fontSize { attributes.append(("font-size", NumberFormat.coordinate(size))) }
        if let weight { attributes.append(("font-weight", weight)) }
        attributes.append(("fill", color))
        if halo { attributes += [("stroke", Theme.background), ("stroke-width", "3"), ("paint-order", "stroke")] }
        return SVGElement("text", attributes, text: content)
    }
}
