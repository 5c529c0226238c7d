import RegulaCharts
import RegulaLearning

extension LearningValue {
    /// The picture a person wants for each value without asking.
    var display: DisplayBundle {
        switch self {
        case let .dataset(data):
            DisplayBundle(plainText: description, html: "<p>\(escaped(description))</p>" + Self.preview(of: data).html())
        case let .penalty(penalty):
            DisplayBundle(plainText: description, svg: Self.shape(of: penalty).svg())
        case let .fit(fit):
            DisplayBundle(plainText: description + "\n" + Self.coefficientTable(fit).plainText(),
                          html: "<p>\(escaped(description))</p>" + Self.coefficientTable(fit).html())
        case let .path(result):
            DisplayBundle(plainText: description, svg: Self.chart(of: result.path).svg())
        case let .crossValidation(cv):
            DisplayBundle(plainText: description, svg: Self.chart(of: cv).svg())
        case .model, .optimizer:
            DisplayBundle(plainText: description)
        case .network:
            DisplayBundle(plainText: description)
        case let .curve(curve):
            DisplayBundle(plainText: description, svg: LineChart(
                series: [Series(name: curve.name, points: Self.grid(-2, 2).map { (x: $0, y: curve($0)) })],
                title: curve.name, xLabel: "w", yLabel: nil).svg())
        case .quadratic:
            DisplayBundle(plainText: description)
        case let .geometry(result):
            DisplayBundle(plainText: description, svg: result.chart.svg())
        case let .prior(prior):
            DisplayBundle(plainText: description, svg: LineChart(
                series: [Series(name: prior.name, points: Self.grid(-4, 4).map { (x: $0, y: prior.density($0)) })],
                title: prior.name, xLabel: "w", yLabel: "density").svg())
        case let .log(log):
            DisplayBundle(plainText: description + "\n" + Self.table(of: log).plainText(), html: Self.table(of: log).html())
        }
    }

    /// The first rows of a dataset, features then target.
    static func preview(of data: Dataset, rows: Int = 10) -> Table {
        var table = Table(
            columns: data.featureNames + [data.targetName],
            rows: (0..<min(rows, data.sampleCount)).map { i in
                (data.features.row(i) + [data.target[i]]).map { Table.Cell.number($0) }
            })
        table.maximumRows = rows
        return table
    }

    /// 201 evenly spaced points from `from` to `to`.
    static func grid(_ from: Double, _ to: Double) -> [Double] {
        (0...200).map { from + (to - from) * Double($0) / 200 }
    }

    static func shape(of penalty: any Penalty) -> LineChart {
        let grid = grid(-2, 2)
        return LineChart(
            series: [
                Series(name: "P(w)", points: grid.map { (x: $0, y: penalty.value($0)) }),
                Series(name: "P′(w)", points: grid.map { (x: $0, y: penalty.derivative($0)) }),
            ],
            title: "\(penalty)", xLabel: "w", yLabel: nil)
    }

    static func coefficientTable(_ fit: FitResult) -> Table {
        let names = fit.coefficients.count == fit.featureNames.count ? fit.featureNames : fit.coefficients.indices.map { "w\($0 + 1)" }
        return Table(
            columns: ["feature", "coefficient"],
            rows: [[.text("(intercept)"), .number(fit.intercept)]] + zip(names, fit.coefficients).map { [.text($0), .number($1)] })
    }

    static func table(of log: TrainingLog) -> Table {
        Table(columns: log.columns, rows: (0..<log.rowCount).map { row in log.columns.map { .number(log.values[$0]![row]) } })
    }

    /// Coefficient paths against log₁₀ λ, one line per feature, on the standardized features
    /// the path was fitted on: in original units a feature's scale would decide its line's size.
    static func chart(of path: RegularizationPath) -> LineChart {
        let x = path.lambdas.map { log10($0) }
        let series = path.featureNames.indices.map { j in
            Series(name: path.featureNames[j], points: zip(x, path.fits).map { (x: $0, y: $1.workingCoefficients[j]) })
        }
        return LineChart(series: series, title: "\(path.penaltyName) path", xLabel: "log₁₀ λ", yLabel: "standardized coefficient")
    }

    /// Mean held-out error with ± one standard error against log₁₀ λ.
    static func chart(of cv: CrossValidation) -> LineChart {
        let x = cv.lambdas.map { log10($0) }
        return LineChart(
            series: [
                Series(name: "mean", points: zip(x, cv.meanError).map { (x: $0, y: $1) }),
                Series(name: "+1 se", points: x.indices.map { (x: x[$0], y: cv.meanError[$0] + cv.standardError[$0]) }),
                Series(name: "−1 se", points: x.indices.map { (x: x[$0], y: cv.meanError[$0] - cv.standardError[$0]) }),
            ],
            title: "\(cv.folds)-fold cross-validation: λ_min = \(Value.format(cv.lambdaMin)), λ_1se = \(Value.format(cv.lambda1se))",
            xLabel: "log₁₀ λ", yLabel: cv.measure)
    }
}

private func escaped(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
}
