import RegulaCharts
import RegulaLearning

/// Built-ins for looking at results: priors, histograms, and the cost of a penalty's gradient.
enum AnalysisBuiltins {
    static let all: [Builtin] = [prior, histogram, time, recovery, groupLasso]

    static let prior = Builtin(
        "prior",
        summary: "The prior density ∝ exp(−P(w)) under which the penalized fit is the MAP estimate.",
        documentation: "l1(λ) gives the Laplace density λ/2·e^(−λ|w|), l2(λ, half: true) the Gaussian of variance 1/λ. Plot priors side by side with `plot(prior(l1(1)), prior(l2(1)), from: -4, to: 4)`; `prior.density(w)` evaluates one. Penalties that level off (MCP, SCAD, L0) have no proper prior.",
        example: "prior(l1(1)).density(0)",
        parameters: [.positional("penalty", .penalty, "A penalty that keeps growing, such as l1(1) or l2(1, half: true).")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let penalty = try call.penalty("penalty")
        return .object(try engine(at: call.range(of: "penalty")) { () throws(LearningError) in
            do throws(LearningError) { return try Prior(penalty) } catch { throw error.naming(penalty: spelled(penalty)) }
        })
    }

    static let histogram = Builtin(
        "histogram",
        summary: "Overlaid histograms of lists of numbers (weights of several fits, say), on shared bins.",
        documentation: "The bins split the range of all the values into `bins` equal parts; the lists' bars are drawn over each other, see-through, and the legend counts each list's exact zeros. Exact zeros pile up in the bin holding 0, which is how L1's sparsity looks.",
        example: "histogram([0, 0, 0.5, 1, 1.5], [0.2, 0.4, 0.4], bins: 5)",
        parameters: [
            .variadic("values", .list, "Lists of finite numbers, one histogram each."),
            .labelled("bins", .number, default: .number(30), "Equal bins over the range of all the values, from 1 to 1000."),
            .labelled("names", .list, default: .nothing, "The lists' names in the legend; \"values 1\", \"values 2\", … when left out."),
            .labelled("title", .string, default: .nothing, "The chart's title."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard !call.variadic.isEmpty else { throw RegulaError(.argument, "histogram() needs at least one list of numbers", at: call.range) }
        let bins = try call.wholeNumber("bins")
        guard bins >= 1, bins <= 1000 else { throw RegulaError(.value, "histogram() needs 1 to 1000 bins, got \(bins)", at: call.range(of: "bins")) }
        var lists: [[Double]] = []
        for argument in call.variadic { lists.append(try argument.value.numbers(for: "histogram()'s values", at: argument.range)) }
        for (argument, values) in zip(call.variadic, lists) {
            if let bad = values.first(where: { !$0.isFinite }) {
                throw RegulaError(.value, "histogram() places finite numbers only, got \(formatted(bad))", at: argument.range)
            }
        }
        let all = lists.flatMap { $0 }
        guard var low = all.min(), var high = all.max() else { throw RegulaError(.value, "histogram() got only empty lists", at: call.range) }
        if high / 2 - low / 2 <= max(abs(low), abs(high)) * 1e-12 || high - low < 1e-290 {
            // One value (or values too close to tell apart): a bin of width 1 around it.
            let centre = low / 2 + high / 2
            (low, high) = (centre - 0.5, centre + 0.5)
        }
        // A span too large for a Double (-1e308…1e308) is worked in halves, which stay finite.
        let width = (high - low) / Double(bins), halfSpan = high / 2 - low / 2
        func bound(_ k: Int) -> Double {
            width.isFinite ? low + Double(k) * width : k == bins ? high : 2 * (low / 2 + halfSpan * (Double(k) / Double(bins)))
        }
        var names: [String] = []
        if let given = try call.optionalList("names") { names = given.map(\.printed) }
        var marks: [Mark] = []
        for (index, values) in lists.enumerated() {
            var counts = [Double](repeating: 0, count: bins)
            for value in values {
                let position = width.isFinite ? (value - low) / width : (value / 2 - low / 2) / halfSpan * Double(bins)
                counts[position.isFinite ? max(0, min(Int(position), bins - 1)) : 0] += 1
            }
            let zeros = values.exactZeroCount
            let name = (index < names.count ? names[index] : "values \(index + 1)") + (zeros > 0 ? " (\(zeros) exactly 0)" : "")
            var mark = Mark(.bars(counts.enumerated().map { Bar(lower: bound($0.offset), upper: bound($0.offset + 1), value: $0.element) }), name: name)
            // Overlaid histograms show through each other.
            mark.opacity = lists.count > 1 ? 0.5 : 0.85
            marks.append(mark)
        }
        var chart = Chart(marks, title: try call.optionalString("title"), xLabel: "value", yLabel: "count")
        chart.yIntegers = true
        return .chart(.chart(chart))
    }

    static let time = Builtin(
        "time",
        summary: "Measures what a penalty's value or gradient costs per weight, over `size` weights.",
        documentation: "Each argument is a penalty's `value` or `gradient`, as in `time(l1(1).gradient, l2(1).gradient)`. The weights are seeded standard normals; each function runs over all of them, best of 5, in the engine's vectorized loop. Timings vary from run to run and machine to machine.",
        example: "time(l1(1).gradient, l2(1).gradient, size: 1000)",
        parameters: [
            .variadic("functions", .function, "Penalties' value or gradient functions, as l1(1).gradient."),
            .labelled("size", .number, default: .number(1_000_000), "How many weights each runs over, from 1 to 100000000."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let size = try call.wholeNumber("size")
        guard size >= 1, size <= 100_000_000 else { throw RegulaError(.value, "time() needs a size from 1 to 100000000, got \(size)", at: call.range(of: "size")) }
        var random = RandomSource(seed: 0)
        try engine(at: call.range(of: "size")) { () throws(LearningError) in
            try MemoryBudget.check("time() over \(size) weights", count: size, bytesEach: 16)
        }
        let weights = (0..<size).map { _ in random.normal() }
        var names: [String] = [], costs: [Double] = []
        for argument in call.variadic {
            guard case let .object(curve as PenaltyCurve) = argument.value else {
                throw RegulaError(.type, "time() measures a penalty's value or gradient, as in l1(1).gradient; got \(argument.value.typeName)", at: argument.range)
            }
            var gradient = [Double](repeating: 0, count: size)
            var best = Double.infinity
            for _ in 0..<5 {
                if call.interrupted { throw RegulaError(.interrupted, "interrupted", at: call.range) }
                let start = monotonicSeconds()
                switch curve.kind {
                case .gradient: curve.penalty.addDerivative(of: weights, factors: nil, to: &gradient)
                case .value: gradient[0] += curve.penalty.value(of: weights, factors: nil)
                case .threshold:
                    gradient = weights
                    curve.penalty.applyProximal(to: &gradient, step: 1, factors: nil)
                }
                best = min(best, monotonicSeconds() - start)
            }
            names.append(curve.name)
            costs.append(best / Double(size) * 1e9)
        }
        guard !costs.isEmpty else { throw RegulaError(.argument, "time() needs at least one function, as in time(l1(1).gradient)", at: call.range) }
        return .object(Timing(names: names, nanoseconds: costs))
    }

    static let recovery = Builtin(
        "recovery",
        summary: "Which of the true nonzero coefficients a fit found, on synthetic data with a known truth.",
        documentation: "A tuple: `precision` (of the features the fit kept, the fraction truly nonzero), `recall` (of the truly nonzero features, the fraction kept), and `found`, `missed` and `extra`, the features' names. Kept means exactly nonzero.",
        example: "let data = synthetic(samples: 200, features: 20, informative: 4, noise: 0.5, seed: 3)\nrecovery(fit(linear, data, penalty: l1(0.1)), data).recall",
        parameters: [
            .positional("fit", .fit, "The fit whose exact nonzeros are checked."),
            .positional("data", .dataset, "Synthetic data with a known truth."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard case let .object(fit as FitResult) = call.value("fit") else { throw call.typeMismatch("fit", expected: "a Fit") }
        let data = try call.dataset("data")
        guard let truth = data.truth else {
            throw RegulaError(.value, "\(data.title) has no known truth; recovery() needs synthetic(...) data", at: call.range(of: "data"))
        }
        let result = try engine(at: call.range) { () throws(LearningError) in try SupportRecovery(estimated: fit.coefficients, truth: truth) }
        let names = data.featureNames
        func named(_ keep: (Double, Double) -> Bool) -> Value {
            .list(names.indices.filter { keep(fit.coefficients[$0], truth[$0]) }.map { .string(names[$0]) })
        }
        return .tuple(
            [.number(result.precision), .number(result.recall), named { $0 != 0 && $1 != 0 }, named { $0 == 0 && $1 != 0 }, named { $0 != 0 && $1 == 0 }],
            labels: ["precision", "recall", "found", "missed", "extra"])
    }

    static let groupLasso = Builtin(
        "groupLasso",
        summary: "The group lasso λ·Σ√|g|·‖w_g‖ on a network: whole neurons (or inputs) go to exactly 0 together.",
        documentation: "`by: \"neurons\"` groups each hidden neuron's incoming weights, so a proximal step removes whole neurons; `by: \"inputs\"` groups each input's outgoing weights, selecting features. Train with `fit(mlp(...), data, penalty: groupLasso(0.01), optimizer: proximal(lr: 0.1), epochs: …)`; the network diagram greys out the neurons it removed.",
        example: "groupLasso(0.01, by: \"neurons\")",
        parameters: [
            .positional("lambda", .number, "The strength λ, at least 0."),
            .labelled("by", .string, default: .string("neurons"), "\"neurons\" (each neuron's incoming weights) or \"inputs\" (each input's outgoing weights)."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let strength = try call.number("lambda")
        let structure = GroupStructure(rawValue: try call.choice("by", among: ["neurons", "inputs"]))!
        return .object(try engine(at: call.range(of: "lambda")) { () throws(LearningError) in try GroupPenalty(strength, by: structure) })
    }
}

func monotonicSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// `table(a, b, c, on: test)`: fits side by side.
enum FitComparison {
    static func table(_ call: inout Call) throws(RegulaError) -> Value {
        if call.variadic.count == 1, case let .object(log as TrainingLog) = call.variadic[0].value {
            return .table(log.table)
        }
        var fits: [FitResult] = []
        for argument in call.variadic {
            guard case let .object(fit as FitResult) = argument.value else {
                throw RegulaError(.type, "table() compares fits, as in table(a, b, on: test); this argument is a \(argument.value.typeName)", at: argument.range)
            }
            fits.append(fit)
        }
        var data: Dataset?
        if case .object = call.value("on") { data = try call.dataset("on") }
        var columns = ["model", "method", "penalty", "zeros", "nonzeros"]
        if data != nil { columns += fits.allSatisfy(\.isClassifier) ? ["accuracy", "log-loss"] : ["test MSE"] }
        var rows: [[Table.Cell]] = []
        for (index, fit) in fits.enumerated() {
            var row: [Table.Cell] = [
                .text(fit.model), .text(fit.method), .text(fit.penalty),
                .number(Double(fit.weights.exactZeroCount)), .number(Double(fit.weights.count - fit.weights.exactZeroCount)),
            ]
            if let data {
                let predicted = try LoopBuiltins.predictions(of: .object(fit), on: data, at: call.variadic[index].range)!
                if columns.contains("accuracy") {
                    row.append(.number(Metrics.accuracy(predicted.map { $0 > 0.5 ? 1 : 0 }, data.target)))
                    row.append(.number(Metrics.logLoss(probabilities: predicted, data.target)))
                } else {
                    row.append(.number(Metrics.meanSquaredError(predicted, data.target)))
                }
            }
            rows.append(row)
        }
        return .table(Table(columns: columns, rows: rows))
    }
}
