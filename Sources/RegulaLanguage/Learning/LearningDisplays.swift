import RegulaCharts
import RegulaLearning

extension LearningValue {
    /// The picture a person wants for each value without asking.
    var display: DisplayBundle {
        switch self {
        case let .dataset(data):
            DisplayBundle(plainText: description, html: "<p>\(SVGWriter.escape(description))</p>" + Self.preview(of: data).html())
        case let .penalty(penalty):
            Self.bundle(.grid(LearningCharts.shape(of: penalty)), description)
        case let .fit(fit) where !fit.history.isEmpty:
            Self.bundle(LearningCharts.fit(fit), description + "\n" + Self.coefficientTable(fit).plainText())
        case let .fit(fit):
            DisplayBundle(plainText: description + "\n" + Self.coefficientTable(fit).plainText(),
                          html: "<p>\(SVGWriter.escape(description))</p>" + Self.coefficientTable(fit).html())
        case let .path(result):
            Self.bundle(.chart(LearningCharts.path(result.path)), description)
        case let .crossValidation(cv):
            Self.bundle(.chart(LearningCharts.crossValidation(cv)), description)
        case .model, .optimizer, .quadratic:
            DisplayBundle(plainText: description)
        case let .network(box):
            Self.bundle(LearningCharts.model(box.network, title: "\(box.kind) model"), description)
        case let .curve(curve):
            Self.bundle(.chart(LearningCharts.functions(
                [(curve.name, LearningCharts.grid(-2, 2).map { (x: $0, y: curve($0)) })], title: curve.name, xLabel: "w", yLabel: nil,
                identityReference: curve.kind == .threshold)), description)
        case let .geometry(result):
            Self.bundle(.chart(result.chart), description)
        case let .prior(prior):
            Self.bundle(.chart(LearningCharts.functions(
                [(prior.name, LearningCharts.grid(-4, 4).map { (x: $0, y: prior.density($0)) })], title: prior.name, xLabel: "w", yLabel: "density")), description)
        case let .log(log) where log.columns.count >= 2 && log.rowCount >= 2:
            // Its curves, against its first column (the epoch, usually); `table(log)` gives the numbers.
            Self.bundle(LearningCharts.log(log, x: log.columns[0], columns: Array(log.columns.dropFirst())), description + "\n" + Self.table(of: log).plainText())
        case let .log(log):
            DisplayBundle(plainText: description + "\n" + Self.table(of: log).plainText(), html: Self.table(of: log).html())
        case .groupPenalty:
            DisplayBundle(plainText: description)
        case let .timing(timing):
            DisplayBundle(plainText: Self.table(of: timing).plainText(), html: Self.table(of: timing).html())
        }
    }

    /// A figure with the value's description as its text.
    private static func bundle(_ figure: Figure, _ text: String) -> DisplayBundle {
        DisplayBundle(plainText: text, svg: figure.svg())
    }

    /// The first rows of a dataset, features then target.
    static func preview(of data: Dataset, rows: Int = 10) -> Table {
        var table = Table(
            columns: data.featureNames + [data.targetName],
            rows: (0..<min(rows, data.sampleCount)).map { i in
                (data.features.row(i) + [data.target[i]]).map { Table.Cell.number($0) }
            })
        table.maximumRows = rows
        table.totalRows = data.sampleCount
        return table
    }

    static func coefficientTable(_ fit: FitResult) -> Table {
        let names = fit.weightNames(fit.coefficients.count)
        return Table(
            columns: ["feature", "coefficient"],
            rows: [[.text("(intercept)"), .number(fit.intercept)]] + zip(names, fit.coefficients).map { [.text($0), .number($1)] })
    }

    static func table(of timing: Timing) -> Table {
        Table(
            columns: ["function", "ns per weight", "relative to the first"],
            rows: zip(timing.names, zip(timing.nanoseconds, timing.ratios)).map { [.text($0), .number(($1.0 * 1000).rounded() / 1000), .number(($1.1 * 100).rounded() / 100)] })
    }

    static func table(of log: TrainingLog) -> Table {
        Table(columns: log.columns, rows: (0..<log.rowCount).map { row in log.columns.map { .number(log.values[$0]![row]) } })
    }
}

