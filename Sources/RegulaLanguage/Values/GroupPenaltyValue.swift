import RegulaLearning

/// The group lasso over a network's neurons or inputs: a penalty for training, not per weight.
extension GroupPenalty: ValueKind {
    public static let typeName = "GroupPenalty"

    public var description: String { "groupLasso(\(Value.format(strength)), by: \"\(structure.rawValue)\")" }
}
