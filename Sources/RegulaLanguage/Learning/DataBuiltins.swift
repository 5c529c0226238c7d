import RegulaLearning

/// Built-ins that make datasets.
enum DataBuiltins {
    static let all: [Builtin] = [synthetic, classification, playground, load, csv]

    static let synthetic = Builtin(
        "synthetic",
        signature: "synthetic(samples: Number, features: Number, informative: Number? = nothing, noise: Number? = nothing, correlation: Number = 0, seed: Number)",
        summary: "A regression dataset with a known truth (Friedman, Hastie and Tibshirani's design).",
        documentation: "Gaussian features with equal pairwise `correlation`. Without `informative`, the coefficients are βⱼ = (−1)ʲ·exp(−2(j−1)/20); with it, that many features get coefficients of size 1 to 2 and the rest 0. `noise` is the noise's standard deviation; without it the signal-to-noise ratio is 3. The truth is kept in `data.truth`. Every draw comes from `seed`.",
        example: "let data = synthetic(samples: 200, features: 50, informative: 5, noise: 0.5, correlation: 0.5, seed: 42)\ndata.samples",
        parameters: [
            .labelled("samples"), .labelled("features"), .labelled("informative", default: .nothing),
            .labelled("noise", default: .nothing), .labelled("correlation", default: .number(0)), .labelled("seed"),
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
        signature: "classification(samples: Number, features: Number, informative: Number, correlation: Number = 0, seed: Number)",
        summary: "A binary classification dataset with a sparse logistic truth.",
        documentation: "Gaussian features as in `synthetic`; P(y = 1) = σ(Xβ) with `informative` nonzero coefficients.",
        example: "classification(samples: 300, features: 20, informative: 4, seed: 1).samples",
        parameters: [.labelled("samples"), .labelled("features"), .labelled("informative"), .labelled("correlation", default: .number(0)), .labelled("seed")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let samples = try call.wholeNumber("samples"), features = try call.wholeNumber("features")
        let informative = try call.wholeNumber("informative"), correlation = try call.number("correlation"), seed = try call.wholeNumber("seed")
        return .object(try engine(at: call.range) { () throws(LearningError) in
            try Synthetic.classification(samples: samples, features: features, informative: informative, correlation: correlation, seed: seed)
        })
    }

    static let playground = Builtin(
        "playground",
        signature: "playground(_ shape: String, samples: Number = 200, noise: Number = 0.1, seed: Number)",
        summary: "A 2-D classification set from TensorFlow Playground: \"circle\", \"xor\", \"gaussians\" or \"spiral\".",
        documentation: "Half the points in each class, with Gaussian noise of standard deviation `noise` on the coordinates.",
        example: "playground(\"xor\", samples: 100, seed: 1).features",
        parameters: [.positional("shape"), .labelled("samples", default: .number(200)), .labelled("noise", default: .number(0.1)), .labelled("seed")]
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
        "load", signature: "load(_ name: String)",
        summary: "A dataset shipped with Regula: \"diabetes\" (Efron et al. 2004) or \"prostate\" (Stamey et al. 1989).",
        documentation: "diabetes: 442 patients, 10 baseline features, target y (disease progression after one year). prostate: 97 men, 8 clinical features, target lpsa (log prostate-specific antigen). Sources and citations are in data/README.md.",
        example: "load(\"diabetes\").names",
        parameters: [.positional("name")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let name = try call.string("name")
        do throws(LearningError) {
            return .object(try Dataset.bundled(name))
        } catch {
            let suggestion = Suggestion.closest(to: name, among: Dataset.bundledNames).map { " Did you mean \"\($0)\"?" } ?? ""
            throw RegulaError(.value, error.description + "." + suggestion, at: call.range(of: "name"))
        }
    }

    static let csv = Builtin(
        "csv", signature: "csv(_ path: String, target: String, maxBytes: Number = 100000000, allowSpecial: Bool = false)",
        summary: "A dataset from a CSV file with a header line; `target` names the target column.",
        documentation: "Every other column is a feature and must hold numbers; a missing value, a non-number or a row with the wrong number of fields is an error naming its line and column. A relative path is relative to the kernel's working directory (the notebook's folder). Files larger than `maxBytes` (100 MB unless raised) are refused before reading, with an error naming both sizes. Only regular files are read: a FIFO, a device such as /dev/zero or a socket is refused unless `allowSpecial: true`, and then it is read up to `maxBytes` and can be interrupted while it waits for data.",
        example: "// csv(\"houses.csv\", target: \"price\")\n\"see the documentation\"",
        parameters: [
            .positional("path"), .labelled("target"), .labelled("maxBytes", default: .number(Double(TextFile.defaultMaximumBytes))),
            .labelled("allowSpecial", default: .boolean(false)),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let path = try call.string("path"), target = try call.string("target")
        let maximum = try call.wholeNumber("maxBytes"), allowSpecial = try call.boolean("allowSpecial")
        guard maximum >= 0 else { throw RegulaError(.value, "csv() needs 'maxBytes:' of at least 0, got \(maximum)", at: call.range(of: "maxBytes")) }
        let interrupted = call.isInterrupted
        let text = try engine(at: call.range(of: "path")) { () throws(LearningError) in
            try TextFile.read(path, maximumBytes: maximum, allowSpecial: allowSpecial, isInterrupted: interrupted)
        }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return .object(try engine(at: call.range) { () throws(LearningError) in
            try Dataset(csv: text, target: target, title: name, isInterrupted: interrupted)
        })
    }
}
