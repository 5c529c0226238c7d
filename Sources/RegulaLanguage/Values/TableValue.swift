import RegulaCharts

/// A table: its HTML and CSV as members and as the files `save` writes, with every row.
extension Table: SavableValue {
    static let savedTypeName = "Table"

    static let fileForms: [FileForm<Table>] = [
        FileForm("html", "a page holding the whole table") { $0.htmlDocument },
        FileForm("csv", "a header of the column names, then a line per row, numbers exact") { $0.csv },
    ]

    /// `table.html`, `table.csv`, `table.rows`.
    static let members = MemberTable<Table>(
        typeName: savedTypeName, summary: "Rows of numbers and text under column names, as `table` makes them.", subject: "table",
        members: [
            .property("html", "The HTML of the whole table, every row and column (the notebook shows at most 50 rows and 20 columns).") { .string($0.whole.html()) },
            .property("csv", "The table as CSV text: the bytes `save(table, \"table.csv\")` writes.") { .string($0.csv) },
            .property("columns", "The column names, as a List of Strings.") { .list($0.columns.map(Value.string)) },
            .property("rows", "The number of rows.") { .number(Double($0.rows.count)) },
        ]
    )

    /// The table with nothing cut.
    var whole: Table {
        var table = self
        table.maximumRows = .max
        table.maximumColumns = .max
        table.totalRows = nil
        return table
    }

    /// A standalone page with the whole table, for a browser or a spreadsheet to open.
    var htmlDocument: String {
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>table</title>\n</head>\n<body>\n" + whole.html() + "\n</body>\n</html>\n"
    }

    /// Every row as CSV: numbers exact, text quoted where RFC 4180 asks.
    var csv: String {
        var text = CSVText(header: columns)
        for row in rows {
            text.append(columns.indices.map { index in
                guard index < row.count else { return .text("") }
                switch row[index] {
                case let .number(value): return .number(value)
                case let .text(value): return .text(value)
                }
            })
        }
        return text.text
    }
}
