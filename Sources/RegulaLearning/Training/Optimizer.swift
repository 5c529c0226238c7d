/// How the learning rate changes from epoch to epoch (epochs count from 1).
public enum LearningRateSchedule: Sendable, Equatable {
    case constant
    /// Multiply by `factor` every `every` epochs.
    case step(every: Int, factor: Double)
    /// Multiply by `rate` each epoch.
    case exponential(rate: Double)
    /// Cosine decay from the base rate to 0 over `epochs`.
    case cosine(epochs: Int)

    public func rate(base: Double, epoch: Int) -> Double {
        switch self {
        case .constant: return base
        case .step(let every, let factor): return base * pow(factor, Double((epoch - 1) / max(every, 1)))
        case .exponential(let rate): return base * pow(rate, Double(epoch - 1))
        case .cosine(let epochs): return base * (1 + cos(Double.pi * Double(min(epoch - 1, epochs)) / Double(max(epochs, 1)))) / 2
        }
    }
}

/// The update rules, with how each treats the penalty.
public enum OptimizerKind: Sendable, Equatable {
    /// Gradient descent with the penalty's subgradient added (weights wobble around 0 and
    /// are almost never exactly 0), with optional momentum.
    case subgradient(momentum: Double)
    /// A gradient step on the loss, then the penalty's proximal step (soft thresholding for
    /// L1: exact zeros). ISTA when batches are the whole data.
    case proximal
    /// Accelerated proximal gradient (Beck and Teboulle 2009); meant for whole-data batches.
    case fista
    /// SGD with the cumulative L1 penalty of Tsuruoka, Tsujii and Ananiadou (2009): exact zeros
    /// without the bias of clipping at every step. Needs an L1 (or elastic-net) penalty.
    case cumulativeL1
    /// Adam with the penalty's gradient added to the loss's ("coupled").
    case adam(beta1: Double, beta2: Double, epsilon: Double)
    /// AdamW: Adam plus decoupled weight decay w ← w − lr·decay·w on the weights.
    case adamW(decay: Double, beta1: Double, beta2: Double, epsilon: Double)

    public var name: String {
        switch self {
        case .subgradient(let momentum): return momentum == 0 ? "sgd" : "sgd with momentum"
        case .proximal: return "proximal"
        case .fista: return "fista"
        case .cumulativeL1: return "cumulative L1"
        case .adam: return "adam"
        case .adamW: return "adamW"
        }
    }
}

/// An optimizer and its state (momentum, moments, accumulated penalty). A value: stepping
/// mutates it, and a copy starts from the same state.
public struct Optimizer: Sendable {
    public let kind: OptimizerKind
    public let learningRate: Double
    public var schedule: LearningRateSchedule
    private var velocity: [Double] = []
    private var firstMoment: [Double] = []
    private var secondMoment: [Double] = []
    private var steps = 0
    private var accumulated: [Double] = []
    private var applied: [Double] = []
    private var previous: [Double] = []
    private var extrapolated: [Double] = []
    private var momentumTerm = 1.0

    public init(_ kind: OptimizerKind, learningRate: Double, schedule: LearningRateSchedule = .constant) throws(LearningError) {
        try require(learningRate > 0 && learningRate.isFinite, "the learning rate", learningRate, "a finite number greater than 0")
        switch kind {
        case .subgradient(let momentum):
            try require(momentum >= 0 && momentum < 1, "the momentum", momentum, "in [0, 1)")
        case .adam(let beta1, let beta2, let epsilon), .adamW(_, let beta1, let beta2, let epsilon):
            try require(beta1 >= 0 && beta1 < 1, "β1", beta1, "in [0, 1)")
            try require(beta2 >= 0 && beta2 < 1, "β2", beta2, "in [0, 1)")
            try require(epsilon > 0, "ε", epsilon, "positive")
            if case .adamW(let decay, _, _, _) = kind { try require(decay >= 0, "the weight decay", decay, "at least 0") }
        case .proximal, .fista, .cumulativeL1:
            break
        }
        self.kind = kind
        self.learningRate = learningRate
        self.schedule = schedule
    }

    /// Where the gradient should be taken: the current parameters, or FISTA's extrapolated point.
    public func evaluationPoint(_ parameters: [Double]) -> [Double] {
        if case .fista = kind, extrapolated.count == parameters.count { return extrapolated }
        return parameters
    }

    /// One update of `network`'s parameters from `gradient`, the loss's gradient at
    /// `evaluationPoint(network.parameters)`.
    public mutating func step(_ network: inout Network, gradient: [Double], penalty: TrainingPenalty, epoch: Int) throws(LearningError) {
        let rate = schedule.rate(base: learningRate, epoch: epoch)
        var parameters = network.parameters
        let count = parameters.count
        steps += 1
        switch kind {
        case .subgradient(let momentum):
            var g = gradient
            penalty.addSubgradient(of: network, parameters: parameters, to: &g)
            if velocity.count != count { velocity = Array(repeating: 0, count: count) }
            for i in 0..<count {
                velocity[i] = momentum * velocity[i] - rate * g[i]
                parameters[i] += velocity[i]
            }
        case .proximal:
            for i in 0..<count { parameters[i] -= rate * gradient[i] }
            penalty.applyProximal(of: network, to: &parameters, step: rate)
        case .fista:
            var point = evaluationPoint(parameters)
            for i in 0..<count { point[i] -= rate * gradient[i] }
            penalty.applyProximal(of: network, to: &point, step: rate)
            let nextTerm = (1 + (1 + 4 * momentumTerm * momentumTerm).squareRoot()) / 2
            let weight = (momentumTerm - 1) / nextTerm
            extrapolated = (0..<count).map { point[$0] + weight * (point[$0] - parameters[$0]) }
            momentumTerm = nextTerm
            parameters = point
        case .cumulativeL1:
            try cumulativeStep(network, &parameters, gradient: gradient, penalty: penalty, rate: rate)
        case .adam(let beta1, let beta2, let epsilon), .adamW(_, let beta1, let beta2, let epsilon):
            var g = gradient
            penalty.addSubgradient(of: network, parameters: parameters, to: &g)
            if firstMoment.count != count {
                firstMoment = Array(repeating: 0, count: count)
                secondMoment = Array(repeating: 0, count: count)
            }
            let correction1 = 1 - pow(beta1, Double(steps)), correction2 = 1 - pow(beta2, Double(steps))
            var decay = 0.0
            if case .adamW(let value, _, _, _) = kind { decay = value }
            adamUpdate(&parameters, gradient: g, rate: rate, beta1: beta1, beta2: beta2, epsilon: epsilon, corrections: (correction1, correction2))
            if decay > 0 {
                // Decoupled decay of the weights (not the biases), from the weights before the step.
                for layer in 0..<network.layerCount {
                    for i in network.weightRange(layer) { parameters[i] -= rate * decay * network.parameters[i] }
                }
            }
        }
        network.parameters = parameters
    }

    private mutating func adamUpdate(
        _ parameters: inout [Double], gradient: [Double], rate: Double, beta1: Double, beta2: Double, epsilon: Double,
        corrections: (Double, Double)
    ) {
        let count = parameters.count
        parameters.withUnsafeMutableBufferPointer { w in
            firstMoment.withUnsafeMutableBufferPointer { m in
                secondMoment.withUnsafeMutableBufferPointer { v in
                    gradient.withUnsafeBufferPointer { g in
                        for i in 0..<count {
                            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                            w[i] -= rate * (m[i] / corrections.0) / ((v[i] / corrections.1).squareRoot() + epsilon)
                        }
                    }
                }
            }
        }
    }

    /// Tsuruoka et al.: u accumulates the L1 penalty every weight could have received, q what
    /// it did receive; after the gradient step each weight is clipped towards 0 by the difference.
    private mutating func cumulativeStep(
        _ network: Network, _ parameters: inout [Double], gradient: [Double], penalty: TrainingPenalty, rate: Double
    ) throws(LearningError) {
        let count = parameters.count
        if accumulated.count != network.layerCount {
            accumulated = Array(repeating: 0, count: network.layerCount)
            applied = Array(repeating: 0, count: count)
        }
        for i in 0..<count { parameters[i] -= rate * gradient[i] }
        for layer in 0..<network.layerCount {
            guard let form = penalty.penalty(ofLayer: layer).elasticForm else {
                throw .invalidInput("the cumulative L1 optimizer needs an L1 or elastic-net penalty (a·|w| + b·w²) on every layer; weight layer \(layer + 1)'s is not of that form")
            }
            accumulated[layer] += rate * form.l1
            let u = accumulated[layer]
            for i in network.weightRange(layer) {
                parameters[i] -= rate * 2 * form.l2 * network.parameters[i]
                let before = parameters[i]
                if before > 0 { parameters[i] = max(0, before - (u + applied[i])) }
                else if before < 0 { parameters[i] = min(0, before + (u - applied[i])) }
                applied[i] += parameters[i] - before
            }
        }
    }
}
