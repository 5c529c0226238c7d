import RegulaCharts
import RegulaLearning

/// The prior density of a penalty: drawn as its density, alone or beside other curves.
extension Prior: ValueKind {
    public static let typeName = "Prior"

    public var description: String { name }

    public var display: DisplayBundle {
        .figure(.chart(LearningCharts.functions(
            [(name, LearningCharts.grid(-4, 4).map { (x: $0, y: density($0)) })], title: name, xLabel: "w", yLabel: "density")), text: description)
    }


    public static let members: MemberTable<Prior>? = memberTable(
        summary: "The prior density ∝ exp(−P(w)) whose MAP estimate a penalty gives: what `prior(penalty)` gives.",
        subject: "prior",
        members: [
            .method("density", "The prior density at w.", parameters: [.positional("w", .numberOrList, "The weight, or each element of a list.")]) {
                (prior, call: inout Call) throws(RegulaError) -> Value in
                try call.value("w").mapNumbers(at: call.range(of: "w")) { prior.density($0) }
            },
        ]
    )
}
