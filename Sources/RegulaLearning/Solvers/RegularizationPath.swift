/// A penalty as a function of its strength λ, for paths.
public struct PenaltyFamily: Sendable {
    /// The name shown in displays ("lasso", "elastic net (α = 0.5)", ...).
    public let name: String
    /// The penalty at strength λ.
    public let make: @Sendable (Double) throws(LearningError) -> any Penalty
    /// t such that the penalty's subdifferential at 0 is [−tλ, tλ]: α for the elastic net,
    /// 1 for the lasso, MCP and SCAD. Gives λ_max and the strong rules; nil disables them.
    public let zeroThresholdPerLambda: Double?

    /// Whether the penalty at a λ is convex (the elastic forms): checked on the penalty at 1.
    var isConvex: Bool { (try? make(1))?.elasticForm != nil }

    public init(name: String, zeroThresholdPerLambda: Double?, make: @escaping @Sendable (Double) throws(LearningError) -> any Penalty) {
        self.name = name
        self.make = make
        self.zeroThresholdPerLambda = zeroThresholdPerLambda
    }

    /// λ·|w|.
    public static let lasso = PenaltyFamily(name: "lasso", zeroThresholdPerLambda: 1) { (lambda: Double) throws(LearningError) in try L1Penalty(lambda) }

    /// glmnet's elastic net at mix α (1 is the lasso, 0 ridge).
    public static func elasticNet(mix: Double) throws(LearningError) -> PenaltyFamily {
        try require(mix >= 0 && mix <= 1, "the mix α", mix, "between 0 and 1")
        let name = mix == 1 ? "lasso" : (mix == 0 ? "ridge" : "elastic net (α = \(formatted(mix)))")
        return PenaltyFamily(name: name, zeroThresholdPerLambda: mix) { (lambda: Double) throws(LearningError) in
            try ElasticNetPenalty(lambda, mix: mix)
        }
    }

    /// MCP with concavity γ.
    public static func mcp(gamma: Double = 3) throws(LearningError) -> PenaltyFamily {
        try require(gamma > 1, "γ", gamma, "greater than 1")
        return PenaltyFamily(name: "MCP (γ = \(formatted(gamma)))", zeroThresholdPerLambda: 1) { (lambda: Double) throws(LearningError) in
            try MCPPenalty(lambda, gamma: gamma)
        }
    }

    /// SCAD with parameter a.
    public static func scad(a: Double = 3.7) throws(LearningError) -> PenaltyFamily {
        try require(a > 2, "a", a, "greater than 2")
        return PenaltyFamily(name: "SCAD (a = \(formatted(a)))", zeroThresholdPerLambda: 1) { (lambda: Double) throws(LearningError) in
            try SCADPenalty(lambda, a: a)
        }
    }
}

/// When a logistic path stops before its last λ.
public enum PathEnding: Sendable {
    /// glmnet's rules: the deviance explained passes 0.999 or stops growing (by 1e-5).
    case glmnet
    /// Every λ is fitted.
    case never
}

/// Fits along a decreasing λ grid, each warm-started from the previous one.
public struct RegularizationPath: Sendable {
    public let penaltyName: String
    public let family: Family
    public let lambdas: [Double]
    public let fits: [PenalizedFit]
    public let featureNames: [String]

    /// Coefficients (original units) per λ.
    public var coefficients: [[Double]] { fits.map(\.coefficients) }
    /// Intercepts (original units) per λ; 0 throughout for a fit without one.
    public var intercepts: [Double] { fits.map(\.intercept) }
    /// Each fit's duality gap relative to its null objective (NaN for non-convex penalties).
    public var gaps: [Double] { fits.map(\.gap) }
    /// Each fit's largest KKT violation relative to λ.
    public var kkt: [Double] { fits.map(\.kkt) }
    /// Exactly nonzero coefficients per λ.
    public var nonzeroCounts: [Int] { fits.map { $0.coefficients.count - $0.coefficients.exactZeroCount } }

    /// Feature indices in the order they first become nonzero along the path.
    public var orderOfEntry: [Int] {
        var order: [Int] = []
        for fit in fits {
            for (j, value) in fit.coefficients.enumerated() where value != 0 && !order.contains(j) { order.append(j) }
        }
        return order
    }
}

extension PenalizedRegression {
    /// The smallest λ at which every penalized coefficient is 0 (for a family with a threshold t,
    /// max |∇ⱼ|/(t·fⱼ) at the model of the unpenalized coefficients alone, the null model when
    /// every factor is positive; glmnet uses t = 0.001 for ridge).
    public func lambdaMax(for penalty: PenaltyFamily) -> Double {
        let t = max(penalty.zeroThresholdPerLambda ?? 1, 1e-3)
        let gradient = unpenalizedModel().gradient
        var largest = 0.0
        for j in 0..<p where factors[j] > 0 { largest = max(largest, Swift.abs(gradient[j]) / (t * factors[j])) }
        return largest
    }

    /// The fit of the unpenalized coefficients (factor 0) and the intercept alone, every other
    /// coefficient 0: the solution at any λ ≥ λ_max, as glmnet computes it before its grid.
    /// Least squares by one solve (Gaussian), Newton's method (logistic); the null model when
    /// every factor is positive or the system is singular (duplicated unpenalized columns: the
    /// grid then starts from the gradient at 0, a known gap).
    func unpenalizedModel() -> (coefficients: [Double], intercept: Double, gradient: [Double]) {
        var beta = [Double](repeating: 0, count: p)
        let null = (beta, nullIntercept, lossGradient(working: beta, intercept: nullIntercept))
        let free = (0..<p).filter { factors[$0] == 0 && columnScales[$0] > 0 }
        guard !free.isEmpty else { return null }
        var intercept = nullIntercept
        switch family {
        case .gaussian:
            var system = gramBlock(free)
            var rhs = free.map { targetProducts[$0] }
            guard BLAS.choleskySolve(free.count, &system, &rhs), rhs.allSatisfy(\.isFinite) else { return null }
            for (position, j) in free.enumerated() { beta[j] = rhs[position] }
        case .logistic:
            // Newton's method with the true Hessian and a line search (LogisticNewton.swift); the
            // free coordinates enter with a sign that means nothing, their factors being 0.
            var start = beta
            for j in free { start[j] = .leastNonzeroMagnitude }
            guard let model = logisticActiveSetNewton(start, intercept: intercept, l1: 0, l2: 0),
                  model.coefficients.allSatisfy(\.isFinite), model.intercept.isFinite else { return null }
            beta = model.coefficients.map { Swift.abs($0) == .leastNonzeroMagnitude ? 0 : $0 }
            intercept = model.intercept
        }
        return (beta, intercept, lossGradient(working: beta, intercept: intercept))
    }

    /// glmnet's default grid: `count` values log-spaced from λ_max down to λ_max·ratio, where the
    /// ratio is 0.01 when there are more features than samples and 0.0001 otherwise.
    public func lambdaGrid(for penalty: PenaltyFamily, count: Int = 100, ratio: Double? = nil) throws(LearningError) -> [Double] {
        try require(count >= 1, "the number of λ values", Double(count), "at least 1")
        // Each λ keeps a fit: its coefficients and a few numbers.
        try MemoryBudget.check("a path of \(count) λ values over \(p) features", counts: [count, p + 4])
        let ratio = ratio ?? (n < p ? 0.01 : 1e-4)
        try require(ratio > 0 && ratio < 1, "the λ ratio", ratio, "between 0 and 1 (exclusive)")
        let top = lambdaMax(for: penalty)
        guard top > 0 else { throw .invalidInput("every feature is constant or unpenalized, so there is no λ path") }
        if count == 1 { return [top] }
        return (0..<count).map { top * exp(log(ratio) * Double($0) / Double(count - 1)) }
    }

    /// Whether a logistic path ends here, by glmnet's rules: from the 5th λ on (glmnet.control's
    /// mnlam), once the fraction of the null deviance explained passes 0.999 (devmax) or grows
    /// by less than 1e-5 from one λ to the next (fdev). Past that,
    /// smaller λ only chase a (nearly) separable fit whose coefficients grow without bound.
    private func ends(_ fits: [PenalizedFit], by rule: PathEnding, penalty: PenaltyFamily, lambdas: [Double]) -> Bool {
        guard rule != .never, fits.count >= 5 else { return false }
        func explained(_ index: Int) -> Double {
            let fit = fits[index]
            let instance = try? penalty.make(lambdas[index])
            let loss = fit.objective - (instance?.value(of: fit.workingCoefficients, factors: factors) ?? 0)
            return nullObjective > 0 ? 1 - loss / nullObjective : 0
        }
        let last = explained(fits.count - 1)
        return last > 0.999 || last - explained(fits.count - 2) < 1e-5
    }

    /// The path over `lambdas` (decreasing; glmnet's grid if nil), with warm starts and the
    /// sequential strong rules (every discarded coefficient is then checked for optimality).
    /// A logistic path may end before the last λ (see `PathEnding`): by default on its own grid
    /// only, as glmnet's (which never ends a path of λ values given to it).
    /// `progress` is told after each λ: how many are done, of how many, and the fit at that λ.
    public func path(
        _ penalty: PenaltyFamily, lambdas given: [Double]? = nil, count: Int = 100, ratio: Double? = nil,
        featureNames: [String]? = nil, ending: PathEnding? = nil, progress: ((Int, Int, PenalizedFit) -> Void)? = nil
    ) throws(LearningError) -> RegularizationPath {
        let lambdas: [Double]
        if let given { lambdas = given } else { lambdas = try lambdaGrid(for: penalty, count: count, ratio: ratio) }
        for (index, lambda) in lambdas.enumerated() {
            try require(lambda >= 0 && lambda.isFinite, "λ", lambda, "a finite number at least 0")
            if index > 0, lambda > lambdas[index - 1] { throw .invalidInput("the λ values of a path must decrease") }
        }
        var fits: [PenalizedFit] = []
        var beta = [Double](repeating: 0, count: p)
        let top = lambdaMax(for: penalty)
        var previousLambda = top
        var residual: [Double]? = nil
        var gradient = lossGradient(working: beta, intercept: nullIntercept)
        for (index, lambda) in lambdas.enumerated() {
            // Each λ may take only a pass or two, so the solver's own check (every 64 passes)
            // would never fire on a long path.
            if options.isInterrupted() { throw .interrupted }
            var candidates = beta.map { $0 != 0 }
            if let t = penalty.zeroThresholdPerLambda, t > 0 {
                let cut = t * (2 * lambda - previousLambda)
                for j in 0..<p where factors[j] == 0 || Swift.abs(gradient[j]) >= cut * factors[j] { candidates[j] = true }
            } else {
                candidates = Array(repeating: true, count: p)
            }
            let instance: any Penalty = try penalty.make(lambda)
            // At or above λ_max zero is the exact solution (a solver would leave rounding dust).
            // λ_max is itself rounded, and a λ given as λ_max (glmnet's first, say) may be a few
            // ulps below it: there zero's KKT violation is ~1e-15 of λ, far inside the certificate.
            // With unpenalized features the solution there is their fit alone (see `nullFit`).
            let atTop = lambda >= top * (1 - 1e-12) && penalty.zeroThresholdPerLambda.map { $0 > 0 } == true
            let fit = try atTop
                ? nullFit(penalty: instance)
                : self.fit(penalty: instance, start: beta, residual: residual, candidates: &candidates)
            residual = fit.workingResidual
            beta = fit.workingCoefficients
            gradient = fit.workingGradient ?? lossGradient(working: beta, intercept: workingIntercept(fit))
            previousLambda = lambda
            fits.append(fit)
            progress?(index + 1, lambdas.count, fit)
            // glmnet's early end is for its convex penalties: with MCP or SCAD a coefficient past
            // γλ leaves the deviance flat while other features are still to enter (ncvreg runs on).
            let rule = ending ?? (given == nil && penalty.isConvex ? .glmnet : .never)
            if family == .logistic, ends(fits, by: rule, penalty: penalty, lambdas: lambdas) { break }
        }
        return RegularizationPath(
            penaltyName: penalty.name, family: family, lambdas: Array(lambdas.prefix(fits.count)), fits: fits,
            featureNames: featureNames ?? (0..<p).map { "x\($0 + 1)" })
    }
}
