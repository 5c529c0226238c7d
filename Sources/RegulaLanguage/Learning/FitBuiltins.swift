import RegulaLearning

/// Built-ins that fit models: models, optimizers, `fit`, paths and cross-validation.
enum FitBuiltins {
    static let all: [Builtin] = [
        model("linear", .linear, "Linear regression (squared error) for `fit`."),
        model("logistic", .logistic, "Logistic regression (targets 0 and 1) for `fit`."),
        mlp, coordinateDescent,
        optimizer("sgd", "Gradient descent with the penalty's subgradient (weights wobble around 0, rarely exactly 0).", extra: [.labelled("momentum", .number, default: .number(0), "The heavy-ball momentum, from 0 (none) to below 1.")]) { call throws(RegulaError) in
            .subgradient(momentum: try call.number("momentum"))
        },
        optimizer("proximal", "A gradient step on the loss, then the penalty's proximal step: exact zeros for L1 (ISTA with full batches).") { _ throws(RegulaError) in
            .proximal
        },
        optimizer("fista", "Accelerated proximal gradient (Beck and Teboulle 2009), for full batches.") { _ throws(RegulaError) in
            .fista
        },
        optimizer("cumulativeL1", "SGD with the cumulative L1 penalty of Tsuruoka et al. (2009): exact zeros from small batches.") { _ throws(RegulaError) in
            .cumulativeL1
        },
        optimizer("adam", "Adam, with the penalty's gradient added to the loss's (coupled).", defaultRate: 0.001) { _ throws(RegulaError) in
            .adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
        },
        optimizer("adamW", "AdamW: Adam with decoupled weight decay w ← w − lr·decay·w.", defaultRate: 0.001, extra: [.labelled("decay", .number, default: .number(0.01), "The decoupled weight decay per step, relative to the learning rate.")]) { call throws(RegulaError) in
            .adamW(decay: try call.number("decay"), beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
        },
        fit,
    ]

    static func model(_ name: String, _ specification: ModelSpecification, _ summary: String) -> Builtin {
        Builtin(
            name, summary: summary,
            documentation: "Pass it to `fit` as it is (`fit(\(name), data)`). With `features:` it is a model of that many inputs, all weights 0, for a training loop written out with `step`.",
            example: "let model = \(name)(features: 3)\nmodel.zeros", parameters: [.labelled("features", .number, default: .nothing, "Inputs of a model instance for `step`; the model's description for `fit` when left out.")]
        ) { (call: inout Call) throws(RegulaError) -> Value in
            guard case .number = call.value("features") else { return .object(specification) }
            let inputs = try call.wholeNumber("features")
            let network = try engine(at: call.range(of: "features")) { () throws(LearningError) in
                try Network(inputs: inputs, loss: specification.isLogistic ? .logistic : .squaredError)
            }
            return .object(NetworkBox(network, kind: name))
        }.denoting(specification)
    }

    static let mlp = Builtin(
        "mlp",
        summary: "A multilayer perceptron for `fit`, with hidden layers of the given widths.",
        documentation: "`activation` is `relu`, `tanh` or `sigmoid` (the functions, or their names as strings). A classification dataset gets a logistic output, a regression one a linear output. Biases are never penalized.",
        example: "mlp(hidden: [32, 32], activation: tanh)",
        parameters: [
            .labelled("hidden", .list, "The widths of the hidden layers, whole numbers of at least 1."),
            .labelled("activation", .either(.function, .string), default: .string("relu"), "relu, tanh or sigmoid, or its name."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let widths = try call.value("hidden").numbers(for: "mlp()'s 'hidden:'", at: call.range(of: "hidden"))
        guard !widths.isEmpty, widths.allSatisfy({ $0 >= 1 && $0 == $0.rounded() && $0 <= 100_000 }) else {
            throw RegulaError(.value, "mlp() needs 'hidden:' widths that are whole numbers of at least 1, as in [32, 32]", at: call.range(of: "hidden"))
        }
        let name: String, denoted: Activation?
        switch call.value("activation") {
        case let .builtin(function): (name, denoted) = (function.name, function.denotes as? Activation)
        case let .string(text): (name, denoted) = (text, Activation(rawValue: text))
        default: throw call.typeMismatch("activation", expected: "relu, tanh or sigmoid")
        }
        guard let activation = denoted, activation != .identity else {
            throw RegulaError(.value, "mlp() has no activation '\(name)'; use relu, tanh or sigmoid", at: call.range(of: "activation"))
        }
        return .object(ModelSpecification.network(hidden: widths.map { Int($0) }, activation: activation))
    }

    static let coordinateDescent = Builtin(
        "coordinateDescent",
        summary: "glmnet's coordinate descent: exact solutions for linear and logistic models, the default of `fit` and `lassoPath`.",
        documentation: "Features are standardized for fitting (glmnet's default; `standardize: false` in `fit` or `lassoPath` turns it off) and coefficients reported in the original units. Each fit runs until its certificate holds: a duality gap (L1, L2, elastic net) of at most `tolerance` times the null model's objective, and every zero's KKT condition (for logistic fits, MCP, SCAD and formulas every coordinate's) within 1e-9 of λ; it finishes with a Newton step on the nonzero coefficients, and ridge is one direct solve. A fit that needs more than `maxPasses` passes over the coordinates stops with a TrainingError saying what it reached. A larger `tolerance` (1e-8, say) is faster and looser: the objective is then within `tolerance`·P(0) of the minimum. The value shows the settings that differ from the defaults.",
        example: "coordinateDescent(tolerance: 1e-8)",
        parameters: [
            .labelled("tolerance", .number, default: .number(CoordinateDescentSettings.standard.tolerance), "The duality gap allowed, relative to the null model's objective; greater than 0."),
            .labelled("maxPasses", .number, default: .number(Double(CoordinateDescentSettings.standard.maximumPasses)), "Passes over the coordinates before a fit stops with a TrainingError."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        var settings = CoordinateDescentSettings()
        settings.tolerance = try call.number("tolerance")
        guard settings.tolerance > 0, settings.tolerance.isFinite else {
            throw RegulaError(.value, "coordinateDescent() needs a 'tolerance:' greater than 0 (the duality gap allowed, relative to the null objective; the default is 1e-12), got \(formatted(settings.tolerance))", at: call.range(of: "tolerance"))
        }
        let passes = try call.number("maxPasses")
        guard passes >= 1, passes == passes.rounded(), passes <= 1e12 else {
            throw RegulaError(.value, "coordinateDescent() needs 'maxPasses:' to be a whole number of at least 1, got \(formatted(passes))", at: call.range(of: "maxPasses"))
        }
        settings.maximumPasses = Int(passes)
        return .object(OptimizerSpecification.coordinateDescent(settings))
    }

    static func optimizer(
        _ name: String, _ summary: String, defaultRate: Double? = nil, extra: [Parameter] = [],
        _ kind: @escaping @Sendable (Call) throws(RegulaError) -> OptimizerKind
    ) -> Builtin {
        let rate: Parameter = .labelled("lr", .number, default: defaultRate.map { .number($0) }, "The learning rate, greater than 0.")
        return Builtin(
            name, summary: summary,
            documentation: "An optimizer for `fit`; `lr` is the learning rate (greater than 0).",
            example: "\(name)(lr: 0.01)", parameters: [rate] + extra
        ) { (call: inout Call) throws(RegulaError) -> Value in
            let learningRate = try call.number("lr"), kind = try kind(call)
            return .object(OptimizerSpecification.training(OptimizerBox(try engine(at: call.range) { () throws(LearningError) in
                try Optimizer(kind, learningRate: learningRate)
            })))
        }
    }

    static let fit = Builtin(
        "fit",
        summary: "Fits a model to a dataset with a penalty, by coordinate descent or by epochs of an optimizer.",
        documentation: "The model is `linear`, `logistic` or `mlp(...)`. With `coordinateDescent()` (linear and logistic only) the result is the exact minimizer of glmnet's objective, 1/(2n)·‖y − b₀ − Xb‖² + P(b), on standardized features, with its certificate: `fit.gap` (the duality gap over the null objective, at most the tolerance of `coordinateDescent(tolerance:)`, 1e-12 by default; `nothing` for non-convex penalties) and `fit.kkt` (the largest optimality violation relative to λ); a coefficient is exactly 0 only where 0 is optimal, and a fit that cannot be certified stops with a TrainingError. With another optimizer the model trains for `epochs` epochs in batches of `batch` samples (all of them without it), shuffled by `seed`; the training loss is ½·mean squared error or the mean logistic loss, so λ means the same in both. The intercept and biases are never penalized. A fit that diverges stops with a TrainingError naming the epoch. Coordinate descent also takes glmnet's settings: `standardize: false` uses the features as they are; `intercept: false` fixes b₀ = 0 (neither target nor features are centered, and standardizing only divides by each feature's standard deviation, as glmnet with `intercept = FALSE`); `factors:` is a list of one number per feature multiplying its penalty (0 leaves it unpenalized), rescaled to sum to the number of features as glmnet rescales `penalty.factor`.",
        example: "let data = synthetic(samples: 100, features: 10, informative: 3, noise: 0.5, seed: 1)\nfit(linear, data, penalty: l1(0.1)).zeros",
        parameters: [
            .positional("model", .any, "linear, logistic or mlp(...)."),
            .positional("data", .dataset, "The data to fit."),
            .labelled("penalty", .penalty, default: .nothing, "The penalty on the weights (a group penalty for an mlp trained by an optimizer); none when left out."),
            .labelled("optimizer", .optimizer, default: .object(OptimizerSpecification.coordinateDescent(.standard)), "coordinateDescent(...) for an exact fit, or a training optimizer such as adam(lr: 0.001)."),
            .labelled("epochs", .number, default: .number(100), "Passes over the data of a training optimizer."),
            .labelled("batch", .number, default: .nothing, "Samples per step of a training optimizer; all of them when left out."),
            .labelled("seed", .number, default: .number(0), "Seeds the shuffling and a network's first weights."),
        ] + solverParameters
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let model: ModelSpecification
        switch call.value("model") {
        case let .object(given as ModelSpecification): model = given
        case let .builtin(builtin) where builtin.denotes is ModelSpecification: model = builtin.denotes as! ModelSpecification
        default: throw call.typeMismatch("model", expected: "a model (linear, logistic or mlp(...))")
        }
        let data = try call.dataset("data")
        // A group penalty acts on a network's structure, so only training takes it.
        var group: GroupPenalty?
        if case let .object(given as GroupPenalty) = call.value("penalty") { group = given }
        let penalty = group == nil ? try call.penalty("penalty") : NoPenalty()
        let penaltyName = group.map(spelled) ?? spelled(penalty)
        guard case let .object(optimizer as OptimizerSpecification) = call.value("optimizer") else {
            throw call.typeMismatch("optimizer", expected: "an optimizer such as coordinateDescent() or proximal(lr: 0.1)")
        }
        switch optimizer {
        case let .coordinateDescent(settings):
            let solverOptions = try call.solverOptions(features: data.featureCount, settings: settings)
            let family: Family
            switch model {
            case .linear: family = .gaussian
            case .logistic: family = .logistic
            case .network:
                throw RegulaError(.value, "coordinate descent fits linear and logistic models; train an mlp with an optimizer such as adam(lr: 0.001)", at: call.range(of: "optimizer"))
            }
            if group != nil {
                throw RegulaError(.value, "a group penalty shapes a network in training; fit with an optimizer such as proximal(lr: 0.1)", at: call.range(of: "penalty"))
            }
            let result = try engine(at: call.range) { () throws(LearningError) in
                try PenalizedRegression(data, family: family, options: solverOptions).fit(penalty: penalty)
            }
            return .object(FitResult(
                model: model.name, method: "coordinate descent", penalty: spelled(penalty), featureNames: data.featureNames,
                coefficients: result.coefficients, intercept: result.intercept, objective: result.objective, truth: data.truth,
                certificate: result.certificate))
        case let .training(box):
            try call.requireSolverDefaults()
            let solverOptions = call.interruptibleOptions
            let trainer = box.initial
            let classification = data.task != .regression
            let (hidden, activation, loss): ([Int], Activation, Loss) = switch model {
            case .linear: ([], .identity, .squaredError)
            case .logistic: ([], .identity, .logistic)
            case let .network(widths, activation): (widths, activation, classification ? .logistic : .squaredError)
            }
            var options = TrainingOptions()
            options.epochs = try call.wholeNumber("epochs")
            if case .number = call.value("batch") { options.batchSize = try call.wholeNumber("batch") }
            options.seed = try call.wholeNumber("seed")
            options.isInterrupted = solverOptions.isInterrupted
            let network = try engine(at: call.range) { () throws(LearningError) in
                try Network(inputs: data.featureCount, hidden: hidden, activation: activation, loss: loss, seed: options.seed)
            }
            let epochs = options.epochs
            let progress = ProgressDisplay(call, units: 6 * Double(epochs) * Double(data.sampleCount) * Double(network.parameters.count))
            options.progress = { record in
                progress.report("epoch \(record.epoch)/\(epochs) · loss \(short(record.trainLoss)) · \(record.zeros) exact zeros")
            }
            let outcome = try engine(at: call.range) { () throws(LearningError) in
                try Trainer.train(network, on: data, penalty: TrainingPenalty(penalty, group: group), optimizer: trainer, options: options)
            }
            if let failure = outcome.failure {
                progress.finish("stopped after \(outcome.history.count) of \(epochs) epochs")
                throw failure.regulaError(at: call.range)
            }
            if let last = outcome.history.last {
                progress.finish("trained \(outcome.history.count) epochs: loss \(short(last.trainLoss)) · \(last.zeros) exact zeros")
            }
            let trained = outcome.network
            let first = Array(trained.parameters[trained.weightRange(0)])
            return .object(FitResult(
                model: model.name, method: trainer.kind.name, penalty: penaltyName, featureNames: data.featureNames,
                coefficients: first, intercept: trained.parameters[trained.biasRange(0)].first ?? 0,
                objective: outcome.history.last?.objective ?? .nan, history: outcome.history, trajectories: outcome.trajectories,
                truth: hidden.isEmpty ? data.truth : nil, network: trained))
        }
    }
}
