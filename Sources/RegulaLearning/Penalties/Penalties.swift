/// No penalty.
public struct NoPenalty: Penalty {
    public init() {}
    public func value(_ weight: Double) -> Double { 0 }
    public func derivative(_ weight: Double) -> Double { 0 }
    public func proximal(_ weight: Double, step: Double) -> Double { weight }
    public var elasticForm: (l1: Double, l2: Double)? { (0, 0) }
}

/// λ·|w|, the lasso penalty.
public struct L1Penalty: Penalty {
    public let strength: Double
    public init(_ strength: Double) throws(LearningError) {
        try require(strength >= 0 && strength.isFinite, "λ", strength, "a finite number at least 0")
        self.strength = strength
    }
    public func value(_ weight: Double) -> Double { strength * Swift.abs(weight) }
    // Two selects instead of nested branches, which the specialized vector loops compile to
    // branch-free code: over weights of random sign a branch is mispredicted half the time,
    // and bench/penalty_cost.py measured the branchy loop about 10× slower than this one.
    public func derivative(_ weight: Double) -> Double { (weight > 0 ? strength : 0) - (weight < 0 ? strength : 0) }
    public func proximal(_ weight: Double, step: Double) -> Double { softThreshold(weight, step * strength) }
    public var elasticForm: (l1: Double, l2: Double)? { (strength, 0) }
}

/// Which of the two common L2 conventions a penalty uses.
public enum L2Convention: String, Equatable, Sendable {
    /// λ·w² (derivative 2λw).
    case squared
    /// λ/2·w² (derivative λw), the convention of weight decay and of glmnet's ridge part.
    case halfSquared
}

/// λ·w² or λ/2·w², the ridge penalty (weight decay).
public struct L2Penalty: Penalty {
    public let strength: Double
    public let convention: L2Convention
    public init(_ strength: Double, convention: L2Convention) throws(LearningError) {
        try require(strength >= 0 && strength.isFinite, "λ", strength, "a finite number at least 0")
        self.strength = strength
        self.convention = convention
    }
    var coefficient: Double { convention == .squared ? strength : strength / 2 }
    public func value(_ weight: Double) -> Double { coefficient * weight * weight }
    public func derivative(_ weight: Double) -> Double { 2 * coefficient * weight }
    public func proximal(_ weight: Double, step: Double) -> Double { weight / (1 + 2 * step * coefficient) }
    public var elasticForm: (l1: Double, l2: Double)? { (0, coefficient) }
}

/// glmnet's elastic net: λ·(α·|w| + (1−α)/2·w²).
public struct ElasticNetPenalty: Penalty {
    public let strength: Double
    public let mix: Double
    public init(_ strength: Double, mix: Double) throws(LearningError) {
        try require(strength >= 0 && strength.isFinite, "λ", strength, "a finite number at least 0")
        try require(mix >= 0 && mix <= 1, "the mix α", mix, "between 0 and 1")
        self.strength = strength
        self.mix = mix
    }
    public var elasticForm: (l1: Double, l2: Double)? { (strength * mix, strength * (1 - mix) / 2) }
    public func value(_ weight: Double) -> Double { strength * (mix * Swift.abs(weight) + (1 - mix) / 2 * weight * weight) }
    public func derivative(_ weight: Double) -> Double {
        strength * (mix * (weight > 0 ? 1 : (weight < 0 ? -1 : 0)) + (1 - mix) * weight)
    }
    public func proximal(_ weight: Double, step: Double) -> Double {
        elasticProximal(weight, step: step, l1: strength * mix, l2: strength * (1 - mix) / 2)
    }
}

/// The minimax concave penalty of Zhang (2010): λ|w| − w²/(2γ) up to |w| = γλ, then γλ²/2.
public struct MCPPenalty: Penalty {
    public let strength: Double
    public let gamma: Double
    public init(_ strength: Double, gamma: Double = 3) throws(LearningError) {
        try require(strength >= 0 && strength.isFinite, "λ", strength, "a finite number at least 0")
        try require(gamma > 1, "γ", gamma, "greater than 1")
        self.strength = strength
        self.gamma = gamma
    }
    public func value(_ weight: Double) -> Double {
        let a = Swift.abs(weight)
        return a <= gamma * strength ? strength * a - a * a / (2 * gamma) : gamma * strength * strength / 2
    }
    public func derivative(_ weight: Double) -> Double {
        let a = Swift.abs(weight)
        let size = a <= gamma * strength ? strength - a / gamma : 0
        return weight > 0 ? size : (weight < 0 ? -size : 0)
    }
    public func proximal(_ weight: Double, step: Double) -> Double {
        // Closed form when the one-dimensional problem is convex (γ > step).
        guard gamma > step else { return numericProximal(weight, step: step, penalty: value) }
        let a = Swift.abs(weight)
        if a <= gamma * strength { return softThreshold(weight, step * strength) / (1 - step / gamma) }
        return weight
    }
    public var thresholdAtZero: Double? { strength }
    public var hasExactProximal: Bool { true }
}

/// The smoothly clipped absolute deviation penalty of Fan and Li (2001), with a > 2.
public struct SCADPenalty: Penalty {
    public let strength: Double
    public let a: Double
    public init(_ strength: Double, a: Double = 3.7) throws(LearningError) {
        try require(strength >= 0 && strength.isFinite, "λ", strength, "a finite number at least 0")
        try require(a > 2, "a", a, "greater than 2")
        self.strength = strength
        self.a = a
    }
    public func value(_ weight: Double) -> Double {
        let w = Swift.abs(weight), l = strength
        if w <= l { return l * w }
        if w <= a * l { return (2 * a * l * w - w * w - l * l) / (2 * (a - 1)) }
        return l * l * (a + 1) / 2
    }
    public func derivative(_ weight: Double) -> Double {
        let w = Swift.abs(weight), l = strength
        let size = w <= l ? l : (w <= a * l ? (a * l - w) / (a - 1) : 0)
        return weight > 0 ? size : (weight < 0 ? -size : 0)
    }
    public func proximal(_ weight: Double, step: Double) -> Double {
        // Closed form (Fan and Li; Breheny and Huang) when a − 1 > step keeps it convex.
        guard a - 1 > step else { return numericProximal(weight, step: step, penalty: value) }
        let w = Swift.abs(weight), l = strength
        if w <= l * (1 + step) { return softThreshold(weight, step * l) }
        if w <= a * l { return softThreshold(weight, step * a * l / (a - 1)) / (1 - step / (a - 1)) }
        return weight
    }
    public var thresholdAtZero: Double? { strength }
    public var hasExactProximal: Bool { true }
}

/// λ·[w ≠ 0], the L0 "norm"; its proximal step is hard thresholding at √(2·step·λ).
public struct L0Penalty: Penalty {
    public let strength: Double
    public init(_ strength: Double) throws(LearningError) {
        try require(strength >= 0 && strength.isFinite, "λ", strength, "a finite number at least 0")
        self.strength = strength
    }
    public func value(_ weight: Double) -> Double { weight == 0 ? 0 : strength }
    public func derivative(_ weight: Double) -> Double { 0 }
    public func proximal(_ weight: Double, step: Double) -> Double {
        weight * weight > 2 * step * strength ? weight : 0
    }
    public var thresholdAtZero: Double? { nil }
    public var hasExactProximal: Bool { true }
}

/// c·P for a penalty P and a factor c ≥ 0.
public struct ScaledPenalty: Penalty {
    public let factor: Double
    public let base: any Penalty
    public init(_ factor: Double, _ base: any Penalty) throws(LearningError) {
        try require(factor >= 0 && factor.isFinite, "a penalty's factor", factor, "a finite number at least 0")
        self.factor = factor
        self.base = base
    }
    public func value(_ weight: Double) -> Double { factor * base.value(weight) }
    public func derivative(_ weight: Double) -> Double { factor * base.derivative(weight) }
    public func proximal(_ weight: Double, step: Double) -> Double {
        factor == 0 ? weight : base.proximal(weight, step: step * factor)
    }
    public var elasticForm: (l1: Double, l2: Double)? { base.elasticForm.map { (factor * $0.l1, factor * $0.l2) } }
    public var thresholdAtZero: Double? { base.thresholdAtZero.map { factor * $0 } }
    public var hasExactProximal: Bool { base.hasExactProximal }
}

/// P₁ + P₂ + …: values and derivatives add; the proximal step is closed-form for sums of
/// L1 and L2 terms and numeric otherwise.
public struct SumPenalty: Penalty {
    public let terms: [any Penalty]
    public init(_ terms: [any Penalty]) { self.terms = terms }
    public func value(_ weight: Double) -> Double { terms.reduce(0) { $0 + $1.value(weight) } }
    public func derivative(_ weight: Double) -> Double { terms.reduce(0) { $0 + $1.derivative(weight) } }
    public func proximal(_ weight: Double, step: Double) -> Double {
        if let form = elasticForm { return elasticProximal(weight, step: step, l1: form.l1, l2: form.l2) }
        return numericProximal(weight, step: step, penalty: value)
    }
    public var elasticForm: (l1: Double, l2: Double)? {
        var l1 = 0.0, l2 = 0.0
        for term in terms {
            guard let form = term.elasticForm else { return nil }
            l1 += form.l1
            l2 += form.l2
        }
        return (l1, l2)
    }
    public var thresholdAtZero: Double? {
        var total = 0.0
        for term in terms {
            guard let threshold = term.thresholdAtZero else { return nil }
            total += threshold
        }
        return total
    }
}
