import RegulaLearning

/// A non-Sendable interrupt check handed to the engine, which polls it on the same thread.
private struct InterruptCheck: @unchecked Sendable {
    let check: () -> Bool
}

extension FitBuiltins {
    /// glmnet's settings that `fit` (by coordinate descent) and `lassoPath` share.
    static let solverParameters: [Parameter] = [
        .labelled("standardize", .bool, default: .boolean(true), "Fit on standardized features (coordinate descent only)."),
        .labelled("intercept", .bool, default: .boolean(true), "Fit an unpenalized intercept b₀; false fixes b₀ = 0 (coordinate descent only)."),
        .labelled("factors", .list, default: .nothing, "One number per feature multiplying its penalty, rescaled as glmnet's penalty.factor (coordinate descent only)."),
    ]
}

extension Call {
    /// Solver options that stop when the kernel is interrupted.
    var interruptibleOptions: SolverOptions {
        let interrupt = InterruptCheck(check: isInterrupted)
        var options = SolverOptions()
        options.isInterrupted = { interrupt.check() }
        return options
    }

    /// Solver options from `standardize:`, `intercept:`, `factors:` (glmnet's rescaling) and a
    /// coordinate-descent optimizer's settings, stopping when the kernel is interrupted.
    func solverOptions(features: Int, settings: CoordinateDescentSettings) throws(RegulaError) -> SolverOptions {
        var options = interruptibleOptions
        settings.apply(to: &options)
        options.standardize = try boolean("standardize")
        options.fitsIntercept = try boolean("intercept")
        if case .nothing = value("factors") { return options }
        let given = try value("factors").numbers(for: "\(builtin.name)()'s 'factors:'", at: range(of: "factors"))
        guard given.count == features else {
            throw RegulaError(.shape, "\(builtin.name)() needs one penalty factor per feature in 'factors:' (\(features)), got \(given.count)", at: range(of: "factors"))
        }
        options.penaltyFactors = try engine(at: range(of: "factors")) { () throws(LearningError) in
            try SolverOptions.glmnetPenaltyFactors(given)
        }
        return options
    }

    /// `standardize:`, `intercept:` and `factors:` belong to coordinate descent: an error if one
    /// is given with a training optimizer.
    func requireSolverDefaults() throws(RegulaError) {
        for name in ["standardize", "intercept", "factors"] {
            switch value(name) {
            case .boolean(true) where name != "factors", .nothing where name == "factors": continue
            default: break
            }
            throw RegulaError(.value, "\(builtin.name)()'s '\(name):' is a setting of coordinateDescent(); a model trained by an optimizer has a bias and uses the features as they are", at: range(of: name))
        }
    }

    /// The `optimizer:` argument of a path: coordinate descent's settings.
    func coordinateDescentSettings() throws(RegulaError) -> CoordinateDescentSettings {
        guard case let .coordinateDescent(settings)? = value("optimizer").as(OptimizerSpecification.self) else {
            throw typeMismatch("optimizer", expected: "coordinateDescent(...) (paths are fitted by coordinate descent)")
        }
        return settings
    }
}

/// Built-ins for regularization paths and their cross-validation.
enum PathBuiltins {
    static let all: [Builtin] = [lassoPath, crossValidate]

    static let lassoPath = Builtin(
        "lassoPath",
        summary: "The lasso (or elastic-net, MCP, SCAD) path: coefficients at `lambdas` values of λ from λ_max down, by coordinate descent.",
        documentation: "glmnet's grid and algorithm: λ from the smallest value that zeroes every penalized coefficient down to λ_max·ratio (0.0001, or 0.01 with more features than samples), warm starts and strong rules, on standardized features; coefficients in the original units. `mix` below 1 gives the elastic net. `family:` is \"gaussian\" (least squares) or \"binomial\" (logistic regression, a target of 0s and 1s), glmnet's names; without it a classification dataset gets \"binomial\" and any other \"gaussian\", with a note when the target holds only 0s and 1s (a CSV file's 0/1 column, say) so that a Gaussian fit of a class label is never silent; a binomial path ends early, as glmnet's, once it explains 99.9% of the null deviance or its share grows by less than 1e-5. `penalty: \"mcp\"` and `penalty: \"scad\"` are ncvreg's paths: λ runs along the grid and `gamma` stays fixed (3 for MCP, 3.7 for SCAD), so at each λ the penalty is `mcp(λ, gamma: γ)` and its flat part starts at γλ. A Penalty value instead (`penalty: mcp(1, gamma: 3)`, a formula, …) gives that penalty scaled by λ, λ·P(w), whose shape stays fixed. `standardize:`, `intercept:` and `factors:` are `fit`'s (glmnet's rescaling of `penalty.factor` included; λ_max then comes from the fit of the unpenalized features); `optimizer: coordinateDescent(tolerance:)` sets the certificate. `path.gaps` and `path.kkt` are each λ's certificate; `crossValidate` refits with every one of these settings.",
        example: "let path = lassoPath(load(\"diabetes\"), lambdas: 50)\npath.order",
        parameters: [
            .positional("data", .dataset, "The data to fit."),
            .labelled("lambdas", .number, default: .number(100), "How many values of λ, from λ_max down."),
            .labelled("mix", .number, default: .number(1), "The elastic net's α: 1 is the lasso, smaller mixes in ridge."),
            .labelled("ratio", .number, default: .nothing, "The smallest λ over λ_max; 0.0001, or 0.01 with more features than samples, when left out."),
            .labelled("penalty", .either(.penalty, .string), default: .nothing, "\"lasso\", \"mcp\" or \"scad\", or a Penalty scaled by λ; the lasso when left out."),
            .labelled("gamma", .number, default: .nothing, "The γ of an MCP or SCAD path; 3 or 3.7 when left out."),
            .labelled("family", .string, default: .nothing, "\"gaussian\" or \"binomial\"; from the dataset when left out."),
        ] + FitBuiltins.solverParameters + [
            .labelled("optimizer", .optimizer, default: .object(OptimizerSpecification.coordinateDescent(.standard)), "coordinateDescent(...), whose settings give each λ's certificate."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let data = try call.dataset("data"), count = try call.wholeNumber("lambdas")
        let ratio: Double? = if case .nothing = call.value("ratio") { nil } else { try call.number("ratio") }
        let family = try pathFamily(call, data)
        let options = try call.solverOptions(features: data.featureCount, settings: call.coordinateDescentSettings())
        let penalty = try pathPenalty(call)
        let progress = ProgressDisplay(call, units: 4 * Double(count) * Double(data.sampleCount) * Double(data.featureCount))
        let result = try engine(at: call.range) { () throws(LearningError) in
            let path = try PenalizedRegression(data, family: family, options: options)
                .path(penalty, count: count, ratio: ratio, featureNames: data.featureNames) { done, total, fit in
                    let nonzeros = fit.coefficients.count - fit.coefficients.exactZeroCount
                    progress.report("λ \(done) of \(total) · objective \(short(fit.objective)) · \(nonzeros) nonzero")
                }
            var stored = options
            stored.isInterrupted = { false }
            return PathResult(path: path, data: data, penalty: penalty, family: family, options: stored)
        }
        progress.finish("path of \(result.path.lambdas.count) λ: \(result.path.nonzeroCounts.last ?? 0) nonzero coefficients at the smallest")
        return .object(result)
    }

    /// The family a path fits: `family:` if given (checked against the target), else the
    /// dataset's task, with a note when a 0/1 target not marked as classes is fitted by least squares.
    private static func pathFamily(_ call: Call, _ data: Dataset) throws(RegulaError) -> Family {
        let binary = data.target.allSatisfy { $0 == 0 || $0 == 1 }
        guard case .string = call.value("family") else {
            if case .nothing = call.value("family") {
                if data.task != .regression { return .logistic }
                if binary {
                    call.write("note: the target \(data.targetName) holds only 0s and 1s; this path is least squares (family: \"gaussian\"). For logistic regression pass family: \"binomial\".\n", toStandardError: true)
                }
                return .gaussian
            }
            throw call.typeMismatch("family", expected: "\"gaussian\" or \"binomial\"")
        }
        let name = try call.choice("family", among: ["gaussian", "binomial"])
        if name == "gaussian" { return .gaussian }
        guard binary else {
            let other = data.target.first { $0 != 0 && $0 != 1 }!
            throw RegulaError(.value, "family: \"binomial\" needs a target of 0s and 1s; \(data.targetName) has \(formatted(other))", at: call.range(of: "family"))
        }
        return .logistic
    }

    /// The penalty along the path: glmnet's elastic net at `mix`, ncvreg's MCP or SCAD at a
    /// fixed γ, or a given penalty scaled by λ.
    private static func pathPenalty(_ call: Call) throws(RegulaError) -> PenaltyFamily {
        let mix = try call.number("mix")
        var gamma: Double?
        if case .nothing = call.value("gamma") {} else { gamma = try call.number("gamma") }
        switch call.value("penalty") {
        case .nothing, .string("lasso"):
            if gamma != nil { throw noGamma(call) }
            return try engine(at: call.range(of: "mix")) { () throws(LearningError) in try PenaltyFamily.elasticNet(mix: mix) }
        case .string:
            let name = try call.choice("penalty", among: ["lasso", "mcp", "scad"])
            guard mix == 1 else {
                throw RegulaError(.value, "lassoPath()'s 'mix:' mixes the lasso with ridge; an \(name.uppercased()) path takes no mix", at: call.range(of: "mix"))
            }
            // ncvreg's defaults and bounds: γ > 1 for MCP, γ > 2 for SCAD.
            let value = gamma ?? (name == "mcp" ? 3 : 3.7), least = name == "mcp" ? 1.0 : 2.0
            guard value > least, value.isFinite else {
                throw RegulaError(.value, "lassoPath() needs 'gamma:' greater than \(formatted(least)) for \(name.uppercased()), got \(formatted(value))", at: call.range(of: "gamma"))
            }
            let family = try engine(at: call.range(of: "gamma")) { () throws(LearningError) in
                name == "mcp" ? try PenaltyFamily.mcp(gamma: value) : try PenaltyFamily.scad(a: value)
            }
            // Named as ncvreg's argument is (Fan and Li's a is ncvreg's γ).
            return PenaltyFamily(name: "\(name.uppercased()) (γ = \(formatted(value)))", zeroThresholdPerLambda: family.zeroThresholdPerLambda, make: family.make)
        case .object(is PenaltyValue):
            if gamma != nil { throw noGamma(call) }
            let base = try call.penalty("penalty")
            guard let slope = base.thresholdAtZero, slope > 0 else {
                throw RegulaError(.value, "a path needs a penalty with a kink at 0 (its slope there gives λ_max); \(spelled(base)) has none", at: call.range(of: "penalty"))
            }
            return PenaltyFamily(name: spelled(base), zeroThresholdPerLambda: slope) { (lambda: Double) throws(LearningError) in
                try ScaledPenalty(lambda, base)
            }
        default:
            throw call.typeMismatch("penalty", expected: "a Penalty or \"lasso\", \"mcp\", \"scad\"")
        }
    }

    private static func noGamma(_ call: Call) -> RegulaError {
        RegulaError(.value, "lassoPath()'s 'gamma:' is the γ of ncvreg's MCP and SCAD paths; pass penalty: \"mcp\" or \"scad\" with it", at: call.range(of: "gamma"))
    }

    static let crossValidate = Builtin(
        "crossValidate",
        summary: "k-fold cross-validation of a path, as cv.glmnet: mean error and standard error per λ, λ_min and λ_1se.",
        documentation: "Each fold's path is fitted on the other folds over the same λ grid, with the path's family, penalty and settings (standardization, intercept, penalty factors, tolerance), and scored on the fold left out (mean squared error, or binomial deviance for a binomial path; every fold is fitted at every λ, as cv.glmnet does). λ_1se is the largest λ whose error is within one standard error of the smallest.",
        example: "let cv = crossValidate(lassoPath(load(\"diabetes\"), lambdas: 30), folds: 5, seed: 0)\ncv.lambda1se >= cv.lambdaMin",
        parameters: [
            .positional("path", .path, "The path to cross-validate, refitted with its settings."),
            .labelled("folds", .number, default: .number(10), "How many folds, a whole number."),
            .labelled("seed", .number, "Seeds the assignment of samples to folds."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard case let .object(result as PathResult) = call.value("path") else { throw call.typeMismatch("path", expected: "a Path (from lassoPath)") }
        let folds = try call.wholeNumber("folds"), seed = try call.wholeNumber("seed")
        var options = result.options
        options.isInterrupted = call.interruptibleOptions.isInterrupted
        let data = result.data
        let progress = ProgressDisplay(call, units: 4 * (Double(folds) + 1) * Double(result.path.lambdas.count) * Double(data.sampleCount) * Double(data.featureCount))
        let cv = try engine(at: call.range) { () throws(LearningError) in
            try CrossValidation(
                data, family: result.family, penalty: result.penalty, options: options, folds: folds, seed: seed,
                lambdas: result.path.lambdas) { done, total, error in
                    progress.report("fold \(done - 1) of \(total - 1)" + (error.map { " · held-out \(cvMeasure(result.family)) \(short($0)) at best" } ?? ""))
                }
        }
        progress.finish("\(folds)-fold cross-validation: λ_min = \(short(cv.lambdaMin)), λ_1se = \(short(cv.lambda1se))")
        return .object(cv)
    }
}

/// What cross-validation scores a family by, for progress lines.
private func cvMeasure(_ family: Family) -> String { family == .gaussian ? "MSE" : "deviance" }
