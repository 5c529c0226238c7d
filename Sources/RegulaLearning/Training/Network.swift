/// A hidden layer's nonlinearity.
public enum Activation: String, Sendable, CaseIterable {
    case relu, tanh, sigmoid, identity

    func apply(_ z: Double) -> Double {
        switch self {
        case .relu: return z > 0 ? z : 0
        case .tanh: return Glibc.tanh(z)
        case .sigmoid: return 1 / (1 + exp(-z))
        case .identity: return z
        }
    }

    /// The derivative, from the activation's output a = f(z) (all four allow it).
    func derivative(output a: Double) -> Double {
        switch self {
        case .relu: return a > 0 ? 1 : 0
        case .tanh: return 1 - a * a
        case .sigmoid: return a * (1 - a)
        case .identity: return 1
        }
    }
}

/// The loss a network is trained on; it fixes the output layer.
public enum Loss: Sendable, Equatable {
    /// ½·mean((ŷ − y)²), glmnet's scaling, so that λ means the same as in coordinate descent.
    case squaredError
    /// mean Huber loss with threshold δ: ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond.
    case huber(delta: Double)
    /// Binary cross-entropy on a sigmoid output, −mean(y·log p + (1 − y)·log(1 − p)).
    case logistic
    /// Cross-entropy on a softmax output over the classes.
    case crossEntropy

    public var name: String {
        switch self {
        case .squaredError: return "squared error"
        case .huber: return "huber"
        case .logistic: return "logistic"
        case .crossEntropy: return "cross-entropy"
        }
    }
}

/// A fully connected network: linear, logistic and softmax regression are networks without
/// hidden layers. Parameters live in one flat vector (layer by layer: the weight matrix,
/// inputs × outputs column-major, then the biases), so optimizers and penalties see a vector.
public struct Network: Equatable, Sendable {
    /// Layer widths from the inputs to the outputs.
    public let sizes: [Int]
    public let activation: Activation
    public let loss: Loss
    public var parameters: [Double]
    /// Feature names, for displays.
    public var inputNames: [String]

    /// A network with seeded initial weights: zeros without hidden layers (a convex model
    /// starts at the origin), otherwise Glorot-uniform (He for relu) weights and zero biases.
    public init(inputs: Int, hidden: [Int] = [], outputs: Int = 1, activation: Activation = .relu, loss: Loss, seed: Int = 0) throws(LearningError) {
        try require(inputs >= 1, "the number of inputs", Double(inputs), "at least 1")
        for width in hidden { try require(width >= 1, "a hidden layer's width", Double(width), "at least 1") }
        if case .huber(let delta) = loss { try require(delta > 0, "Huber's δ", delta, "positive") }
        if loss == .logistic && outputs != 1 { throw .invalidInput("a logistic model has one output") }
        if loss == .crossEntropy && outputs < 2 { throw .invalidInput("a softmax model needs at least 2 classes") }
        sizes = [inputs] + hidden + [outputs]
        // Weights, a gradient and an optimizer's two moments: four vectors of every parameter.
        var parameterCount = 0.0
        for layer in 0..<(sizes.count - 1) { parameterCount += Double(sizes[layer] + 1) * Double(sizes[layer + 1]) }
        try MemoryBudget.check(
            "a network of \(sizes.map(String.init).joined(separator: "×")) (\(formatted(parameterCount)) weights)",
            count: parameterCount >= 1e18 ? Int.max : Int(parameterCount), bytesEach: 32)
        self.activation = activation
        self.loss = loss
        inputNames = (0..<inputs).map { "x\($0 + 1)" }
        var random = RandomSource(seed: seed)
        var parameters: [Double] = []
        for layer in 0..<(sizes.count - 1) {
            let fanIn = sizes[layer], fanOut = sizes[layer + 1]
            let limit = hidden.isEmpty ? 0 : (activation == .relu ? (6.0 / Double(fanIn)).squareRoot() : (6.0 / Double(fanIn + fanOut)).squareRoot())
            for _ in 0..<(fanIn * fanOut) { parameters.append(limit * (2 * random.uniform() - 1)) }
            parameters.append(contentsOf: repeatElement(0, count: fanOut))
        }
        self.parameters = parameters
    }

    /// The number of weight layers.
    public var layerCount: Int { sizes.count - 1 }

    /// Where layer `layer`'s weight matrix sits in `parameters`.
    public func weightRange(_ layer: Int) -> Range<Int> {
        var start = 0
        for l in 0..<layer { start += sizes[l] * sizes[l + 1] + sizes[l + 1] }
        return start..<(start + sizes[layer] * sizes[layer + 1])
    }

    /// Where layer `layer`'s biases sit in `parameters`.
    public func biasRange(_ layer: Int) -> Range<Int> {
        let weights = weightRange(layer)
        return weights.upperBound..<(weights.upperBound + sizes[layer + 1])
    }

    /// Every weight (no biases), layer by layer.
    public var weights: [Double] { (0..<layerCount).flatMap { parameters[weightRange($0)] } }

    /// 1 for weights, 0 for biases: the penalty factors of the flat parameter vector.
    public var penaltyFactors: [Double] {
        var factors = [Double](repeating: 0, count: parameters.count)
        for layer in 0..<layerCount { for index in weightRange(layer) { factors[index] = 1 } }
        return factors
    }

    /// The outputs for the rows of `inputs` (samples × inputs): predictions for squared error
    /// and Huber, probabilities of class 1 for logistic, class probabilities for softmax.
    public func predict(_ inputs: Matrix) throws(LearningError) -> Matrix {
        guard inputs.columns == sizes[0] else {
            throw .shapeMismatch("data with \(inputs.columns) features", "a model with \(sizes[0]) inputs")
        }
        return forward(inputs).last!
    }

    /// The activations of every layer, the inputs first and the outputs last.
    func forward(_ inputs: Matrix) -> [Matrix] {
        var activations = [inputs]
        for layer in 0..<layerCount {
            let previous = activations[layer]
            var z = Matrix(rows: previous.rows, columns: sizes[layer + 1])
            let bias = biasRange(layer)
            for j in 0..<z.columns {
                let b = parameters[bias.lowerBound + j]
                for i in 0..<z.rows { z.storage[i + j * z.rows] = b }
            }
            parameters.withUnsafeBufferPointer { p in
                BLAS.gemm(
                    transposeA: false, transposeB: false, m: previous.rows, n: z.columns, k: previous.columns,
                    alpha: 1, previous.storage, leadingA: max(previous.rows, 1),
                    p.baseAddress! + weightRange(layer).lowerBound, leadingB: max(previous.columns, 1),
                    beta: 1, &z.storage, leadingC: max(z.rows, 1))
            }
            if layer < layerCount - 1 {
                z.storage.withUnsafeMutableBufferPointer { values in
                    for i in values.indices { values[i] = activation.apply(values[i]) }
                }
            } else {
                applyOutput(&z)
            }
            activations.append(z)
        }
        return activations
    }

    private func applyOutput(_ z: inout Matrix) {
        switch loss {
        case .squaredError, .huber: return
        case .logistic:
            for i in z.storage.indices { z.storage[i] = 1 / (1 + exp(-z.storage[i])) }
        case .crossEntropy:
            for i in 0..<z.rows {
                var largest = -Double.infinity
                for j in 0..<z.columns { largest = max(largest, z[i, j]) }
                var total = 0.0
                for j in 0..<z.columns {
                    let e = exp(z[i, j] - largest)
                    z[i, j] = e
                    total += e
                }
                for j in 0..<z.columns { z[i, j] /= total }
            }
        }
    }
}
