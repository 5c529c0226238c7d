extension Network {
    /// Checks that `targets` suit this network's loss and that there is one per row.
    func validate(inputs: Matrix, targets: [Double]) throws(LearningError) {
        guard inputs.columns == sizes[0] else {
            throw .shapeMismatch("data with \(inputs.columns) features", "a model with \(sizes[0]) inputs")
        }
        guard inputs.rows == targets.count else {
            throw .shapeMismatch("\(inputs.rows) samples", "\(targets.count) targets")
        }
        switch loss {
        case .logistic:
            if let bad = targets.first(where: { $0 != 0 && $0 != 1 }) {
                throw .invalidInput("a logistic model needs targets 0 and 1, found \(formatted(bad))")
            }
        case .crossEntropy:
            let classes = sizes.last!
            if let bad = targets.first(where: { $0 != $0.rounded() || $0 < 0 || $0 >= Double(classes) }) {
                throw .invalidInput("a softmax model with \(classes) classes needs targets 0 to \(classes - 1), found \(formatted(bad))")
            }
        case .squaredError, .huber:
            break
        }
    }

    /// The mean loss over the rows of `inputs`.
    public func loss(inputs: Matrix, targets: [Double]) throws(LearningError) -> Double {
        try validate(inputs: inputs, targets: targets)
        return outputLoss(forward(inputs).last!, targets: targets).loss
    }

    /// The mean loss and its gradient with respect to `parameters` (backpropagation).
    public func lossAndGradient(inputs: Matrix, targets: [Double]) throws(LearningError) -> (loss: Double, gradient: [Double]) {
        try validate(inputs: inputs, targets: targets)
        let activations = forward(inputs)
        var (loss, delta) = outputLoss(activations.last!, targets: targets)
        var gradient = [Double](repeating: 0, count: parameters.count)
        let rows = inputs.rows
        for layer in stride(from: layerCount - 1, through: 0, by: -1) {
            let input = activations[layer]
            let fanIn = sizes[layer], fanOut = sizes[layer + 1]
            let weights = weightRange(layer), biases = biasRange(layer)
            gradient.withUnsafeMutableBufferPointer { g in
                // ∂W = Aᵀ·Δ, ∂b = column sums of Δ.
                BLAS.gemm(
                    transposeA: true, transposeB: false, m: fanIn, n: fanOut, k: rows, alpha: 1,
                    input.storage, leadingA: max(rows, 1), delta.storage, leadingB: max(rows, 1),
                    beta: 0, g.baseAddress! + weights.lowerBound, leadingC: fanIn)
                for j in 0..<fanOut {
                    var total = 0.0
                    for i in 0..<rows { total += delta.storage[i + j * rows] }
                    g[biases.lowerBound + j] = total
                }
            }
            guard layer > 0 else { break }
            // Δ ← (Δ·Wᵀ) ⊙ f′(A).
            var back = Matrix(rows: rows, columns: fanIn)
            parameters.withUnsafeBufferPointer { p in
                BLAS.gemm(
                    transposeA: false, transposeB: true, m: rows, n: fanIn, k: fanOut, alpha: 1,
                    delta.storage, leadingA: max(rows, 1), p.baseAddress! + weights.lowerBound, leadingB: fanIn,
                    beta: 0, &back.storage, leadingC: max(rows, 1))
            }
            for index in back.storage.indices { back.storage[index] *= activation.derivative(output: input.storage[index]) }
            delta = back
        }
        if !loss.isFinite { loss = .infinity }
        return (loss, gradient)
    }

    /// The mean loss of outputs against targets, and ∂loss/∂(pre-activation outputs).
    func outputLoss(_ outputs: Matrix, targets: [Double]) -> (loss: Double, delta: Matrix) {
        let n = Double(max(outputs.rows, 1))
        var delta = Matrix(rows: outputs.rows, columns: outputs.columns)
        var total = 0.0
        switch loss {
        case .squaredError:
            for i in 0..<outputs.rows {
                let r = outputs.storage[i] - targets[i]
                total += r * r / 2
                delta.storage[i] = r / n
            }
        case .huber(let threshold):
            for i in 0..<outputs.rows {
                let r = outputs.storage[i] - targets[i]
                total += Swift.abs(r) <= threshold ? r * r / 2 : threshold * (Swift.abs(r) - threshold / 2)
                delta.storage[i] = min(max(r, -threshold), threshold) / n
            }
        case .logistic:
            for i in 0..<outputs.rows {
                let p = outputs.storage[i], y = targets[i]
                total -= y * log(max(p, .leastNormalMagnitude)) + (1 - y) * log(max(1 - p, .leastNormalMagnitude))
                delta.storage[i] = (p - y) / n
            }
        case .crossEntropy:
            for i in 0..<outputs.rows {
                let label = Int(targets[i])
                total -= log(max(outputs[i, label], .leastNormalMagnitude))
                for j in 0..<outputs.columns { delta[i, j] = (outputs[i, j] - (j == label ? 1 : 0)) / n }
            }
        }
        return (total / n, delta)
    }
}
