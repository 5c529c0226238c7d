import RegulaCharts
import RegulaLearning

/// A regularization path: drawn as its coefficients against λ (or the L1 norm).
extension PathResult: ValueKind {
    public static let typeName = "Path"

    public var description: String {
        "\(path.penaltyName) path\(settingsNote): \(path.lambdas.count) λ from \(formatted(path.lambdas.first ?? 0)) to \(formatted(path.lambdas.last ?? 0))"
    }

    public var display: DisplayBundle { .figure(.chart(LearningCharts.path(path)), text: description) }

    /// `plot(path)`, `plot(path, x: "norm")`, `plot(path, cv: cv)`, `plot(path, at: 0.5)`.
    public static let plotParameters: [Parameter]? = [
        .labelled("x", .string, default: .string("lambda"), "\"lambda\" (log axis) or \"norm\" (the L1 norm of the coefficients)."),
        .labelled("cv", ParameterType("CrossValidation"), default: .nothing, "A cross-validation of the path, whose λ_min and λ_1se are marked."),
        .labelled("at", .number, default: .nothing, "A λ within the path's range to mark with a line, with the fit at that λ beside the path: its coefficients and its exact zeros, named."),
        PlotParameters.title,
    ]
    public static let plotSummary = "its coefficients against λ, each line named at its end."

    public func plot(_ call: inout Call) throws(RegulaError) -> Value {
        var againstNorm = false
        switch call.value("x") {
        case .nothing, .string("lambda"), .string("λ"): break
        case .string("norm"): againstNorm = true
        default: throw RegulaError(.value, "plot() of a path takes x: \"lambda\" (the default) or x: \"norm\" (the L1 norm of the coefficients)", at: call.range(of: "x"))
        }
        var cv: CrossValidation?
        switch call.value("cv") {
        case .nothing: break
        case let .object(given as CrossValidation): cv = given
        default: throw call.typeMismatch("cv", expected: "a cross-validation, as made by crossValidate(path, folds: 10, seed: 0)")
        }
        var chart = LearningCharts.path(path, againstNorm: againstNorm, cv: cv)
        if let title = try call.optionalString("title") { chart.title = title }
        guard !call.value("at").isNothing else { return .chart(.chart(chart)) }
        guard !againstNorm else {
            throw RegulaError(.value, "plot() of a path marks 'at:' on the λ axis, so it does not take x: \"norm\" with it", at: call.range(of: "at"))
        }
        let lambda = try call.number("at")
        let (smallest, largest) = (path.lambdas.min() ?? 0, path.lambdas.max() ?? 0)
        // A slider's last stop, 10 to a power, can land a rounding away from the path's end.
        guard lambda.isFinite, lambda >= smallest * (1 - 1e-9), lambda <= largest * (1 + 1e-9) else {
            throw RegulaError(.value, "plot() of a path takes 'at:' between its smallest and largest λ, \(short(smallest)) and \(short(largest)); got \(formatted(lambda))", at: call.range(of: "at"))
        }
        let at = min(max(lambda, smallest), largest)
        let interrupt = call.interruptibleOptions.isInterrupted
        let fit = try engine(at: call.range(of: "at")) { () throws(LearningError) in try self.fit(at: at, isInterrupted: interrupt) }
        return .chart(.grid(LearningCharts.path(chart, of: path, at: at, fit: fit)))
    }

    /// The fit at `lambda` with the path's data, family, penalty and settings, started from the
    /// path's fit at the nearest λ of its grid (a warm start, as the path's own fits are).
    func fit(at lambda: Double, isInterrupted: @escaping @Sendable () -> Bool) throws(LearningError) -> PenalizedFit {
        var settings = options
        settings.isInterrupted = isInterrupted
        let nearest = path.lambdas.indices.min { abs(log(path.lambdas[$0] / lambda)) < abs(log(path.lambdas[$1] / lambda)) } ?? 0
        return try PenalizedRegression(data, family: family, options: settings)
            .fit(penalty: penalty.make(lambda), start: path.fits.isEmpty ? nil : path.fits[nearest].workingCoefficients)
    }

    public static let members: MemberTable<PathResult>? = memberTable(
        summary: "Fits along a grid of λ, largest first, each warm-started from the last: what `lassoPath` gives.",
        subject: "path",
        members: [
            .property("lambdas", "The λ values, from largest to smallest.") { .numberList($0.path.lambdas) },
            .property("count", "The number of λ values.") { .number(Double($0.path.lambdas.count)) },
            .property("coefficients", "Each λ's coefficients in original units, as a List of Lists.") { .list($0.path.coefficients.map(Value.numberList)) },
            .property("intercepts", "Each λ's intercept in original units.") { .numberList($0.path.intercepts) },
            .property("nonzeros", "How many coefficients are exactly nonzero at each λ.") { result in
                .list(result.path.nonzeroCounts.map { .number(Double($0)) })
            },
            .property("order", "The features' names in the order they first become nonzero.") { result in
                .list(result.path.orderOfEntry.map { .string(result.path.featureNames[$0]) })
            },
            .property("gaps", "Each λ's duality gap relative to its null objective (nothing for non-convex penalties).") { .list($0.path.gaps.map(Value.certified)) },
            .property("kkt", "Each λ's largest KKT violation relative to λ.") { .list($0.path.kkt.map(Value.certified)) },
        ]
    )
}

/// A path as `save` writes it: a line per λ, largest first.
extension PathResult: SavableValue {
    static let fileForms: [FileForm<PathResult>] = [
        FileForm("csv", "`lambda,intercept,` then a column per feature, a line per λ") { result in
            let path = result.path
            var text = CSVText(header: ["lambda", "intercept"] + path.featureNames)
            for (index, lambda) in path.lambdas.enumerated() {
                text.append(numbers: [lambda, path.intercepts[index]] + path.coefficients[index])
            }
            return text.text
        },
        FileForm("json", "penalty, features, lambdas, intercepts and a list of coefficients per λ") { result in
            let path = result.path
            return JSONText.object([
                ("penalty", .string(path.penaltyName)), ("features", .array(path.featureNames.map(JSONText.string))),
                ("lambdas", .numbers(path.lambdas)), ("intercepts", .numbers(path.intercepts)),
                ("coefficients", .array(path.coefficients.map(JSONText.numbers))),
            ]).document
        },
    ]
}
