
/// A named series of points, drawn as one line.
public struct Series: Sendable, Equatable {
    public var name: String
    public var points: [(x: Double, y: Double)]

    public init(name: String, points: [(x: Double, y: Double)]) {
        self.name = name
        self.points = points
    }

    /// A series of values against their positions 1, 2, 3, …
    public init(name: String, values: [Double]) {
        self.init(name: name, points: values.enumerated().map { (Double($0.offset + 1), $0.element) })
    }

    public static func == (lhs: Series, rhs: Series) -> Bool {
        lhs.name == rhs.name && lhs.points.map(\.x) == rhs.points.map(\.x) && lhs.points.map(\.y) == rhs.points.map(\.y)
    }
}

/// A line chart: scales, axes with grid lines, one line mark per series, a legend and a title.
/// `layout()` builds the element tree; `SVGWriter` writes it.
public struct LineChart: Sendable {
    public var series: [Series]
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?
    public var width = 640.0
    public var height = 400.0
    /// Fixed axis domains (before niceing) instead of the data's extent, e.g. for equal aspect.
    public var xDomain: ClosedRange<Double>?
    public var yDomain: ClosedRange<Double>?

    public init(series: [Series], title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.series = series
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// The chart as a standalone SVG document.
    public func svg() -> String {
        SVGWriter.document(layout())
    }

    /// A one-line description, for `text/plain` and the SVG's `<desc>`.
    public var summary: String {
        let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let names = series.map(\.name).joined(separator: ", ")
        guard let low = finite.map(\.y).min(), let high = finite.map(\.y).max() else {
            return "Line chart of \(names) with no finite points"
        }
        return "Line chart of \(names): \(finite.count) points, y from \(NumberFormat.compact(low)) to \(NumberFormat.compact(high))"
    }

    public func layout() -> SVGElement {
        let margin = (top: title == nil ? 20.0 : 40.0, right: 20.0, bottom: xLabel == nil ? 40.0 : 56.0, left: yLabel == nil ? 60.0 : 76.0)
        let legendHeight = series.count > 1 ? 22.0 : 0
        let plot = (left: margin.left, right: width - margin.right, top: margin.top + legendHeight, bottom: height - margin.bottom)
        let finite = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let xs = finite.map(\.x), ys = finite.map(\.y)
        let x = LinearScale(domain: xDomain ?? (xs.min() ?? 0)...(xs.max() ?? 1), range: plot.left...plot.right).niced()
        let y = LinearScale(domain: yDomain ?? (ys.min() ?? 0)...(ys.max() ?? 1), range: plot.top...plot.bottom, isFlipped: true).niced()

        var children: [SVGElement] = [
            SVGElement("title", text: title ?? summary),
            SVGElement("desc", text: summary),
            SVGElement("rect", [("width", "100%"), ("height", "100%"), ("fill", Theme.background)]),
        ]
        children += Axes.horizontal(x, at: plot.bottom, gridFrom: plot.top)
        children += Axes.vertical(y, at: plot.left, gridTo: plot.right)
        for (index, item) in series.enumerated() {
            children.append(lineMark(item, x: x, y: y, color: Theme.color(index)))
        }
        if series.count > 1 { children.append(legend(top: margin.top, left: plot.left)) }
        if let title {
            children.append(Axes.text(title, x: width / 2, y: 24, anchor: "middle", size: 14, weight: "bold"))
        }
        if let xLabel {
            children.append(Axes.text(xLabel, x: (plot.left + plot.right) / 2, y: height - 12, anchor: "middle"))
        }
        if let yLabel {
            var label = Axes.text(yLabel, x: 0, y: 0, anchor: "middle")
            label.attributes = [("transform", "translate(16,\(NumberFormat.coordinate((plot.top + plot.bottom) / 2))) rotate(-90)")] + label.attributes.filter { $0.0 != "x" && $0.0 != "y" }
            children.append(label)
        }
        return SVGElement("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"),
            ("width", NumberFormat.coordinate(width)), ("height", NumberFormat.coordinate(height)),
            ("viewBox", "0 0 \(NumberFormat.coordinate(width)) \(NumberFormat.coordinate(height))"),
            ("font-family", Theme.fontFamily), ("font-size", NumberFormat.coordinate(Theme.fontSize)),
            ("role", "img"),
        ], children: children)
    }

    /// A polyline; a non-finite value breaks the line rather than being drawn at a made-up place.
    private func lineMark(_ series: Series, x: LinearScale, y: LinearScale, color: String) -> SVGElement {
        var path = ""
        var penDown = false
        for point in series.points {
            guard point.x.isFinite, point.y.isFinite else {
                penDown = false
                continue
            }
            path += (penDown ? "L" : "M") + NumberFormat.coordinate(x(point.x)) + "," + NumberFormat.coordinate(y(point.y))
            penDown = true
        }
        return SVGElement("path", [
            ("d", path.isEmpty ? "M0,0" : path), ("fill", "none"), ("stroke", color), ("stroke-width", "2"),
            ("stroke-linejoin", "round"), ("stroke-linecap", "round"),
        ], children: [SVGElement("title", text: series.name)])
    }

    private func legend(top: Double, left: Double) -> SVGElement {
        var items: [SVGElement] = []
        var cursor = left
        for (index, item) in series.enumerated() {
            let y = NumberFormat.coordinate(top + 8)
            items.append(SVGElement("line", [
                ("x1", NumberFormat.coordinate(cursor)), ("y1", y), ("x2", NumberFormat.coordinate(cursor + 18)), ("y2", y),
                ("stroke", Theme.color(index)), ("stroke-width", "3"),
            ]))
            items.append(Axes.text(item.name, x: cursor + 24, y: top + 12, anchor: "start"))
            cursor += 24 + Double(item.name.count) * 7 + 16
        }
        return SVGElement("g", [("class", "legend")], children: items)
    }
}
