import RegulaLearning

/// The members of a Fit.
enum FitMembers {
    static let table = MemberTable<FitResult>(
        typeName: "Fit",
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
