import RegulaLearning

/// P(w) or P′(w) of a penalty, as a function of w.
public struct PenaltyCurve: Sendable {
    /// `threshold` is the proximal step with step 1: soft thresholding for L1, hard for L0,
    /// proportional shrinkage for L2.
    public enum Kind: String, Sendable { case value, gradient, threshold }
    public let penalty: any Penalty
    public let kind: Kind

    var name: String { "\(spelled(penalty)).\(kind.rawValue)" }

    func callAsFunction(_ w: Double) -> Double {
        switch kind {
        case .value: penalty.value(w)
        case .gradient: penalty.derivative(w)
        case .threshold: penalty.proximal(w, step: 1)
        }
    }

    private var summary: String {
        switch kind {
        case .value: "The penalty P(w)."
        case .gradient: "A subgradient P′(w) of the penalty (0 at a kink)."
        case .threshold: "The proximal step of the penalty with step 1: where a weight w lands."
        }
    }

    /// What calling it takes: a weight, or a list of them.
    static let parameters: [Parameter] = [.positional("w", .numberOrList, "The weight, or each element of a list.")]

    /// The built-in that calls it, of a number or of each element of a list.
    var builtin: Builtin {
        let curve = self
        return Builtin(
            name, summary: summary,
            documentation: "Of a number, or of each element of a list.", example: "", parameters: Self.parameters
        ) { (call: inout Call) throws(RegulaError) -> Value in
            try call.value("w").mapNumbers(at: call.range(of: "w")) { curve($0) }
        }
    }
}
