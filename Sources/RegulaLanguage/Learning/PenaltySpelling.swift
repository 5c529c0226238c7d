import RegulaLearning

extension Prior {
    /// "prior of l1(1)".
    var name: String { "prior of \(penalty)" }
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
