import RegulaCharts
import RegulaLearning

/// A model instance that `step` trains in place: drawn as its network (or its weights).
extension NetworkBox: ValueKind {
    public static let typeName = "Model"

    public var description: String {
        "\(kind) model with \(network.sizes[0]) inputs: \(network.weights.count - network.weights.exactZeroCount) nonzero of \(network.weights.count) weights"
    }

    public var display: DisplayBundle { .figure(LearningCharts.model(network, title: "\(kind) model"), text: description) }

    public static let plotParameters: [Parameter]? = [PlotParameters.title]
    public static let plotSummary = "its network diagram, exact zeros in grey."

    public func plot(_ call: inout Call) throws(RegulaError) -> Value {
        try call.titled(LearningCharts.model(network, title: "\(kind) model"))
    }

    public static let members: MemberTable<NetworkBox>? = memberTable(
        summary: "A model instance that `step` trains in place: what `linear(features:)` and `logistic(features:)` give. (The model kinds given to `fit`, as `linear` or `mlp(...)`, have no members.)",
        subject: "model",
        members: [
            .property("weights", "Every weight (all layers, without biases).") { .numberList($0.network.weights) },
            .property("bias", "The output layer's bias (a linear or logistic model's intercept).") { box in
                .number(box.network.parameters[box.network.biasRange(box.network.layerCount - 1)].first ?? 0)
            },
            .property("zeros", "How many weights are exactly 0.0.") { .number(Double($0.network.weights.exactZeroCount)) },
            .property("nonzeros", "How many weights are not exactly 0.0.") { box in
                .number(Double(box.network.weights.count - box.network.weights.exactZeroCount))
            },
        ]
    )
}
