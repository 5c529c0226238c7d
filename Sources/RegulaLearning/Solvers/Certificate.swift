/// What a fit proves about itself: how far its objective can be from the optimum, and how well
/// every coordinate satisfies its optimality condition.
///
/// * `gap`: the duality gap P(b) − D(θ) of the problem actually solved (standardized features,
///   centered target, the intercept at its value), divided by the null model's objective P(0),
///   so the objective is within `gap`·P(0) of the minimum. The dual point θ is the residual
///   (Gaussian) or y − p (logistic), rescaled into the dual's domain where the penalty needs it,
///   as scikit-learn, celer and skglm do. Defined for penalties of the form a·|w| + b·w²
///   (L1, L2, elastic net); NaN for the others (MCP, SCAD, L0, formulas), whose problems are
///   not convex, and without a penalty.
/// * `kkt`: the largest violation of the optimality (stationarity) conditions, divided by the
///   penalty's strength (a + 2b for a·|w| + b·w², so λ for `l1(λ)`, `elasticNet(λ)`,
///   `l2(λ, half: true)`; the slope at 0 for MCP and SCAD): |∇ⱼ − fⱼP′(bⱼ)| where bⱼ ≠ 0 and
///   max(0, |∇ⱼ| − fⱼ·P′(0⁺)) where bⱼ = 0, ∇ⱼ the loss's negative gradient.
public struct Certificate: Sendable, Equatable {
    public var gap: Double
    public var kkt: Double
    /// The largest violation among the exact zeros and the unpenalized coordinates, in the
    /// units of `kkt`: a coefficient is left at exactly 0 only if its condition holds for 0.
    public var zeroKKT: Double

    public static let exact = Certificate(gap: 0, kkt: 0, zeroKKT: 0)
}

/// What a certificate is checked against.
struct CertificateScales {
    /// P(0): the objective of the null model.
    let nullObjective: Double
    /// The penalty's strength (the unit of `kkt`).
    let strength: Double
    /// max |∇ⱼ| at the null model: rounding in the gradients is relative to it.
    let gradientScale: Double
}

extension PenalizedRegression {
    /// The penalty's strength: the unit of KKT violations.
    func strength(of penalty: any Penalty) -> Double {
        if let form = penalty.elasticForm, form.l1 + 2 * form.l2 > 0 { return form.l1 + 2 * form.l2 }
        if let threshold = penalty.thresholdAtZero, threshold > 0 { return threshold }
        return max(nullGradientScale, .leastNormalMagnitude)
    }

    /// The largest KKT violation allowed to a certified fit, in gradient units: the relative
    /// `kktTolerance` of λ, plus the rounding that gradients computed in floating point carry.
    func kktAllowance(_ penalty: any Penalty) -> Double {
        // A proximal step found by numeric search is precise to about 1e-8 relative, which
        // bounds how stationary coordinate descent can make its fixed point.
        let tolerance = penalty.hasExactProximal ? options.kktTolerance : max(options.kktTolerance, Self.numericProximalKKT)
        return tolerance * strength(of: penalty) + 1e-12 * nullGradientScale
    }

    /// The KKT bound (relative to λ) for penalties whose proximal step is a numeric search.
    static var numericProximalKKT: Double { 1e-6 }

    /// The certificate of working coefficients `beta`, given the loss's negative gradient
    /// ∇ = X̃ᵀ(y − ŷ)/n at them and, for the gap, the smooth part of P(b) − D(s·θ) as a
    /// function of the dual scaling s (zero at the optimum, s = 1).
    func certificate(beta: [Double], gradient: [Double], penalty: any Penalty, smoothGap: (Double) -> Double, interceptViolation: Double = 0) -> Certificate {
        let unit = strength(of: penalty)
        var worst = interceptViolation, worstZero = interceptViolation
        let threshold = penalty.thresholdAtZero
        for j in 0..<p where columnScales[j] > 0 {
            let f = factors[j], b = beta[j], g = gradient[j]
            let violation: Double
            if b != 0 {
                violation = Swift.abs(g - f * penalty.derivative(b))
            } else if f == 0 {
                violation = Swift.abs(g)
            } else if let threshold {
                violation = max(0, Swift.abs(g) - f * threshold)
            } else {
                let v = columnScales[j]
                violation = v * Swift.abs(penalty.proximal(g / v, step: f / v))
            }
            worst = max(worst, violation)
            if b == 0 || f == 0 { worstZero = max(worstZero, violation) }
        }
        var gap = Double.nan
        if let form = penalty.elasticForm, form.l1 > 0 || form.l2 > 0 {
            gap = dualityGap(beta: beta, gradient: gradient, l1: form.l1, l2: form.l2, smoothGap: smoothGap)
            gap = nullObjective > 0 ? max(gap, 0) / nullObjective : (gap > 0 ? .infinity : 0)
        }
        return Certificate(gap: gap, kkt: worst / unit, zeroKKT: worstZero / unit)
    }

    /// P(b) − D(s·θ) for the elastic form a·|w| + c·w², minimized over two choices of s: 1,
    /// and the largest s that puts s·θ in the lasso dual's domain (|s·∇ⱼ| ≤ fⱼ·a). Written as a
    /// sum of Fenchel–Young terms Gⱼ(bⱼ) + Gⱼ*(s∇ⱼ) − s∇ⱼbⱼ, each ≥ 0, so no large numbers
    /// cancel. Unpenalized coordinates are held at their values (their KKT residual is checked
    /// separately).
    private func dualityGap(beta: [Double], gradient: [Double], l1 a: Double, l2 c: Double, smoothGap: (Double) -> Double) -> Double {
        var scaling = 1.0
        for j in 0..<p where columnScales[j] > 0 && factors[j] > 0 {
            let g = Swift.abs(gradient[j])
            if g * scaling > factors[j] * a { scaling = factors[j] * a / g }
        }
        func gap(_ s: Double) -> Double {
            var total = smoothGap(s)
            for j in 0..<p where columnScales[j] > 0 && factors[j] > 0 {
                let f = factors[j], b = beta[j], v = s * gradient[j]
                let excess = Swift.abs(v) - f * a
                var conjugate = 0.0
                if c > 0 {
                    conjugate = excess > 0 ? excess * excess / (4 * f * c) : 0
                } else if excess > 1e-12 * f * a {
                    return .infinity
                }
                total += f * (a * Swift.abs(b) + c * b * b) + conjugate - v * b
            }
            return total
        }
        return c > 0 ? min(gap(1), gap(scaling)) : gap(scaling)
    }

    /// Whether a certificate meets the options: the gap (when defined) below `tolerance`, every
    /// zero's (and unpenalized coefficient's) KKT condition within `kktTolerance`, and for
    /// problems without a gap, every coordinate's.
    func meets(_ certificate: Certificate, _ penalty: any Penalty) -> Bool {
        let allowed = kktAllowance(penalty) / strength(of: penalty)
        if certificate.gap.isNaN { return certificate.kkt <= allowed }
        return certificate.gap <= options.tolerance && certificate.zeroKKT <= allowed
    }

    /// The error for a fit that ran out of passes before reaching its certificate.
    func uncertified(_ certificate: Certificate?, _ penalty: any Penalty, passes: Int) -> LearningError {
        var reached = "no certificate yet"
        if let certificate {
            reached = certificate.gap.isNaN
                ? "a KKT violation of \(threeDigits(certificate.kkt)) of λ"
                : "a duality gap of \(threeDigits(certificate.gap)) of the null objective and a KKT violation of \(threeDigits(certificate.kkt)) of λ"
        }
        let wanted = strength(of: penalty) > 0 && penalty.elasticForm.map { $0.l1 > 0 || $0.l2 > 0 } == true
            ? "a gap below \(threeDigits(options.tolerance))" : "a KKT violation below \(threeDigits(options.kktTolerance))"
        return .notCertified(
            "coordinate descent stopped after \(passes) passes at \(reached), short of \(wanted); "
                + "raise maximumPasses, loosen the tolerance, or use a larger λ (a small λ with correlated features converges slowly)")
    }

    // MARK: Gaussian

    /// ∇ = X̃ᵀr/n and ‖r‖²/n at working coefficients, computed afresh (not carried through
    /// updates): with the Gram columns in covariance mode, else from the residual.
    func gaussianGradient(_ beta: [Double]) -> (gradient: [Double], meanSquare: Double) {
        let state = gaussianState(beta)
        return (state.gradient ?? design.transposedTimes(state.residual).map { $0 / Double(n) }, state.meanSquare)
    }

    /// What a Gaussian fit's checks need at working coefficients, computed afresh: ‖r‖²/n, and
    /// the gradient ∇ = X̃ᵀr/n in covariance mode (from the Gram columns, cheap) or the residual
    /// r in naive mode (from the nonzero columns; its gradient is one pass over X, left to the
    /// caller so a rejected candidate point costs no such pass).
    func gaussianState(_ beta: [Double]) -> GaussianState {
        if let gram {
            var gradient = gram.targetProducts
            for (k, b) in beta.enumerated() where b != 0 { BLAS.axpy(p, -b, gram.column(k), &gradient) }
            // ‖r‖²/n = ỹᵀỹ/n − bᵀ(X̃ᵀỹ/n) − bᵀ∇.
            return GaussianState(meanSquare: max(0, targetVariance - beta.dot(targetProducts) - beta.dot(gradient)), gradient: gradient, residual: [])
        }
        let residual = self.residual(of: centeredTarget, coefficients: beta)
        return GaussianState(meanSquare: residual.dot(residual) / Double(n), gradient: nil, residual: residual)
    }

    /// The certificate of a Gaussian fit: with θ = s·r, P(b) − D(θ) = (1 − s)²‖r‖²/(2n) + Σⱼ(…).
    func gaussianCertificate(_ beta: [Double], _ gradient: [Double], meanSquare: Double, penalty: any Penalty) -> Certificate {
        certificate(beta: beta, gradient: gradient, penalty: penalty) { s in (1 - s) * (1 - s) * meanSquare / 2 }
    }

    /// The exact minimizer for a penalty c·w² (or none): a direct solve of the smaller of the
    /// p×p system (X̃ᵀX̃/n + 2c·F)·b = X̃ᵀỹ/n and the n×n one
    /// (X̃F⁻¹X̃ᵀ + 2cn·I)·α = ỹ, b = F⁻¹X̃ᵀα. Constant columns are left out (their coefficient
    /// is 0). Nil when the system is singular (least squares with p ≥ n, say).
    func directQuadratic(l2 c: Double) -> [Double]? {
        let used = (0..<p).filter { columnScales[$0] > 0 }
        let k = used.count
        var result = [Double](repeating: 0, count: p)
        guard k > 0 else { return result }
        let dual = c > 0 && k > n && used.allSatisfy { factors[$0] > 0 }
        if dual {
            // K = X̃F⁻¹X̃ᵀ from the columns scaled by 1/√fⱼ.
            var scaled = design.selectingColumns(used)
            for (position, j) in used.enumerated() where factors[j] != 1 {
                let factor = 1 / factors[j].squareRoot()
                for i in 0..<n { scaled.storage[i + position * n] *= factor }
            }
            var system = [Double](repeating: 0, count: n * n)
            BLAS.gemm(
                transposeA: false, transposeB: true, m: n, n: n, k: k, alpha: 1,
                scaled.storage, leadingA: n, scaled.storage, leadingB: n, beta: 0, &system, leadingC: n)
            for i in 0..<n { system[i + i * n] += 2 * c * Double(n) }
            var alpha = centeredTarget
            guard BLAS.choleskySolve(n, &system, &alpha) else { return nil }
            let coefficients = scaled.transposedTimes(alpha)
            for (position, j) in used.enumerated() { result[j] = coefficients[position] / factors[j].squareRoot() }
        } else {
            var system = gramBlock(used)
            var rhs = used.map { targetProducts[$0] }
            for (position, j) in used.enumerated() { system[position + position * k] += 2 * c * factors[j] }
            guard BLAS.choleskySolve(k, &system, &rhs) else { return nil }
            for (position, j) in used.enumerated() { result[j] = rhs[position] }
        }
        return result.allSatisfy(\.isFinite) ? result : nil
    }

    // MARK: Logistic

    /// The certificate of a logistic fit at working coefficients and intercept. With p = σ(η)
    /// and the dual point θ = y − s(y − p) ∈ [0, 1], the gap for the intercept held at its
    /// value is (1/n)Σᵢ[ℓᵢ(ηᵢ) + h(θᵢ) + s(yᵢ − pᵢ)ηᵢ] + Σⱼ(…), h(t) = t·log t + (1 − t)·log(1 − t);
    /// the intercept's own condition |mean(y − p)| joins the KKT violations (without an
    /// intercept, b₀ = 0 is held and has no condition).
    func logisticCertificate(_ beta: [Double], intercept: Double, penalty: any Penalty) -> (Certificate, [Double]) {
        let eta = design.times(beta).map { $0 + intercept }
        let probability = eta.map { 1 / (1 + exp(-$0)) }
        let residual = zip(target, probability).map { $0 - $1 }
        let gradient = design.transposedTimes(residual).map { $0 / Double(n) }
        let losses = zip(eta, target).map { e, y in (e > 0 ? e + log1p(exp(-e)) : log1p(exp(e))) - y * e }
        func entropy(_ t: Double) -> Double {
            (t > 0 ? t * log(t) : 0) + (t < 1 ? (1 - t) * log1p(-t) : 0)
        }
        let certificate = self.certificate(
            beta: beta, gradient: gradient, penalty: penalty,
            smoothGap: { s in
                var total = 0.0
                for i in 0..<n {
                    let xi = s * residual[i]
                    total += losses[i] + entropy(target[i] - xi) + xi * eta[i]
                }
                return max(total, 0) / Double(n)
            },
            interceptViolation: options.fitsIntercept ? Swift.abs(residual.total) / Double(n) : 0)
        return (certificate, gradient)
    }
}

/// A Gaussian fit's residual sum of squares with its gradient (covariance mode) or its residual.
struct GaussianState {
    var meanSquare: Double
    var gradient: [Double]?
    var residual: [Double]
}

/// A short rendering of a small number for messages: three significant digits.
func threeDigits(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return "\(value)" }
    var exponent = 0
    var mantissa = Swift.abs(value)
    while mantissa >= 10 { mantissa /= 10; exponent += 1 }
    while mantissa < 1 { mantissa *= 10; exponent -= 1 }
    var rounded = (mantissa * 100).rounded() / 100
    // 9.996 rounds up to 10.0: renormalize (1e-12 reads "1.0e-12", not "10.0e-13").
    if rounded >= 10 { rounded /= 10; exponent += 1 }
    let sign = value < 0 ? "-" : ""
    return exponent == 0 ? "\(sign)\(rounded)" : "\(sign)\(rounded)e\(exponent)"
}
