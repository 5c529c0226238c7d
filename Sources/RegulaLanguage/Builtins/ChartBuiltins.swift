import RegulaCharts

/// Built-ins that make pictures and tables.
enum ChartBuiltins {
    static let all: [Builtin] = [plot, table]

    static let plot = Builtin(
        "plot", signature: "plot(_ items: Any..., over: List? = nothing, kind: String = \"line\", xScale: String = \"linear\", yScale: String = \"linear\", title: String? = nothing, xLabel: String? = nothing, yLabel: String? = nothing, names: List? = nothing)",
        summary: "A chart of lists of numbers, functions, penalties, priors, fits, a log, a path, a cross-validation, a dataset or a model.",
        documentation: """
        Lists are drawn against `over` (the x values), or against their positions 1, 2, 3, …; `kind` is "line", "scatter", "step", "bar" or "stem", and `xScale`/`yScale` "linear" or "log". Several lists share the axes and get a legend; `names` names them.
        Penalties, priors and functions of one number (`l1(1).gradient`, `l1(1).threshold`, `{ w in … }`) are drawn from `from` to `to`, with where two curves cross marked; `separate: true` gives each its own panel.
        A path: coefficients against λ (log axis), each line named at its end; `x: "norm"` draws them against ‖β‖₁, `cv: cv` marks λ_min and λ_1se. A cross-validation: the error with its standard-error band.
        Fits: `show:` "loss", "zeros", "trajectories", "coefficients" (against the truth when known) or "network"; several fits are overlaid or put side by side.
        A log: `x:` and `y:` name its columns, overlaid, or in panels of their own when their ranges differ more than tenfold (`separate:` decides). A dataset: its samples (2 features) or its correlation matrix. A model: its network diagram.
        """,
        example: "let w = linspace(-2, 2, count: 41)\nplot(abs(w), w * w, over: w, names: [\"|w|\", \"w²\"])",
        parameters: [
            .positional("series", variadic: true), .labelled("over", default: .nothing), .labelled("kind", default: .string("line")),
            .labelled("xScale", default: .string("linear")), .labelled("yScale", default: .string("linear")), .labelled("title", default: .nothing),
            .labelled("xLabel", default: .nothing), .labelled("yLabel", default: .nothing), .labelled("names", default: .nothing),
            .labelled("from", default: .number(-2)), .labelled("to", default: .number(2)), .labelled("x", default: .nothing), .labelled("y", default: .nothing),
            .labelled("show", default: .nothing), .labelled("cv", default: .nothing), .labelled("separate", default: .nothing),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard !call.variadic.isEmpty else {
            throw RegulaError(.argument, "plot() needs something to draw, as in plot([1, 4, 9])", at: call.range)
        }
        switch call.variadic[0].value {
        case .object, .builtin, .function: return try LearningPlots.plot(&call)
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
        let kind = try call.choice("kind", among: ["line", "scatter", "step", "bar", "stem"])
        var marks: [Mark] = []
        for (index, argument) in call.variadic.enumerated() {
            let values = try argument.value.numbers(for: "plot()'s series", at: argument.range)
            let name = index < names.count ? names[index] : (call.variadic.count > 1 ? "series \(index + 1)" : nil)
            let positions = xs ?? values.indices.map { Double($0 + 1) }
            guard positions.count == values.count else {
                throw RegulaError(.value, "plot() series \(index + 1) has \(values.count) values but 'over:' has \(positions.count)", at: argument.range)
            }
            let points = zip(positions, values).map { (x: $0, y: $1) }
            switch kind {
            case "scatter": marks.append(Mark(.scatter(points), name: name))
            case "step": marks.append(Mark(.step(points), name: name))
            case "stem": marks.append(Mark(.stems(points), name: name))
            case "bar":
                // Bars centred on their x, as wide as the closest spacing, side by side per series.
                let sorted = positions.sorted()
                let spacing = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? 1
                let width = spacing * 0.8 / Double(call.variadic.count)
                let offset = -spacing * 0.4 + Double(index) * width
                var mark = Mark(.bars(points.map { Bar(lower: $0.x + offset, upper: $0.x + offset + width, value: $0.y) }), name: name)
                mark.opacity = 0.85
                marks.append(mark)
            default: marks.append(Mark.line(points, name: name))
            }
        }
        var chart = Chart(marks, title: try call.optionalString("title"), xLabel: try call.optionalString("xLabel"), yLabel: try call.optionalString("yLabel"))
        chart.xScale = try call.scaleKind("xScale")
        chart.yScale = try call.scaleKind("yScale")
        return .chart(.chart(chart))
    }

    static let table = Builtin(
        "table",
        summary: "A table whose columns are the labelled lists, or a comparison of fits.",
        documentation: "Each labelled argument is a column, in order; the label is its header. Columns must have the same length. Exact zeros are marked. Given fits instead, one row per fit: model, method, penalty, exact zeros and nonzeros, and with `on:` the error on that data (mean squared error, or accuracy and log-loss for logistic models).",
        example: "table(weight: [0.5, 0, -1.25], feature: [\"age\", \"bmi\", \"bp\"])",
        parameters: [
            .variadic("fits", .fit, "Fits to compare, one row each (or a single log, shown as its table)."),
            .labelled("on", .dataset, default: .nothing, "Data to score the fits on."),
            .anyLabel("column", .list, "A column: the label is its header, the list its values."),
        ]
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

extension Call {
    /// An axis scale argument: "linear" or "log".
    func scaleKind(_ name: String) throws(RegulaError) -> ScaleKind {
        ScaleKind(rawValue: try choice(name, among: ScaleKind.allCases.map(\.rawValue)))!
    }
}
