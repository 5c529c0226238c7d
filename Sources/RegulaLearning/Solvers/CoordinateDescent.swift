/// Settings shared by the coordinate-descent solvers.
public struct SolverOptions: Sendable {
    /// The certificate a convex fit (L1, L2, elastic net) must reach: its duality gap divided
    /// by the null model's objective (see `Certificate`). The default makes coefficients agree
    /// with the exact minimizer to about 1e-6 relative on ill-conditioned problems (n < p,
    /// correlation 0.9, duplicated columns), with an active-set Newton step finishing the job.
    public var tolerance: Double = 1e-12
    /// The largest KKT violation, relative to λ, allowed to a coefficient left at exactly 0 (and
    /// to an unpenalized one); for non-convex penalties (MCP, SCAD, formulas) and for every
    /// logistic fit, the largest stationarity violation of any coefficient.
    public var kktTolerance: Double = 1e-9
    /// The most passes over the coordinates for one fit before giving up with an error.
    public var maximumPasses: Int = 100_000
    /// Center and scale the features (glmnet's default); coefficients are reported in the
    /// original units either way.
    public var standardize: Bool = true
    /// Fit an unpenalized intercept (glmnet's default). Without one, b₀ = 0: neither the
    /// target nor the features are centered, and `standardize` only scales (as glmnet with
    /// `intercept = FALSE`).
    public var fitsIntercept: Bool = true
    /// A factor per feature multiplying its penalty (0 leaves it unpenalized), used as given
    /// (see `glmnetPenaltyFactors` for glmnet's rescaling).
    public var penaltyFactors: [Double]? = nil
    /// Polled between passes; true stops the solver with `LearningError.interrupted`.
    public var isInterrupted: @Sendable () -> Bool = { false }

    public init() {}

    /// Penalty factors as glmnet uses its `penalty.factor`: rescaled to sum to the number of
    /// features (so λ keeps its meaning), after checking each is finite and at least 0 and
    /// one is positive.
    public static func glmnetPenaltyFactors(_ factors: [Double]) throws(LearningError) -> [Double] {
        guard factors.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw .invalidInput("penalty factors must be finite numbers at least 0")
        }
        let total = factors.reduce(0, +)
        guard total > 0 else { throw .invalidInput("at least one penalty factor must be greater than 0") }
        return factors.map { $0 * Double(factors.count) / total }
    }
}

/// glmnet's rule for ending a round of coordinate descent, max vⱼΔⱼ² < threshold: the first
/// round uses glmnet's default (1e-7 of the target's variance), and each round whose result
/// is not certified divides it by 100.
enum InnerThreshold {
    static let first = 1e-7
    static let step = 1e-2
    /// Below this (relative to the target's variance) another round cannot help.
    static let last = 1e-40
}

/// Penalized weighted least squares by cyclic coordinate descent, the engine of glmnet:
///
///     minimize  1/(2n)·Σᵢ wᵢ·(zᵢ − b₀ − xᵢᵀb)²  +  Σⱼ fⱼ·P(bⱼ)
///
/// with an unpenalized intercept b₀. Each coordinate step is P's proximal step, so any penalty
/// works. It keeps the weighted residual rᵢ = wᵢ·(zᵢ − ηᵢ), iterates on the active set until it
/// settles, and checks every excluded coordinate's optimality before declaring convergence.
struct CoordinateDescentProblem {
    let x: Matrix
    let n: Int
    /// Observation weights; nil means all 1 and the columns and target are already centered.
    let weights: [Double]?
    /// vⱼ = Σᵢ wᵢ·xᵢⱼ²/n.
    var columnScales: [Double]
    /// The weighted residual; not kept up to date in covariance mode.
    var residual: [Double]
    var coefficients: [Double]
    var intercept: Double
    let factors: [Double]
    var threshold: Double
    let maximumPasses: Int
    let isInterrupted: @Sendable () -> Bool
    /// Whether the intercept moves (only with observation weights; false holds it at its value).
    var fitsIntercept = true
    var passes = 0
    /// Covariance mode (glmnet's for fewer than 500 features): the gradient X̃ᵀr/n of every
    /// coordinate is kept up to date with cached Gram columns, so a step costs O(p), not O(n).
    let gram: GramCache?
    var gradients: [Double] = []
    /// Whether the last `converge` returned because the signs settled, not by the threshold.
    var settled = false
    /// Whether the last pass moved a coefficient to or from 0, or across it.
    var signsChanged = false

    init(
        x: Matrix, weights: [Double]?, columnScales: [Double], residual: [Double], coefficients: [Double],
        intercept: Double, factors: [Double], threshold: Double, maximumPasses: Int,
        isInterrupted: @escaping @Sendable () -> Bool, gram: GramCache? = nil
    ) {
        self.x = x
        n = x.rows
        self.weights = weights
        self.columnScales = columnScales
        self.residual = residual
        self.coefficients = coefficients
        self.intercept = intercept
        self.factors = factors
        self.threshold = threshold
        self.maximumPasses = maximumPasses
        self.isInterrupted = isInterrupted
        self.gram = gram
        if let gram {
            // X̃ᵀ(ỹ − X̃b)/n = X̃ᵀỹ/n − Σₖ bₖ·Gₖ over the nonzero coefficients.
            gradients = gram.targetProducts
            for (k, b) in coefficients.enumerated() where b != 0 { BLAS.axpy(x.columns, -b, gram.column(k), &gradients) }
        }
    }

    /// Σᵢ xᵢⱼ·rᵢ / n.
    func gradient(_ j: Int) -> Double {
        if gram != nil { return gradients[j] }
        return x.storage.withUnsafeBufferPointer { BLAS.dot(n, $0.baseAddress! + j * n, residual) } / Double(n)
    }

    /// One coordinate step; returns vⱼ·Δ².
    mutating func update<P: Penalty>(_ j: Int, penalty: P) -> Double {
        let v = columnScales[j]
        guard v > 0 else { return 0 }
        let old = coefficients[j]
        let u = gradient(j) + v * old
        let new = factors[j] == 0 ? u / v : penalty.proximal(u / v, step: factors[j] / v)
        let delta = new - old
        guard delta != 0 else { return 0 }
        coefficients[j] = new
        if (new > 0) != (old > 0) || (new < 0) != (old < 0) { signsChanged = true }
        if let gram {
            BLAS.axpy(x.columns, -delta, gram.column(j), &gradients)
            return v * delta * delta
        }
        x.storage.withUnsafeBufferPointer { column in
            let start = column.baseAddress! + j * n
            if let weights {
                residual.withUnsafeMutableBufferPointer { r in
                    for i in 0..<n { r[i] -= delta * weights[i] * start[i] }
                }
            } else {
                BLAS.axpy(n, -delta, start, &residual)
            }
        }
        return v * delta * delta
    }

    /// The intercept's step (only with observation weights; centered problems need none).
    mutating func updateIntercept() -> Double {
        guard let weights, fitsIntercept else { return 0 }
        let total = weights.total / Double(n)
        guard total > 0 else { return 0 }
        let delta = residual.total / Double(n) / total
        guard delta != 0 else { return 0 }
        intercept += delta
        for i in 0..<n { residual[i] -= delta * weights[i] }
        return total * delta * delta
    }

    /// Every coordinate's gradient at the current coefficients.
    func allGradients() -> [Double] {
        if gram != nil { return gradients }
        return x.transposedTimes(residual).map { $0 / Double(n) }
    }

    /// Minimizes over the coordinates in `candidates` (others held at 0), then adds any
    /// excluded coordinate that the optimality check says should move, and repeats.
    /// Returns every coordinate's gradient at the solution.
    @discardableResult
    mutating func solve<P: Penalty>(penalty: P, candidates: inout [Bool]) throws(LearningError) -> [Double] {
        while true {
            try converge(penalty: penalty, over: candidates.indices.filter { candidates[$0] })
            let gradients = allGradients()
            if !admitViolators(gradients, at: coefficients, penalty: penalty, candidates: &candidates) { return gradients }
        }
    }

    /// Marks as candidates the excluded coordinates whose proximal step from `beta`, with
    /// `gradients`, would move them; whether there were any.
    func admitViolators<P: Penalty>(_ gradients: [Double], at beta: [Double], penalty: P, candidates: inout [Bool]) -> Bool {
        var violated = false
        for j in 0..<x.columns where !candidates[j] && columnScales[j] > 0 {
            let u = gradients[j] + columnScales[j] * beta[j]
            let moved = factors[j] == 0 ? u : penalty.proximal(u / columnScales[j], step: factors[j] / columnScales[j])
            if moved != 0 {
                candidates[j] = true
                violated = true
            }
        }
        return violated
    }

    /// glmnet's strategy: a full pass over `order`, then passes over the nonzero coordinates
    /// only until they settle, then a full pass again; done when a full pass changes nothing.
    /// With `settling`, it also returns as soon as the nonzero coordinates have kept their
    /// signs for that many passes over them: enough for a Newton step on that support to
    /// finish the job (`settled` then says so).
    mutating func converge(penalty: any Penalty, over order: [Int], settling: Int? = nil) throws(LearningError) {
        // The common penalties get loops specialized for them: a call through `any Penalty`
        // per coordinate step cost a third of the solver's time.
        if let lasso = penalty as? L1Penalty {
            try converge(specialized: lasso, over: order, settling: settling)
        } else if let elastic = penalty as? ElasticNetPenalty {
            try converge(specialized: elastic, over: order, settling: settling)
        } else {
            try converge(specialized: penalty, over: order, settling: settling)
        }
    }

    private mutating func converge<P: Penalty>(specialized penalty: P, over order: [Int], settling: Int?) throws(LearningError) {
        settled = false
        while true {
            var largest = updateIntercept()
            largest = max(largest, pass(over: order, penalty: penalty))
            try countPass()
            if largest < threshold { return }
            let active = order.filter { coefficients[$0] != 0 }
            var steady = 0
            while true {
                var change = updateIntercept()
                change = max(change, pass(over: active, penalty: penalty))
                try countPass()
                if change < threshold { break }
                if let settling {
                    steady = signsChanged ? 0 : steady + 1
                    if steady >= settling {
                        settled = true
                        return
                    }
                }
            }
        }
    }

    /// One coordinate step for each of `indices`; returns the largest vⱼΔ².
    /// Sets `signsChanged`.
    mutating func pass<P: Penalty>(over indices: [Int], penalty: P) -> Double {
        var largest = 0.0
        signsChanged = false
        guard gram == nil, weights == nil else {
            for j in indices { largest = max(largest, update(j, penalty: penalty)) }
            return largest
        }
        // Naive mode, unweighted: the residual and coefficients are taken out of `self` for
        // the pass, so the loop runs on raw pointers without per-step reference counting.
        let n = self.n, scales = columnScales, factors = self.factors
        var residual = self.residual, coefficients = self.coefficients
        self.residual = []
        self.coefficients = []
        var changed = false
        x.storage.withUnsafeBufferPointer { xs in
            residual.withUnsafeMutableBufferPointer { r in
                for j in indices {
                    let v = scales[j]
                    guard v > 0 else { continue }
                    let column = xs.baseAddress! + j * n
                    let old = coefficients[j]
                    let u = BLAS.dot(n, column, r.baseAddress!) / Double(n) + v * old
                    let new = factors[j] == 0 ? u / v : penalty.proximal(u / v, step: factors[j] / v)
                    let delta = new - old
                    guard delta != 0 else { continue }
                    coefficients[j] = new
                    if (new > 0) != (old > 0) || (new < 0) != (old < 0) { changed = true }
                    BLAS.axpy(n, -delta, column, r.baseAddress!)
                    largest = max(largest, v * delta * delta)
                }
            }
        }
        self.residual = residual
        self.coefficients = coefficients
        signsChanged = changed
        return largest
    }

    mutating func countPass() throws(LearningError) {
        passes += 1
        if passes % 64 == 0, isInterrupted() { throw .interrupted }
        if passes > maximumPasses {
            throw .notCertified("coordinate descent did not converge in \(maximumPasses) passes; raise maximumPasses or loosen the tolerance")
        }
    }
}

/// The Gram columns X̃ᵀx̃ₖ/n of coordinates that have been nonzero, and X̃ᵀỹ/n, shared by the
/// fits along a path. Filled lazily: a column costs one matrix-vector product when its
/// coordinate first moves. Used by one solver at a time.
final class GramCache {
    let design: Matrix
    let targetProducts: [Double]
    private var columns: [[Double]?]

    init(design: Matrix, centeredTarget: [Double]) {
        self.design = design
        let n = Double(design.rows)
        targetProducts = design.transposedTimes(centeredTarget).map { $0 / n }
        columns = Array(repeating: nil, count: design.columns)
        if design.rows >= design.columns {
            // With more samples than features the whole Gram matrix costs no more than a few
            // columns' worth of passes over X, and a matrix product runs near peak speed.
            let gram = design.gram()
            for k in 0..<design.columns { columns[k] = gram.column(k).map { $0 / n } }
        }
    }

    /// Whether every column is already there (the whole Gram matrix was computed).
    var hasAll: Bool { design.rows >= design.columns }

    func column(_ k: Int) -> [Double] {
        if let column = columns[k] { return column }
        let n = Double(design.rows)
        let column = design.transposedTimes(design.column(k)).map { $0 / n }
        columns[k] = column
        return column
    }
}
