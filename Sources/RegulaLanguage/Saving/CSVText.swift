import RegulaLearning

/// CSV text as RFC 4180 writes it: a header row, then rows of fields, each line ended by CRLF.
/// A field with a comma, a quote, a line break or a space at either end is quoted, its quotes
/// doubled; numbers are written so they read back as the same double.
struct CSVText {
    /// One field of a row.
    enum Field {
        case number(Double)
        case text(String)
    }

    private(set) var text = ""
    let columnCount: Int

    init(header: [String]) {
        columnCount = header.count
        appendLine(header.map(Self.quoted))
    }

    /// Appends a row; it must have one field per header column.
    mutating func append(_ row: [Field]) {
        precondition(row.count == columnCount, "a CSV row has \(row.count) fields for \(columnCount) columns")
        appendLine(row.map { field in
            switch field {
            case let .number(value): Self.number(value)
            case let .text(value): Self.quoted(value)
            }
        })
    }

    /// Appends a row of numbers.
    mutating func append(numbers: [Double]) {
        append(numbers.map(Field.number))
    }

    private mutating func appendLine(_ fields: [String]) {
        text += fields.joined(separator: ",")
        text += "\r\n"
    }

    /// `value` as the shortest text that reads back as the same double (Python's `float`,
    /// pandas and Regula's `csv` all read it): `3`, `0.1`, `1e-300`, `-0`, `nan`, `inf`.
    static func number(_ value: Double) -> String {
        if value == 0 && value.sign == .minus { return "-0" }
        return formatted(value)
    }

    /// `text` as one field: as it is when nothing in it needs quoting, else in quotes with its
    /// quotes doubled.
    static func quoted(_ text: String) -> String {
        // By scalars: "\r\n" is one Character, equal to neither "\r" nor "\n".
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || text.first == " " || text.last == " "
        guard needsQuotes else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
