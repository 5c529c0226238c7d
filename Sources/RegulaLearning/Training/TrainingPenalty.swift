/// How a group penalty groups a network's weights.
public enum GroupStructure: String, Sendable {
    /// One group per input feature: its outgoing weights in the first layer (feature selection).
    case inputs
    /// One group per hidden neuron: its incoming weights (removes whole neurons).
    case neurons
}

/// The group lasso, λ·Σ_g √|g|·‖w_g‖, whose proximal step zeroes whole groups.
public struct GroupPenalty: Sendable {
    public let strength: Double
    public let structure: GroupStructure
    public init(_ strength: Double, by structure: GroupStructure) throws(LearningError) {
        try require(strength >= 0 && strength.isFinite, "λ", strength, "a finite number at least 0")
        self.strength = strength
        self.structure = structure
    }

    /// The groups of parameter indices in `network`.
    public func groups(in network: Network) -> [[Int]] {
        switch structure {
        case .inputs:
            let range = network.weightRange(0), inputs = network.sizes[0]
            return (0..<inputs).map { i in (0..<network.sizes[1]).map { range.lowerBound + i + $0 * inputs } }
        case .neurons:
            return (0..<max(network.layerCount - 1, 0)).flatMap { layer -> [[Int]] in
                let range = network.weightRange(layer), fanIn = network.sizes[layer]
                return (0..<network.sizes[layer + 1]).map { j in Array((range.lowerBound + j * fanIn)..<(range.lowerBound + (j + 1) * fanIn)) }
            }
        }
    }
}

/// The penalty of a training run: an element-wise penalty per weight layer (biases are never
/// penalized) and an optional group penalty.
public struct TrainingPenalty: Sendable {
    /// One penalty per weight layer; a single one is used for every layer.
    public var layers: [any Penalty]
    public var group: GroupPenalty?

    public init(_ penalty: any Penalty = NoPenalty(), group: GroupPenalty? = nil) {
        layers = [penalty]
        self.group = group
    }

    public init(perLayer: [any Penalty], group: GroupPenalty? = nil) {
        layers = perLayer.isEmpty ? [NoPenalty()] : perLayer
        self.group = group
    }

    func penalty(ofLayer layer: Int) -> any Penalty { layers[min(layer, layers.count - 1)] }

    /// Checks that a per-layer list fits `network`.
    func validate(for network: Network) throws(LearningError) {
        if layers.count > 1 && layers.count != network.layerCount {
            throw .shapeMismatch("\(layers.count) layer penalties", "a network with \(network.layerCount) weight layers")
        }
    }

    /// The penalty's value at `network`'s weights.
    public func value(of network: Network) -> Double {
        var total = 0.0
        for layer in 0..<network.layerCount {
            let penalty = self.penalty(ofLayer: layer)
            for index in network.weightRange(layer) { total += penalty.value(network.parameters[index]) }
        }
        if let group {
            for members in group.groups(in: network) {
                let norm = members.reduce(0.0) { $0 + network.parameters[$1] * network.parameters[$1] }.squareRoot()
                total += group.strength * Double(members.count).squareRoot() * norm
            }
        }
        return total
    }

    /// True when there is nothing to add or apply (no penalty at all), so steps can skip it.
    var isNone: Bool {
        group == nil && layers.allSatisfy { $0.elasticForm.map { $0.l1 == 0 && $0.l2 == 0 } ?? false }
    }

    /// Adds a subgradient of the penalty (0 at kinks) to `gradient`.
    func addSubgradient(of network: Network, parameters: [Double], to gradient: inout [Double]) {
        if isNone { return }
        for layer in 0..<network.layerCount {
            let range = network.weightRange(layer)
            var slice = Array(gradient[range])
            self.penalty(ofLayer: layer).addDerivative(of: Array(parameters[range]), factors: nil, to: &slice)
            gradient.replaceSubrange(range, with: slice)
        }
        if let group {
            for members in group.groups(in: network) {
                let norm = members.reduce(0.0) { $0 + parameters[$1] * parameters[$1] }.squareRoot()
                guard norm > 0 else { continue }
                let scale = group.strength * Double(members.count).squareRoot() / norm
                for index in members { gradient[index] += scale * parameters[index] }
            }
        }
    }

    /// The proximal step with step size `step`: element-wise, then the group step (exact when
    /// only one of the two is present, the usual splitting otherwise).
    func applyProximal(of network: Network, to parameters: inout [Double], step: Double) {
        if isNone { return }
        for layer in 0..<network.layerCount {
            let range = network.weightRange(layer)
            var slice = Array(parameters[range])
            self.penalty(ofLayer: layer).applyProximal(to: &slice, step: step, factors: nil)
            parameters.replaceSubrange(range, with: slice)
        }
        if let group {
            for members in group.groups(in: network) {
                let norm = members.reduce(0.0) { $0 + parameters[$1] * parameters[$1] }.squareRoot()
                let threshold = step * group.strength * Double(members.count).squareRoot()
                let scale = norm > threshold ? 1 - threshold / norm : 0
                for index in members { parameters[index] *= scale }
            }
        }
    }
}
