import RegulaCharts

/// Built-ins that make pictures and tables.
enum ChartBuiltins {
    static let all: [Builtin] = [plot, table]

    static let plot = Builtin(
        "plot", signature: "plot(_ series: List..., over: List? = nothing, title: String? = nothing, xLabel: String? = nothing, yLabel: String? = nothing, names: List? = nothing)",
        summary: "A line chart of one or more lists of numbers.",
        documentation: "Each list is drawn against `over` (the x values), or against its positions 1, 2, 3, … without it; several lists share the axes and get a legend. `title`, `xLabel` and `yLabel` label the chart and its axes; `names` names the series.",
        example: "let w = linspace(-2, 2, count: 41)\nplot(abs(w), w * w, over: w, names: [\"|w|\", \"w²\"])",
        parameters: [
            .positional("series", variadic: true), .labelled("over", default: .nothing), .labelled("title", default: .nothing),
            .labelled("xLabel", default: .nothing), .labelled("yLabel", default: .nothing), .labelled("names", default: .nothing),
            .labelled("from", default: .number(-2)), .labelled("to", default: .number(2)), .labelled("x", default: .nothing), .labelled("y", default: .nothing),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard !call.variadic.isEmpty else {
            throw RegulaError(.argument, "plot() needs at least one list of numbers, as in plot([1, 4, 9])", at: call.range)
        }
        switch call.variadic[0].value {
        case .learning, .builtin, .function: return try LearningPlots.plot(&call)
        default: break
        }
        var names: [String] = []
        if case let .list(given) = call.value("names") {
            names = given.map(\.printed)
            guard names.count == call.variadic.count else {
                throw RegulaError(.value, "plot() has \(call.variadic.count) series but \(names.count) names", at: call.range(of: "names"))
            }
        }
        var xs: [Double]?
        if case .list = call.value("over") {
            xs = try call.value("over").numbers(for: "plot()'s 'over:'", at: call.range(of: "over"))
        }
        var series: [Series] = []
        for (index, argument) in call.variadic.enumerated() {
            let values = try argument.value.numbers(for: "plot()'s series", at: argument.range)
            let name = index < names.count ? names[index] : "series \(index + 1)"
            if let xs {
                guard xs.count == values.count else {
                    throw RegulaError(.value, "plot() series \(index + 1) has \(values.count) values but 'over:' has \(xs.count)", at: argument.range)
                }
                series.append(Series(name: name, points: Array(zip(xs, values)).map { (x: $0.0, y: $0.1) }))
            } else {
                series.append(Series(name: name, values: values))
            }
        }
        return .chart(LineChart(
            series: series, title: try call.optionalString("title"),
            xLabel: try call.optionalString("xLabel"), yLabel: try call.optionalString("yLabel")))
    }

    static let table = Builtin(
        "table", signature: "table(name: List, …) or table(_ fits: Fit..., on: Dataset? = nothing)",
        summary: "A table whose columns are the labelled lists, or a comparison of fits.",
        documentation: "Each labelled argument is a column, in order; the label is its header. Columns must have the same length. Exact zeros are marked. Given fits instead, one row per fit: model, method, penalty, exact zeros and nonzeros, and with `on:` the error on that data (mean squared error, or accuracy and log-loss for logistic models).",
        example: "table(weight: [0.5, 0, -1.25], feature: [\"age\", \"bmi\", \"bp\"])",
        parameters: [.positional("fits", variadic: true), .labelled("on", default: .nothing)], acceptsAnyLabels: true
    ) { (call: inout Call) throws(RegulaError) -> Value in
        if !call.variadic.isEmpty { return try FitComparison.table(&call) }
        guard !call.extraLabelled.isEmpty else {
            throw RegulaError(.argument, "table() needs labelled columns, as in table(x: [1, 2], y: [3, 4])", at: call.range)
        }
        var columns: [[Table.Cell]] = []
        for argument in call.extraLabelled {
            guard case let .list(values) = argument.value else {
                throw RegulaError(.type, "table() column '\(argument.label!)' must be a List, got \(argument.value.typeName)", at: argument.range)
            }
            columns.append(values.map { value in
                if case let .number(number) = value { return .number(number) }
                return .text(value.printed)
            })
        }
        let length = columns[0].count
        if let mismatch = columns.indices.first(where: { columns[$0].count != length }) {
            throw RegulaError(
                .value, "table() columns must have the same length: '\(call.extraLabelled[0].label!)' has \(length), '\(call.extraLabelled[mismatch].label!)' has \(columns[mismatch].count)",
                at: call.extraLabelled[mismatch].range)
        }
        let rows = (0..<length).map { row in columns.map { $0[row] } }
        return .table(Table(columns: call.extraLabelled.map { $0.label! }, rows: rows))
    }
}
