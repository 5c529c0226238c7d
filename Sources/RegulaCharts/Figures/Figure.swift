/// Anything Regula draws: one chart, small multiples of charts, or a network diagram.
public enum Figure: Sendable {
    case chart(Chart)
    case grid(ChartGrid)
    case network(NetworkDiagram)

    /// The figure as a standalone SVG document.
    public func svg() -> String {
        switch self {
        case let .chart(chart): chart.svg()
        case let .grid(grid): grid.svg()
        case let .network(diagram): diagram.svg()
        }
    }

    /// A one-line description, for `text/plain` and as alternative text.
    public var summary: String {
        switch self {
        case let .chart(chart): chart.summary
        case let .grid(grid): grid.summary
        case let .network(diagram): diagram.summary
        }
    }
}

/// Small multiples: charts side by side in rows of `columns`, each in a cell of the first
/// chart's size, under an optional title.
public struct ChartGrid: Sendable {
    public var charts: [Chart]
    public var columns: Int
    public var title: String?

    public init(_ charts: [Chart], columns: Int? = nil, title: String? = nil) {
        self.charts = charts
        self.columns = max(1, columns ?? min(charts.count, 2))
        self.title = title
    }

    public var summary: String {
        (title.map { $0 + ": " } ?? "") + charts.map(\.summary).joined(separator: " | ")
    }

    public func svg() -> String { SVGWriter.document(layout()) }

    public func layout() -> SVGElement {
        let cellWidth = charts.first?.width ?? 400, cellHeight = charts.first?.height ?? 300
        let rows = (charts.count + columns - 1) / columns
        let titleHeight = title == nil ? 0.0 : 30
        let width = cellWidth * Double(min(columns, max(charts.count, 1))), height = titleHeight + cellHeight * Double(max(rows, 1))
        var children: [SVGElement] = []
        if let title {
            children.append(Axes.text(Theme.truncated(title, toWidth: width - 20, size: Theme.titleSize), x: width / 2, y: 22, anchor: "middle", size: Theme.titleSize, weight: "bold"))
        }
        for (index, chart) in charts.enumerated() {
            var cell = chart
            cell.width = cellWidth
            cell.height = cellHeight
            var element = cell.layout()
            // A nested <svg> is its own viewport: the chart's layout is reused as it is.
            element.attributes = element.attributes.filter { $0.0 != "xmlns" && $0.0 != "role" } + [
                ("x", NumberFormat.coordinate(Double(index % columns) * cellWidth)),
                ("y", NumberFormat.coordinate(titleHeight + Double(index / columns) * cellHeight)),
            ]
            children.append(element)
        }
        return SVGElement.document(width: width, height: height, title: title ?? summary, description: summary, children: children)
    }
}
