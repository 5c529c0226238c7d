import RegulaLearning

/// The members of a Penalty and of its Prior.
enum PenaltyMembers {
    static let table = MemberTable<any Penalty>(
        typeName: "Penalty",
        summary: "A penalty P(w) on each weight: what `l1`, `l2`, `elasticNet`, `mcp`, `scad`, `l0` and `penalty` formulas give, and their sums and multiples.",
        subject: "penalty",
        members: [
            curve(.value, "The penalty P(w), as a function of w (callable, and drawable by `plot`)."),
            curve(.gradient, "A subgradient P′(w), as a function of w (0 at a kink; callable, and drawable by `plot`)."),
            curve(.threshold, "Where the proximal step with step 1 takes a weight w, as a function of w (soft thresholding for `l1`)."),
            .method(
                "prox", "penalty.prox(_ w: Number or List, step: Number)",
                "The proximal step argminₓ (x − w)²/(2·step) + P(x).", parameters: [.positional("w"), .labelled("step")]
            ) { (penalty, call: inout Call) throws(RegulaError) -> Value in
                let step = try call.number("step")
                guard step > 0 else { throw RegulaError(.value, "the step must be greater than 0, got \(Value.format(step))", at: call.range(of: "step")) }
                return try call.value("w").mapNumbers(at: call.range(of: "w")) { penalty.proximal($0, step: step) }
            },
        ]
    )

    /// `penalty.value`, `.gradient` or `.threshold`: a PenaltyCurve, which calls like a function.
    private static func curve(_ kind: PenaltyCurve.Kind, _ summary: String) -> Member<any Penalty> {
        .property(kind.rawValue, summary, signature: "penalty.\(kind.rawValue)(_ w: Number or List)") { penalty in
            .learning(.curve(PenaltyCurve(penalty: penalty, kind: kind)))
        }
    }

    static let prior = MemberTable<Prior>(
        typeName: "Prior",
        summary: "The prior density ∝ exp(−P(w)) whose MAP estimate a penalty gives: what `prior(penalty)` gives.",
        subject: "prior",
        members: [
            .method("density", "prior.density(_ w: Number or List)", "The prior density at w.", parameters: [.positional("w")]) {
                (prior, call: inout Call) throws(RegulaError) -> Value in
                try call.value("w").mapNumbers(at: call.range(of: "w")) { prior.density($0) }
            },
        ]
    )
}
