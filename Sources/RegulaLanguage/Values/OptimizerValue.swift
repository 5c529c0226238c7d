/// How `fit` optimizes: coordinate descent or an optimizer by epochs, shown as the call that makes it.
extension OptimizerSpecification: ValueKind {
    public static let typeName = "Optimizer"

    public var description: String { name }

    /// An optimizer by epochs (not coordinate descent).
    var isTraining: Bool {
        if case .training = self { return true }
        return false
    }

    public static let members: MemberTable<OptimizerSpecification>? = memberTable(
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
}
