import RegulaLearning

/// The members of what `geometry` and `time` give.
enum AnalysisMembers {
    static let geometry = MemberTable<GeometryResult>(
        typeName: "Geometry",
        summary: "Where a quadratic loss meets the L1 diamond and the L2 disk: what `geometry` gives.",
        subject: "geometry",
        members: ConstraintNorm.allCases.map { norm in
            .property(
                norm.rawValue, "The minimum of the loss over the \(norm.rawValue.uppercased()) ball, as [w1, w2] (when `\(norm.rawValue)` was passed to `geometry`).",
                where: { result in result.solutions.contains { $0.norm == norm } }
            ) { result in .numberList(result.solutions.first { $0.norm == norm }?.point ?? []) }
        }
    )

    static let timing = MemberTable<Timing>(
        typeName: "Timing",
        summary: "The cost per weight of penalties' values or gradients: what `time` gives.",
        subject: "timing",
        members: [
            .property("names", "What was timed, in the order given.") { timing in .list(timing.names.map { .string($0) }) },
            .property("nanoseconds", "The cost per weight of each, in nanoseconds.") { .numberList($0.nanoseconds) },
            .property("ratios", "Each cost divided by the first (steadier from run to run than the times).") { .numberList($0.ratios) },
        ]
    )
}
