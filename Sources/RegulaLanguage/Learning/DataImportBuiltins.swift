import RegulaLearning

/// Built-ins that bring a user's own data in: `csv` from a file, `dataset` from lists.
enum DataImportBuiltins {
    static let all: [Builtin] = [csv, dataset]

    /// The options `csv` and `dataset` share, after their data.
    static let preparationParameters: [Parameter] = [
        .labelled("drop", .list, default: .list([]), "Columns that are neither features nor the target (an id, a date)."),
        .labelled("categorical", .list, default: .list([]), "Columns whose values are categories even when they are numbers (a zip code)."),
        .labelled("missing", .string, default: .string("error"), "What to do with missing values: \"error\" (list them all), \"drop\" (the rows), \"mean\" or \"median\" (fill them in)."),
    ]

    static let preparationDocumentation = "A text column becomes indicator columns named `column=level`, one per level but the first in sorted order, which is the reference (as R's `model.matrix`); a text target makes classes 0, 1, … in sorted order. Missing values are empty cells, `NA`, `N/A`, `NaN`, `null`, `None` (and `nothing` in a list): `missing: \"error\"` (the default) reports every one by its line (or row) and column; `\"drop\"` leaves those rows out; `\"mean\"` and `\"median\"` fill a feature's missing values with its column's statistic and leave out the rows with no target. Filled values are not fixed: `split()` and cross-validation refill them from their training rows only, so no test value leaks into training. Every problem in the data (a column that mixes numbers and text, dates, a different text in every row, missing values) is reported together in one error; what was done (rows left out, columns encoded, values filled, a column that looks like a row number) is listed in the dataset's display and in `data.notes`."

    static let csv = Builtin(
        "csv",
        summary: "A dataset from a CSV file with a header line; `target` names the target column.",
        documentation: "The separator (`,`, `;` or a tab) is detected from the header line unless given; a byte-order mark is ignored; quoted numbers are numbers; with `;` or a tab, a decimal comma (`1,5`) is read too. Every column but the target is a feature unless `columns:` chooses them or `drop:` leaves some out. " + preparationDocumentation + " A relative path is relative to the kernel's working directory (the notebook's folder). Files larger than `maxBytes` (100 MB unless raised) are refused before reading, with an error naming both sizes. Only regular files are read: a FIFO, a device such as /dev/zero or a socket is refused unless `allowSpecial: true`, and then it is read up to `maxBytes` and can be interrupted while it waits for data.",
        example: "// csv(\"houses.csv\", target: \"price\", drop: [\"id\"], missing: \"median\")\n\"see the documentation\"",
        parameters: [
            .positional("path", .string, "The file, relative to the kernel's working directory unless absolute."),
            .labelled("target", .string, "The header of the target column."),
            .labelled("columns", .list, default: .nothing, "The feature columns, in this order; every column but the target when left out."),
        ] + preparationParameters + [
            .labelled("separator", .string, default: .nothing, "The field separator, one character; detected among \",\", \";\" and a tab when left out."),
            .labelled("maxBytes", .number, default: .number(Double(TextFile.defaultMaximumBytes)), "Larger files are refused before reading."),
            .labelled("allowSpecial", .bool, default: .boolean(false), "Read a FIFO, device or socket too, up to `maxBytes`."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let path = try call.string("path")
        let maximum = try call.wholeNumber("maxBytes"), allowSpecial = try call.boolean("allowSpecial")
        guard maximum >= 0 else { throw RegulaError(.value, "csv() needs 'maxBytes:' of at least 0, got \(maximum)", at: call.range(of: "maxBytes")) }
        var separator: Unicode.Scalar? = nil
        if let given = try call.optionalString("separator") {
            guard given.unicodeScalars.count == 1, let scalar = given.unicodeScalars.first, scalar != "\"", scalar != "\n" else {
                throw RegulaError(.value, "csv()'s 'separator:' is one character other than a quote or a line break, such as \",\", \";\" or \"\\t\"; got \(Value.string(given).description)", at: call.range(of: "separator"))
            }
            separator = scalar
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var options = try preparationOptions(&call, title: name)
        options.columns = try call.optionalList("columns").map { elements throws(RegulaError) in try names(elements, of: "columns", in: call) }
        let interrupted = call.isInterrupted
        let text = try engine(at: call.range(of: "path")) { () throws(LearningError) in
            try TextFile.read(path, maximumBytes: maximum, allowSpecial: allowSpecial, isInterrupted: interrupted)
        }
        return .object(try engine(at: call.range) { () throws(LearningError) in
            try Dataset(csv: text, options: options, separator: separator, isInterrupted: interrupted)
        })
    }

    static let dataset = Builtin(
        "dataset",
        summary: "A dataset from labelled lists, one per column, as `table` takes them; `target` names the target column.",
        documentation: "Each column is a List of Numbers or Strings of the same length; `nothing` or a NaN in a list is a missing value. Every column but the target is a feature, in the order written, unless `drop:` leaves some out. " + preparationDocumentation,
        example: "let houses = dataset(sqft: [1100, 1400, 2100, 1750], rooms: [2, 3, 4, 3], area: [\"north\", \"south\", \"north\", \"east\"], price: [199, 245, 365, 290], target: \"price\")\nhouses.names",
        parameters: [
            .anyLabel("column", .list, "A column: the label is its name, the list its values."),
            .labelled("target", .string, "The name of the target column."),
        ] + preparationParameters + [
            .labelled("title", .string, default: .string("data"), "The dataset's title, as its display shows it."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard !call.extraLabelled.isEmpty else {
            throw RegulaError(.value, "dataset() needs columns, as in dataset(x: [1, 2, 3], y: [2, 4, 7], target: \"y\")", at: call.range)
        }
        var columns: [DataColumn] = []
        for argument in call.extraLabelled {
            let label = argument.label!
            guard case let .list(elements) = argument.value else {
                throw RegulaError(.type, "dataset()'s column '\(label):' must be a List, got \(argument.value.typeName)", at: argument.range)
            }
            var cells: [DataCell] = []
            for (index, element) in elements.enumerated() {
                switch element {
                case let .number(value): cells.append(value.isNaN ? .missing : .number(value))
                case let .string(text): cells.append(.text(text))
                case .nothing: cells.append(.missing)
                default:
                    throw RegulaError(.type, "dataset()'s column '\(label):' holds Numbers, Strings or nothing; element \(index + 1) is a \(element.typeName)", at: argument.range)
                }
            }
            if let first = columns.first, first.cells.count != cells.count {
                throw RegulaError(.value, "dataset() columns must have the same length: '\(first.name)' has \(first.cells.count), '\(label)' has \(cells.count)", at: argument.range)
            }
            columns.append(DataColumn(name: label, cells: cells))
        }
        let options = try preparationOptions(&call, title: try call.string("title"))
        return .object(try engine(at: call.range) { () throws(LearningError) in
            try Dataset(columns: columns, options: options, locations: .rows)
        })
    }

    /// The options both built-ins read: target, drop, categorical, missing.
    static func preparationOptions(_ call: inout Call, title: String) throws(RegulaError) -> DatasetOptions {
        let missing = try call.choice("missing", among: MissingValues.allCases.map(\.rawValue))
        return DatasetOptions(
            target: try call.string("target"),
            dropped: try names(call.optionalList("drop") ?? [], of: "drop", in: call),
            categorical: try names(call.optionalList("categorical") ?? [], of: "categorical", in: call),
            missing: MissingValues(rawValue: missing)!, title: title)
    }

    /// Column names from a List of Strings.
    static func names(_ elements: [Value], of parameter: String, in call: Call) throws(RegulaError) -> [String] {
        var names: [String] = []
        for element in elements {
            guard case let .string(name) = element else {
                throw RegulaError(.type, "\(call.builtin.name)()'s '\(parameter):' is a List of column names (Strings); it holds a \(element.typeName)", at: call.range(of: parameter))
            }
            names.append(name)
        }
        return names
    }
}
