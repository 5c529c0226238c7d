/// A table of cells with column headers, shown as HTML in notebooks and as aligned text elsewhere.
public struct Table: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case number(Double)
        case text(String)
    }

    public var columns: [String]
    public var rows: [[Cell]]
    /// Rows beyond this are cut, with a line saying how many more there are.
    public var maximumRows = 50
    /// With more columns than this, the first and last halves are shown around a "…" column,
    /// as pandas does: a 500-column dataset stays a readable, small table.
    public var maximumColumns = 20
    /// The number of rows in the whole data when `rows` holds only its first ones (a preview).
    public var totalRows: Int?

    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    private var shownRows: ArraySlice<[Cell]> { rows.prefix(maximumRows) }

    /// The columns shown, by index; nil stands for the "…" column between the two halves.
    private var shownColumns: [Int?] {
        guard columns.count > maximumColumns else { return columns.indices.map { $0 } }
        let half = max(1, maximumColumns / 2)
        return Array(0..<half) + [nil] + Array((columns.count - half)..<columns.count)
    }

    private var hiddenColumnCount: Int { columns.count > maximumColumns ? columns.count - (shownColumns.count - 1) : 0 }

    private static let elidedCell = Cell.text("…")

    /// The cells of `row` in the shown columns.
    private func shown(_ row: [Cell]) -> [Cell] {
        shownColumns.map { index in index.map { $0 < row.count ? row[$0] : .text("") } ?? Self.elidedCell }
    }

    private var shownHeaders: [String] { shownColumns.map { $0.map { columns[$0] } ?? "…" } }
    private var hiddenCount: Int { max(0, (totalRows ?? rows.count) - min(rows.count, maximumRows)) }

    /// An HTML table: escaped text, numbers right-aligned, exact zeros marked.
    public func html() -> String {
        var html = "<table class=\"regula-table\">\n<thead><tr>"
        for column in shownHeaders { html += "<th>\(SVGWriter.escape(column))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in shownRows {
            html += "<tr>"
            for cell in shown(row) {
                switch cell {
                case let .number(value) where value == 0:
                    html += "<td style=\"text-align:right;color:#888\" title=\"exactly zero\">0</td>"
                case let .number(value):
                    html += "<td style=\"text-align:right\">\(NumberFormat.compact(value))</td>"
                case let .text(value):
                    html += "<td style=\"text-align:left\">\(SVGWriter.escape(value))</td>"
                }
            }
            html += "</tr>\n"
        }
        if let summary = hiddenSummary {
            html += "<tr><td colspan=\"\(shownColumns.count)\">\(summary)</td></tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    /// "… 950 more rows", "… 480 more columns", both, or nil when everything is shown.
    private var hiddenSummary: String? {
        let parts = [(hiddenCount, "rows"), (hiddenColumnCount, "columns")].filter { $0.0 > 0 }.map { "\($0.0) more \($0.1)" }
        return parts.isEmpty ? nil : "… " + parts.joined(separator: ", ")
    }

    /// The same table as aligned plain text.
    public func plainText() -> String {
        let columns = shownHeaders
        let rows = shownRows.map(shown)
        let body = rows.map { row in
            row.map { cell -> String in
                switch cell {
                case let .number(value): NumberFormat.compact(value)
                case let .text(value): value
                }
            }
        }
        let widths = columns.indices.map { index in
            ([columns[index]] + body.map { index < $0.count ? $0[index] : "" }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            cells.enumerated().map { index, text in
                let pad = String(repeating: " ", count: max(0, widths[index] - text.count))
                return numeric[index] ? pad + text : text + pad
            }.joined(separator: "  ")
        }
        let numericColumns = columns.indices.map { index in
            rows.contains { index < $0.count && { if case .number = $0 { true } else { false } }($0[index]) }
        }
        var lines = [line(columns, numeric: numericColumns)]
        lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        lines += body.map { line($0, numeric: numericColumns) }
        if let summary = hiddenSummary { lines.append(summary) }
        return lines.map { $0.replacingTrailingSpaces() }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func replacingTrailingSpaces() -> String {
        var result = self
        while result.hasSuffix(" ") { result.removeLast() }
        return result
    }
}
