import RegulaCharts
import RegulaLearning

/// The pictures of the learning engine's values: each function builds one figure from a value,
/// for its default display and for `plot(value, show: …)`.
enum LearningCharts {
    // MARK: Paths and cross-validation

    /// Coefficient paths on the standardized features the path was fitted on (in original
    /// units a feature's scale would decide its line's size), each line named at its end.
    /// Against λ on a log axis, largest first, so the model grows from left to right; or against
    /// the L1 norm of the coefficients. `cv` adds lines at λ_min and λ_1se.
    static func path(_ path: RegularizationPath, againstNorm: Bool = false, cv: CrossValidation? = nil) -> Chart {
        let xs = againstNorm ? path.fits.map { $0.workingCoefficients.reduce(0) { $0 + abs($1) } } : path.lambdas
        var marks = path.featureNames.indices.map { j in
            var mark = Mark.line(zip(xs, path.fits).map { (x: $0, y: $1.workingCoefficients[j]) }, name: path.featureNames[j])
            mark.labelsEnd = true
            return mark
        }
        if let cv, !againstNorm { marks += lambdaRules(cv) }
        var chart = Chart(
            marks, title: "\(path.penaltyName) path", xLabel: againstNorm ? "‖β‖₁ (standardized)" : "λ",
            yLabel: "standardized coefficient")
        if !againstNorm {
            chart.xScale = .log
            chart.reversesX = true
        }
        chart.description = "Coefficient paths of \(path.featureNames.count) features over \(path.lambdas.count) values of λ"
            + (path.orderOfEntry.isEmpty ? "" : "; first to enter: " + path.orderOfEntry.prefix(5).map { path.featureNames[$0] }.joined(separator: ", "))
        return chart
    }

    /// Dashed lines at λ_min and λ_1se, each named with its value.
    static func lambdaRules(_ cv: CrossValidation) -> [Mark] {
        [
            Mark(.verticalRule(cv.lambdaMin), name: "λ_min = \(NumberFormat.compact(cv.lambdaMin, significantDigits: 3))"),
            Mark(.verticalRule(cv.lambda1se), name: "λ_1se = \(NumberFormat.compact(cv.lambda1se, significantDigits: 3))"),
        ]
    }

    /// The path's chart with a line at `lambda` and the fit there dotted on it, beside that fit's
    /// coefficients as stems by feature (both standardized, as the path is drawn), its exact
    /// zeros named in the title and the description.
    static func path(_ chart: Chart, of path: RegularizationPath, at lambda: Double, fit: PenalizedFit) -> ChartGrid {
        let shown = NumberFormat.compact(lambda, significantDigits: 3)
        let values = fit.workingCoefficients
        let zeros = values.indices.filter { values[$0] == 0 }.map { path.featureNames[$0] }
        let nonzero = values.count - zeros.count
        var left = chart
        left.marks.append(Mark(.verticalRule(lambda), name: "λ = \(shown)"))
        // Each coefficient dotted in its line's colour (the lines take the palette in order);
        // exact zeros as grey rings on the zero line.
        for (j, value) in values.enumerated() {
            var dot = Mark(.scatter([(x: lambda, y: value)]), color: j)
            dot.isHollow = value == 0
            dot.isInactive = value == 0
            left.marks.append(dot)
        }
        left.description = (chart.description ?? chart.summary) + "; marked at λ = \(NumberFormat.compact(lambda, significantDigits: 4))"
        left.width = 520
        let zeroText = zeros.isEmpty ? "no exact zeros" : "\(zeros.count) exactly 0: " + zeros.joined(separator: ", ")
        var right = coefficients(values, names: path.featureNames, truth: nil, title: "the fit at λ = \(shown): \(nonzero) nonzero, \(zeros.count) exactly 0")
        right.yLabel = "standardized coefficient"
        right.width = 420
        right.description = "the fit at λ = \(NumberFormat.compact(lambda, significantDigits: 4)): \(nonzero) of \(values.count) nonzero; \(zeroText)"
        return ChartGrid([left, right], columns: 2)
    }

    /// Mean held-out error with a band of ± one standard error, against λ on a log axis.
    static func crossValidation(_ cv: CrossValidation) -> Chart {
        var band = Mark(.band(
            x: cv.lambdas, low: zip(cv.meanError, cv.standardError).map { $0 - $1 }, high: zip(cv.meanError, cv.standardError).map { $0 + $1 }),
            name: "± 1 standard error", color: 0)
        band.opacity = 0.2
        let mean = Mark.line(zip(cv.lambdas, cv.meanError).map { (x: $0, y: $1) }, name: "mean over \(cv.folds) folds", color: 0)
        var chart = Chart(
            [band, mean, Mark(.scatter([(cv.lambdaMin, cv.meanError[cv.indexMin])]), color: 1)] + lambdaRules(cv),
            title: "\(cv.folds)-fold cross-validation", xLabel: "λ", yLabel: cv.measure)
        chart.xScale = .log
        chart.reversesX = true
        chart.description = "Cross-validated \(cv.measure) over \(cv.lambdas.count) values of λ: λ_min = \(NumberFormat.compact(cv.lambdaMin, significantDigits: 4)), λ_1se = \(NumberFormat.compact(cv.lambda1se, significantDigits: 4))"
        return chart
    }

    // MARK: Fits

    /// What `plot(fit, show:)` can draw.
    enum FitView: String, CaseIterable {
        case summary, loss, zeros, trajectories, coefficients, network
    }

    /// A fit's default picture: for training, the loss and the exact zeros epoch by epoch;
    /// for coordinate descent, the coefficients (against the truth when it is known).
    static func fit(_ fit: FitResult) -> Figure {
        guard !fit.history.isEmpty else { return .chart(coefficients(fit)) }
        var loss = epochs([fit], names: [fit.method], column: \.trainLoss, title: "training loss", yLabel: "loss")
        var zeros = epochs([fit], names: [fit.method], column: { Double($0.zeros) }, title: "exact zeros", yLabel: "weights exactly 0", stepped: true)
        loss.width = 420
        zeros.width = 420
        let last = fit.history[fit.history.count - 1]
        return .grid(ChartGrid(
            [loss, zeros],
            title: "\(fit.model) by \(fit.method), \(fit.penalty): loss \(NumberFormat.compact(last.trainLoss, significantDigits: 4)), \(last.zeros) of \(fit.weightCount) weights exactly 0"))
    }

    /// One epoch column of several fits, overlaid.
    static func epochs(
        _ fits: [FitResult], names: [String], column: (EpochRecord) -> Double, title: String, yLabel: String, stepped: Bool = false
    ) -> Chart {
        let marks = zip(fits, names).map { fit, name in
            let points = fit.history.map { (x: Double($0.epoch), y: column($0)) }
            return stepped ? Mark(.step(points), name: name) : Mark(.line(points), name: name)
        }
        var chart = Chart(marks, title: title, xLabel: "epoch", yLabel: yLabel)
        if stepped {
            // Counts: from 0, in whole numbers.
            let most = fits.flatMap { $0.history.map(column) }.max() ?? 0
            chart.yDomain = LinearScale(domain: 0...max(5, most), range: 0...1).niced().domain
            chart.yIntegers = true
        }
        return chart
    }

    /// Every weight's value at the end of each epoch: L1's proximal steps pin weights at
    /// exactly 0, subgradient steps leave them jittering around it.
    static func trajectories(_ fit: FitResult) -> Chart {
        let rows = fit.trajectories ?? []
        let count = rows.first?.count ?? 0
        let names = fit.weightNames(count)
        let marks = (0..<count).map { j in
            var mark = Mark.line(rows.enumerated().map { (x: Double($0.offset), y: $0.element[j]) }, name: names[j])
            // Weights that end exactly at 0 are grey and unnamed: the named ones are the survivors.
            mark.isInactive = rows.last?[j] == 0
            mark.labelsEnd = !mark.isInactive
            return mark
        }
        var chart = Chart(marks, title: "weights by epoch (\(fit.method), \(fit.penalty))", xLabel: "epoch", yLabel: "weight (grey: ends exactly at 0)")
        chart.description = "Trajectories of \(count) weights over \(max(0, rows.count - 1)) epochs; \(rows.last?.exactZeroCount ?? 0) end exactly at 0 (grey)"
        return chart
    }

    /// Coefficients as stems by feature, exact zeros as grey dots; rings mark the truth.
    static func coefficients(_ fit: FitResult) -> Chart {
        coefficients(fit.coefficients, names: fit.weightNames(fit.coefficients.count), truth: fit.truth, title: "coefficients: \(fit.model) by \(fit.method), \(fit.penalty)")
    }

    /// More coefficients than this are drawn as the largest ones only: a stem and a name for
    /// each of a million features would take minutes to lay out and could not be read.
    static let maximumCoefficientsDrawn = 200

    static func coefficients(_ values: [Double], names: [String], truth: [Double]?, title: String) -> Chart {
        let truth = truth.flatMap { $0.count == values.count ? $0 : nil }
        // The features drawn, in their order: all of them, or the largest in magnitude.
        var drawn = Array(values.indices)
        if values.count > maximumCoefficientsDrawn {
            drawn = values.indices.sorted { abs(values[$0]) > abs(values[$1]) || (abs(values[$0]) == abs(values[$1]) && $0 < $1) }
            drawn = Array(drawn.prefix(maximumCoefficientsDrawn)).sorted()
        }
        var marks: [Mark] = []
        if let truth {
            var mark = Mark(.stems(drawn.enumerated().map { (x: Double($0.offset + 1), y: truth[$0.element]) }), name: "truth", color: 1)
            mark.isHollow = true
            marks.append(mark)
        }
        marks.append(Mark(.stems(drawn.enumerated().map { (x: Double($0.offset + 1), y: values[$0.element]) }), name: "estimate", color: 0))
        let isSampled = drawn.count < values.count
        var chart = Chart(marks, title: title, xLabel: isSampled ? "feature (the \(drawn.count) largest of \(values.count))" : "feature", yLabel: "coefficient")
        chart.xCategories = drawn.map { $0 < names.count ? names[$0] : "w\($0 + 1)" }
        chart.description = "\(values.count) coefficients, \(values.exactZeroCount) exactly 0"
            + (truth.map { ", \($0.count - $0.exactZeroCount) nonzero in the truth" } ?? "")
            + (isSampled ? "; the \(drawn.count) largest in magnitude are drawn" : "")
        return chart
    }

    /// A model being trained: a linear or logistic model is its coefficients, a network its diagram.
    static func model(_ network: Network, title: String) -> Figure {
        guard network.layerCount > 1 else {
            return .chart(coefficients(Array(network.parameters[network.weightRange(0)]), names: network.inputNames, truth: nil, title: title))
        }
        return .network(self.network(network, title: title))
    }

    /// A network's weights, TensorFlow Playground style.
    static func network(_ network: Network, title: String?) -> NetworkDiagram {
        NetworkDiagram(
            layerSizes: network.sizes, weights: (0..<network.layerCount).map { Array(network.parameters[network.weightRange($0)]) },
            inputNames: network.inputNames, title: title)
    }

    // MARK: Penalties and functions

    /// A penalty's shape and its gradient, side by side.
    static func shape(of penalty: any Penalty) -> ChartGrid {
        let grid = grid(-2, 2)
        var value = Chart([Mark.line(grid.map { (x: $0, y: penalty.value($0)) }, name: "P(w)")], title: "P(w)", xLabel: "w")
        var gradient = Chart([Mark.line(grid.map { (x: $0, y: penalty.derivative($0)) }, name: "P′(w)", color: 1)], title: "P′(w)", xLabel: "w")
        value.width = 380
        gradient.width = 380
        value.height = 300
        gradient.height = 300
        return ChartGrid([value, gradient], title: spelled(penalty))
    }

    /// Curves of one variable, with where pairs of them cross (for w > 0) marked: |w| and w²
    /// cross at 1, |w| and ½w² at 2, and their gradients at ½ and 1.
    /// Crossings are marked when `evaluate` is given: it computes each curve exactly, to place
    /// them by bisection rather than by interpolating between grid points. `identityReference`
    /// adds the dashed line y = w, where a weight would stay without a penalty (for thresholds).
    static func functions(
        _ curves: [(name: String, points: [Point])], title: String?, xLabel: String, yLabel: String?,
        evaluate: [(Double) -> Double]? = nil, identityReference: Bool = false
    ) -> Chart {
        var marks = curves.map { Mark.line($0.points, name: $0.name) }
        var crossings: [Double] = []
        if let evaluate {
            let step = curves.first.map { $0.points.count > 1 ? $0.points[1].x - $0.points[0].x : 1 } ?? 1
            for i in curves.indices {
                for j in curves.indices where j > i {
                    for estimate in crossingPoints(curves[i].points, curves[j].points) {
                        let exact = try? bisectionRoot(of: { evaluate[i]($0) - evaluate[j]($0) }, from: max(estimate - step, 1e-12), to: estimate + step)
                        crossings.append(exact ?? estimate)
                    }
                }
            }
        }
        for w in crossings.sorted().prefix(4) {
            marks.append(Mark(.verticalRule(w), name: "cross at w = \(NumberFormat.compact(w, significantDigits: 4))"))
        }
        if identityReference, !curves.isEmpty {
            marks.append(Mark.line(curves[0].points.map { (x: $0.x, y: $0.x) }, name: "no penalty", color: 7, dashed: true))
        }
        return Chart(marks, title: title, xLabel: xLabel, yLabel: yLabel)
    }

    /// `chart` with a line at x = `at` and a dot on each curve there, its value in the description.
    static func marked(_ chart: Chart, at x: Double, values: [(name: String, y: Double)]) -> Chart {
        var marked = chart
        let xName = chart.xLabel ?? "x", shown = NumberFormat.compact(x, significantDigits: 4)
        marked.marks.append(Mark(.verticalRule(x), name: "\(xName) = \(shown)"))
        for (index, value) in values.enumerated() where value.y.isFinite {
            marked.marks.append(Mark(.scatter([(x: x, y: value.y)]), color: index))
        }
        marked.description = chart.summary + "; at \(xName) = \(shown): "
            + values.map { "\($0.name) \(NumberFormat.compact($0.y, significantDigits: 4))" }.joined(separator: ", ")
        return marked
    }

    /// Where two curves sampled on the same grid cross at w > 0, by linear interpolation.
    static func crossingPoints(_ a: [Point], _ b: [Point]) -> [Double] {
        guard a.count == b.count else { return [] }
        var result: [Double] = []
        for k in 1..<max(1, a.count) where a[k - 1].x > 0 {
            let (d0, d1) = (a[k - 1].y - b[k - 1].y, a[k].y - b[k].y)
            guard d0.isFinite, d1.isFinite, abs(d0) > 1e-12, (d0 < 0) != (d1 < 0) || d1 == 0 else { continue }
            result.append(a[k - 1].x + (a[k].x - a[k - 1].x) * d0 / (d0 - d1))
        }
        return result
    }

    // MARK: Logs

    /// A log's columns against its column `x`: overlaid, or in panels of their own when
    /// `separate` says so, or (nil) when their ranges differ more than tenfold (a loss and a
    /// count of zeros). The columns must exist.
    static func log(
        _ log: TrainingLog, x: String, columns names: [String], separate: Bool? = nil, xScale: ScaleKind = .linear,
        yScale: ScaleKind = .linear, title: String? = nil, xLabel: String? = nil, yLabel: String? = nil
    ) -> Figure {
        let xs = log.values[x]!
        let columns = names.map { name in (name: name, points: zip(xs, log.values[name]!).map { (x: $0, y: $1) }) }
        let spans = columns.map { column in column.points.map { abs($0.y) }.filter(\.isFinite).max() ?? 0 }.filter { $0 > 0 }
        let apart = separate ?? ((spans.max() ?? 1) > 10 * (spans.min() ?? 1))
        guard apart, columns.count > 1 else {
            var chart = Chart(columns.map { Mark.line($0.points, name: $0.name) }, title: title, xLabel: xLabel ?? x, yLabel: yLabel ?? (columns.count == 1 ? columns[0].name : nil))
            chart.xScale = xScale
            chart.yScale = yScale
            return .chart(chart)
        }
        let charts = columns.enumerated().map { index, column in
            var chart = Chart([Mark.line(column.points, name: column.name, color: index)], title: column.name, xLabel: xLabel ?? x)
            chart.xScale = xScale
            chart.yScale = yScale
            chart.width = 420
            chart.height = 320
            return chart
        }
        return .grid(ChartGrid(charts, columns: min(charts.count, 2), title: title))
    }

    // MARK: Data

    /// Two features: the samples coloured by class (or target sign). More: the features'
    /// correlation matrix as a heatmap, which is what decides how the lasso picks among them.
    static func dataset(_ data: Dataset) -> Chart {
        if data.featureCount == 2 {
            let positive = (0..<data.sampleCount).filter { data.target[$0] > (data.task == .regression ? median(data.target) : 0.5) }
            let negative = (0..<data.sampleCount).filter { !positive.contains($0) }
            let point = { (i: Int) -> Point in (data.features[i, 0], data.features[i, 1]) }
            var chart = Chart(
                [Mark(.scatter(negative.map(point)), name: data.task == .regression ? "below median" : "class 0"),
                 Mark(.scatter(positive.map(point)), name: data.task == .regression ? "above median" : "class 1")],
                title: data.title, xLabel: data.featureNames[0], yLabel: data.featureNames[1])
            chart.equalAspect = true
            chart.width = 520
            chart.height = 500
            return chart
        }
        let p = data.featureCount
        let standardized = data.standardized().data
        var values = [Double](repeating: 0, count: p * p)
        for a in 0..<p {
            for b in 0..<p {
                var total = 0.0
                for i in 0..<data.sampleCount { total += standardized.features[i, a] * standardized.features[i, b] }
                values[b * p + a] = total / Double(data.sampleCount)
            }
        }
        let positions = (1...max(p, 1)).map(Double.init)
        var chart = Chart([Mark(.heatmap(Grid(xs: positions, ys: positions, values: values)))], title: "\(data.title): feature correlations")
        chart.xCategories = data.featureNames
        chart.yCategories = data.featureNames
        chart.equalAspect = true
        chart.width = 560
        chart.height = 520
        chart.description = "Correlation matrix of \(p) features: " + data.featureNames.prefix(10).joined(separator: ", ") + (p > 10 ? ", …" : "")
        return chart
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    /// 201 evenly spaced points from `from` to `to`.
    static func grid(_ from: Double, _ to: Double) -> [Double] {
        (0...200).map { from + (to - from) * Double($0) / 200 }
    }
}
