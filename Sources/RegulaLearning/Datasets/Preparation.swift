/// What to do with a missing value (an empty cell, `NA`, `NaN`, `null`, …).
public enum MissingValues: String, CaseIterable, Sendable {
    /// One error that lists every missing cell.
    case error
    /// Leave out every row with a missing value in a column that is used.
    case drop
    /// Fill a feature's missing values with its column's mean (rows missing the target are left out).
    case mean
    /// Fill a feature's missing values with its column's median (rows missing the target are left out).
    case median
}

/// How a table of named columns becomes a dataset: which column is the target, which are
/// features, which are categories, and what to do with missing values.
public struct DatasetOptions: Sendable {
    /// The target column's name.
    public var target: String
    /// The feature columns, in this order; every column but the target when nil.
    public var columns: [String]?
    /// Columns that are neither features nor the target.
    public var dropped: [String]
    /// Columns whose values are categories even when they are numbers.
    public var categorical: [String]
    /// What to do with missing values.
    public var missing: MissingValues
    /// The dataset's title.
    public var title: String

    public init(
        target: String, columns: [String]? = nil, dropped: [String] = [], categorical: [String] = [],
        missing: MissingValues = .error, title: String = "data"
    ) {
        self.target = target
        self.columns = columns
        self.dropped = dropped
        self.categorical = categorical
        self.missing = missing
        self.title = title
    }
}

/// A named column of cells, as a file or a list gives it.
public struct DataColumn: Equatable, Sendable {
    public var name: String
    public var cells: [DataCell]

    public init(name: String, cells: [DataCell]) {
        self.name = name
        self.cells = cells
    }
}

/// Where each row came from, so a message can point at it: a file's lines or a list's positions.
public enum CellLocations: Sendable {
    /// The 1-based line of each row in a file.
    case lines([Int])
    /// Rows numbered from 1, as positions in lists.
    case rows

    func describe(_ row: Int) -> String {
        switch self {
        case let .lines(lines): "line \(lines[row])"
        case .rows: "row \(row + 1)"
        }
    }
}

extension Dataset {
    /// A dataset from named columns of numbers, texts and missing cells. Text columns (and
    /// those in `options.categorical`) become indicator columns `name=level`, one per level
    /// but the first in sorted order (the reference, as R's `model.matrix`); a text target
    /// makes a classification dataset. Every problem found (unknown names, mixed or date-like
    /// columns, identifiers, missing values under `.error`) is reported in one `dataProblems`
    /// error; what was done is kept in `notes`.
    public init(columns: [DataColumn], options: DatasetOptions, locations: CellLocations) throws(LearningError) {
        var preparation = try Preparation(columns: columns, options: options, locations: locations)
        self = try preparation.dataset()
    }
}

/// The work behind `Dataset(columns:options:locations:)`, collecting problems and notes.
struct Preparation {
    /// How a used column turns into numbers.
    enum Encoding {
        case numeric
        /// Sorted levels; cells are looked up by `levelKey`.
        case categorical(levels: [String])
    }

    let columns: [DataColumn]
    let options: DatasetOptions
    let locations: CellLocations
    let rowCount: Int
    let targetIndex: Int
    let featureIndices: [Int]
    var problems: [String] = []
    /// Under `.error`, the list of missing cells, reported after the columns' problems.
    var missingProblem: String?
    var notes: [String] = []

    init(columns: [DataColumn], options: DatasetOptions, locations: CellLocations) throws(LearningError) {
        self.columns = columns
        self.options = options
        self.locations = locations
        let names = columns.map(\.name)
        var seen = Set<String>()
        for name in names where !seen.insert(name).inserted {
            throw .invalidInput("two columns are named \(quoted(name)): rename one so each name says which column it means")
        }
        rowCount = columns.first?.cells.count ?? 0
        guard rowCount > 0 else { throw .invalidInput("the data has no rows") }
        var unknown: [String] = []
        for (role, asked) in [("target", [options.target]), ("columns", options.columns ?? []), ("drop", options.dropped), ("categorical", options.categorical)] {
            for name in asked where !names.contains(name) { unknown.append("\(quoted(name)) (in \(role):)") }
        }
        if !unknown.isEmpty {
            let list = names.map(quoted).joined(separator: ", ")
            throw .invalidInput("no column named \(unknown.joined(separator: ", ")); the columns are \(list)")
        }
        let target = names.firstIndex(of: options.target)!
        let chosen = options.columns.map { $0.map { names.firstIndex(of: $0)! } } ?? Array(names.indices)
        let dropped = Set(options.dropped)
        targetIndex = target
        featureIndices = chosen.filter { $0 != target && !dropped.contains(names[$0]) }
        guard !featureIndices.isEmpty else {
            throw .invalidInput("no feature columns are left besides the target \(quoted(options.target)): check columns: and drop:")
        }
    }

    mutating func dataset() throws(LearningError) -> Dataset {
        // Rows first, so levels and column checks see only the rows that stay.
        let kept = keptRows()
        var encodings: [Int: Encoding] = [:]
        for index in featureIndices + [targetIndex] { encodings[index] = encoding(of: index, rows: kept, isTarget: index == targetIndex) }
        if let missingProblem { problems.append(missingProblem) }
        if !problems.isEmpty { throw .dataProblems(problems) }

        // The target: numbers, or classes 0, 1, … from its sorted levels.
        let target = columns[targetIndex]
        var targetValues: [Double] = []
        var task = TargetKind.regression
        switch encodings[targetIndex]! {
        case .numeric:
            targetValues = kept.map { if case let .number(value) = target.cells[$0] { value } else { .nan } }
        case let .categorical(levels):
            guard levels.count >= 2 else { throw .dataProblems(["the target \(quoted(target.name)) has only one class, \(quoted(levels.first ?? ""))"]) }
            let classOf = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Double($0)) })
            targetValues = kept.map { classOf[Self.levelKey(target.cells[$0])!]! }
            task = .classification(classes: levels.count)
            notes.append("the target \(quoted(target.name)) has classes " + levels.enumerated().map { "\(quoted($1)) = \($0)" }.joined(separator: ", "))
        }

        // The features: a column per number column, an indicator per level but the first.
        var names: [String] = []
        var values: [[Double]] = []
        var filled: [Int: [Bool]] = [:]
        for index in featureIndices {
            let column = columns[index]
            let missingFlags = kept.map { column.cells[$0] == .missing }
            let hasMissing = missingFlags.contains(true)
            switch encodings[index]! {
            case .numeric:
                if hasMissing { filled[names.count] = missingFlags }
                names.append(column.name)
                values.append(kept.map { if case let .number(value) = column.cells[$0] { value } else { 0 } })
            case let .categorical(levels):
                for level in levels.dropFirst() {
                    if hasMissing { filled[names.count] = missingFlags }
                    names.append("\(column.name)=\(level)")
                    values.append(kept.map { Self.levelKey(column.cells[$0]) == level ? 1 : 0 })
                }
                let reference = "reference level \(quoted(levels[0]))"
                notes.append(levels.count == 1
                    ? "\(quoted(column.name)) has one level, \(quoted(levels[0])), and adds no column"
                    : "\(quoted(column.name)) is encoded as \(levels.count - 1) indicator column\(levels.count == 2 ? "" : "s") (\(reference))")
            }
        }
        var features = Matrix(rows: kept.count, columns: names.count)
        for (j, column) in values.enumerated() { for (i, value) in column.enumerated() { features[i, j] = value } }
        var data = Dataset(features: features, target: targetValues, featureNames: names, targetName: target.name, task: task, title: options.title)
        if !filled.isEmpty, let statistic = Imputation.Statistic(rawValue: options.missing.rawValue) {
            data.imputation = Imputation(statistic: statistic, filled: filled)
            data = data.refilled()
        }
        data.notes = notes
        return data
    }

    // MARK: - Columns

    /// How column `index` is encoded; a problem is recorded when it cannot be used.
    mutating func encoding(of index: Int, rows: [Int], isTarget: Bool) -> Encoding {
        let column = DataColumn(name: columns[index].name, cells: rows.map { columns[index].cells[$0] })
        var numbers = 0
        var texts: [(row: Int, text: String)] = []
        for (position, cell) in column.cells.enumerated() {
            let row = rows[position]
            switch cell {
            case .number: numbers += 1
            case let .text(text): texts.append((row, text))
            case .missing: break
            }
        }
        let name = quoted(column.name)
        if options.categorical.contains(column.name) { return .categorical(levels: levels(of: column)) }
        // A number too large for a Double is a number mistyped or out of scale, not text.
        let tooLarge = texts.filter { DataCell.isTooLargeANumber($0.text) }
        if !tooLarge.isEmpty {
            let examples = tooLarge.prefix(3).map { "\(quoted($0.text)) on \(locations.describe($0.row))" }.joined(separator: ", ")
            let more = tooLarge.count > 3 ? " and \(tooLarge.count - 3) more" : ""
            problems.append("column \(name) has numbers beyond ±1.8e308, the largest a Double holds (\(examples)\(more)): rescale the column or correct those cells")
            texts.removeAll { DataCell.isTooLargeANumber($0.text) }
            numbers += tooLarge.count
        }
        if numbers + texts.count == 0 {
            problems.append("column \(name) has no values")
            return .numeric
        }
        if texts.isEmpty {
            if !isTarget { noteIdentifier(column) }
            return .numeric
        }
        if numbers > 0 {
            let examples = texts.prefix(3).map { "\(quoted($0.text)) on \(locations.describe($0.row))" }.joined(separator: ", ")
            let more = texts.count > 3 ? " and \(texts.count - 3) more" : ""
            problems.append("column \(name) mixes numbers and text (\(examples)\(more)): correct those cells, or list the column in categorical: to encode every value as a category")
            return .numeric
        }
        if texts.allSatisfy({ Self.looksLikeDate($0.text) }) {
            problems.append("column \(name) holds dates (\(quoted(texts[0].text)), …), which are not features: leave it out with drop: [\(name)], or write it as a number (a year, days since a start)")
            return .numeric
        }
        if !isTarget, texts.count >= 10, Set(texts.map(\.text)).count == texts.count {
            problems.append("column \(name) has a different text in every row (\(quoted(texts[0].text)), \(quoted(texts[1].text)), …), as a name or an identifier has: leave it out with drop: [\(name)], or list it in categorical: to encode it anyway")
            return .numeric
        }
        return .categorical(levels: levels(of: column))
    }

    /// The distinct values of a column, numbers in numeric order before texts in text order.
    func levels(of column: DataColumn) -> [String] {
        var numbers = Set<Double>(), texts = Set<String>()
        for cell in column.cells {
            switch cell {
            case let .number(value): numbers.insert(value)
            case let .text(text): texts.insert(text)
            case .missing: break
            }
        }
        return numbers.sorted().map(formatted) + texts.sorted()
    }

    /// A cell's level name; nil when missing.
    static func levelKey(_ cell: DataCell) -> String? {
        switch cell {
        case let .number(value): formatted(value)
        case let .text(text): text
        case .missing: nil
        }
    }

    /// A note when a number column looks like a row identifier: named so, or counting the rows.
    mutating func noteIdentifier(_ column: DataColumn) {
        let lowered = column.name.lowercased()
        let named = ["id", "index", "row", "rownames", "#"].contains(lowered) || lowered.hasSuffix("_id") || lowered.hasSuffix(" id") || column.name.hasSuffix("ID")
        var counts = false
        if column.cells.count >= 10, case let .number(first) = column.cells[0], first == 0 || first == 1 {
            counts = column.cells.enumerated().allSatisfy { $1 == .number(first + Double($0)) }
        }
        guard named || counts else { return }
        let reason = counts ? "counts the rows" : "is named like an identifier"
        notes.append("column \(quoted(column.name)) \(reason) and is used as a feature: leave it out with drop: [\(quoted(column.name))] unless it means something")
    }

    /// `2024-01-05`, `05/01/2024`, `5.1.24`, optionally followed by a time.
    static func looksLikeDate(_ text: String) -> Bool {
        let day = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? text
        for separator: Character in ["-", "/", "."] {
            let parts = day.split(separator: separator, omittingEmptySubsequences: false)
            guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }) else { continue }
            let lengths = parts.map(\.count)
            if lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2 { return true }
            if lengths[0] <= 2 && lengths[1] <= 2 && (lengths[2] == 4 || lengths[2] == 2) { return true }
        }
        return false
    }

    // MARK: - Missing values

    /// The rows that stay under the missing-value policy; a problem lists the missing cells under `.error`.
    mutating func keptRows() -> [Int] {
        let used = featureIndices + [targetIndex]
        var missing: [(row: Int, column: Int)] = []
        for row in 0..<rowCount { for column in used where columns[column].cells[row] == .missing { missing.append((row, column)) } }
        if missing.isEmpty { return Array(0..<rowCount) }
        func lineList(_ rows: [Int]) -> String {
            rows.prefix(10).map { locations.describe($0) }.joined(separator: ", ") + (rows.count > 10 ? " and \(rows.count - 10) more" : "")
        }
        switch options.missing {
        case .error:
            let cells = missing.prefix(10).map { "\(locations.describe($0.row)) in \(quoted(columns[$0.column].name))" }.joined(separator: ", ")
            let more = missing.count > 10 ? " and \(missing.count - 10) more" : ""
            let count = missing.count == 1 ? "a missing value" : "\(missing.count) missing values"
            missingProblem = "\(count): \(cells)\(more); choose missing: \"drop\" to leave those rows out, or \"mean\" or \"median\" to fill them in"
            return Array(0..<rowCount)  // every row, so the columns are still checked
        case .drop:
            let dropped = Array(Set(missing.map(\.row))).sorted()
            notes.append("left out \(dropped.count) of \(rowCount) rows with missing values (\(lineList(dropped)))")
            return rowsOrProblem(excluding: Set(dropped))
        case .mean, .median:
            let noTarget = missing.filter { $0.column == targetIndex }.map(\.row)
            if !noTarget.isEmpty {
                notes.append("left out \(noTarget.count) of \(rowCount) rows with no target (\(lineList(noTarget)))")
            }
            let kept = rowsOrProblem(excluding: Set(noTarget))
            let keptSet = Set(kept)
            var perColumn: [(name: String, count: Int)] = []
            for column in featureIndices {
                let count = missing.count { $0.column == column && keptSet.contains($0.row) }
                guard count > 0 else { continue }
                if count == kept.count { problems.append("column \(quoted(columns[column].name)) has no values to compute a \(options.missing.rawValue) from") }
                perColumn.append((columns[column].name, count))
            }
            if !perColumn.isEmpty {
                let total = perColumn.reduce(0) { $0 + $1.count }
                let list = perColumn.map { "\(quoted($0.name)): \($0.count)" }.joined(separator: ", ")
                notes.append("filled \(total) missing value\(total == 1 ? "" : "s") with the column's \(options.missing.rawValue) (\(list)); split() and cross-validation refill them from their training rows only")
            }
            return kept
        }
    }

    mutating func rowsOrProblem(excluding dropped: Set<Int>) -> [Int] {
        let kept = (0..<rowCount).filter { !dropped.contains($0) }
        if kept.isEmpty { problems.append("every row has a missing value, so none is left") }
        return kept
    }
}

/// A name in double quotes, with invisible characters shown as escapes.
func quoted(_ name: String) -> String {
    var text = "\""
    for scalar in name.unicodeScalars {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .unassigned, .privateUse:
            text += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        default:
            text.unicodeScalars.append(scalar)
        }
    }
    return text + "\""
}
