/// The step that finishes a logistic fit, as the active-set Newton step finishes a Gaussian
/// one: proximal Newton (IRLS) bounds its weights away from 0 as glmnet does, so where the
/// classes are nearly separated (fitted |η| of 50 and more, weights e⁻⁵⁰) its steps are far
/// too short and it crawls for hundreds of thousands of passes. On the support coordinate
/// descent found, with the signs fixed, the objective is smooth: Newton's method with the
/// true Hessian and a backtracking line search converges there in a few steps.
extension PenalizedRegression {
    /// Newton's method on (b₀, b_A) for (1/n)Σ[log(1 + e^η) − yη] + Σ_A fⱼ(a·sⱼbⱼ + c·bⱼ²),
    /// A the nonzero coordinates (b₀ held at 0 without an intercept). Where a step would flip a
    /// sign it stops at that coordinate's zero, which leaves. Nil when nothing moved (a
    /// singular Hessian, too costly).
    func logisticActiveSetNewton(_ start: [Double], intercept startIntercept: Double, l1 a: Double, l2 c: Double) -> (coefficients: [Double], intercept: Double)? {
        var beta = start, intercept = startIntercept
        var moved = false
        var active = beta.indices.filter { beta[$0] != 0 }
        var columns = design.selectingColumns(active)
        // The intercept's entry leads the variables when there is one.
        let lead = options.fitsIntercept ? 1 : 0
        for _ in 0..<50 {
            let k = active.count, size = k + lead
            guard size > 0 else { break }
            guard Double(size) * Double(size) * Double(n) <= 30 * Double(n) * Double(p) + 1e6 else { break }
            let eta = linearPredictor(columns, beta: beta, active: active, intercept: intercept)
            var gradient = [Double](repeating: 0, count: size)
            // [1, X_A] scaled by √wᵢ, whose Gram matrix over n is the Hessian of the loss.
            var scaled = [Double](repeating: 0, count: n * size)
            var residual = [Double](repeating: 0, count: n), root = [Double](repeating: 0, count: n)
            for i in 0..<n {
                let probability = 1 / (1 + exp(-eta[i]))
                residual[i] = probability - target[i]
                root[i] = (probability * (1 - probability)).squareRoot()
                if lead == 1 { scaled[i] = root[i] }
            }
            if lead == 1 { gradient[0] = residual.total / Double(n) }
            for (column, j) in active.enumerated() {
                var total = 0.0
                for i in 0..<n {
                    let x = columns.storage[i + column * n]
                    total += x * residual[i]
                    scaled[i + (column + lead) * n] = root[i] * x
                }
                gradient[column + lead] = total / Double(n) + factors[j] * (a * (beta[j] > 0 ? 1 : -1) + 2 * c * beta[j])
            }
            let largest = gradient.reduce(0) { max($0, Swift.abs($1)) }
            if largest <= 1e-15 * max(nullGradientScale, .leastNormalMagnitude) { break }
            var hessian = [Double](repeating: 0, count: size * size)
            BLAS.gemm(
                transposeA: true, transposeB: false, m: size, n: size, k: n, alpha: 1 / Double(n),
                scaled, leadingA: n, scaled, leadingB: n, beta: 0, &hessian, leadingC: size)
            for (column, j) in active.enumerated() { hessian[(column + lead) * (size + 1)] += 2 * c * factors[j] }
            var direction = gradient.map { -$0 }
            guard BLAS.choleskySolve(size, &hessian, &direction), direction.allSatisfy(\.isFinite) else { break }
            // The longest step that keeps every sign, then backtracking until the objective falls.
            var limit = 1.0, leaving = -1
            // Unpenalized coordinates (factor 0) are smooth through 0: no sign to keep.
            for (column, j) in active.enumerated() where factors[j] > 0 && (beta[j] + direction[column + lead] > 0) != (beta[j] > 0) {
                let reach = -beta[j] / direction[column + lead]
                if reach < limit { limit = reach; leaving = column }
            }
            let slope = zip(gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }
            guard slope < 0 else { break }
            let before = objective(eta: eta, beta: beta, active: active, l1: a, l2: c)
            let change = columns.times(Array(direction[lead...])).map { $0 + (lead == 1 ? direction[0] : 0) }
            var step = limit, accepted = false
            for _ in 0..<40 {
                let trial = zip(eta, change).map { $0 + step * $1 }
                var next = beta
                for (column, j) in active.enumerated() { next[j] = beta[j] + step * direction[column + lead] }
                if objective(eta: trial, beta: next, active: active, l1: a, l2: c) <= before + 1e-4 * step * slope {
                    accepted = true
                    break
                }
                step /= 2
            }
            guard accepted else { break }
            for (column, j) in active.enumerated() {
                let next = beta[j] + step * direction[column + lead]
                beta[j] = factors[j] == 0 || ((next > 0) == (beta[j] > 0) && next != 0) ? next : 0
            }
            if lead == 1 { intercept += step * direction[0] }
            moved = true
            if step == limit, leaving >= 0 { beta[active[leaving]] = 0 }
            if active.contains(where: { beta[$0] == 0 }) {
                active = active.filter { beta[$0] != 0 }
                columns = design.selectingColumns(active)
            }
        }
        return moved ? (beta, intercept) : nil
    }

    /// η = X_A·b_A + b₀ for the selected columns of the coordinates `active`.
    private func linearPredictor(_ columns: Matrix, beta: [Double], active: [Int], intercept: Double) -> [Double] {
        columns.times(active.map { beta[$0] }).map { $0 + intercept }
    }

    /// The objective on the support, from the linear predictor.
    private func objective(eta: [Double], beta: [Double], active: [Int], l1 a: Double, l2 c: Double) -> Double {
        var loss = 0.0
        for i in 0..<n {
            let e = eta[i]
            loss += (e > 0 ? e + log1p(exp(-e)) : log1p(exp(e))) - target[i] * e
        }
        return loss / Double(n) + active.reduce(0) { $0 + factors[$1] * (a * Swift.abs(beta[$1]) + c * beta[$1] * beta[$1]) }
    }
}
