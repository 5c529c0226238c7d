/// A parsed CSV file: a header and rows of fields (RFC 4180: quotes, doubled quotes, CRLF).
public struct CSVTable: Equatable, Sendable {
    /// The column names from the first line.
    public var header: [String]
    /// The data rows, each with the header's number of fields.
    public var rows: [[String]]
    /// The 1-based line each row starts on, for error messages.
    public var lineNumbers: [Int]

    /// Parses `text`; a ragged row or an unclosed quote is an error naming its line.
    /// `isInterrupted` is checked every 65,536 characters (a 100 MB file takes seconds).
    public init(parsing text: String, isInterrupted: () -> Bool = { false }) throws(LearningError) {
        var records: [[String]] = []
        var starts: [Int] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var line = 1
        var recordStart = 1
        var fieldWasQuoted = false
        var characters = text.unicodeScalars.makeIterator()
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
            case "\"" where field.isEmpty:
                inQuotes = true
                fieldWasQuoted = true
            case ",":
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
                problem: "this row has \(record.count) fields but the header has \(header.count)")
        }
        rows = Array(records.dropFirst())
        lineNumbers = Array(starts.dropFirst())
    }
}

extension Dataset {
    /// A regression dataset from CSV text with a header: `target` names the target column,
    /// `excluding` names columns that are neither features nor target. Every other cell must
    /// be a number; a missing or non-numeric one is an error naming its line and column.
    public init(
        csv text: String, target: String, excluding excluded: Set<String> = [], title: String, isInterrupted: () -> Bool = { false }
    ) throws(LearningError) {
        let table = try CSVTable(parsing: text, isInterrupted: isInterrupted)
        guard let targetIndex = table.header.firstIndex(of: target) else {
            throw .invalidInput("no column named \"\(target)\"; the columns are \(table.header.joined(separator: ", "))")
        }
        guard !table.rows.isEmpty else { throw .invalidInput("the CSV text has a header but no rows") }
        let featureIndices = table.header.indices.filter { $0 != targetIndex && !excluded.contains(table.header[$0]) }
        var features = Matrix(rows: table.rows.count, columns: featureIndices.count)
        var targets: [Double] = []
        for (i, row) in table.rows.enumerated() {
            if i & 0xFFF == 0, isInterrupted() { throw .interrupted }
            func number(_ column: Int) throws(LearningError) -> Double {
                let cell = row[column].trimmingSpaces
                let name = table.header[column].isEmpty ? "\(column + 1)" : "\"\(table.header[column])\""
                if cell.isEmpty || ["na", "nan", "null"].contains(cell.lowercased()) {
                    throw .invalidCSV(line: table.lineNumbers[i], column: name, problem: "the value is missing")
                }
                guard let value = Double(cell), value.isFinite else {
                    throw .invalidCSV(line: table.lineNumbers[i], column: name, problem: "\"\(cell)\" is not a number")
                }
                return value
            }
            targets.append(try number(targetIndex))
            for (j, column) in featureIndices.enumerated() { features[i, j] = try number(column) }
        }
        self.init(
            features: features, target: targets, featureNames: featureIndices.map { table.header[$0] },
            targetName: target, title: title)
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
