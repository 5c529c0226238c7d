/// The step that finishes a Gaussian elastic-form fit: Newton's method on the support that
/// coordinate descent found, with a null-space step first where that support is larger than
/// the data can determine.
extension PenalizedRegression {
    /// Newton's method on the active set with the signs fixed: for the elastic form
    /// a·|w| + c·w², the minimizer over the nonzero coordinates A of
    /// (1/2n)‖ỹ − X̃_A b_A‖² + Σ fⱼ(a·sⱼbⱼ + c·bⱼ²) solves
    /// (X̃_AᵀX̃_A/n + 2c·F_A)·b_A = X̃_Aᵀỹ/n − a·F_A·s_A: one Cholesky solve. Where the Newton
    /// point would flip a sign, the step stops where the first coordinate reaches 0 (the
    /// objective equals that quadratic along the way, so it decreases), that coordinate leaves
    /// the set, and Newton starts again, a few times at most. The result is the exact solution
    /// when the remaining support is right; otherwise a better point for coordinate descent.
    ///
    /// With c = 0 and a singular system (more nonzeros than the data has rank, as lasso paths
    /// with fewer samples than features reach at small λ, or duplicated columns), the
    /// objective is linear along the null space of X̃_A: a step along it that lowers the
    /// penalty (the LARS "lasso modification") runs until a coordinate reaches 0, which
    /// leaves; coordinate descent alone takes hundreds of passes to shed such coordinates.
    /// Nil when nothing moved (singular system with c > 0, too costly).
    func activeSetNewton(_ start: [Double], l1 a: Double, l2 c: Double) -> [Double]? {
        var beta = start
        var moved = false
        let surplus = max(0, start.count { $0 != 0 } - n)
        for _ in 0..<(8 + surplus) {
            let active = beta.indices.filter { beta[$0] != 0 }
            let k = active.count
            guard k > 0 else { break }
            // Worth it only when it costs less than a few dozen passes of coordinate descent.
            let work = Double(k) * Double(k) * (Double(k) / 3 + (gram == nil ? Double(n) : 0))
            guard work <= 30 * Double(n) * Double(p) + 1e6 else { break }
            let rhs = active.map { targetProducts[$0] - a * factors[$0] * (beta[$0] > 0 ? 1 : -1) }
            let solution = activeCholesky.solve(
                active, rhs: rhs, shiftKey: c, shift: { 2 * c * factors[$0] }, products: gramProducts)
            guard let target = solution else {
                guard c == 0, let leaving = nullSpaceStep(&beta, active: active, gram: gramBlock(active), l1: a) else { break }
                moved = true
                beta[leaving] = 0
                continue
            }
            // The first coordinate to reach 0 on the way from beta to the Newton point.
            var step = 1.0, leaving = -1
            // Unpenalized coordinates (factor 0) are smooth through 0: no sign to keep.
            for (row, j) in active.enumerated() where factors[j] > 0 && ((target[row] > 0) != (beta[j] > 0) || target[row] == 0) {
                let reach = beta[j] / (beta[j] - target[row])
                if reach < step || leaving < 0 { step = min(step, reach); leaving = j }
            }
            for (row, j) in active.enumerated() {
                let next = beta[j] + step * (target[row] - beta[j])
                // Past the leaving coordinate's zero by rounding: 0 as well.
                beta[j] = factors[j] == 0 || ((next > 0) == (beta[j] > 0) && next != 0) ? next : 0
            }
            moved = true
            if leaving < 0 { break }
            beta[leaving] = 0
        }
        return moved ? beta : nil
    }

    /// A warm start's way to the next λ without descent: along a path the support changes by
    /// a coordinate or two per λ, so Newton's method on the warm start's support, grown by the
    /// zero coordinates whose KKT conditions fail (entering with the sign their gradient asks
    /// for, the most violated first), usually lands on the certified solution in a try or two,
    /// each a Newton solve and one pass over X for the certificate. Returns the certified fit,
    /// or nil with `start` (and its naive-mode `residual`) moved to the best point reached, for
    /// coordinate descent to go on from. `passes` counts the passes over X.
    func newtonContinuation(
        _ start: inout [Double], residual: inout [Double]?, l1 a: Double, l2 c: Double, penalty: any Penalty,
        candidates: inout [Bool], passes: inout Int
    ) -> PenalizedFit? {
        var current = start
        var state = gaussianState(current)
        var value = state.meanSquare / 2 + penalty.value(of: current, factors: factors)
        var improved = false
        for _ in 0..<Self.continuationTries {
            guard var polished = activeSetNewton(current, l1: a, l2: c) else { break }
            // An entering coordinate that Newton did not size leaves again.
            for j in polished.indices where Swift.abs(polished[j]) == .leastNonzeroMagnitude { polished[j] = 0 }
            let next = gaussianState(polished)
            let after = next.meanSquare / 2 + penalty.value(of: polished, factors: factors)
            guard after <= value + 1e-15 * nullObjective else { break }
            (current, state, value, improved) = (polished, next, after, true)
            // The strong rules' candidates first, a dot product each: a pass over X only once
            // none of them asks to enter.
            if gram == nil {
                let residual = state.residual
                let entered = design.storage.withUnsafeBufferPointer { x in
                    enterFailing(into: &current, l1: a, penalty: penalty, among: { candidates[$0] }) {
                        BLAS.dot(n, x.baseAddress! + $0 * n, residual) / Double(n)
                    }
                }
                if entered { continue }
            }
            let gradient = state.gradient ?? design.transposedTimes(state.residual).map { $0 / Double(n) }
            passes += 1
            let certificate = gaussianCertificate(current, gradient, meanSquare: state.meanSquare, penalty: penalty)
            if meets(certificate, penalty) {
                var fit = finish(current, intercept: targetMean, passes: passes, penalty: penalty, gradient: gradient)
                fit.certificate = certificate
                fit.workingGradient = gradient
                if gram == nil { fit.workingResidual = state.residual }
                return fit
            }
            // Only the support's own conditions fail: that is descent's job.
            guard enterFailing(into: &current, l1: a, penalty: penalty, among: { _ in true }, gradient: { gradient[$0] }) else { break }
            for j in current.indices where current[j] != 0 { candidates[j] = true }
        }
        if improved {
            for j in current.indices where Swift.abs(current[j]) == .leastNonzeroMagnitude { current[j] = 0 }
            start = current
            residual = gram == nil ? state.residual : nil
        }
        return nil
    }

    /// Gives the zero coordinates (of those `among` admits) whose KKT conditions fail most a
    /// sign without a size, the sign their gradient asks for: Newton sizes them, or drops one
    /// whose sign is wrong. Whether any failed.
    private func enterFailing(
        into current: inout [Double], l1 a: Double, penalty: any Penalty, among admits: (Int) -> Bool, gradient: (Int) -> Double
    ) -> Bool {
        var failing: [(index: Int, excess: Double, gradient: Double)] = []
        let allowance = kktAllowance(penalty)
        for j in 0..<p where current[j] == 0 && columnScales[j] > 0 && admits(j) {
            let g = gradient(j)
            let excess = Swift.abs(g) - factors[j] * a
            if excess > allowance { failing.append((j, excess, g)) }
        }
        for (j, _, g) in failing.sorted(by: { $0.excess > $1.excess }).prefix(Self.enteringPerTry) {
            current[j] = g > 0 ? .leastNonzeroMagnitude : -.leastNonzeroMagnitude
        }
        return !failing.isEmpty
    }

    /// Newton solves tried from a warm start before coordinate descent takes over.
    static var continuationTries: Int { 3 }
    /// Coordinates that may enter the support in one try.
    static var enteringPerTry: Int { 8 }

    /// Moves `beta` along a direction d in the null space of the active Gram block (so the
    /// loss is unchanged) with Σ fⱼsⱼdⱼ ≤ 0 (so the penalty does not rise), until the first
    /// coordinate reaches 0; returns that coordinate, nil without a usable direction.
    private func nullSpaceStep(_ beta: inout [Double], active: [Int], gram: [Double], l1 a: Double) -> Int? {
        let k = active.count
        guard let basis = BLAS.nullSpace(k, of: gram), !basis.isEmpty else { return nil }
        let free = basis.count / k
        // d = −N·Nᵀ(F·s): the penalty's slope along the null space, descended.
        let slope = active.map { factors[$0] * (beta[$0] > 0 ? 1.0 : -1.0) }
        var direction = [Double](repeating: 0, count: k)
        for column in 0..<free {
            var weight = 0.0
            for row in 0..<k { weight += basis[row + column * k] * slope[row] }
            for row in 0..<k { direction[row] -= weight * basis[row + column * k] }
        }
        // Σ fⱼsⱼdⱼ = −‖Nᵀ(F·s)‖²: when it vanishes the objective is flat along the null space
        // and any of its directions serves to shed a coordinate.
        let scale = slope.reduce(0) { max($0, Swift.abs($1)) }
        if direction.allSatisfy({ Swift.abs($0) <= 1e-12 * scale }) {
            // Oriented so the penalty does not rise.
            let along = (0..<k).reduce(0.0) { $0 + slope[$1] * basis[$1] }
            for row in 0..<k { direction[row] = along > 0 ? -basis[row] : basis[row] }
        }
        var step = Double.infinity, leaving = -1
        for (row, j) in active.enumerated() where direction[row] != 0 && (direction[row] > 0) != (beta[j] > 0) {
            let reach = -beta[j] / direction[row]
            if reach < step { step = reach; leaving = j }
        }
        guard leaving >= 0, step.isFinite else { return nil }
        for (row, j) in active.enumerated() {
            let next = beta[j] + step * direction[row]
            beta[j] = (next > 0) == (beta[j] > 0) && next != 0 ? next : 0
        }
        return leaving
    }

    /// x̃ⱼᵀx̃ᵢ/n for i in `rows`: from the Gram columns in covariance mode, else from the
    /// products among active columns; nil when those are over their capacity.
    func gramProducts(_ j: Int, _ rows: [Int]) -> [Double]? {
        if let gram {
            let column = gram.column(j)
            return rows.map { column[$0] }
        }
        return activeProducts.products(of: j, with: rows)
    }

    /// X̃_SᵀX̃_S/n for the columns S (column-major, |S|×|S|): from the cached Gram columns in
    /// covariance mode when they are all there, else from the products among columns that
    /// have been active before (`ActiveProducts`), else one matrix product.
    func gramBlock(_ indices: [Int]) -> [Double] {
        let k = indices.count
        if let gram, gram.hasAll || k * 8 <= p {
            var block = [Double](repeating: 0, count: k * k)
            for (column, j) in indices.enumerated() {
                let g = gram.column(j)
                for (row, i) in indices.enumerated() { block[row + column * k] = g[i] }
            }
            return block
        }
        if let block = activeProducts.block(indices) { return block }
        var block = [Double](repeating: 0, count: k * k)
        let columns = design.selectingColumns(indices)
        BLAS.gemm(
            transposeA: true, transposeB: false, m: k, n: k, k: n, alpha: 1 / Double(n),
            columns.storage, leadingA: n, columns.storage, leadingB: n, beta: 0, &block, leadingC: k)
        return block
    }
}

/// The products x̃ᵢᵀx̃ⱼ/n among the columns that have been active, kept along a path: its
/// support changes by a coordinate or two from one λ to the next, so each Newton step's
/// system is gathered from known products plus one column's worth of new ones, where a
/// matrix product from scratch cost k²n every time. Used by one solver at a time.
final class ActiveProducts {
    let design: Matrix
    /// At most this many columns are kept (their products take members² doubles).
    static let capacity = 1024
    private var position: [Int32]
    private var members: [Int] = []
    /// products[a][b] for members a and b, each row as long as the members.
    private var products: [[Double]] = []

    init(design: Matrix) {
        self.design = design
        position = Array(repeating: -1, count: design.columns)
    }

    /// X̃_SᵀX̃_S/n (column-major), adding the columns of S not yet known; nil when S is larger
    /// than the capacity.
    func block(_ indices: [Int]) -> [Double]? {
        let k = indices.count
        guard k <= Self.capacity else { return nil }
        let missing = indices.filter { position[$0] < 0 }
        if members.count + missing.count > Self.capacity {
            // Start again from the columns asked for: older supports are not coming back soon.
            for j in members { position[j] = -1 }
            members = []
            products = []
            add(indices)
        } else {
            add(missing)
        }
        var block = [Double](repeating: 0, count: k * k)
        for (column, j) in indices.enumerated() {
            let row = products[Int(position[j])]
            for (index, i) in indices.enumerated() { block[index + column * k] = row[Int(position[i])] }
        }
        return block
    }

    /// x̃ⱼᵀx̃ᵢ/n for i in `rows`, adding the columns not yet known; nil over the capacity.
    func products(of j: Int, with rows: [Int]) -> [Double]? {
        var missing = rows.filter { position[$0] < 0 }
        if position[j] < 0, !missing.contains(j) { missing.append(j) }
        if members.count + missing.count > Self.capacity {
            guard rows.count + 1 <= Self.capacity else { return nil }
            for i in members { position[i] = -1 }
            members = []
            products = []
            add(rows.contains(j) ? rows : rows + [j])
        } else {
            add(missing)
        }
        let row = products[Int(position[j])]
        return rows.map { row[Int(position[$0])] }
    }

    private func add(_ columns: [Int]) {
        let n = design.rows
        design.storage.withUnsafeBufferPointer { x in
            for j in columns {
                let new = x.baseAddress! + j * n
                position[j] = Int32(members.count)
                members.append(j)
                var row = [Double](repeating: 0, count: members.count)
                for (index, i) in members.enumerated() {
                    let product = BLAS.dot(n, x.baseAddress! + i * n, new) / Double(n)
                    row[index] = product
                    if index < members.count - 1 { products[index].append(product) }
                }
                products.append(row)
            }
        }
    }
}
