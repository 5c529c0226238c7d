import RegulaLearning

/// Built-ins that make penalties. Penalties are values: `0.7 * l1(0.1) + 0.3 * l2(0.1)`.
enum PenaltyBuiltins {
    static let all: [Builtin] = [
        penalty("l1", "λ·|w|, the lasso penalty: its proximal step (soft thresholding) sets small weights to exactly 0.", "l1(0.1).prox(0.05, step: 1)") { (lambda: Double) throws(LearningError) in try L1Penalty(lambda) }.denoting(ConstraintNorm.l1),
        l2.denoting(ConstraintNorm.l2),
        penalty("l0", "λ·[w ≠ 0]: its proximal step is hard thresholding at √(2·step·λ).", "l0(1).prox([0.5, 2], step: 1)") { (lambda: Double) throws(LearningError) in try L0Penalty(lambda) },
        elasticNet, mcp, scad,
    ]

    static func penalty(
        _ name: String, _ summary: String, _ example: String,
        _ make: @escaping @Sendable (Double) throws(LearningError) -> any Penalty
    ) -> Builtin {
        Builtin(
            name, summary: summary,
            documentation: "`lambda` (λ ≥ 0) is the strength. Members: `value(w)`, `gradient(w)` (a subgradient, 0 at kinks) and `prox(w, step:)`, each on a number or a list.",
            example: example, parameters: [.positional("lambda", .number, "The strength λ, at least 0.")]
        ) { (call: inout Call) throws(RegulaError) -> Value in
            let lambda = try call.number("lambda")
            return .penalty(try engine(at: call.range(of: "lambda")) { () throws(LearningError) in try make(lambda) })
        }
    }

    static let l2 = Builtin(
        "l2",
        summary: "λ·w², the ridge penalty; with `half: true` the λ/2·w² convention of weight decay and glmnet.",
        documentation: "The two conventions differ by a factor of 2 in the value and the gradient (2λw against λw); say which one you mean. Its proximal step shrinks a weight but never sets it to 0.",
        example: "l2(1).gradient(3) == 2 * l2(1, half: true).gradient(3)",
        parameters: [.positional("lambda", .number, "The strength λ, at least 0."), .labelled("half", .bool, default: .boolean(false), "λ/2·w² instead of λ·w².")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let lambda = try call.number("lambda"), half = try call.boolean("half")
        return .penalty(try engine(at: call.range(of: "lambda")) { () throws(LearningError) in
            try L2Penalty(lambda, convention: half ? .halfSquared : .squared)
        })
    }

    static let elasticNet = Builtin(
        "elasticNet",
        summary: "glmnet's elastic net, λ·(α·|w| + (1−α)/2·w²), with α = `mix` between 0 (ridge) and 1 (lasso).",
        documentation: "The same penalty as `mix * l1(lambda) + (1 - mix) * l2(lambda, half: true)`.",
        example: "elasticNet(0.1, mix: 0.5).value(2)",
        parameters: [.positional("lambda", .number, "The strength λ, at least 0."), .labelled("mix", .number, "α, from 0 (ridge) to 1 (lasso).")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let lambda = try call.number("lambda"), mix = try call.number("mix")
        return .penalty(try engine(at: call.range) { () throws(LearningError) in try ElasticNetPenalty(lambda, mix: mix) })
    }

    static let mcp = Builtin(
        "mcp",
        summary: "The minimax concave penalty (Zhang 2010): like L1 near 0, flat beyond γλ, so large weights are not shrunk.",
        documentation: "γ > 1; smaller γ is closer to hard thresholding.",
        example: "mcp(1).value([0.5, 10])",
        parameters: [.positional("lambda", .number, "The strength λ, at least 0."), .labelled("gamma", .number, default: .number(3), "γ > 1: the penalty is flat beyond γλ.")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let lambda = try call.number("lambda"), gamma = try call.number("gamma")
        return .penalty(try engine(at: call.range) { () throws(LearningError) in try MCPPenalty(lambda, gamma: gamma) })
    }

    static let scad = Builtin(
        "scad",
        summary: "The smoothly clipped absolute deviation penalty (Fan and Li 2001).",
        documentation: "L1 up to λ, a quadratic bend up to aλ, then flat; a > 2.",
        example: "scad(1).value([0.5, 10])",
        parameters: [.positional("lambda", .number, "The strength λ, at least 0."), .labelled("a", .number, default: .number(3.7), "a > 2: the penalty is flat beyond aλ.")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let lambda = try call.number("lambda"), a = try call.number("a")
        return .penalty(try engine(at: call.range) { () throws(LearningError) in try SCADPenalty(lambda, a: a) })
    }
}
