import RegulaCharts
import RegulaLearning

/// A penalty P(w) on each weight, as the language holds it (the engine's `Penalty` is a
/// protocol, so its values are wrapped): drawn as its shape, scaled and summed by `*` and `+`.
struct PenaltyValue: ValueKind {
    let penalty: any Penalty

    init(_ penalty: any Penalty) {
        self.penalty = penalty
    }

    static let typeName = "Penalty"

    var description: String { spelled(penalty) }

    var display: DisplayBundle { .figure(.grid(LearningCharts.shape(of: penalty)), text: description) }

    /// A penalty of the language's own (`penalty capped(w; t) = …`) is called to change its parameters.
    var callable: Builtin? { (penalty as? FormulaPenalty)?.builtin }


    /// `c * penalty`, `penalty * c` and `penalty + penalty`.
    static func binary(_ symbol: Symbol, _ left: Value, _ right: Value, at range: SourceRange) throws(RegulaError) -> Value? {
        switch (symbol, left, right) {
        case let (.star, .number(factor), .object(penalty as PenaltyValue)), let (.star, .object(penalty as PenaltyValue), .number(factor)):
            return .penalty(try engine(at: range) { () throws(LearningError) in try ScaledPenalty(factor, penalty.penalty) })
        case let (.plus, .object(a as PenaltyValue), .object(b as PenaltyValue)):
            let terms = [a.penalty, b.penalty].flatMap { ($0 as? SumPenalty)?.terms ?? [$0] }
            return .penalty(SumPenalty(terms))
        default:
            return nil
        }
    }

    static let members: MemberTable<PenaltyValue>? = memberTable(
        summary: "A penalty P(w) on each weight: what `l1`, `l2`, `elasticNet`, `mcp`, `scad`, `l0` and `penalty` formulas give, and their sums and multiples.",
        subject: "penalty",
        members: [
            curve(.value, "The penalty P(w), as a function of w (callable, and drawable by `plot`)."),
            curve(.gradient, "A subgradient P′(w), as a function of w (0 at a kink; callable, and drawable by `plot`)."),
            curve(.threshold, "Where the proximal step with step 1 takes a weight w, as a function of w (soft thresholding for `l1`)."),
            .method(
                "prox", "The proximal step argminₓ (x − w)²/(2·step) + P(x).",
                parameters: [
                    .positional("w", .numberOrList, "The point, or each element of a list."),
                    .labelled("step", .number, "The step size, greater than 0."),
                ]
            ) { (subject, call: inout Call) throws(RegulaError) -> Value in
                let step = try call.number("step")
                guard step > 0 else { throw RegulaError(.value, "the step must be greater than 0, got \(formatted(step))", at: call.range(of: "step")) }
                return try call.value("w").mapNumbers(at: call.range(of: "w")) { subject.penalty.proximal($0, step: step) }
            },
        ]
    )

    /// `penalty.value`, `.gradient` or `.threshold`: a PenaltyCurve, which calls like a function.
    private static func curve(_ kind: PenaltyCurve.Kind, _ summary: String) -> Member<PenaltyValue> {
        .property(kind.rawValue, summary, parameters: PenaltyCurve.parameters) { subject in
            .object(PenaltyCurve(penalty: subject.penalty, kind: kind))
        }
    }
}

extension Value {
    /// A Penalty value.
    static func penalty(_ penalty: any Penalty) -> Value { .object(PenaltyValue(penalty)) }

    /// The penalty this value holds, or nil when it is not a Penalty.
    var penalty: (any Penalty)? { self.as(PenaltyValue.self)?.penalty }
}
