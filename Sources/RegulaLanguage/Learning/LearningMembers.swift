import RegulaLearning

extension LearningValue {
    /// The members a person can write after a `.`, by type: for completion and for errors.
    static func memberNames(of value: LearningValue) -> [String] {
        switch value {
        case .dataset: ["batches", "features", "names", "samples", "split", "standardized", "target", "title", "truth"]
        case .penalty: ["gradient", "prox", "threshold", "value"]
        case .fit: ["coefficients", "gap", "intercept", "kkt", "losses", "nonzeros", "objective", "weights", "zeros"]
        case .path: ["coefficients", "count", "gaps", "kkt", "lambdas", "nonzeros", "order"]
        case .crossValidation: ["coefficients1se", "coefficientsMin", "gaps", "kkt", "lambda1se", "lambdaMin", "lambdas", "meanError", "standardError"]
        case .model: []
        case .optimizer: ["learningRate", "name"]
        case .network: ["bias", "nonzeros", "weights", "zeros"]
        case .curve: []
        case .prior: ["density"]
        case .quadratic: []
        case let .geometry(result): result.solutions.map(\.norm.rawValue)
        case let .log(log): ["add", "count"] + log.columns
        case .groupPenalty: []
        case .timing: ["names", "nanoseconds", "ratios"]
        }
    }

    /// `value.name`: a property, or a method bound to the value.
    func member(_ name: String, at range: SourceRange) throws(RegulaError) -> Value {
        switch (self, name) {
        case let (.dataset(data), "samples"): return .number(Double(data.sampleCount))
        case let (.dataset(data), "features"): return .number(Double(data.featureCount))
        case let (.dataset(data), "names"): return .list(data.featureNames.map { .string($0) })
        case let (.dataset(data), "target"): return numbers(data.target)
        case let (.dataset(data), "title"): return .string(data.title)
        case let (.dataset(data), "truth"): return data.truth.map(numbers) ?? .nothing
        case let (.dataset(data), "standardized"): return method("standardized", "data.standardized()", "The dataset with centered features scaled to standard deviation 1.", []) { _ in
            .learning(.dataset(data.standardized().data))
        }
        case let (.dataset(data), "split"):
            return method(
                "split", "data.split(_ fraction: Number, seed: Number)",
                "A seeded random split into (train:, test:), the training part holding `fraction` of the samples.",
                [.positional("fraction"), .labelled("seed")]
            ) { (call: inout Call) throws(RegulaError) -> Value in
                let fraction = try call.number("fraction"), seed = try call.wholeNumber("seed")
                let parts = try engine(at: call.range(of: "fraction")) { () throws(LearningError) in try data.split(fraction, seed: seed) }
                return .tuple([.learning(.dataset(parts.train)), .learning(.dataset(parts.test))], labels: ["train", "test"])
            }
        case let (.dataset(data), "batches"):
            return method(
                "batches", "data.batches(_ size: Number, seed: Number)",
                "The samples in a seeded random order, as a list of datasets of `size` samples (the last may be smaller).",
                [.positional("size"), .labelled("seed")]
            ) { (call: inout Call) throws(RegulaError) -> Value in
                let size = try call.wholeNumber("size"), seed = try call.wholeNumber("seed")
                let batches = try engine(at: call.range(of: "size")) { () throws(LearningError) in try data.batches(size, seed: seed) }
                return .list(batches.map { .learning(.dataset(data.selecting($0))) })
            }
        case let (.optimizer(.training(box)), "learningRate"): return .number(box.initial.learningRate)
        case let (.optimizer(.training(box)), "name"): return .string(box.initial.kind.name)
        case (.optimizer(.coordinateDescent), "name"): return .string("coordinate descent")
        case let (.network(box), "weights"): return numbers(box.network.weights)
        case let (.network(box), "bias"): return .number(box.network.parameters[box.network.biasRange(box.network.layerCount - 1)].first ?? 0)
        case let (.network(box), "zeros"): return .number(Double(box.network.weights.exactZeroCount))
        case let (.network(box), "nonzeros"): return .number(Double(box.network.weights.count - box.network.weights.exactZeroCount))
        case let (.geometry(result), _) where result.solutions.contains { $0.norm.rawValue == name }:
            return numbers(result.solutions.first { $0.norm.rawValue == name }!.point)
        case let (.log(log), "count"): return .number(Double(log.rowCount))
        case let (.timing(timing), "names"): return .list(timing.names.map { .string($0) })
        case let (.timing(timing), "nanoseconds"): return numbers(timing.nanoseconds)
        case let (.timing(timing), "ratios"): return numbers(timing.ratios)
        case let (.log(log), "add"):
            return .builtin(Builtin(
                "add", signature: "log.add(name: Number, …)", summary: "Appends a row of labelled numbers.", documentation: "Each label is a column.",
                example: "", parameters: [], acceptsAnyLabels: true
            ) { (call: inout Call) throws(RegulaError) -> Value in
                var row: [(String, Double)] = []
                for argument in call.extraLabelled {
                    guard case let .number(value) = argument.value else {
                        throw RegulaError(.type, "log.add() records numbers; '\(argument.label!)' is a \(argument.value.typeName)", at: argument.range)
                    }
                    row.append((argument.label!, value))
                }
                guard !row.isEmpty else { throw RegulaError(.argument, "log.add() needs labelled numbers, as in log.add(epoch: 1, loss: 0.5)", at: call.range) }
                log.add(row)
                LoopProgress.recorded(row, call)
                return .nothing
            })
        case let (.log(log), _) where log.values[name] != nil:
            return numbers(log.values[name]!)
        case let (.penalty(penalty), "value"):
            return .learning(.curve(PenaltyCurve(penalty: penalty, kind: .value)))
        case let (.penalty(penalty), "gradient"):
            return .learning(.curve(PenaltyCurve(penalty: penalty, kind: .gradient)))
        case let (.penalty(penalty), "threshold"):
            return .learning(.curve(PenaltyCurve(penalty: penalty, kind: .threshold)))
        case let (.prior(prior), "density"):
            return method("density", "prior.density(_ w: Number or List)", "The prior density at w.", [.positional("w")]) {
                (call: inout Call) throws(RegulaError) -> Value in
                try call.value("w").mapNumbers(at: call.range(of: "w")) { prior.density($0) }
            }
        case let (.penalty(penalty), "prox"):
            return method(
                "prox", "penalty.prox(_ w: Number or List, step: Number)",
                "The proximal step argminₓ (x − w)²/(2·step) + P(x).", [.positional("w"), .labelled("step")]
            ) { (call: inout Call) throws(RegulaError) -> Value in
                let step = try call.number("step")
                guard step > 0 else { throw RegulaError(.value, "the step must be greater than 0, got \(Value.format(step))", at: call.range(of: "step")) }
                return try call.value("w").mapNumbers(at: call.range(of: "w")) { penalty.proximal($0, step: step) }
            }
        case let (.fit(fit), "coefficients"): return numbers(fit.coefficients)
        case let (.fit(fit), "weights"): return numbers(fit.weights)
        case let (.fit(fit), "intercept"): return .number(fit.intercept)
        case let (.fit(fit), "objective"): return .number(fit.objective)
        case let (.fit(fit), "losses"): return numbers(fit.losses)
        case let (.fit(fit), "gap"): return fit.certificate.map { certified($0.gap) } ?? .nothing
        case let (.fit(fit), "kkt"): return fit.certificate.map { certified($0.kkt) } ?? .nothing
        case let (.path(result), "gaps"): return .list(result.path.gaps.map(certified))
        case let (.path(result), "kkt"): return .list(result.path.kkt.map(certified))
        case let (.crossValidation(cv), "gaps"): return .list(cv.path.gaps.map(certified))
        case let (.crossValidation(cv), "kkt"): return .list(cv.path.kkt.map(certified))
        case let (.fit(fit), "zeros"): return .number(Double(fit.weights.exactZeroCount))
        case let (.fit(fit), "nonzeros"): return .number(Double(fit.weights.count - fit.weights.exactZeroCount))
        case let (.path(result), "lambdas"): return numbers(result.path.lambdas)
        case let (.path(result), "count"): return .number(Double(result.path.lambdas.count))
        case let (.path(result), "coefficients"): return .list(result.path.coefficients.map(numbers))
        case let (.path(result), "nonzeros"): return .list(result.path.nonzeroCounts.map { .number(Double($0)) })
        case let (.path(result), "order"): return .list(result.path.orderOfEntry.map { .string(result.path.featureNames[$0]) })
        case let (.crossValidation(cv), "lambdaMin"): return .number(cv.lambdaMin)
        case let (.crossValidation(cv), "lambda1se"): return .number(cv.lambda1se)
        case let (.crossValidation(cv), "meanError"): return numbers(cv.meanError)
        case let (.crossValidation(cv), "standardError"): return numbers(cv.standardError)
        case let (.crossValidation(cv), "lambdas"): return numbers(cv.lambdas)
        case let (.crossValidation(cv), "coefficientsMin"): return numbers(cv.path.coefficients[cv.indexMin])
        case let (.crossValidation(cv), "coefficients1se"): return numbers(cv.path.coefficients[cv.index1se])
        default:
            let known = Self.memberNames(of: self)
            let suggestion = Suggestion.closest(to: name, among: known).map { " Did you mean '\($0)'?" } ?? ""
            let listing = known.isEmpty ? "" : "; its members are " + known.map { "'\($0)'" }.joined(separator: ", ")
            throw RegulaError(.name, "a \(typeName) has no member '\(name)'\(listing).\(suggestion)", at: range)
        }
    }

    private func numbers(_ values: [Double]) -> Value { .list(values.map { .number($0) }) }

    /// A certificate's number, or nothing where it is not defined (the gap of a non-convex fit).
    private func certified(_ value: Double) -> Value { value.isNaN ? .nothing : .number(value) }

    private func method(
        _ name: String, _ signature: String, _ summary: String, _ parameters: [Parameter],
        _ body: @escaping @Sendable (inout Call) throws(RegulaError) -> Value
    ) -> Value {
        .builtin(Builtin(name, signature: signature, summary: summary, documentation: summary, example: "", parameters: parameters, implementation: body))
    }
}

extension Value {
    /// `function` of a Number, or of each element of a List of Numbers.
    func mapNumbers(at range: SourceRange, _ function: (Double) -> Double) throws(RegulaError) -> Value {
        if case let .number(x) = self { return .number(function(x)) }
        return .list(try numbers(for: "the argument", at: range).map { .number(function($0)) })
    }
}

extension Call {
    /// A whole-number argument (a seed, a count), or an error saying so.
    func wholeNumber(_ name: String) throws(RegulaError) -> Int {
        let value = try number(name)
        guard value == value.rounded(), Swift.abs(value) < 1e15 else {
            throw RegulaError(.value, "\(builtin.name)() needs a whole number for \(builtin.parameters.first { $0.name == name }?.label.map { "'\($0):'" } ?? "'\(name)'"), got \(Value.format(value))", at: range(of: name))
        }
        return Int(value)
    }

    /// A Dataset argument.
    func dataset(_ name: String) throws(RegulaError) -> Dataset {
        guard case let .learning(.dataset(data)) = value(name) else { throw typeMismatch(name, expected: "a Dataset") }
        return data
    }

    /// A Penalty argument; `nothing` means no penalty.
    func penalty(_ name: String) throws(RegulaError) -> any Penalty {
        switch value(name) {
        case .nothing: return NoPenalty()
        case let .learning(.penalty(penalty)): return penalty
        default: throw typeMismatch(name, expected: "a Penalty")
        }
    }
}
