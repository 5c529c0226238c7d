import RegulaCharts
import RegulaLearning

/// Where a quadratic loss meets the L1 and L2 balls: drawn as its contours and balls.
extension GeometryResult: ValueKind {
    public static let typeName = "Geometry"

    public var display: DisplayBundle { .figure(.chart(chart()), text: description) }

    public static let plotParameters: [Parameter]? = [
        .labelled("extent", .number, default: .nothing, "Both axes run from −extent to extent, so pictures of different losses share a scale (as `interact` redraws them); it must reach the balls, the centre and the solutions."),
        PlotParameters.title,
    ]
    public static let plotSummary = "the loss's contours with the L1 diamond and the L2 disk, and where each solution lands."

    public func plot(_ call: inout Call) throws(RegulaError) -> Value {
        guard !call.value("extent").isNothing else { return try call.titled(.chart(chart())) }
        let extent = try call.number("extent")
        guard extent.isFinite, extent >= reach, extent <= GeometryResult.maximumSize else {
            throw RegulaError(.value, "plot() of a geometry needs an 'extent:' that reaches the balls, the centre and the solutions, at least \(formatted(reach)); got \(formatted(extent))", at: call.range(of: "extent"))
        }
        return try call.titled(.chart(chart(extent: extent)))
    }

    public static let members: MemberTable<GeometryResult>? = memberTable(
        summary: "Where a quadratic loss meets the L1 diamond and the L2 disk: what `geometry` gives.",
        subject: "geometry",
        members: ConstraintNorm.allCases.map { norm in
            .property(
                norm.rawValue, "The minimum of the loss over the \(norm.rawValue.uppercased()) ball, as [w1, w2] (when `\(norm.rawValue)` was passed to `geometry`).",
                where: { result in result.solutions.contains { $0.norm == norm } }
            ) { result in .numberList(result.solutions.first { $0.norm == norm }?.point ?? []) }
        }
    )
}
