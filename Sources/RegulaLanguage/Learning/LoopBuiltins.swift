import RegulaLearning

/// Built-ins for training loops written out in a cell: `step`, losses on data, and `record`.
enum LoopBuiltins {
    static let all: [Builtin] = [step, mse, logLoss, accuracy, record]

    static let step = Builtin(
        "step",
        summary: "One optimizer step of a model on a batch; returns the batch's loss.",
        documentation: "The model (from `linear(features:)` or `logistic(features:)`) and the optimizer's state change in place. `loss:` may name the loss for clarity (`mse` for a linear model, `logLoss` for a logistic one); the model fixes it. `epoch` feeds the optimizer's learning-rate schedule and error messages. A step that would make a weight NaN or infinite leaves the model as it was and fails with a TrainingError.",
        example: "let data = synthetic(samples: 64, features: 3, seed: 1)\nlet model = linear(features: 3)\nlet opt = proximal(lr: 0.1)\nfor batch in data.batches(16, seed: 1) { step(model, batch, loss: mse, penalty: l1(0.01), optimizer: opt) }\nmodel.zeros",
        parameters: [
            .positional("model", .model, "The model instance to change in place, from linear(features:) or logistic(features:)."),
            .positional("batch", .dataset, "The samples of this step."),
            .labelled("loss", .function, default: .nothing, "mse or logLoss, for clarity: it must be the model's own loss."),
            .labelled("penalty", .penalty, default: .nothing, "The penalty on the weights; none when left out."),
            .labelled("optimizer", .optimizer, "A training optimizer such as proximal(lr: 0.1); its state changes in place."),
            .labelled("epoch", .number, default: .number(1), "The epoch, for the learning-rate schedule and error messages."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let box = try call.networkBox("model"), batch = try call.dataset("batch"), penalty = try call.penalty("penalty")
        guard case let .training(optimizer)? = call.value("optimizer").as(OptimizerSpecification.self) else {
            throw call.typeMismatch("optimizer", expected: "an optimizer such as proximal(lr: 0.1)")
        }
        if case let .builtin(loss) = call.value("loss") {
            let wanted = box.network.loss == .logistic ? "logLoss" : "mse"
            guard loss.name == wanted else {
                throw RegulaError(.value, "a \(box.kind) model trains on \(wanted), not \(loss.name)", at: call.range(of: "loss"))
            }
        }
        let epoch = try call.wholeNumber("epoch")
        let value = try engine(at: call.range) { () throws(LearningError) in
            try Trainer.step(
                &box.network, inputs: batch.features, targets: batch.target, penalty: TrainingPenalty(penalty),
                optimizer: &optimizer.current, epoch: epoch)
        }
        LoopProgress.stepped(units: 6 * Double(batch.sampleCount) * Double(box.network.parameters.count), loss: value, call)
        return .number(value)
    }

    static let mse = Builtin(
        "mse",
        summary: "The mean squared error of a model's (or a fit's) predictions on a dataset.",
        documentation: "(1/n)·Σ(ŷ − y)². Also names the squared-error loss in `step(..., loss: mse)`.",
        example: "let data = synthetic(samples: 50, features: 3, seed: 2)\nmse(fit(linear, data), data) < 1",
        parameters: [
            .positional("model", .any, "A model instance (linear(features:), logistic(features:)) or a fit."),
            .positional("data", .dataset, "The data to score it on."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let data = try call.dataset("data")
        let predicted = try call.predictions("model", on: data)
        return .number(Metrics.meanSquaredError(predicted, data.target))
    }

    static let logLoss = Builtin(
        "logLoss",
        summary: "The mean logistic loss (cross-entropy) of a logistic model's (or fit's) probabilities on a dataset.",
        documentation: "−(1/n)·Σ[y·log p + (1 − y)·log(1 − p)]. Also names the logistic loss in `step(..., loss: logLoss)`.",
        example: "let data = classification(samples: 200, features: 5, informative: 2, seed: 3)\nlogLoss(fit(logistic, data), data) < log(2)",
        parameters: [
            .positional("model", .any, "A model instance (linear(features:), logistic(features:)) or a fit."),
            .positional("data", .dataset, "The data to score it on."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let data = try call.dataset("data")
        return .number(Metrics.logLoss(probabilities: try call.predictions("model", on: data), data.target))
    }

    static let accuracy = Builtin(
        "accuracy",
        summary: "The fraction of a classification dataset a logistic model (or fit) labels right (probability above 0.5 means 1).",
        documentation: "Counted exactly: correct labels over samples.",
        example: "let data = classification(samples: 200, features: 5, informative: 2, seed: 3)\naccuracy(fit(logistic, data), data) > 0.6",
        parameters: [
            .positional("model", .any, "A model instance (linear(features:), logistic(features:)) or a fit."),
            .positional("data", .dataset, "The data to score it on."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let data = try call.dataset("data")
        let probabilities = try call.predictions("model", on: data)
        return .number(Metrics.accuracy(probabilities.map { $0 > 0.5 ? 1 : 0 }, data.target))
    }

    static let record = Builtin(
        "record",
        summary: "An empty log: `log.add(epoch: 1, loss: 0.5)` appends a row; plot it with `plot(log, x: \"epoch\", y: [\"loss\"])`.",
        documentation: "Each labelled number of `add` is a column. `log.columnName` is that column as a list; `log.count` is the number of rows. A log shows as a table.",
        example: "let log = record()\nfor k in 1...3 { log.add(epoch: k, loss: 1 / k) }\nlog.loss",
        parameters: []
    ) { (_: inout Call) throws(RegulaError) -> Value in .object(TrainingLog()) }
}

extension LoopBuiltins {
    /// Predictions (or probabilities of class 1) of a model instance or a fit on `data`; nil
    /// for any other value.
    static func predictions(of value: Value, on data: Dataset, at range: SourceRange) throws(RegulaError) -> [Double]? {
        let network: Network
        switch value {
        case let .object(box as NetworkBox): network = box.network
        case let .object(fit as FitResult):
            if let trained = fit.network {
                network = trained
            } else {
                guard fit.coefficients.count == data.featureCount else {
                    throw RegulaError(.shape, "shapes do not match: a fit of \(fit.coefficients.count) features against data with \(data.featureCount) features", at: range)
                }
                let eta = data.features.times(fit.coefficients).map { $0 + fit.intercept }
                return fit.model == "logistic" ? eta.map { 1 / (1 + exp(-$0)) } : eta
            }
        default:
            return nil
        }
        return try engine(at: range) { () throws(LearningError) in try network.predict(data.features).storage }
    }
}

extension Call {
    func networkBox(_ name: String) throws(RegulaError) -> NetworkBox {
        guard case let .object(box as NetworkBox) = value(name) else {
            throw typeMismatch(name, expected: "a model such as linear(features: 10)")
        }
        return box
    }

    /// Predictions (or probabilities of class 1) on `data` of the model or fit given for `name`.
    func predictions(_ name: String, on data: Dataset) throws(RegulaError) -> [Double] {
        guard let predicted = try LoopBuiltins.predictions(of: value(name), on: data, at: range(of: name)) else {
            throw typeMismatch(name, expected: "a model or a fit")
        }
        return predicted
    }
}
