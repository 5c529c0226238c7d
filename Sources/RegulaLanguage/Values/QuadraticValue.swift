import RegulaLearning

/// A quadratic loss for `geometry`, shown as its centre and correlation.
extension QuadraticLoss: ValueKind {
    public static let typeName = "Quadratic"

    public var description: String {
        "quadratic loss centred at (\(center.map { formatted($0) }.joined(separator: ", "))), correlation \(formatted(correlation))"
    }
}
