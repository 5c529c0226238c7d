import RegulaCharts
import RegulaLearning

/// `plot`'s forms that draw several values at once: penalties, curves, priors and functions
/// as curves, and fits. The kinds drawn alone declare their own forms (`ValueKind.plotParameters`).
enum LearningPlots {
    /// `plot(l1(1), l2(1))`, `plot(l1(1).gradient, { w in … }, from: -3, to: 3)`.
    static let functions = Builtin.Form(
        subject: "penalties or functions", summary: "each as a curve from `from` to `to`, with where two penalties cross marked.",
        parameters: [
            .variadic("functions", ParameterType("Penalty or Function"), "Penalties, their `value`, `gradient` or `threshold`, priors, and functions of one number."),
            .labelled("from", .number, default: .number(-2), "Where the curves start."),
            .labelled("to", .number, default: .number(2), "Where the curves end."),
            PlotParameters.names("A name per curve, for the legend."),
            PlotParameters.separate(.boolean(false), "Each curve in its own panel, on its own scale."),
            .labelled("at", .number, default: .nothing, "A point between `from` and `to` to mark with a line, with a dot on each curve there."),
            PlotParameters.title, PlotParameters.xLabel, PlotParameters.yLabel,
        ],
        accepts: { value in
            switch value {
            case .builtin, .function: true
            default: value.as(PenaltyValue.self) != nil || value.as(PenaltyCurve.self) != nil || value.as(Prior.self) != nil
            }
        }
    ) { (call: inout Call) throws(RegulaError) -> Value in try plotFunctions(&call) }

    /// `plot(fit)`, `plot(a, b, show: "zeros")`.
    static let fits = Builtin.Form(
        subject: "fits", summary: "one view of one or more fits, overlaid or side by side.",
        parameters: [
            .variadic("fits", .fit, "The fits to draw."),
            .labelled("show", .string, default: .nothing, "\"loss\", \"zeros\", \"trajectories\", \"coefficients\" (against the truth when known) or \"network\"; a summary when left out."),
            PlotParameters.names("A name per fit; their methods when left out."),
            PlotParameters.title,
        ],
        accepts: { $0.as(FitResult.self) != nil }
    ) { (call: inout Call) throws(RegulaError) -> Value in try fitViews(&call) }

    /// `plot(fit)` and `plot(a, b, show: "zeros")`: one view of one or more fits.
    private static func fitViews(_ call: inout Call) throws(RegulaError) -> Value {
        var fits: [FitResult] = []
        for argument in call.variadic {
            guard case let .object(fit as FitResult) = argument.value else {
                throw RegulaError(.type, "plot() draws fits together with other fits only; this is a \(argument.value.typeName)", at: argument.range)
            }
            fits.append(fit)
        }
        let show: LearningCharts.FitView
        switch call.value("show") {
        case .nothing: show = .summary
        case let .string(name):
            guard let view = LearningCharts.FitView(rawValue: name) else {
                throw RegulaError(.value, "plot() of a fit shows one of \(LearningCharts.FitView.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")); got \"\(name)\"", at: call.range(of: "show"))
            }
            show = view
        default: throw call.typeMismatch("show", expected: "a String such as \"zeros\"")
        }
        var names = fits.map(\.method)
        if let given = try call.optionalList("names") {
            guard given.count == fits.count else { throw RegulaError(.value, "plot() has \(fits.count) fits but \(given.count) names", at: call.range(of: "names")) }
            names = given.map(\.printed)
        } else if Set(names).count < names.count {
            names = names.enumerated().map { "\($0.element) (\($0.offset + 1))" }
        }
        let trained = show == .summary || show == .loss || show == .zeros || show == .trajectories
        if trained, let index = call.variadic.indices.first(where: { fits[$0].history.isEmpty }), show != .summary || fits.count > 1 {
            throw RegulaError(.value, "this fit was made by coordinate descent, which has no epochs; try show: \"coefficients\"", at: call.variadic[index].range)
        }
        let title = try call.optionalString("title")
        var figure: Figure
        switch show {
        case .summary where fits.count == 1: figure = LearningCharts.fit(fits[0])
        case .summary, .loss:
            figure = .chart(LearningCharts.epochs(fits, names: names, column: \.trainLoss, title: "training loss", yLabel: "loss"))
        case .zeros:
            figure = .chart(LearningCharts.epochs(fits, names: names, column: { Double($0.zeros) }, title: "exact zeros", yLabel: "weights exactly 0", stepped: true))
        case .trajectories:
            let charts = try fits.indices.map { (index: Int) throws(RegulaError) -> Chart in
                guard fits[index].trajectories != nil else {
                    throw RegulaError(.value, "this model has more than 200 weights, so their trajectories were not kept", at: call.variadic[index].range)
                }
                var chart = LearningCharts.trajectories(fits[index])
                chart.title = "weights by epoch: \(names[index]), \(fits[index].penalty)"
                return chart
            }
            figure = charts.count == 1 ? .chart(charts[0]) : .grid(ChartGrid(charts.map { var chart = $0; chart.width = 440; return chart }))
        case .coefficients:
            let charts = fits.map(LearningCharts.coefficients)
            figure = charts.count == 1 ? .chart(charts[0]) : .grid(ChartGrid(charts.map { var chart = $0; chart.width = 440; return chart }))
        case .network:
            guard fits.count == 1, let network = fits[0].network else {
                throw RegulaError(.value, "show: \"network\" draws one fit trained by an optimizer", at: call.range(of: "show"))
            }
            figure = .network(LearningCharts.network(network, title: title ?? "\(fits[0].model), \(fits[0].penalty)"))
        }
        if let title {
            switch figure {
            case var .chart(chart): chart.title = title; figure = .chart(chart)
            case var .grid(grid): grid.title = title; figure = .grid(grid)
            case .network: break
            }
        }
        return .chart(figure)
    }

    /// Penalties, their `value`, `gradient` and `threshold`, priors, and functions of one
    /// number, each drawn as a curve from `from` to `to`.
    private static func plotFunctions(_ call: inout Call) throws(RegulaError) -> Value {
        let from = try call.number("from"), to = try call.number("to")
        guard from < to else { throw RegulaError(.value, "plot() needs 'from:' below 'to:', got \(formatted(from)) and \(formatted(to))", at: call.range(of: "to")) }
        var at: Double?
        if !call.value("at").isNothing {
            let x = try call.number("at")
            guard x >= from, x <= to else {
                throw RegulaError(.value, "plot()'s 'at:' must lie between 'from:' and 'to:', \(formatted(from)) and \(formatted(to)); got \(formatted(x))", at: call.range(of: "at"))
            }
            at = x
        }
        let grid = LearningCharts.grid(from, to)
        // Each curve is evaluated on the grid and, last, at `at`.
        let xs = grid + (at.map { [$0] } ?? [])
        var marked: [(name: String, y: Double)] = []
        var curves: [(name: String, points: [Point])] = []
        // Where penalties (their values, or their gradients) cross is the point of comparing
        // them, and they can be evaluated anywhere, which places the crossings exactly. Priors,
        // thresholds and other functions are drawn without.
        var exact: [(Double) -> Double]? = []
        var kinds: Set<PenaltyCurve.Kind> = []
        for argument in call.variadic {
            let name: String, ys: [Double]
            switch argument.value {
            case let .object(object as PenaltyValue):
                let penalty = object.penalty
                (name, ys) = (spelled(penalty), xs.map(penalty.value))
                exact?.append(penalty.value)
                kinds.insert(.value)
            case let .object(curve as PenaltyCurve):
                (name, ys) = (curve.name, xs.map { curve($0) })
                exact?.append { curve($0) }
                kinds.insert(curve.kind)
            case let .object(prior as Prior):
                (name, ys) = (prior.name, xs.map(prior.density))
                exact = nil
            case let .builtin(function):
                // A built-in of one number also takes a list: call it once on the whole grid.
                guard let first = function.parameters.first, first.passing == .positional,
                      first.type == .number || first.type == .numberOrList else {
                    throw RegulaError(.type, "plot() draws functions of one number; \(function.name)() is not one: its signature is \(function.signature)", at: argument.range)
                }
                var inner = try Call(
                    builtin: function, arguments: [EvaluatedArgument(label: nil, value: .list(xs.map { .number($0) }), range: argument.range)],
                    range: argument.range, output: call.output, isInterrupted: call.isInterrupted)
                let result = try inner.builtin.implementation(&inner)
                (name, ys) = (function.name, try result.numbers(for: "plot() of \(function.name)", at: argument.range))
                exact = nil
            case let .function(function):
                guard let invoke = call.invokeFunction else { throw RegulaError(.type, "plot() cannot call \(function.name) here", at: argument.range) }
                var values: [Double] = []
                for x in xs {
                    guard case let .number(y) = try invoke(function, [.number(x)], argument.range) else {
                        throw RegulaError(.type, "plot() needs the function to return a Number for each w", at: argument.range)
                    }
                    values.append(y)
                }
                (name, ys) = (function.name == "function" ? "series \(curves.count + 1)" : function.name, values)
                exact = nil
            default:
                throw RegulaError(.type, "plot() draws penalties, functions and priors together, but this series is a \(argument.value.typeName)", at: argument.range)
            }
            curves.append((name, zip(grid, ys).map { (x: $0, y: $1) }))
            if at != nil, let last = ys.last { marked.append((name, last)) }
        }
        if let given = try call.optionalList("names") {
            guard given.count == curves.count else { throw RegulaError(.value, "plot() has \(curves.count) curves but \(given.count) names", at: call.range(of: "names")) }
            for index in curves.indices { curves[index].name = given[index].printed }
            for index in marked.indices { marked[index].name = given[index].printed }
        }
        // Crossings mean something between penalties, or between their gradients: not between a
        // value and a gradient, nor for thresholds, which all meet at 0 and beyond λ.
        let comparable = kinds.count == 1 && !kinds.contains(.threshold)
        let thresholds = kinds == [.threshold] && exact != nil
        var chart = LearningCharts.functions(
            curves, title: try call.optionalString("title"), xLabel: try call.optionalString("xLabel") ?? "w", yLabel: try call.optionalString("yLabel"),
            evaluate: comparable ? exact : nil, identityReference: thresholds)
        if let at {
            guard try !call.boolean("separate") else {
                throw RegulaError(.value, "plot() marks 'at:' on curves drawn together, not with separate: true", at: call.range(of: "at"))
            }
            chart = LearningCharts.marked(chart, at: at, values: marked)
        }
        guard try call.boolean("separate") else { return .chart(.chart(chart)) }
        // Small multiples: each curve in its own panel, on its own scale.
        let panels = curves.enumerated().map { index, curve in
            var panel = Chart([Mark.line(curve.points, name: curve.name, color: index)], title: curve.name, xLabel: chart.xLabel, yLabel: chart.yLabel)
            panel.width = 380
            panel.height = 300
            return panel
        }
        return .chart(.grid(ChartGrid(panels, columns: min(3, panels.count), title: chart.title)))
    }
}
