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
    /// The number of rows in the whole data when `rows` holds only its first ones (a preview).
    public var totalRows: Int?

    public init(columns: [String], rows: [[Cell]]) {
        self.columns = columns
        self.rows = rows
    }

    private var shownRows: ArraySlice<[Cell]> { rows.prefix(maximumRows) }
    private var hiddenCount: Int { max(0, (totalRows ?? rows.count) - min(rows.count, maximumRows)) }

    /// An HTML table: escaped text, numbers right-aligned, exact zeros marked.
    public func html() -> String {
        var html = "<table class=\"regula-table\">\n<thead><tr>"
        for column in columns { html += "<th>\(SVGWriter.escape(column))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for row in shownRows {
            html += "<tr>"
            for cell in row {
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
        if hiddenCount > 0 {
            html += "<tr><td colspan=\"\(columns.count)\">… \(hiddenCount) more rows</td></tr>\n"
        }
        return html + "</tbody>\n</table>"
    }

    /// The same table as aligned plain text.
    public func plainText() -> String {
        let body = shownRows.map { row in
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
        if hiddenCount > 0 { lines.append("… \(hiddenCount) more rows") }
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
