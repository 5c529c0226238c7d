/// The legend: a swatch and a name per mark, in rows that wrap within the chart's width.
struct Legend {
    let elements: [SVGElement]
    let height: Double

    init(items: [(name: String, color: String, mark: Mark)], left: Double, top: Double, width: Double) {
        guard !items.isEmpty else {
            elements = []
            height = 0
            return
        }
        var children: [SVGElement] = []
        var (cursor, row) = (left, 0.0)
        for item in items {
            let name = Theme.truncated(item.name, toWidth: width - 30)
            let itemWidth = 24 + Theme.textWidth(name) + 14
            if cursor > left, cursor + itemWidth > left + width {
                cursor = left
                row += 1
            }
            let y = top + row * 18 + 8
            children.append(item.mark.shape.legendSwatch(of: item.mark, color: item.color, x: cursor, y: y))
            children.append(Axes.text(name, x: cursor + 24, y: y + 4, anchor: "start"))
            cursor += itemWidth
        }
        elements = [SVGElement("g", [("class", "legend")], children: children)]
        height = (row + 1) * 18
    }
}

/// Names at the right ends of lines (coefficient paths labelled by feature), spread vertically
/// so no two overlap; when more lines end than labels fit, the lines ending farthest from
/// zero keep theirs.
enum EndLabels {
    static let lineHeight = 13.0
    static let maximumCharacters = 18

    /// The room the labels need right of the plot.
    static func width(_ names: [String]) -> Double {
        8 + (names.map { Theme.textWidth(shortened($0), size: 11) }.max() ?? 0)
    }

    static func shortened(_ name: String) -> String {
        name.count > maximumCharacters ? String(name.prefix(maximumCharacters - 1)) + "…" : name
    }

    static func elements(for items: [(mark: Mark, color: String)], x: any PositionScale, y: any PositionScale, plot: Frame) -> [SVGElement] {
        var ends: [(name: String, color: String, x: Double, y: Double)] = []
        for item in items {
            guard let points = item.mark.shape.endLabelPoints else { continue }
            let placed = points.filter { x.canPlace($0.x) && y.canPlace($0.y) }.map { (x: x($0.x), y: y($0.y)) }
            guard let end = placed.max(by: { $0.x < $1.x }) else { continue }
            ends.append((item.mark.name!, item.color, end.x, end.y))
        }
        let capacity = max(1, Int(plot.height / lineHeight))
        if ends.count > capacity {
            let zero = y.canPlace(0) && y.domain.contains(0) ? y(0) : plot.bottom
            ends = Array(ends.sorted { abs($0.y - zero) > abs($1.y - zero) }.prefix(capacity))
        }
        ends.sort { $0.y < $1.y }
        let positions = spread(ends.map(\.y), within: (plot.top + 4)...(plot.bottom))
        var elements: [SVGElement] = []
        for (end, position) in zip(ends, positions) {
            if abs(position - end.y) > 1 || end.x < plot.right - 1 {
                elements.append(Axes.line(x1: end.x + 2, y1: end.y, x2: plot.right + 5, y2: position, color: end.color, width: 0.75))
            }
            elements.append(Axes.text(shortened(end.name), x: plot.right + 7, y: position + 4, anchor: "start", size: 11, color: Theme.textColor(for: end.color)))
        }
        return elements.isEmpty ? [] : [SVGElement("g", [("class", "end-labels")], children: elements)]
    }

    /// Moves sorted positions apart to at least `lineHeight`, staying within `bounds`
    /// (down first, then back up from the bottom).
    static func spread(_ wanted: [Double], within bounds: ClosedRange<Double>) -> [Double] {
        var positions = wanted.map { min(max($0, bounds.lowerBound), bounds.upperBound) }
        for index in positions.indices.dropFirst() { positions[index] = max(positions[index], positions[index - 1] + lineHeight) }
        if let last = positions.last, last > bounds.upperBound {
            positions[positions.count - 1] = bounds.upperBound
            for index in positions.indices.dropLast().reversed() { positions[index] = min(positions[index], positions[index + 1] - lineHeight) }
        }
        return positions
    }
}

/// Names of vertical rules (λ_min, λ_1se) along the plot's top, each beside its line, moved to
/// a lower row when it would overlap a label already placed.
enum RuleLabels {
    static func elements(for marks: [Mark], x: any PositionScale, plot: Frame) -> [SVGElement] {
        var placed: [Frame] = []
        var elements: [SVGElement] = []
        for mark in marks {
            guard let value = mark.shape.labelledRule, let name = mark.name, x.canPlace(value) else { continue }
            let position = x(value)
            let width = Theme.textWidth(name, size: 11)
            let onLeft = position + 4 + width > plot.right
            let left = onLeft ? position - 4 - width : position + 4
            var row = 0
            var box = Frame(left: left, top: plot.top + 2, right: left + width, bottom: plot.top + 16)
            while placed.contains(where: { $0.overlaps(box) }) {
                row += 1
                box = Frame(left: left, top: plot.top + 2 + Double(row) * 15, right: left + width, bottom: plot.top + 16 + Double(row) * 15)
            }
            placed.append(box)
            elements.append(Axes.text(name, x: onLeft ? position - 4 : position + 4, y: box.bottom - 3, anchor: onLeft ? "end" : "start", size: 11, color: Theme.ink, halo: true))
        }
        return elements.isEmpty ? [] : [SVGElement("g", [("class", "rule-labels")], children: elements)]
    }
}

/// Text marks (names of points) moved down a line at a time until they overlap no text placed
/// before them: two solutions at the same point get their names one under the other.
enum TextLabels {
    static func avoiding(_ placed: inout [Frame], _ element: SVGElement) -> SVGElement {
        guard element.name == "text", let text = element.text,
              let x = element.attributes.first(where: { $0.0 == "x" }).flatMap({ Double($0.1) }),
              var y = element.attributes.first(where: { $0.0 == "y" }).flatMap({ Double($0.1) }) else { return element }
        let width = Theme.textWidth(text)
        let anchor = element.attributes.first { $0.0 == "text-anchor" }?.1
        let left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x
        func box() -> Frame { Frame(left: left, top: y - Theme.fontSize, right: left + width, bottom: y + 2) }
        while placed.contains(where: { $0.overlaps(box()) }) { y += Theme.fontSize + 2 }
        placed.append(box())
        var moved = element
        moved.attributes = element.attributes.map { $0.0 == "y" ? ("y", NumberFormat.coordinate(y)) : $0 }
        return moved
    }
}
