import RegulaLearning

/// The members of what a training loop written out works with: a model, an optimizer, a log.
enum TrainingMembers {
    static let model = MemberTable<NetworkBox>(
        typeName: "Model",
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

    static let optimizer = MemberTable<OptimizerSpecification>(
        typeName: "Optimizer",
        summary: "How `fit` optimizes: what `coordinateDescent()`, `sgd`, `proximal`, `fista`, `cumulativeL1`, `adam` and `adamW` give.",
        subject: "optimizer",
        members: [
            .property("name", "The optimizer's name, as \"coordinate descent\" or \"adam\".") { optimizer in
                if case let .training(box) = optimizer { return .string(box.initial.kind.name) }
                return .string("coordinate descent")
            },
            .property("learningRate", "The learning rate it was made with (optimizers by epochs only).", where: { $0.isTraining }) { optimizer in
                guard case let .training(box) = optimizer else { return .nothing }
                return .number(box.initial.learningRate)
            },
        ]
    )

    static let log = MemberTable<TrainingLog>(
        typeName: "Log",
        summary: "Rows of labelled numbers, for plots and tables of training curves: what `record()` gives.",
        subject: "log",
        members: [
            .property("count", "The number of rows added.") { .number(Double($0.rowCount)) },
            .method(
                "add", "log.add(name: Number, …)", "Appends a row of labelled numbers.", documentation: "Each label is a column.",
                parameters: [], acceptsAnyLabels: true
            ) { (log, call: inout Call) throws(RegulaError) -> Value in
                var row: [(String, Double)] = []
                for argument in call.extraLabelled {
                    guard case let .number(value) = argument.value else {
                        throw RegulaError(.type, "log.add() records numbers; '\(argument.label!)' is a \(argument.value.typeName)", at: argument.range)
                    }
                    row.append((argument.label!, value))
                }
                guard !row.isEmpty else { throw RegulaError(.argument, "log.add() needs labelled numbers, as in log.add(epoch: 1, loss: 0.5)", at: call.range) }
                log.add(row)
                LoopProgress.recorded(row, call)
                return .nothing
            },
        ],
        own: OwnMembers(
            placeholder: "column", summary: "Each column `add` has recorded, one number per row (nan in rows without it).",
            names: { $0.columns }, value: { log, name in log.values[name].map(Value.numberList) }
        )
    )
}

extension OptimizerSpecification {
    /// An optimizer by epochs (not coordinate descent).
    var isTraining: Bool {
        if case .training = self { return true }
        return false
    }
}
