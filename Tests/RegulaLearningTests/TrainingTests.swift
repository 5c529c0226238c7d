import Testing

@testable import RegulaLearning

/// Central finite differences of a network's loss with respect to every parameter.
func numericGradient(_ network: Network, _ inputs: Matrix, _ targets: [Double]) throws -> [Double] {
    var probe = network
    return try network.parameters.indices.map { index in
        let h = 1e-6
        probe.parameters[index] = network.parameters[index] + h
        let up = try probe.loss(inputs: inputs, targets: targets)
        probe.parameters[index] = network.parameters[index] - h
        let down = try probe.loss(inputs: inputs, targets: targets)
        probe.parameters[index] = network.parameters[index]
        return (up - down) / (2 * h)
    }
}

func fullBatch(_ epochs: Int) -> TrainingOptions {
    var options = TrainingOptions()
    options.epochs = epochs
    return options
}

@Suite("Training")
struct TrainingTests {
    static let losses: [(Loss, Int)] = [(.squaredError, 1), (.huber(delta: 0.5), 1), (.logistic, 1), (.crossEntropy, 3)]

    @Test(arguments: [Activation.tanh, .sigmoid, .relu], [0, 1, 2, 3])
    func backpropagationMatchesFiniteDifferences(_ activation: Activation, _ lossIndex: Int) throws {
        let (loss, outputs) = Self.losses[lossIndex]
        var random = RandomSource(seed: 5)
        let inputs = Matrix(rows: 7, columns: 4, columnMajor: (0..<28).map { _ in random.normal() })
        let targets: [Double] = (0..<7).map { i in
            switch loss {
            case .squaredError, .huber: return random.normal()
            case .logistic: return Double(i % 2)
            case .crossEntropy: return Double(i % 3)
            }
        }
        var network = try Network(inputs: 4, hidden: [5, 3], outputs: outputs, activation: activation, loss: loss, seed: 2)
        // Nonzero biases, so every path through the network is exercised.
        for layer in 0..<network.layerCount { for index in network.biasRange(layer) { network.parameters[index] = 0.1 * random.normal() } }
        let (_, gradient) = try network.lossAndGradient(inputs: inputs, targets: targets)
        let numeric = try numericGradient(network, inputs, targets)
        for (analytic, estimate) in zip(gradient, numeric) {
            #expect(Swift.abs(analytic - estimate) < 1e-6 * max(1, Swift.abs(estimate)), "\(activation) \(loss.name)")
        }
    }

    /// Full-batch proximal gradient (ISTA) and FISTA on a linear model reach the lasso solution
    /// that coordinate descent finds: the same objective, two algorithms.
    @Test(arguments: [OptimizerKind.proximal, .fista])
    func proximalGradientReachesTheLassoSolution(_ kind: OptimizerKind) throws {
        let data = try Synthetic.regression(samples: 100, features: 8, informative: 3, noise: .standardDeviation(0.3), seed: 3)
        let lambda = 0.05
        var options = SolverOptions()
        options.standardize = false
        let reference = try PenalizedRegression(data, family: .gaussian, options: options).fit(penalty: L1Penalty(lambda))
        let network = try Network(inputs: 8, loss: .squaredError)
        let outcome = try Trainer.train(
            network, on: data, penalty: TrainingPenalty(L1Penalty(lambda)),
            optimizer: Optimizer(kind, learningRate: 0.3), options: fullBatch(kind == .fista ? 800 : 3000))
        #expect(outcome.failure == nil)
        let weights = outcome.network.weights
        #expect(zip(weights, reference.coefficients).allSatisfy { Swift.abs($0 - $1) < 1e-6 })
        #expect(weights.map { $0 == 0 } == reference.coefficients.map { $0 == 0 }, "exact zeros where the lasso has them")
        #expect(Swift.abs(outcome.network.parameters.last! - reference.intercept) < 1e-6)
    }

    /// The product's first question: the proximal step gives exact zeros, the subgradient step none.
    @Test func proximalStepsGiveExactZerosAndSubgradientStepsDoNot() throws {
        let data = try Synthetic.regression(samples: 200, features: 20, informative: 4, noise: .standardDeviation(0.5), seed: 1)
        let network = try Network(inputs: 20, loss: .squaredError)
        var options = TrainingOptions()
        options.epochs = 50
        options.batchSize = 20
        options.seed = 1
        let penalty = TrainingPenalty(try L1Penalty(0.1))
        let proximal = try Trainer.train(network, on: data, penalty: penalty, optimizer: Optimizer(.proximal, learningRate: 0.05), options: options)
        let subgradient = try Trainer.train(network, on: data, penalty: penalty, optimizer: Optimizer(.subgradient(momentum: 0), learningRate: 0.05), options: options)
        let cumulative = try Trainer.train(network, on: data, penalty: penalty, optimizer: Optimizer(.cumulativeL1, learningRate: 0.05), options: options)
        #expect(proximal.history.last!.zeros >= 10)
        #expect(cumulative.history.last!.zeros >= 10)
        #expect(subgradient.history.last!.zeros == 0)
        #expect(proximal.trajectories?.count == 51)
    }

    @Test func adamWDecaysWeightsButNotBiases() throws {
        // Targets equal to the model's output at zero weights: the loss gradient is 0, so only
        // the decoupled decay moves the weights.
        var network = try Network(inputs: 2, loss: .squaredError)
        network.parameters = [1.0, -2.0, 0.0]
        let inputs = Matrix(rowArrays: [[0, 0], [0, 0]])
        var optimizer = try Optimizer(.adamW(decay: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.5)
        try Trainer.step(&network, inputs: inputs, targets: [0, 0], penalty: TrainingPenalty(), optimizer: &optimizer, epoch: 1)
        #expect(network.parameters == [1.0 * (1 - 0.05), -2.0 * (1 - 0.05), 0.0])
    }

    @Test func divergenceStopsWithTheEpochAndKeepsFiniteWeights() throws {
        let data = try Synthetic.regression(samples: 50, features: 5, seed: 2)
        var scaled = data
        scaled.features = Matrix(rows: 50, columns: 5, columnMajor: data.features.storage.map { $0 * 100 })
        let outcome = try Trainer.train(
            try Network(inputs: 5, loss: .squaredError), on: scaled, penalty: TrainingPenalty(),
            optimizer: Optimizer(.subgradient(momentum: 0), learningRate: 1), options: fullBatch(500))
        guard case .diverged(let epoch, _) = outcome.failure else {
            Issue.record("expected divergence, got \(String(describing: outcome.failure))")
            return
        }
        #expect(epoch > 1 && epoch < 500)
        #expect(outcome.history.count == epoch - 1)
        #expect(outcome.network.parameters.allSatisfy { $0.isFinite })
    }

    @Test func groupLassoRemovesWholeInputs() throws {
        let data = try Synthetic.regression(samples: 200, features: 6, informative: 2, noise: .standardDeviation(0.1), seed: 4)
        let network = try Network(inputs: 6, hidden: [8], activation: .tanh, loss: .squaredError, seed: 1)
        var options = fullBatch(400)
        options.seed = 3
        let outcome = try Trainer.train(
            network, on: data, penalty: TrainingPenalty(group: GroupPenalty(0.02, by: .inputs)),
            optimizer: Optimizer(.proximal, learningRate: 0.1), options: options)
        let groups = try GroupPenalty(0.02, by: .inputs).groups(in: outcome.network)
        let removed = groups.filter { members in members.allSatisfy { outcome.network.parameters[$0] == 0 } }
        #expect(removed.count >= 3, "uninformative inputs lose every outgoing weight")
        let informative = data.truth!.indices.filter { data.truth![$0] != 0 }
        #expect(informative.allSatisfy { j in groups[j].contains { outcome.network.parameters[$0] != 0 } })
    }

    @Test(arguments: [PlaygroundShape.xor, .circle])
    func aSmallNetworkLearnsThePlaygroundSets(_ shape: PlaygroundShape) throws {
        let data = try Synthetic.playground(shape, samples: 400, noise: 0.1, seed: 7)
        let network = try Network(inputs: 2, hidden: [16, 16], activation: .tanh, loss: .logistic, seed: 3)
        var options = TrainingOptions()
        options.epochs = 60
        options.batchSize = 32
        let outcome = try Trainer.train(
            network, on: data, penalty: TrainingPenalty(),
            optimizer: Optimizer(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 0.01), options: options)
        let probabilities = try outcome.network.predict(data.features).storage
        #expect(Metrics.accuracy(probabilities.map { $0 > 0.5 ? 1 : 0 }, data.target) > 0.9)
    }

    @Test func penaltyScheduleSwitchesL1OnMidRun() throws {
        let data = try Synthetic.regression(samples: 100, features: 10, informative: 2, noise: .standardDeviation(0.2), seed: 6)
        var options = fullBatch(40)
        options.penaltySchedule = [(fromEpoch: 21, penalty: TrainingPenalty(try L1Penalty(0.2)))]
        let outcome = try Trainer.train(
            try Network(inputs: 10, loss: .squaredError), on: data, penalty: TrainingPenalty(),
            optimizer: Optimizer(.proximal, learningRate: 0.2), options: options)
        #expect(outcome.history[19].zeros == 0)
        #expect(outcome.history[39].zeros >= 5)
    }

    @Test func earlyStoppingKeepsTheBestWeights() throws {
        let all = try Synthetic.regression(samples: 60, features: 40, noise: .standardDeviation(2), seed: 8)
        let (train, test) = try all.split(0.5, seed: 1)
        var options = fullBatch(2000)
        options.validation = test
        options.patience = 20
        let outcome = try Trainer.train(
            try Network(inputs: 40, loss: .squaredError), on: train, penalty: TrainingPenalty(),
            optimizer: Optimizer(.subgradient(momentum: 0.9), learningRate: 0.01), options: options)
        #expect(outcome.stoppedEarly)
        let best = outcome.history.min { $0.testLoss! < $1.testLoss! }!
        #expect(try outcome.network.loss(inputs: test.features, targets: test.target) == best.testLoss!)
    }

    @Test func interruptKeepsTheLastWholeEpoch() throws {
        let data = try Synthetic.regression(samples: 100, features: 5, seed: 9)
        var options = TrainingOptions()
        options.epochs = 10
        options.batchSize = 10
        options.isInterrupted = { true }
        let outcome = try Trainer.train(
            try Network(inputs: 5, loss: .squaredError), on: data, penalty: TrainingPenalty(),
            optimizer: Optimizer(.proximal, learningRate: 0.1), options: options)
        #expect(outcome.failure == .interrupted)
        #expect(outcome.history.isEmpty)
    }

    @Test func badSettingsAreNamed() throws {
        #expect(throws: LearningError.invalidValue(parameter: "the learning rate", value: 0, expected: "a finite number greater than 0")) {
            try Optimizer(.proximal, learningRate: 0)
        }
        let data = try Synthetic.regression(samples: 10, features: 3, seed: 1)
        #expect(throws: LearningError.shapeMismatch("data with 3 features", "a model with 4 inputs")) {
            try Trainer.train(try Network(inputs: 4, loss: .squaredError), on: data, penalty: TrainingPenalty(), optimizer: Optimizer(.proximal, learningRate: 0.1), options: fullBatch(1))
        }
        #expect(throws: LearningError.self) {
            try Trainer.train(try Network(inputs: 3, loss: .logistic), on: data, penalty: TrainingPenalty(), optimizer: Optimizer(.proximal, learningRate: 0.1), options: fullBatch(1))
        }
    }
}
