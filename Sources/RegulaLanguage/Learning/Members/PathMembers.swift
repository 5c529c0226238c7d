import RegulaLearning

/// The members of a regularization path and of its cross-validation.
enum PathMembers {
    static let table = MemberTable<PathResult>(
        typeName: "Path",
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

    static let crossValidation = MemberTable<CrossValidation>(
        typeName: "CrossValidation",
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
