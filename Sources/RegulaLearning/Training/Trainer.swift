/// One epoch's record in a training history.
public struct EpochRecord: Equatable, Sendable {
    public let epoch: Int
    /// The mean loss on the training data (without the penalty).
    public let trainLoss: Double
    /// The mean loss on the validation data, if any.
    public let testLoss: Double?
    /// Training loss plus penalty: what the optimizer minimizes.
    public let objective: Double
    /// Weights exactly 0.0.
    public let zeros: Int
    public let l1Norm: Double
    public let l2Norm: Double
    public let learningRate: Double
}

/// Settings of a training run.
public struct TrainingOptions: Sendable {
    public var epochs: Int = 100
    /// Samples per batch; nil for the whole data (full-batch gradient descent, ISTA, FISTA).
    public var batchSize: Int? = nil
    /// Seeds the order of the batches in every epoch.
    public var seed: Int = 0
    /// Data to report a test loss on (and to stop early on).
    public var validation: Dataset? = nil
    /// Stop when the validation loss has not improved for this many epochs (keeping the best weights).
    public var patience: Int? = nil
    /// Keep every weight at the end of every epoch (the default for models of at most 200 weights).
    public var recordsWeights: Bool? = nil
    /// Penalties that take over from a given epoch on ("train first, then switch L1 on").
    public var penaltySchedule: [(fromEpoch: Int, penalty: TrainingPenalty)] = []
    /// Polled between batches; true stops training with the weights of the last whole epoch.
    public var isInterrupted: @Sendable () -> Bool = { false }
    /// Told after each epoch.
    public var progress: (@Sendable (EpochRecord) -> Void)? = nil

    public init() {}
}

/// What a training run produced. Training that diverged or was interrupted still returns its
/// history and the last finite weights, with `failure` saying what happened.
public struct TrainingOutcome: Sendable {
    public var network: Network
    public var history: [EpochRecord]
    /// All weights at the end of each epoch (epoch 0 first), when recorded.
    public var trajectories: [[Double]]?
    public var stoppedEarly: Bool
    public var failure: LearningError?
}

public enum Trainer {
    /// One optimizer step on one batch; returns the batch loss. If the step produces a NaN or
    /// an infinity, the weights are left as they were (the optimizer's moments have moved on,
    /// from a finite gradient) and the error names the epoch.
    @discardableResult
    public static func step(
        _ network: inout Network, inputs: Matrix, targets: [Double], penalty: TrainingPenalty,
        optimizer: inout Optimizer, epoch: Int
    ) throws(LearningError) -> Double {
        try penalty.validate(for: network)
        var probe = network
        probe.parameters = optimizer.evaluationPoint(network.parameters)
        let (loss, gradient) = try probe.lossAndGradient(inputs: inputs, targets: targets)
        guard loss.isFinite, gradient.allSatisfy(\.isFinite) else { throw .diverged(epoch: epoch, quantity: "loss") }
        // The optimizer is stepped in place (copying its moments every step cost a third of a
        // small network's training time); the weights are committed only if they stay finite.
        var next = network
        try optimizer.step(&next, gradient: gradient, penalty: penalty, epoch: epoch)
        guard next.parameters.allSatisfy(\.isFinite) else { throw .diverged(epoch: epoch, quantity: "weights") }
        network = next
        return loss
    }

    /// Trains `network` on `data` for `options.epochs` epochs.
    public static func train(
        _ network: Network, on data: Dataset, penalty: TrainingPenalty, optimizer: Optimizer, options: TrainingOptions
    ) throws(LearningError) -> TrainingOutcome {
        try require(options.epochs >= 1, "epochs", Double(options.epochs), "at least 1")
        if let size = options.batchSize { try require(size >= 1, "the batch size", Double(size), "at least 1") }
        try network.validate(inputs: data.features, targets: data.target)
        if let validation = options.validation { try network.validate(inputs: validation.features, targets: validation.target) }
        try penalty.validate(for: network)
        var network = network
        var optimizer = optimizer
        let records = options.recordsWeights ?? (network.weights.count <= 200)
        // Every epoch keeps a record (about 10 numbers) and, when recorded, the weights.
        try MemoryBudget.check("a training history of \(options.epochs) epochs", counts: [options.epochs, 10 + (records ? network.weights.count : 0)])
        var outcome = TrainingOutcome(
            network: network, history: [], trajectories: records ? [network.weights] : nil, stoppedEarly: false, failure: nil)
        var best = (loss: Double.infinity, network: network, epoch: 0)
        for epoch in 1...options.epochs {
            let active = options.penaltySchedule.last { $0.fromEpoch <= epoch }?.penalty ?? penalty
            let batches = options.batchSize.map { size in
                (try? data.batches(size, seed: options.seed &+ epoch)) ?? []
            } ?? [Array(0..<data.sampleCount)]
            do {
                for batch in batches {
                    if options.isInterrupted() { throw LearningError.interrupted }
                    let inputs = batches.count == 1 ? data.features : data.features.selectingRows(batch)
                    let targets = batches.count == 1 ? data.target : batch.map { data.target[$0] }
                    try step(&network, inputs: inputs, targets: targets, penalty: active, optimizer: &optimizer, epoch: epoch)
                }
                let trainLoss = try network.loss(inputs: data.features, targets: data.target)
                guard trainLoss.isFinite else { throw LearningError.diverged(epoch: epoch, quantity: "loss") }
                let testLoss = try options.validation.map { v throws(LearningError) in try network.loss(inputs: v.features, targets: v.target) }
                let weights = network.weights
                let record = EpochRecord(
                    epoch: epoch, trainLoss: trainLoss, testLoss: testLoss, objective: trainLoss + active.value(of: network),
                    zeros: weights.exactZeroCount, l1Norm: weights.l1Norm, l2Norm: weights.l2Norm,
                    learningRate: optimizer.schedule.rate(base: optimizer.learningRate, epoch: epoch))
                outcome.history.append(record)
                outcome.network = network
                if records { outcome.trajectories?.append(weights) }
                options.progress?(record)
                if let patience = options.patience, let testLoss {
                    if testLoss < best.loss { best = (testLoss, network, epoch) }
                    else if epoch - best.epoch >= patience {
                        outcome.network = best.network
                        outcome.stoppedEarly = true
                        break
                    }
                }
            } catch let error as LearningError {
                outcome.failure = error
                return outcome
            } catch {
                outcome.failure = .invalidInput("\(error)")
                return outcome
            }
        }
        return outcome
    }
}
