import RegulaCharts

/// Built-ins that make pictures and tables.
enum ChartBuiltins {
    static let all: [Builtin] = [plot, beside, table]

    /// `beside(plot(a), plot(b))`: one picture of several charts, as `interact`'s `draw` returns.
    static let beside = Builtin(
        "beside",
        summary: "Charts side by side in one picture, as small multiples.",
        documentation: "Each chart keeps its own scales and title (at most 480 points wide when there are several columns); a chart that is already several panels gives each of them. Network diagrams are drawn alone. One value holding several pictures is what `interact`'s `draw` returns to show more than one.",
        example: "beside(plot(l1(1), l2(1), from: 0, to: 2), plot(l1(1).gradient, l2(1).gradient, from: 0, to: 2))",
        parameters: [
            .variadic("charts", ParameterType("Chart"), "The charts, in order, left to right then down."),
            .labelled("columns", .number, default: .nothing, "Panels per row, a whole number; all in one row (at most 3) when left out."),
            PlotParameters.title,
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        var charts: [Chart] = []
        for argument in call.variadic {
            switch argument.value {
            case let .chart(.chart(chart)): charts.append(chart)
            case let .chart(.grid(grid)): charts += grid.charts
            case .chart(.network): throw RegulaError(.value, "beside() places charts; a network diagram is drawn alone", at: argument.range)
            default: throw RegulaError(.type, "beside() places charts, as plot() makes them; this is a \(argument.value.typeName)", at: argument.range)
            }
        }
        guard !charts.isEmpty else { throw RegulaError(.argument, "beside() needs at least one chart, as in beside(plot(l1(1)), plot(l2(1)))", at: call.range) }
        var columns = min(charts.count, 3)
        if !call.value("columns").isNothing {
            columns = try call.wholeNumber("columns")
            guard columns >= 1, columns <= 12 else { throw RegulaError(.value, "beside() takes 1 to 12 columns, got \(columns)", at: call.range(of: "columns")) }
        }
        // Side by side, a chart's default 640 points would make the picture wider than a notebook.
        if columns > 1 { charts = charts.map { var chart = $0; chart.width = min(chart.width, 480); return chart } }
        return .chart(.grid(ChartGrid(charts, columns: columns, title: try call.optionalString("title"))))
    }

    static let plot = Builtin(
        "plot",
        summary: "A chart of lists of numbers, penalties and functions, fits, or a dataset, path, cross-validation, model, log or geometry.",
        documentation: """
        Each kind of first argument has its form, with the arguments that apply to it; an argument that does not apply to what is drawn is an error. Lists are drawn against `over`, or against their positions 1, 2, 3, …; several share the axes and get a legend. Penalties, priors and functions of one number (`l1(1).gradient`, `l1(1).threshold`, `{ w in … }`) are drawn from `from` to `to`, with where two curves cross marked. A path: coefficients against λ (log axis), each line named at its end. Fits: several are overlaid or put side by side. A log: its columns overlaid, or in panels of their own when their ranges differ more than tenfold.
        """,
        example: "let w = linspace(-2, 2, count: 41)\nplot(abs(w), w * w, over: w, names: [\"|w|\", \"w²\"])",
        forms: [lists, LearningPlots.functions, LearningPlots.fits] + ValueKinds.all.compactMap { $0.plotForm },
        formOfValue: { value in
            // A kind of value drawn by itself declares its form (`ValueKind.plotParameters`).
            guard case let .object(object) = value else { return nil }
            return object.plotFormOfItsKind
        }
    )

    /// `plot([1, 4, 9])`, `plot(a, b, over: x, kind: "scatter")`.
    static let lists = Builtin.Form(
        subject: "lists of numbers", summary: "a line (or points, steps, bars or stems) per list.",
        parameters: [
            .variadic("series", .list, "Lists of numbers, each drawn as one series."),
            .labelled("over", .list, default: .nothing, "The x values of every list; their positions 1, 2, 3, … when left out."),
            .labelled("kind", .string, default: .string("line"), "\"line\", \"scatter\", \"step\", \"bar\" or \"stem\"."),
            PlotParameters.xScale, PlotParameters.yScale, PlotParameters.title, PlotParameters.xLabel, PlotParameters.yLabel,
            PlotParameters.names("A name per list, for the legend."),
        ],
        accepts: { value in
            switch value {
            case .object, .builtin, .function: false
            default: true
            }
        }
    ) { (call: inout Call) throws(RegulaError) -> Value in
        var names: [String] = []
        if let given = try call.optionalList("names") {
            names = given.map(\.printed)
            guard names.count == call.variadic.count else {
                throw RegulaError(.value, "plot() has \(call.variadic.count) series but \(names.count) names", at: call.range(of: "names"))
            }
        }
        var xs: [Double]?
        if let over = try call.optionalList("over") {
            xs = try Value.list(over).numbers(for: "plot()'s 'over:'", at: call.range(of: "over"))
        }
        let kind = SeriesKind(rawValue: try call.choice("kind", among: SeriesKind.allCases.map(\.rawValue)))!
        var marks: [Mark] = []
        for (index, argument) in call.variadic.enumerated() {
            let values = try argument.value.numbers(for: "plot()'s series", at: argument.range)
            let name = index < names.count ? names[index] : (call.variadic.count > 1 ? "series \(index + 1)" : nil)
            let positions = xs ?? values.indices.map { Double($0 + 1) }
            guard positions.count == values.count else {
                throw RegulaError(.value, "plot() series \(index + 1) has \(values.count) values but 'over:' has \(positions.count)", at: argument.range)
            }
            marks.append(kind.mark(zip(positions, values).map { (x: $0, y: $1) }, name: name, series: index, of: call.variadic.count))
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

/// How `plot(kind:)` draws a list of numbers.
enum SeriesKind: String, CaseIterable {
    case line, scatter, step, bar, stem

    /// The mark of series `series` of `count`, at `points`.
    func mark(_ points: [Point], name: String?, series: Int, of count: Int) -> Mark {
        switch self {
        case .line: return Mark.line(points, name: name)
        case .scatter: return Mark(.scatter(points), name: name)
        case .step: return Mark(.step(points), name: name)
        case .stem: return Mark(.stems(points), name: name)
        case .bar:
            // Bars centred on their x, as wide as the closest spacing, side by side per series.
            let sorted = points.map(\.x).sorted()
            let spacing = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? 1
            let width = spacing * 0.8 / Double(count)
            let offset = -spacing * 0.4 + Double(series) * width
            var mark = Mark(.bars(points.map { Bar(lower: $0.x + offset, upper: $0.x + offset + width, value: $0.y) }), name: name)
            mark.opacity = 0.85
            return mark
        }
    }
}

extension Call {
    /// An axis scale argument: "linear" or "log".
    func scaleKind(_ name: String) throws(RegulaError) -> ScaleKind {
        ScaleKind(rawValue: try choice(name, among: ScaleKind.allCases.map(\.rawValue)))!
    }
}
