import RegulaLearning

/// The group lasso over a network's neurons or inputs: a penalty for training, not per weight.
extension GroupPenalty: ValueKind {
    public static let typeName = "GroupPenalty"

    public var description: String { spelled(self) }
}
