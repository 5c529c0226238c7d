import RegulaCharts
import RegulaLearning

/// `penalty.value`, `.gradient` or `.threshold`: a function of w, callable and drawable.
extension PenaltyCurve: ValueKind {
    public static let typeName = "Function"

    public var description: String { name }

    public var display: DisplayBundle {
        .figure(.chart(LearningCharts.functions(
            [(name, LearningCharts.grid(-2, 2).map { (x: $0, y: self($0)) })], title: name, xLabel: "w", yLabel: nil,
            identityReference: kind == .threshold)), text: description)
    }

    public var callable: Builtin? { builtin }

}
