import RegulaCharts
import RegulaLearning

/// A training log: its rows as a table, and its curves against its first column.
extension TrainingLog: ValueKind {
    public static let typeName = "Log"

    public var description: String { "log of \(rowCount) rows: \(columns.joined(separator: ", "))" }

    public var display: DisplayBundle {
        let text = description + "\n" + table.plainText()
        // Its curves, against its first column (the epoch, usually); `table(log)` gives the numbers.
        guard columns.count >= 2, rowCount >= 2 else { return DisplayBundle(plainText: text, html: table.html()) }
        return .figure(LearningCharts.log(self, x: columns[0], columns: Array(columns.dropFirst())), text: text)
    }

    /// Its rows, one column per name recorded.
    var table: Table {
        Table(columns: columns, rows: (0..<rowCount).map { row in columns.map { .number(values[$0]![row]) } })
    }

    /// `plot(log, x: "epoch", y: ["loss"])`.
    public static let plotParameters: [Parameter]? = [
        .labelled("x", .string, default: .nothing, "The column to draw against, as \"epoch\"."),
        .labelled("y", .either(.string, .list), default: .nothing, "The columns to draw; every other column when left out."),
        PlotParameters.separate(.nothing, "Each column in its own panel; when left out, when their ranges differ more than tenfold."),
        PlotParameters.xScale, PlotParameters.yScale, PlotParameters.title, PlotParameters.xLabel, PlotParameters.yLabel,
    ]
    public static let plotSummary = "its columns against the column `x`."

    public func plot(_ call: inout Call) throws(RegulaError) -> Value {
        guard case let .string(x) = call.value("x") else {
            throw RegulaError(.argument, "plot() of a log needs 'x:', the column to draw against, as in plot(log, x: \"epoch\", y: [\"loss\"])", at: call.range)
        }
        func requireColumn(_ name: String, at range: SourceRange) throws(RegulaError) {
            guard values[name] == nil else { return }
            let suggestion = Suggestion.closest(to: name, among: columns).map { " Did you mean \"\($0)\"?" } ?? ""
            throw RegulaError(.value, "the log has no column \"\(name)\"; its columns are \(columns.map { "\"\($0)\"" }.joined(separator: ", ")).\(suggestion)", at: range)
        }
        try requireColumn(x, at: call.range(of: "x"))
        var names: [String]
        switch call.value("y") {
        case let .string(name): names = [name]
        case let .list(values): names = values.map(\.printed)
        case .nothing: names = columns.filter { $0 != x }
        default: throw RegulaError(.type, "plot()'s 'y:' must be a column name or a List of them", at: call.range(of: "y"))
        }
        for name in names { try requireColumn(name, at: call.range(of: "y")) }
        let separate = try call.optionalBoolean("separate")
        return .chart(LearningCharts.log(
            self, x: x, columns: names, separate: separate,
            xScale: try call.scaleKind("xScale"), yScale: try call.scaleKind("yScale"),
            title: try call.optionalString("title"), xLabel: try call.optionalString("xLabel"), yLabel: try call.optionalString("yLabel")))
    }

    public static let members: MemberTable<TrainingLog>? = memberTable(
        summary: "Rows of labelled numbers, for plots and tables of training curves: what `record()` gives.",
        subject: "log",
        members: [
            .property("count", "The number of rows added.") { .number(Double($0.rowCount)) },
            .method(
                "add", "Appends a row of labelled numbers.", documentation: "Each label is a column.",
                parameters: [.anyLabel("column", .number, "The row's number in the column of that name.")]
            ) { (log, call: inout Call) throws(RegulaError) -> Value in
                var row: [(String, Double)] = []
                for argument in call.extraLabelled {
                    guard case let .number(value) = argument.value else {
                        throw RegulaError(.type, "log.add() records numbers; '\(argument.label!)' is a \(argument.value.typeName)", at: argument.range)
                    }
                    row.append((argument.label!, value))
                }
                guard !row.isEmpty else { throw RegulaError(.argument, "log.add() needs labelled numbers, as in log.add(epoch: 1, loss: 0.5)", at: call.range) }
                log.add(row)
                LoopProgress.recorded(row, call)
                return .nothing
            },
        ],
        own: OwnMembers(
            placeholder: "column", summary: "Each column `add` has recorded, one number per row (nan in rows without it).",
            names: { $0.columns }, value: { log, name in log.values[name].map(Value.numberList) }
        )
    )
}

/// A log as `save` writes it: its columns in the order they were first recorded.
extension TrainingLog: SavableValue {
    static let fileForms: [FileForm<TrainingLog>] = [
        FileForm("csv", "a column per name recorded, a line per row, `nan` where a row has no number") { $0.table.csv },
    ]
}
