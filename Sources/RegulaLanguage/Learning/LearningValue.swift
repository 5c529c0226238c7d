import RegulaLearning

/// P(w) or P′(w) of a penalty, as a function of w.
public struct PenaltyCurve: Sendable {
    /// `threshold` is the proximal step with step 1: soft thresholding for L1, hard for L0,
    /// proportional shrinkage for L2.
    public enum Kind: String, Sendable { case value, gradient, threshold }
    public let penalty: any Penalty
    public let kind: Kind

    var name: String { "\(penalty).\(kind.rawValue)" }

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

    /// The built-in that calls it, of a number or of each element of a list.
    var builtin: Builtin {
        let curve = self
        return Builtin(
            name, signature: "\(name)(_ w: Number or List)",
            summary: summary,
            documentation: "Of a number, or of each element of a list.", example: "", parameters: [.positional("w")]
        ) { (call: inout Call) throws(RegulaError) -> Value in
            try call.value("w").mapNumbers(at: call.range(of: "w")) { curve($0) }
        }
    }
}

/// The prior density p(w) ∝ exp(−P(w)): the L1 penalty's is Laplace, L2's Gaussian, and a
/// penalized fit is the MAP estimate under it.
public struct Prior: Sendable {
    public let penalty: any Penalty
    /// ∫ exp(−P(w)) dw, computed numerically.
    public let normalizer: Double

    var name: String { "prior of \(penalty)" }

    init(_ penalty: any Penalty) throws(LearningError) {
        // A penalty that stops growing (MCP, SCAD, L0) gives exp(−P) a flat tail: no density.
        if penalty.value(1000) - penalty.value(100) < 1 {
            throw .invalidInput("\(penalty) levels off for large weights, so exp(−P(w)) does not integrate: it has no proper prior")
        }
        // Simpson's rule on [−L, L], where the tail beyond L is negligible.
        var limit = 1.0
        while penalty.value(limit) < 40, limit < 1e6 { limit *= 2 }
        let steps = 20_000
        let h = 2 * limit / Double(steps)
        var total = 0.0
        for k in 0...steps {
            let weight = k == 0 || k == steps ? 1.0 : (k % 2 == 1 ? 4.0 : 2.0)
            total += weight * exp(-penalty.value(-limit + Double(k) * h))
        }
        self.penalty = penalty
        normalizer = total * h / 3
    }

    func density(_ w: Double) -> Double { exp(-penalty.value(w)) / normalizer }
}
