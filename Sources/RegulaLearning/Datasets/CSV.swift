/// A parsed CSV file: a header and rows of fields (RFC 4180: quotes, doubled quotes, CRLF),
/// read the way spreadsheets and other tools write them: a leading byte-order mark is dropped
/// and the separator is `,`, `;` or a tab, detected from the header line unless given.
public struct CSVTable: Equatable, Sendable {
    /// The separators detected, in the order a tie is broken.
    public static let separators: [Unicode.Scalar] = [",", ";", "\t"]

    /// The column names from the first line, with surrounding spaces trimmed.
    public var header: [String]
    /// The data rows, each with the header's number of fields.
    public var rows: [[String]]
    /// The 1-based line each row starts on, for error messages.
    public var lineNumbers: [Int]
    /// The separator the fields were split on.
    public var separator: Unicode.Scalar

    /// Parses `text`; a ragged row or an unclosed quote is an error naming its line.
    /// `separator` nil detects it: the one of `separators` found most often on the header line
    /// outside quotes. `isInterrupted` is checked every 65,536 characters.
    public init(parsing text: String, separator: Unicode.Scalar? = nil, isInterrupted: () -> Bool = { false }) throws(LearningError) {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let separator = separator ?? Self.detectSeparator(in: scalars)
        self.separator = separator
        var records: [[String]] = []
        var starts: [Int] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordStart = 1
        var fieldWasQuoted = false
        var characters = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func endRecord() {
            record.append(field)
            if !(record.count == 1 && record[0].isEmpty && !fieldWasQuoted) {
                records.append(record)
                starts.append(recordStart)
            }
            record = []
            field = ""
            fieldWasQuoted = false
        }
        var read = 0
        while let scalar = pending ?? characters.next() {
            pending = nil
            read &+= 1
            if read & 0xFFFF == 0, isInterrupted() { throw .interrupted }
            if inQuotes {
                if scalar == "\"" {
                    if let next = characters.next() {
                        if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.trimmingSpaces.isEmpty:
                field = ""
                inQuotes = true
                fieldWasQuoted = true
            case separator:
                record.append(field)
                field = ""
                fieldWasQuoted = false
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordStart = line
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw .invalidCSV(line: recordStart, column: "\(record.count + 1)", problem: "a quoted field is never closed") }
        if !field.isEmpty || !record.isEmpty || fieldWasQuoted { endRecord() }
        guard let header = records.first else { throw .invalidInput("the CSV text is empty: it needs a header line") }
        self.header = header.map { $0.trimmingSpaces }
        for (index, record) in records.enumerated().dropFirst() where record.count != header.count {
            throw .invalidCSV(
                line: starts[index], column: "\(min(record.count, header.count) + 1)",
                problem: "this row has \(record.count) field\(record.count == 1 ? "" : "s") but the header has \(header.count)\(Self.separatorHint(separator))")
        }
        rows = Array(records.dropFirst())
        lineNumbers = Array(starts.dropFirst())
    }

    /// The separator found most often on the first line outside quotes; `,` when none is.
    static func detectSeparator(in scalars: Substring.UnicodeScalarView) -> Unicode.Scalar {
        var counts = [Unicode.Scalar: Int]()
        var inQuotes = false
        for scalar in scalars {
            if scalar == "\"" { inQuotes.toggle() }
            if scalar == "\n", !inQuotes { break }
            if !inQuotes, separators.contains(scalar) { counts[scalar, default: 0] += 1 }
        }
        var best: Unicode.Scalar = ","
        for candidate in separators where counts[candidate, default: 0] > counts[best, default: 0] { best = candidate }
        return best
    }

    static func separatorHint(_ separator: Unicode.Scalar) -> String {
        let name = separator == "\t" ? "a tab" : "\"\(separator)\""
        return " (fields are split on \(name); pass separator: to choose another)"
    }
}

/// One cell of a column before it becomes a feature: a number, a text or nothing.
public enum DataCell: Equatable, Sendable {
    case number(Double)
    case text(String)
    case missing

    /// The words a CSV file writes for a missing value (compared without case), besides an empty cell.
    public static let missingWords: Set<String> = ["na", "n/a", "#n/a", "nan", "-nan", "null", "none", "<na>"]

    /// Reads a CSV field: spaces trimmed; a missing word or an empty field is missing; a number
    /// (a decimal comma too when `decimalComma`) is a number; anything else is text.
    public init(field: String, decimalComma: Bool = false) {
        let cell = field.trimmingSpaces
        if cell.isEmpty || Self.missingWords.contains(cell.lowercased()) {
            self = .missing
        } else if let value = Self.number(cell, decimalComma: decimalComma) {
            self = .number(value)
        } else {
            self = .text(cell)
        }
    }

    /// A finite decimal number as people write it: digits, one point (or one comma), an exponent.
    /// Swift's `Double("0x1p3")` and `Double("inf")` accept more than a data file means.
    static func number(_ cell: String, decimalComma: Bool) -> Double? {
        guard let value = writtenNumber(cell, decimalComma: decimalComma), value.isFinite else { return nil }
        return value
    }

    /// True when `text` is written as a number but is beyond what a Double holds (`1e400`).
    public static func isTooLargeANumber(_ text: String) -> Bool {
        // The comma form was already tried by the reader: a point is enough to ask about here.
        writtenNumber(text, decimalComma: false)?.isInfinite == true
    }

    private static func writtenNumber(_ cell: String, decimalComma: Bool) -> Double? {
        var text = cell
        if decimalComma, !text.contains("."), text.filter({ $0 == "," }).count == 1 { text = text.replacing(",", with: ".") }
        guard text.unicodeScalars.allSatisfy({ "0123456789+-.eE".unicodeScalars.contains($0) }),
              text.unicodeScalars.contains(where: { ("0"..."9").contains($0) })
        else { return nil }
        return Double(text)
    }
}

extension Dataset {
    /// A dataset from CSV text with a header: `options` name the target and say which columns
    /// are features, which are categories and what to do with missing values (see
    /// `Dataset(columns:options:locations:)`). `separator` nil detects it.
    public init(
        csv text: String, options: DatasetOptions, separator: Unicode.Scalar? = nil, isInterrupted: () -> Bool = { false }
    ) throws(LearningError) {
        let table = try CSVTable(parsing: text, separator: separator, isInterrupted: isInterrupted)
        guard !table.rows.isEmpty else { throw .invalidInput("the CSV text has a header but no rows") }
        let decimalComma = table.separator != ","
        var columns = table.header.enumerated().map { index, name in
            DataColumn(name: name.isEmpty ? "column \(index + 1)" : name, cells: [])
        }
        for index in columns.indices { columns[index].cells.reserveCapacity(table.rows.count) }
        for (i, row) in table.rows.enumerated() {
            if i & 0xFFF == 0, isInterrupted() { throw .interrupted }
            for (j, field) in row.enumerated() { columns[j].cells.append(DataCell(field: field, decimalComma: decimalComma)) }
        }
        try self.init(columns: columns, options: options, locations: .lines(table.lineNumbers))
    }
}

extension String {
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })!
        return String(scalars[first...last])
    }
}
