import RegulaCharts
import RegulaLearning

/// A fitted model: its coefficients as a table, or a trained fit's summary chart.
extension FitResult: ValueKind {
    public static let typeName = "Fit"

    public var description: String {
        "\(model) fit by \(method), penalty \(penalty): \(weights.count - weights.exactZeroCount) nonzero of \(weights.count), objective \(formatted(objective))"
    }

    public var display: DisplayBundle {
        let text = description + "\n" + coefficientTable.plainText()
        if !history.isEmpty { return .figure(LearningCharts.fit(self), text: text) }
        return DisplayBundle(plainText: text, html: "<p>\(SVGWriter.escape(description))</p>" + coefficientTable.html())
    }

    /// One view of this fit, or of it beside the fits that follow it.

    var coefficientTable: Table {
        Table(
            columns: ["feature", "coefficient"],
            rows: [[.text("(intercept)"), .number(intercept)]] + zip(weightNames(coefficients.count), coefficients).map { [.text($0), .number($1)] })
    }

    public static let members: MemberTable<FitResult>? = memberTable(
        summary: "A fitted model: what `fit` gives, by coordinate descent or by epochs of an optimizer.",
        subject: "fit",
        members: [
            .property("coefficients", "The coefficients in the data's original units (a network's: its first layer's weights).") { .numberList($0.coefficients) },
            .property("intercept", "The intercept in original units (never penalized).") { .number($0.intercept) },
            .property("weights", "Every weight of the model (a network's, all layers, without biases), or the coefficients.") { .numberList($0.weights) },
            .property("zeros", "How many weights are exactly 0.0.") { .number(Double($0.weights.exactZeroCount)) },
            .property("nonzeros", "How many weights are not exactly 0.0.") { fit in .number(Double(fit.weights.count - fit.weights.exactZeroCount)) },
            .property("objective", "The objective (loss plus penalty) at the solution.") { .number($0.objective) },
            .property("losses", "The training loss after each epoch (empty for coordinate descent).") { .numberList($0.losses) },
            .property("gap", "The duality gap relative to the null objective; nothing for non-convex penalties and trained fits.") { fit in
                fit.certificate.map { .certified($0.gap) } ?? .nothing
            },
            .property("kkt", "The largest violation of the optimality (KKT) conditions relative to λ; nothing for trained fits.") { fit in
                fit.certificate.map { .certified($0.kkt) } ?? .nothing
            },
        ]
    )
}

/// A fit's coefficients as `save` writes them: a line per feature after the intercept.
extension FitResult: SavableValue {
    static let fileForms: [FileForm<FitResult>] = [
        FileForm("csv", "`feature,coefficient`, the intercept first as `(intercept)`") { $0.coefficientTable.csv },
        FileForm("json", "model, method, penalty, intercept, coefficients by feature, objective, zeros, gap and kkt") { fit in
            JSONText.object([
                ("model", .string(fit.model)), ("method", .string(fit.method)), ("penalty", .string(fit.penalty)),
                ("intercept", .number(fit.intercept)),
                ("coefficients", .object(zip(fit.weightNames(fit.coefficients.count), fit.coefficients).map { ($0, .number($1)) })),
                ("objective", .number(fit.objective)), ("zeros", .number(Double(fit.weights.exactZeroCount))),
                ("gap", fit.certificate.map { .number($0.gap) } ?? .null), ("kkt", fit.certificate.map { .number($0.kkt) } ?? .null),
            ]).document
        },
    ]
}
