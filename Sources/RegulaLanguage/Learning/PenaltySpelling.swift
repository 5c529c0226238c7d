import RegulaLearning

// How the language writes a penalty: the expression that makes it, as a cell would write it
// (`l1(0.5)`, `0.7 * l1(0.1) + 0.3 * l2(0.1)`). The engine's penalties have no text of their
// own; every place the language shows a penalty spells it here.

/// A penalty kind that the language itself defines (a `penalty` formula) spells itself.
protocol SpelledPenalty: Penalty {
    /// The expression that makes this penalty.
    var spelling: String { get }
}

/// The expression that makes `penalty`, in the language's words.
func spelled(_ penalty: any Penalty) -> String {
    switch penalty {
    case let penalty as SpelledPenalty: return penalty.spelling
    case is NoPenalty: return "none"
    case let penalty as L1Penalty: return "l1(\(formatted(penalty.strength)))"
    case let penalty as L2Penalty:
        return penalty.convention == .squared ? "l2(\(formatted(penalty.strength)))" : "l2(\(formatted(penalty.strength)), half: true)"
    case let penalty as ElasticNetPenalty: return "elasticNet(\(formatted(penalty.strength)), mix: \(formatted(penalty.mix)))"
    case let penalty as MCPPenalty: return "mcp(\(formatted(penalty.strength)), gamma: \(formatted(penalty.gamma)))"
    case let penalty as SCADPenalty: return "scad(\(formatted(penalty.strength)), a: \(formatted(penalty.a)))"
    case let penalty as L0Penalty: return "l0(\(formatted(penalty.strength)))"
    case let penalty as ScaledPenalty:
        // A sum scaled reads back as the same penalty only in parentheses: 0.5 * (l1(1) + l2(1)).
        let base = spelled(penalty.base)
        return "\(formatted(penalty.factor)) * " + (penalty.base is SumPenalty ? "(\(base))" : base)
    case let penalty as SumPenalty: return penalty.terms.map(spelled).joined(separator: " + ")
    default:
        // An engine penalty the language has no built-in for: named by its kind, not as code.
        return "a penalty of type \(type(of: penalty))"
    }
}

/// `groupLasso(0.01, by: "neurons")`.
func spelled(_ group: GroupPenalty) -> String {
    "groupLasso(\(formatted(group.strength)), by: \"\(group.structure.rawValue)\")"
}

extension Prior {
    /// "prior of l1(1)".
    var name: String { "prior of \(spelled(penalty))" }
}

extension LearningError {
    /// The engine's error with "the penalty" at its start replaced by `spelling`, the penalty
    /// as the cell wrote it: the engine has no spelling of penalties, the language does.
    func naming(penalty spelling: String) -> LearningError {
        guard case let .invalidInput(message) = self, message.hasPrefix(Self.penaltySubject) else { return self }
        return .invalidInput(spelling + message.dropFirst(Self.penaltySubject.count))
    }

    private static let penaltySubject = "the penalty"
}
