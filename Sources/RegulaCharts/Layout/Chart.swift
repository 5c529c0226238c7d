/// A chart: marks on an x and a y scale, with axes, grid lines, a legend or labels at the
/// lines' ends, annotations and a title (after Observable Plot). `layout()` builds the element
/// tree; `SVGWriter` writes it.
public struct Chart: Sendable {
    public var marks: [Mark]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var xScale: ScaleKind = .linear
    public var yScale: ScaleKind = .linear
    /// Fixed axis domains (before niceing) instead of the marks' extent.
    public var xDomain: ClosedRange<Double>?
    public var yDomain: ClosedRange<Double>?
    /// Larger x values to the left (λ decreasing, as the path is computed).
    public var reversesX = false
    /// One unit takes the same pixels on both axes: circles stay round.
    public var equalAspect = false
    public var width = 640.0
    public var height = 400.0
    /// The text of `<desc>` and of `text/plain`; a summary of the marks when nil.
    public var description: String?
    /// Names for the positions 1, 2, 3, … of an axis (features of a heatmap), shown as its ticks.
    public var xCategories: [String]?
    public var yCategories: [String]?
    /// Ticks only at whole numbers (counts).
    public var yIntegers = false

    public init(_ marks: [Mark], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.marks = marks
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String { SVGWriter.document(layout()) }

    /// A one-line description, for `text/plain` and the SVG's `<desc>`.
    public var summary: String {
        if let description { return description }
        let names = marks.compactMap { $0.isDataMark ? $0.name : nil }
        let ys = marks.filter(\.isDataMark).flatMap(\.yExtent).filter(\.isFinite)
        let kinds = marks.filter(\.isDataMark).map(\.kindName)
        let kind = kinds.isEmpty ? "chart" : kinds.allSatisfy { $0 == kinds[0] } ? "\(kinds[0]) chart" : "chart"
        var text = (title.map { $0 + ": " } ?? "") + kind
        if !names.isEmpty { text += " of " + names.prefix(12).joined(separator: ", ") + (names.count > 12 ? " and \(names.count - 12) more" : "") }
        if let low = ys.min(), let high = ys.max() {
            text += "; \(yLabel ?? "y") from \(NumberFormat.compact(low, significantDigits: 4)) to \(NumberFormat.compact(high, significantDigits: 4))"
        }
        return text
    }

    /// The chart as an `<svg>` element of `width` × `height`.
    public func layout() -> SVGElement {
        let colored = assignColors()
        var top = 10.0
        var children: [SVGElement] = []
        if let title {
            children.append(Axes.text(Theme.truncated(title, toWidth: width - 20, size: Theme.titleSize), x: width / 2, y: top + 14, anchor: "middle", size: Theme.titleSize, weight: "bold"))
            top += 26
        }
        // One named mark needs no legend: the title and its tooltip name it.
        let named = colored.filter { $0.mark.inLegend }
        let legend = Legend(items: named.count > 1 ? named.map { ($0.mark.name!, $0.color, $0.mark) } : [], left: 12, top: top, width: width - 24)
        children += legend.elements
        top += legend.height + 6
        let bottom = height - 24 - (xLabel == nil ? 0 : 18) - 6

        let yValues = marks.flatMap(\.yExtent), xValues = marks.flatMap(\.xExtent)
        var y = yScale.scale(values: yValues, fixed: yDomain, range: top...bottom, isFlipped: true, tickCount: max(2, Int((bottom - top) / 45)))
        if let yCategories { y = LinearScale(domain: 0.5...(Double(yCategories.count) + 0.5), range: top...bottom, isFlipped: true) }
        let yAxis = AxisStyle(categories: yCategories, integers: yIntegers)
        let left = 10 + (yLabel == nil ? 0 : 20) + Axes.widestLabel(y, style: yAxis) + 8
        let endLabels = colored.filter { $0.mark.labelsEnd && $0.mark.name != nil }
        let heatmaps = marks.contains { $0.shape.colorBarValues != nil }
        let rightMargin = 16 + (endLabels.isEmpty ? 0 : EndLabels.width(endLabels.map { $0.mark.name! })) + (heatmaps ? 64 : 0)
        var plot = Frame(left: left, top: top, right: width - rightMargin, bottom: bottom)
        var x = xScale.scale(values: xValues, fixed: xDomain, range: plot.left...plot.right, isFlipped: reversesX, tickCount: max(2, Int(plot.width / 70)))
        if let xCategories { x = LinearScale(domain: 0.5...(Double(xCategories.count) + 0.5), range: plot.left...plot.right, isFlipped: reversesX) }
        if equalAspect { (x, y, plot) = squared(x, y, plot) }

        children.append(Axes.horizontal(x, plot: plot, style: AxisStyle(categories: xCategories, integers: false)))
        children.append(Axes.vertical(y, plot: plot, style: yAxis))
        var placedText: [Frame] = []
        for item in colored {
            var elements = item.mark.elements(in: RenderContext(x: x, y: y, plot: plot, color: item.color))
            if item.mark.shape.avoidsOtherText { elements = elements.map { TextLabels.avoiding(&placedText, $0) } }
            children += elements
        }
        children += RuleLabels.elements(for: marks, x: x, plot: plot)
        children += EndLabels.elements(for: endLabels, x: x, y: y, plot: plot)
        if heatmaps { children += colorBar(plot: plot) }
        if let xLabel {
            children.append(Axes.text(Theme.truncated(xLabel, toWidth: plot.width), x: (plot.left + plot.right) / 2, y: height - 10, anchor: "middle"))
        }
        if let yLabel {
            var label = Axes.text(Theme.truncated(yLabel, toWidth: plot.height), x: 0, y: 0, anchor: "middle")
            label.attributes = [("transform", "translate(18,\(NumberFormat.coordinate((plot.top + plot.bottom) / 2))) rotate(-90)")] + label.attributes.filter { $0.0 != "x" && $0.0 != "y" }
            children.append(label)
        }
        return SVGElement.document(width: width, height: height, title: title ?? summary, description: summary, children: children)
    }

    /// Each mark with its colour: the palette in order for data marks without one.
    private func assignColors() -> [(mark: Mark, color: String)] {
        var next = 0
        return marks.map { mark in
            if let index = mark.color { return (mark, Theme.color(index)) }
            guard mark.isDataMark else { return (mark, Theme.mutedInk) }
            defer { next += 1 }
            return (mark, Theme.color(next))
        }
    }

    /// Shrinks the plot area along one axis so a unit is as long on both, centred.
    private func squared(_ x: any PositionScale, _ y: any PositionScale, _ plot: Frame) -> (any PositionScale, any PositionScale, Frame) {
        guard let xLinear = x as? LinearScale, let yLinear = y as? LinearScale else { return (x, y, plot) }
        let xSpan = xLinear.domain.upperBound - xLinear.domain.lowerBound, ySpan = yLinear.domain.upperBound - yLinear.domain.lowerBound
        let pixelsPerUnit = min(plot.width / xSpan, plot.height / ySpan)
        var frame = plot
        let (newWidth, newHeight) = (xSpan * pixelsPerUnit, ySpan * pixelsPerUnit)
        frame.left += (plot.width - newWidth) / 2
        frame.right = frame.left + newWidth
        frame.top += (plot.height - newHeight) / 2
        frame.bottom = frame.top + newHeight
        var newX = xLinear, newY = yLinear
        newX.range = frame.left...frame.right
        newY.range = frame.top...frame.bottom
        return (newX, newY, frame)
    }

    /// A vertical colour bar right of the plot, with the heatmap's range.
    private func colorBar(plot: Frame) -> [SVGElement] {
        let values = marks.flatMap { $0.shape.colorBarValues ?? [] }
        let colors = ColorScale(values: values)
        let steps = 24
        let (left, barWidth) = (plot.right + 16, 12.0)
        var elements: [SVGElement] = []
        for step in 0..<steps {
            let t = (Double(step) + 0.5) / Double(steps)
            let value = colors.domain.upperBound - t * (colors.domain.upperBound - colors.domain.lowerBound)
            elements.append(SVGElement("rect", [
                ("x", NumberFormat.coordinate(left)), ("y", NumberFormat.coordinate(plot.top + Double(step) * plot.height / Double(steps))),
                ("width", NumberFormat.coordinate(barWidth)), ("height", NumberFormat.coordinate(plot.height / Double(steps) + 0.5)), ("fill", colors.color(value)),
            ]))
        }
        var marked = [colors.domain.upperBound, colors.domain.lowerBound]
        if colors.isDiverging { marked.insert(0, at: 1) }
        for value in marked {
            let t = (colors.domain.upperBound - value) / (colors.domain.upperBound - colors.domain.lowerBound)
            elements.append(Axes.text(NumberFormat.tick(value), x: left + barWidth + 4, y: plot.top + t * plot.height + 4, anchor: "start", size: 11, color: Theme.mutedInk))
        }
        return [SVGElement("g", [("class", "color-bar"), ("shape-rendering", "crispEdges")], children: elements)]
    }
}
