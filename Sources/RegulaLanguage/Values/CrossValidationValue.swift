import RegulaCharts
import RegulaLearning

/// A cross-validation: drawn as its mean error against λ, with λ_min and λ_1se marked.
extension CrossValidation: ValueKind {
    public static let typeName = "CrossValidation"

    public var description: String {
        "\(folds)-fold cross-validation of the \(path.penaltyName): λ_min = \(NumberFormat.compact(lambdaMin, significantDigits: 4)), λ_1se = \(NumberFormat.compact(lambda1se, significantDigits: 4))"
    }

    public var display: DisplayBundle { .figure(.chart(LearningCharts.crossValidation(self)), text: description) }

    public static let plotParameters: [Parameter]? = [PlotParameters.title]
    public static let plotSummary = "its mean error against λ, with its standard-error band and λ_min and λ_1se marked."

    public func plot(_ call: inout Call) throws(RegulaError) -> Value {
        try call.titled(.chart(LearningCharts.crossValidation(self)))
    }

    public static let members: MemberTable<CrossValidation>? = memberTable(
        summary: "A path refitted fold by fold, as cv.glmnet does: what `crossValidate` gives.",
        subject: "cv",
        members: [
            .property("lambdas", "The λ values of the path, from largest to smallest.") { .numberList($0.lambdas) },
            .property("meanError", "The mean held-out error at each λ.") { .numberList($0.meanError) },
            .property("standardError", "The standard error of `meanError` at each λ (weighted by fold size).") { .numberList($0.standardError) },
            .property("lambdaMin", "The λ of the smallest mean error.") { .number($0.lambdaMin) },
            .property("lambda1se", "The largest λ whose mean error is within one standard error of the smallest.") { .number($0.lambda1se) },
            .property("coefficientsMin", "The coefficients of the whole-data fit at `lambdaMin`.") { .numberList($0.path.coefficients[$0.indexMin]) },
            .property("coefficients1se", "The coefficients of the whole-data fit at `lambda1se`.") { .numberList($0.path.coefficients[$0.index1se]) },
            .property("gaps", "Each λ's duality gap of the whole-data fit (nothing for non-convex penalties).") { .list($0.path.gaps.map(Value.certified)) },
            .property("kkt", "Each λ's largest KKT violation of the whole-data fit, relative to λ.") { .list($0.path.kkt.map(Value.certified)) },
        ]
    )
}

/// A cross-validation's curve as `save` writes it: a line per λ, largest first.
extension CrossValidation: SavableValue {
    static let fileForms: [FileForm<CrossValidation>] = [
        FileForm("csv", "`lambda,meanError,standardError,nonzeros`, a line per λ") { cv in
            var text = CSVText(header: ["lambda", "meanError", "standardError", "nonzeros"])
            for index in cv.lambdas.indices {
                text.append(numbers: [cv.lambdas[index], cv.meanError[index], cv.standardError[index], Double(cv.path.nonzeroCounts[index])])
            }
            return text.text
        },
        FileForm("json", "folds, measure, lambdaMin, lambda1se and the curve's lists") { cv in
            JSONText.object([
                ("folds", .number(Double(cv.folds))), ("measure", .string(cv.measure)),
                ("lambdaMin", .number(cv.lambdaMin)), ("lambda1se", .number(cv.lambda1se)),
                ("lambdas", .numbers(cv.lambdas)), ("meanError", .numbers(cv.meanError)), ("standardError", .numbers(cv.standardError)),
                ("nonzeros", .numbers(cv.path.nonzeroCounts.map(Double.init))),
            ]).document
        },
    ]
}
