/// The distribution of the target, as glmnet names it.
public enum Family: String, Sendable, CaseIterable {
    /// Squared error: 1/(2n)·‖y − b₀ − Xb‖².
    case gaussian
    /// Logistic: −(1/n)·Σ log-likelihood, with y in {0, 1}.
    case logistic
}

/// A penalized linear or logistic fit: coefficients in the data's original units.
public struct PenalizedFit: Sendable {
    public var coefficients: [Double]
    public var intercept: Double
    /// The solver's coefficients on the standardized (or centered) features it worked on.
    public var workingCoefficients: [Double]
    /// The objective at the solution, on the features the solver worked on.
    public var objective: Double
    /// Passes over the data: coordinate-descent sweeps, and the certificate's pass after each
    /// Newton step a warm start tries first (`newtonContinuation`).
    public var passes: Int
    /// What the fit proves about itself: its duality gap and largest KKT violation.
    public var certificate: Certificate = .exact
    /// The duality gap relative to the null objective (NaN for non-convex penalties).
    public var gap: Double { certificate.gap }
    /// The largest KKT (stationarity) violation relative to λ.
    public var kkt: Double { certificate.kkt }
    /// (1/n)·X̃ᵀ(y − ŷ) at the solution when the solver had it at hand (Gaussian fits).
    var workingGradient: [Double]? = nil
    /// y − ŷ on the working features, kept for the next warm start (naive Gaussian fits).
    var workingResidual: [Double]? = nil
}

/// Penalized regression by coordinate descent (glmnet's algorithm): Gaussian directly,
/// logistic by proximal Newton steps (iteratively reweighted least squares) around it.
public struct PenalizedRegression {
    public let family: Family
    public let options: SolverOptions
    let standardization: Standardization
    let design: Matrix
    let target: [Double]
    /// What the target is centered by: its mean, or 0 without an intercept.
    let targetMean: Double
    let targetVariance: Double
    let factors: [Double]
    /// vⱼ = ‖x̃ⱼ‖²/n of the working features.
    let columnScales: [Double]
    /// Gram columns for covariance updates (Gaussian, fewer than 500 features, as glmnet).
    let gram: GramCache?
    /// Products among the columns that have been active, for the Newton step's systems.
    let activeProducts: ActiveProducts
    /// The factor of the Newton step's system, updated as the support changes.
    let activeCholesky: ActiveCholesky
    /// X̃ᵀ(y − ȳ)/n (Gaussian), for the objective without a pass over X at every λ.
    let targetProducts: [Double]
    /// y − ȳ (Gaussian; y itself without an intercept).
    let centeredTarget: [Double]
    /// P(0), the objective of the model with every coefficient 0: certificates are relative to it.
    let nullObjective: Double
    /// max |∇ⱼ| at the null model.
    let nullGradientScale: Double

    /// Prepares `data` once (centering and, if asked, scaling) for any number of fits.
    public init(_ data: Dataset, family: Family, options: SolverOptions = SolverOptions()) throws(LearningError) {
        let p = data.featureCount, n = data.sampleCount
        if let factors = options.penaltyFactors {
            guard factors.count == p else {
                throw .shapeMismatch("\(factors.count) penalty factors", "\(p) features")
            }
            guard factors.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
                throw .invalidInput("penalty factors must be finite numbers at least 0")
            }
        }
        if family == .logistic, !data.target.allSatisfy({ $0 == 0 || $0 == 1 }) {
            throw .invalidInput("logistic regression needs a target of 0s and 1s")
        }
        if family == .logistic, !(data.target.contains(0) && data.target.contains(1)) {
            throw .invalidInput("logistic regression needs both classes in the target, 0s and 1s; this one has only \(data.target.first == 1 ? "1s" : "0s")")
        }
        guard n >= 2 else { throw .invalidInput("a fit needs at least 2 samples, got \(n)") }
        try require(options.tolerance > 0, "the tolerance", options.tolerance, "positive")
        // Without an intercept nothing is centered, and standardizing divides by the standard
        // deviation alone (glmnet's xs for intercept = FALSE; a constant column keeps scale 1).
        let measured = Standardization(of: data.features)
        standardization = Standardization(
            means: options.fitsIntercept ? measured.means : Array(repeating: 0, count: p),
            scales: options.standardize ? measured.scales : Array(repeating: 1, count: p))
        let design = standardization.apply(to: data.features)
        self.design = design
        target = data.target
        let mean = options.fitsIntercept ? data.target.average : 0
        targetMean = mean
        targetVariance = data.target.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n)
        factors = options.penaltyFactors ?? Array(repeating: 1, count: p)
        self.family = family
        self.options = options
        columnScales = Self.columnMeanSquares(of: design, weights: nil)
        gram = family == .gaussian && p < 500 ? GramCache(design: design, centeredTarget: data.target.map { $0 - mean }) : nil
        activeProducts = ActiveProducts(design: design)
        activeCholesky = ActiveCholesky(coordinates: p)
        centeredTarget = family == .gaussian ? data.target.map { $0 - mean } : []
        targetProducts = family != .gaussian ? []
            : gram?.targetProducts ?? design.transposedTimes(centeredTarget).map { $0 / Double(n) }
        switch family {
        case .gaussian:
            nullObjective = targetVariance / 2
            nullGradientScale = targetProducts.reduce(0) { max($0, Swift.abs($1)) }
        case .logistic where !options.fitsIntercept:
            // b₀ = 0: every probability is 1/2.
            nullObjective = log(2)
            let residual = data.target.map { $0 - 0.5 }
            nullGradientScale = design.transposedTimes(residual).reduce(0) { max($0, Swift.abs($1) / Double(n)) }
        case .logistic:
            let q = min(max(mean, 1e-300), 1 - 1e-16)
            nullObjective = -(mean > 0 ? mean * log(q) : 0) - (mean < 1 ? (1 - mean) * log1p(-q) : 0)
            let residual = data.target.map { $0 - mean }
            nullGradientScale = design.transposedTimes(residual).reduce(0) { max($0, Swift.abs($1) / Double(n)) }
        }
    }

    var n: Int { design.rows }
    var p: Int { design.columns }

    /// Fits with `penalty`, starting from `start` (working coefficients) if given; `candidates`
    /// are the coordinates tried first (all if nil); others join when the optimality check asks.
    public func fit(penalty: any Penalty, start: [Double]? = nil, candidates: Set<Int>? = nil) throws(LearningError) -> PenalizedFit {
        var mask = (0..<p).map { candidates?.contains($0) ?? true }
        if let start {
            guard start.count == p else { throw .shapeMismatch("\(start.count) starting coefficients", "\(p) features") }
            for j in start.indices where start[j] != 0 { mask[j] = true }
        }
        return try fit(penalty: penalty, start: start ?? Array(repeating: 0, count: p), residual: nil, candidates: &mask)
    }

    /// The fit from a warm start: `candidates` must include every nonzero of `start`;
    /// `residual` is the previous Gaussian fit's working residual, if at hand.
    func fit(penalty: any Penalty, start: [Double], residual: [Double]?, candidates: inout [Bool]) throws(LearningError) -> PenalizedFit {
        switch family {
        case .gaussian: return try fitGaussian(penalty: penalty, start: start, residual: residual, candidates: &candidates)
        case .logistic: return try fitLogistic(penalty: penalty, start: start, candidates: &candidates)
        }
    }

    private func fitGaussian(penalty: any Penalty, start: [Double], residual given: [Double]?, candidates: inout [Bool]) throws(LearningError) -> PenalizedFit {
        guard targetVariance > 0 else {
            var fit = finish(Array(repeating: 0, count: p), intercept: targetMean, passes: 0, penalty: penalty, gradient: targetProducts)
            fit.workingGradient = targetProducts
            return fit
        }
        // A quadratic penalty (ridge) or none: one direct solve, exact at any shape.
        if let form = penalty.elasticForm, form.l1 == 0, let beta = directQuadratic(l2: form.l2) {
            let (gradient, meanSquare) = gaussianGradient(beta)
            let certificate = gaussianCertificate(beta, gradient, meanSquare: meanSquare, penalty: penalty)
            if meets(certificate, penalty) || form.l2 == 0 {
                var fit = finish(beta, intercept: targetMean, passes: 0, penalty: penalty, gradient: gradient)
                fit.certificate = certificate
                fit.workingGradient = gradient
                if gram == nil { fit.workingResidual = residual(of: centeredTarget, coefficients: beta) }
                return fit
            }
        }
        func problem(from beta: [Double], residual: [Double]?, threshold: Double, passes: Int) -> CoordinateDescentProblem {
            var problem = CoordinateDescentProblem(
                x: design, weights: nil, columnScales: columnScales,
                residual: gram != nil ? [] : (residual ?? self.residual(of: centeredTarget, coefficients: beta)),
                coefficients: beta, intercept: 0, factors: factors, threshold: threshold,
                maximumPasses: options.maximumPasses, isInterrupted: options.isInterrupted, gram: gram)
            problem.passes = passes
            return problem
        }
        var start = start, given = given
        var passes = 0
        if let form = penalty.elasticForm, form.l1 > 0, start.contains(where: { $0 != 0 }),
           let fit = newtonContinuation(&start, residual: &given, l1: form.l1, l2: form.l2, penalty: penalty, candidates: &candidates, passes: &passes) {
            return fit
        }
        var solver = problem(from: start, residual: given, threshold: InnerThreshold.first * targetVariance, passes: passes)
        var last: Certificate?
        var triedPattern: [Int8] = []
        // With a Newton step to finish, descent may hand over as soon as the support settles.
        var settling: Int? = penalty.elasticForm.map { $0.l1 > 0 || $0.l2 > 0 } == true ? Self.settlingPasses : nil
        while true {
            do {
                try solver.converge(penalty: penalty, over: candidates.indices.filter { candidates[$0] }, settling: settling)
            } catch .notCertified {
                throw uncertified(last, penalty, passes: solver.passes)
            }
            var beta = solver.coefficients
            // Fresh, not carried through the updates: a fixed point of drifted gradients is
            // not one of the true ones. In naive mode only the nonzero columns are read here.
            var state = gaussianState(beta)
            // Coordinate descent finds the support; on it, one Newton step finds the solution
            // to rounding, which no stopping rule on the passes can promise when the features
            // are correlated. Tried once per support and sign pattern, and kept when the
            // objective is no worse; whether it is certified is decided below.
            let pattern = beta.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) as Int8 }
            if pattern != triedPattern, let form = penalty.elasticForm, form.l1 > 0 || form.l2 > 0 {
                triedPattern = pattern
                let newton = activeSetNewton(beta, l1: form.l1, l2: form.l2)
                if let polished = newton {
                    let candidate = gaussianState(polished)
                    let before = state.meanSquare / 2 + penalty.value(of: beta, factors: factors)
                    let after = candidate.meanSquare / 2 + penalty.value(of: polished, factors: factors)
                    if after <= before + 1e-15 * nullObjective {
                        (beta, state) = (polished, candidate)
                    }
                }
            }
            // One pass over every column gives the certificate and the optimality check of the
            // coordinates left out.
            let gradient = state.gradient ?? design.transposedTimes(state.residual).map { $0 / Double(n) }
            let certificate = gaussianCertificate(beta, gradient, meanSquare: state.meanSquare, penalty: penalty)
            last = certificate
            if meets(certificate, penalty) {
                var fit = finish(beta, intercept: targetMean, passes: solver.passes, penalty: penalty, gradient: gradient)
                fit.certificate = certificate
                fit.workingGradient = gradient
                if gram == nil { fit.workingResidual = state.residual }
                return fit
            }
            // Coordinates the strong rules left out but that should move join the next round at
            // the same threshold; otherwise the round was too loose, and the next is 100× tighter.
            let admitted = solver.admitViolators(gradient, at: beta, penalty: penalty, candidates: &candidates)
            let threshold = admitted || solver.settled ? solver.threshold : solver.threshold * InnerThreshold.step
            // Settled on a support that Newton could not certify: descend to the threshold.
            if solver.settled, !admitted { settling = nil }
            guard threshold >= InnerThreshold.last * targetVariance else { throw uncertified(certificate, penalty, passes: solver.passes) }
            for j in beta.indices where beta[j] != 0 { candidates[j] = true }
            solver = problem(from: beta, residual: state.residual, threshold: threshold, passes: solver.passes)
        }
    }

    /// Passes over the nonzero coordinates with unchanged signs after which descent hands over
    /// to the Newton step.
    static var settlingPasses: Int { 3 }

    /// Passes of proximal Newton after which a logistic round ends and is checked.
    static var logisticRoundPasses: Int { 200 }

    private func fitLogistic(penalty: any Penalty, start: [Double], candidates: inout [Bool]) throws(LearningError) -> PenalizedFit {
        var beta = start
        let mean = min(max(targetMean, 1e-9), 1 - 1e-9)
        var intercept = !options.fitsIntercept ? 0 : (start.allSatisfy { $0 == 0 } ? log(mean / (1 - mean)) : interceptGuess(beta))
        var passes = 0
        var threshold = InnerThreshold.first * max(targetVariance, .leastNormalMagnitude)
        var last: Certificate?
        var triedPattern: [Int8] = []
        while true {
            let roundStart = passes
            var reachedThreshold = false
            var current = objective(working: beta, intercept: intercept, penalty: penalty)
            for _ in 0..<1000 {
                let eta = design.times(beta).map { $0 + intercept }
                let probability = eta.map { 1 / (1 + exp(-$0)) }
                // glmnet bounds the weights away from 0 so the Newton step stays defined. A
                // non-convex penalty (MCP, SCAD, formulas) gets a majorization instead, as ncvreg:
                // weights at least the logistic loss's largest curvature 1/4, so each step lowers
                // the objective (Newton weights left such paths cycling short of stationarity);
                // 1/2 rather than 1/4 keeps the coordinate steps (1/weight on standardized
                // features) below γ = 3 and a − 1 = 2.7, where MCP's and SCAD's proximal steps
                // are closed forms, not numeric searches that stall above the KKT bound.
                let weights = penalty.elasticForm == nil
                    ? Array(repeating: 0.5, count: n) : probability.map { max($0 * (1 - $0), 1e-5) }
                let residual = zip(target, probability).map { $0 - $1 }
                var problem = CoordinateDescentProblem(
                    x: design, weights: weights, columnScales: columnMeanSquares(weights: weights),
                    residual: residual, coefficients: beta, intercept: intercept, factors: factors,
                    threshold: threshold, maximumPasses: options.maximumPasses - passes,
                    isInterrupted: options.isInterrupted)
                problem.fitsIntercept = options.fitsIntercept
                do {
                    try problem.solve(penalty: penalty, candidates: &candidates)
                } catch .notCertified {
                    throw uncertified(last, penalty, passes: passes + problem.passes)
                }
                passes += problem.passes
                // From far off (a warm start near separation) the quadratic model can be poor and
                // the step overshoot: it is halved until the objective does not rise.
                var next = problem.coefficients, nextIntercept = problem.intercept
                var value = objective(working: next, intercept: nextIntercept, penalty: penalty)
                for _ in 0..<30 where !(value <= current + 1e-15 * nullObjective) {
                    next = zip(beta, next).map { ($0 + $1) / 2 }
                    nextIntercept = (intercept + nextIntercept) / 2
                    value = objective(working: next, intercept: nextIntercept, penalty: penalty)
                }
                // No step of 2⁻³⁰ helps: the round ends where it is, for the certificate to judge.
                if !(value <= current + 1e-15 * nullObjective) { break }
                var change = problem.columnScales.indices.reduce(0.0) {
                    let d = next[$1] - beta[$1]
                    return max($0, problem.columnScales[$1] * d * d)
                }
                change = max(change, weights.average * (nextIntercept - intercept) * (nextIntercept - intercept))
                beta = next
                intercept = nextIntercept
                current = value
                if !intercept.isFinite || beta.contains(where: { !$0.isFinite }) {
                    throw .invalidInput("logistic regression diverged: the classes may be perfectly separable; use a larger λ")
                }
                if change < threshold {
                    reachedThreshold = true
                    break
                }
                // Where the classes nearly separate, the bounded weights make these steps crawl:
                // the certificate and the Newton step on the support decide sooner.
                if passes - roundStart > Self.logisticRoundPasses { break }
            }
            var (certificate, _) = logisticCertificate(beta, intercept: intercept, penalty: penalty)
            let pattern = beta.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) as Int8 }
            if !meets(certificate, penalty) || certificate.kkt > kktAllowance(penalty) / strength(of: penalty),
               pattern != triedPattern, let form = penalty.elasticForm, form.l1 > 0 || form.l2 > 0 {
                triedPattern = pattern
                if let polished = logisticActiveSetNewton(beta, intercept: intercept, l1: form.l1, l2: form.l2) {
                    let before = objective(working: beta, intercept: intercept, penalty: penalty)
                    let after = objective(working: polished.coefficients, intercept: polished.intercept, penalty: penalty)
                    if after <= before + 1e-15 * nullObjective {
                        (beta, intercept) = polished
                        certificate = logisticCertificate(beta, intercept: intercept, penalty: penalty).0
                    }
                }
            }
            last = certificate
            // The gap bounds the objective, not the coefficients: where the objective is flat
            // (a ridge part at small λ, duplicated or correlated columns) a gap of 1e-12 of P(0)
            // leaves them off by up to √(2·gap/λ) (1.6e-4 relative against glmnet). With no Newton
            // step to land on the solution as Gaussian fits have, every coordinate's KKT
            // condition must hold too.
            if meets(certificate, penalty), certificate.kkt <= kktAllowance(penalty) / strength(of: penalty) {
                var fit = finish(beta, intercept: intercept, passes: passes, penalty: penalty)
                fit.certificate = certificate
                return fit
            }
            // A round that ran out of its passes before its threshold goes on at the same one
            // (slow but steady majorized steps); the pass limit bounds the whole fit.
            if reachedThreshold { threshold *= InnerThreshold.step }
            guard threshold >= InnerThreshold.last else { throw uncertified(certificate, penalty, passes: passes) }
        }
    }

    /// The intercept of the model with every coefficient 0.
    var nullIntercept: Double {
        guard options.fitsIntercept else { return 0 }
        return family == .gaussian ? targetMean : log(max(targetMean, 1e-9) / max(1 - targetMean, 1e-9))
    }

    /// The solution for any λ ≥ λ_max: every penalized coefficient exactly 0, and the
    /// unpenalized ones (factor 0), if any, fitted alone.
    func nullFit(penalty: any Penalty) -> PenalizedFit {
        guard factors.contains(0) else {
            let beta = [Double](repeating: 0, count: p)
            var fit = finish(beta, intercept: nullIntercept, passes: 0, penalty: penalty)
            switch family {
            case .gaussian:
                fit.certificate = gaussianCertificate(beta, targetProducts, meanSquare: targetVariance, penalty: penalty)
            case .logistic:
                fit.certificate = logisticCertificate(beta, intercept: nullIntercept, penalty: penalty).0
            }
            return fit
        }
        let (beta, intercept, _) = unpenalizedModel()
        switch family {
        case .gaussian:
            let (gradient, meanSquare) = gaussianGradient(beta)
            var fit = finish(beta, intercept: intercept, passes: 0, penalty: penalty, gradient: gradient)
            fit.certificate = gaussianCertificate(beta, gradient, meanSquare: meanSquare, penalty: penalty)
            fit.workingGradient = gradient
            if gram == nil { fit.workingResidual = residual(of: centeredTarget, coefficients: beta) }
            return fit
        case .logistic:
            var fit = finish(beta, intercept: intercept, passes: 0, penalty: penalty)
            fit.certificate = logisticCertificate(beta, intercept: intercept, penalty: penalty).0
            return fit
        }
    }

    /// The intercept that best fits a warm start's coefficients: the root of the decreasing
    /// Σ(yᵢ − σ(ηᵢ + b)), by Newton's method kept inside a bracket (plain Newton overshoots
    /// where fitted values are large, and a start off by thousands cost a path its λ).
    private func interceptGuess(_ beta: [Double]) -> Double {
        let eta = design.times(beta)
        func slope(_ b: Double) -> (gradient: Double, curvature: Double) {
            var gradient = 0.0, curvature = 0.0
            for i in 0..<n {
                let q = 1 / (1 + exp(-(eta[i] + b)))
                gradient += target[i] - q
                curvature += q * (1 - q)
            }
            return (gradient, curvature)
        }
        let mean = min(max(targetMean, 1e-9), 1 - 1e-9)
        var b = log(mean / (1 - mean)), (gradient, curvature) = slope(b)
        // A bracket [low, high] with the gradient positive at low and negative at high.
        var low = b, high = b, width = 1.0
        while gradient > 0, slope(high).gradient > 0, width < 1e6 { high += width; width *= 2 }
        width = 1
        while gradient < 0, slope(low).gradient < 0, width < 1e6 { low -= width; width *= 2 }
        if gradient > 0 { low = b } else { high = b }
        for _ in 0..<100 {
            if Swift.abs(gradient) < 1e-12 * Double(n) || high - low <= 1e-15 * max(1, Swift.abs(b)) { break }
            var next = curvature > 0 ? b + gradient / curvature : .nan
            if !(next > low && next < high) { next = (low + high) / 2 }
            b = next
            (gradient, curvature) = slope(b)
            if gradient > 0 { low = b } else { high = b }
        }
        return b
    }

    func columnMeanSquares(weights: [Double]?) -> [Double] {
        Self.columnMeanSquares(of: design, weights: weights)
    }

    /// vⱼ = Σᵢ wᵢ·xᵢⱼ²/n for every column (wᵢ = 1 without weights).
    static func columnMeanSquares(of design: Matrix, weights: [Double]?) -> [Double] {
        let n = design.rows
        return (0..<design.columns).map { j in
            design.storage.withUnsafeBufferPointer { x in
                let column = x.baseAddress! + j * n
                var total = 0.0
                if let weights { for i in 0..<n { total += weights[i] * column[i] * column[i] } }
                else { total = BLAS.dot(n, column, column) }
                return total / Double(n)
            }
        }
    }

    /// ỹ − X̃b, reading only the columns of the nonzero coefficients when they are few.
    func residual(of centered: [Double], coefficients: [Double]) -> [Double] {
        let nonzero = coefficients.indices.filter { coefficients[$0] != 0 }
        guard nonzero.count * 4 < p else {
            let fitted = design.times(coefficients)
            return zip(centered, fitted).map { $0 - $1 }
        }
        var residual = centered
        design.storage.withUnsafeBufferPointer { x in
            for j in nonzero { BLAS.axpy(n, -coefficients[j], x.baseAddress! + j * n, &residual) }
        }
        return residual
    }

    /// The gradient of the smooth loss at a working solution, −(1/n)·X̃ᵀ(y − ŷ), negated:
    /// (1/n)·X̃ᵀ(y − ŷ), what the optimality conditions and the strong rules compare to λ.
    public func lossGradient(working coefficients: [Double], intercept: Double) -> [Double] {
        let eta = design.times(coefficients)
        let residual: [Double]
        switch family {
        case .gaussian: residual = (0..<n).map { target[$0] - targetMean - eta[$0] }
        case .logistic: residual = (0..<n).map { target[$0] - 1 / (1 + exp(-(eta[$0] + intercept))) }
        }
        return design.transposedTimes(residual).map { $0 / Double(n) }
    }

    /// The working intercept (on the centered features) of a fit.
    func workingIntercept(_ fit: PenalizedFit) -> Double {
        family == .gaussian ? targetMean : fit.intercept + zip(fit.coefficients, standardization.means).reduce(0) { $0 + $1.0 * $1.1 }
    }

    func finish(_ beta: [Double], intercept: Double, passes: Int, penalty: any Penalty, gradient: [Double]? = nil) -> PenalizedFit {
        let original = standardization.originalUnits(coefficients: beta, intercept: intercept)
        var objective: Double
        if family == .gaussian, let gradient, gradient.count == p {
            // ‖r‖²/n = ỹᵀỹ/n − bᵀ(X̃ᵀỹ/n) − bᵀg with g = X̃ᵀr/n: no pass over X needed.
            objective = (targetVariance - beta.dot(targetProducts) - beta.dot(gradient)) / 2 + penalty.value(of: beta, factors: factors)
        } else {
            objective = self.objective(working: beta, intercept: intercept, penalty: penalty)
        }
        return PenalizedFit(
            coefficients: original.coefficients, intercept: original.intercept, workingCoefficients: beta,
            objective: objective, passes: passes)
    }

    /// The penalized objective on the working features.
    public func objective(working beta: [Double], intercept: Double, penalty: any Penalty) -> Double {
        let eta = design.times(beta)
        var loss = 0.0
        switch family {
        case .gaussian:
            for i in 0..<n {
                let r = target[i] - intercept - eta[i]
                loss += r * r / 2
            }
        case .logistic:
            for i in 0..<n {
                let e = eta[i] + intercept
                // log(1 + exp(e)) − y·e, computed without overflow.
                loss += (e > 0 ? e + log1p(exp(-e)) : log1p(exp(e))) - target[i] * e
            }
        }
        return loss / Double(n) + penalty.value(of: beta, factors: factors)
    }
}

extension Standardization {
    init(means: [Double], scales: [Double]) {
        self.means = means
        self.scales = scales
    }
}



