import RegulaLearning

extension LearningError {
    /// The language's error for an engine error, pointing at `range`.
    func regulaError(at range: SourceRange) -> RegulaError {
        let kind: RegulaError.Kind = switch self {
        case .shapeMismatch: .shape
        case .interrupted: .interrupted
        case .diverged, .notCertified: .training
        case .tooLarge: .memory
        default: .value
        }
        var message = description
        if case .notCertified = self {
            // The engine names its options; the language spells them as the user writes them.
            message = message.replacing("raise maximumPasses, loosen the tolerance", with: "raise coordinateDescent(maxPasses:), loosen coordinateDescent(tolerance:)")
        }
        return RegulaError(kind, message, at: range)
    }
}

/// Runs engine code, turning its errors into the language's, at `range`.
func engine<T>(at range: SourceRange, _ body: () throws(LearningError) -> T) throws(RegulaError) -> T {
    do {
        return try body()
    } catch {
        throw error.regulaError(at: range)
    }
}
