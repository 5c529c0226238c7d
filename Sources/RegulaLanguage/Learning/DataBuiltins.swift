import RegulaLearning

/// Built-ins that make datasets.
enum DataBuiltins {
    static let all: [Builtin] = [synthetic, classification, playground, load]

    static let synthetic = Builtin(
        "synthetic",
        summary: "A regression dataset with a known truth (Friedman, Hastie and Tibshirani's design).",
        documentation: "Gaussian features with equal pairwise `correlation`. Without `informative`, the coefficients are βⱼ = (−1)ʲ·exp(−2(j−1)/20); with it, that many features get coefficients of size 1 to 2 and the rest 0. `noise` is the noise's standard deviation; without it the signal-to-noise ratio is 3. The truth is kept in `data.truth`. Every draw comes from `seed`.",
        example: "let data = synthetic(samples: 200, features: 50, informative: 5, noise: 0.5, correlation: 0.5, seed: 42)\ndata.samples",
        parameters: [
            .labelled("samples", .number, "Rows, a whole number."),
            .labelled("features", .number, "Columns of X, a whole number."),
            .labelled("informative", .number, default: .nothing, "How many features get a nonzero coefficient (of size 1 to 2); all, decaying, when left out."),
            .labelled("noise", .number, default: .nothing, "The noise's standard deviation; a signal-to-noise ratio of 3 when left out."),
            .labelled("correlation", .number, default: .number(0), "The correlation of every pair of features."),
            .labelled("seed", .number, "Seeds every draw."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let samples = try call.wholeNumber("samples"), features = try call.wholeNumber("features")
        let informative: Int? = if case .nothing = call.value("informative") { nil } else { try call.wholeNumber("informative") }
        let noise: NoiseLevel = if case .nothing = call.value("noise") { .signalToNoise(3) } else { .standardDeviation(try call.number("noise")) }
        let correlation = try call.number("correlation"), seed = try call.wholeNumber("seed")
        return .object(try engine(at: call.range) { () throws(LearningError) in
            try Synthetic.regression(samples: samples, features: features, informative: informative, noise: noise, correlation: correlation, seed: seed)
        })
    }

    static let classification = Builtin(
        "classification",
        summary: "A binary classification dataset with a sparse logistic truth.",
        documentation: "Gaussian features as in `synthetic`; P(y = 1) = σ(Xβ) with `informative` nonzero coefficients.",
        example: "classification(samples: 300, features: 20, informative: 4, seed: 1).samples",
        parameters: [
            .labelled("samples", .number, "Rows, a whole number."),
            .labelled("features", .number, "Columns of X, a whole number."),
            .labelled("informative", .number, "How many features have a nonzero coefficient."),
            .labelled("correlation", .number, default: .number(0), "The correlation of every pair of features."),
            .labelled("seed", .number, "Seeds every draw."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let samples = try call.wholeNumber("samples"), features = try call.wholeNumber("features")
        let informative = try call.wholeNumber("informative"), correlation = try call.number("correlation"), seed = try call.wholeNumber("seed")
        return .object(try engine(at: call.range) { () throws(LearningError) in
            try Synthetic.classification(samples: samples, features: features, informative: informative, correlation: correlation, seed: seed)
        })
    }

    static let playground = Builtin(
        "playground",
        summary: "A 2-D classification set from TensorFlow Playground: \"circle\", \"xor\", \"gaussians\" or \"spiral\".",
        documentation: "Half the points in each class, with Gaussian noise of standard deviation `noise` on the coordinates.",
        example: "playground(\"xor\", samples: 100, seed: 1).features",
        parameters: [
            .positional("shape", .string, "\"circle\", \"xor\", \"gaussians\" or \"spiral\"."),
            .labelled("samples", .number, default: .number(200), "Points, half in each class."),
            .labelled("noise", .number, default: .number(0.1), "The standard deviation of the noise on the coordinates."),
            .labelled("seed", .number, "Seeds every draw."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let name = try call.string("shape")
        guard let shape = PlaygroundShape(rawValue: name) else {
            let names = PlaygroundShape.allCases.map(\.rawValue)
            let suggestion = Suggestion.closest(to: name, among: names).map { " Did you mean \"\($0)\"?" } ?? ""
            throw RegulaError(.value, "no playground shape \"\(name)\"; the shapes are \(names.map { "\"\($0)\"" }.joined(separator: ", ")).\(suggestion)", at: call.range(of: "shape"))
        }
        let samples = try call.wholeNumber("samples"), noise = try call.number("noise"), seed = try call.wholeNumber("seed")
        return .object(try engine(at: call.range) { () throws(LearningError) in
            try Synthetic.playground(shape, samples: samples, noise: noise, seed: seed)
        })
    }

    static let load = Builtin(
        "load",
        summary: "A dataset shipped with Regula: \"diabetes\" (Efron et al. 2004) or \"prostate\" (Stamey et al. 1989).",
        documentation: "diabetes: 442 patients, 10 baseline features, target y (disease progression after one year). prostate: 97 men, 8 clinical features, target lpsa (log prostate-specific antigen). Sources and citations are in data/README.md.",
        example: "load(\"diabetes\").names",
        parameters: [.positional("name", .string, "\"diabetes\" or \"prostate\".")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let name = try call.string("name")
        do throws(LearningError) {
            return .object(try Dataset.bundled(name))
        } catch {
            let suggestion = Suggestion.closest(to: name, among: Dataset.bundledNames).map { " Did you mean \"\($0)\"?" } ?? ""
            throw RegulaError(.value, error.description + "." + suggestion, at: call.range(of: "name"))
        }
    }
}
