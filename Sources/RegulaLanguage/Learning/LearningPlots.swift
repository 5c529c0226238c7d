import RegulaCharts
import RegulaLearning

/// `plot` of the learning engine's values: penalties as curves, a log's columns, a path, a
/// cross-validation.
enum LearningPlots {
    static func plot(_ call: inout Call) throws(RegulaError) -> Value {
        let first = call.variadic[0]
        switch first.value {
        case let .learning(.path(result)) where call.variadic.count == 1:
            return .chart(LearningValue.chart(of: result.path))
        case let .learning(.crossValidation(cv)) where call.variadic.count == 1:
            return .chart(LearningValue.chart(of: cv))
        case let .learning(.log(log)) where call.variadic.count == 1:
            return try plot(log, &call)
        case .learning(.penalty), .learning(.curve), .learning(.prior), .builtin, .function:
            return try plotFunctions(&call)
        default:
            throw RegulaError(.type, "plot() draws lists of numbers, penalties, a log, a path or a cross-validation; got \(first.value.typeName) here", at: first.range)
        }
    }

    /// Penalties, their `value` and `gradient`, priors, and built-in functions of one number,
    /// each drawn as a curve from `from` to `to`.
    static func plotFunctions(_ call: inout Call) throws(RegulaError) -> Value {
        let from = try call.number("from"), to = try call.number("to")
        guard from < to else { throw RegulaError(.value, "plot() needs 'from:' below 'to:', got \(Value.format(from)) and \(Value.format(to))", at: call.range(of: "to")) }
        let grid = LearningValue.grid(from, to)
        var series: [Series] = []
        for argument in call.variadic {
            let name: String, ys: [Double]
            switch argument.value {
            case let .learning(.penalty(penalty)): (name, ys) = ("\(penalty)", grid.map(penalty.value))
            case let .learning(.curve(curve)): (name, ys) = (curve.name, grid.map { curve($0) })
            case let .learning(.prior(prior)): (name, ys) = (prior.name, grid.map(prior.density))
            case let .builtin(function):
                // A built-in of one number also takes a list: call it once on the whole grid.
                var inner = try Call(
                    builtin: function, arguments: [EvaluatedArgument(label: nil, value: .list(grid.map { .number($0) }), range: argument.range)],
                    range: argument.range, output: call.output, isInterrupted: call.isInterrupted)
                let result = try function.implementation(&inner)
                (name, ys) = (function.name, try result.numbers(for: "plot() of \(function.name)", at: argument.range))
            case let .function(function):
                guard let invoke = call.invokeFunction else { throw RegulaError(.type, "plot() cannot call \(function.name) here", at: argument.range) }
                var values: [Double] = []
                for x in grid {
                    guard case let .number(y) = try invoke(function, [.number(x)], argument.range) else {
                        throw RegulaError(.type, "plot() needs the function to return a Number for each w", at: argument.range)
                    }
                    values.append(y)
                }
                (name, ys) = (function.name == "function" ? "series \(series.count + 1)" : function.name, values)
            default:
                throw RegulaError(.type, "plot() draws penalties, functions and priors together, but this series is a \(argument.value.typeName)", at: argument.range)
            }
            series.append(Series(name: name, points: zip(grid, ys).map { (x: $0, y: $1) }))
        }
        return .chart(LineChart(
            series: series, title: try call.optionalString("title"), xLabel: try call.optionalString("xLabel") ?? "w",
            yLabel: try call.optionalString("yLabel")))
    }

    static func plot(_ log: TrainingLog, _ call: inout Call) throws(RegulaError) -> Value {
        guard case let .string(x) = call.value("x") else {
            throw RegulaError(.argument, "plot() of a log needs 'x:', the column to draw against, as in plot(log, x: \"epoch\", y: [\"loss\"])", at: call.range)
        }
        func column(_ name: String, at range: SourceRange) throws(RegulaError) -> [Double] {
            guard let values = log.values[name] else {
                let suggestion = Suggestion.closest(to: name, among: log.columns).map { " Did you mean \"\($0)\"?" } ?? ""
                throw RegulaError(.value, "the log has no column \"\(name)\"; its columns are \(log.columns.map { "\"\($0)\"" }.joined(separator: ", ")).\(suggestion)", at: range)
            }
            return values
        }
        let xs = try column(x, at: call.range(of: "x"))
        var names: [String]
        switch call.value("y") {
        case let .string(name): names = [name]
        case let .list(values): names = values.map(\.printed)
        case .nothing: names = log.columns.filter { $0 != x }
        default: throw RegulaError(.type, "plot()'s 'y:' must be a column name or a List of them", at: call.range(of: "y"))
        }
        var series: [Series] = []
        for name in names {
            series.append(Series(name: name, points: zip(xs, try column(name, at: call.range(of: "y"))).map { (x: $0, y: $1) }))
        }
        return .chart(LineChart(
            series: series, title: try call.optionalString("title"), xLabel: try call.optionalString("xLabel") ?? x,
            yLabel: try call.optionalString("yLabel")))
    }
}
