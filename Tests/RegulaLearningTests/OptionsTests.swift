import Testing

@testable import RegulaLearning

/// A glmnet path with the options the language exposes (scripts/make_glmnet_options_fixtures.py:
/// R's glmnet with `intercept`, `standardize` and `penalty.factor`, run to convergence).
struct GlmnetOptionsCase: Decodable, CustomTestStringConvertible {
    let name: String
    let family: String
    let alpha: Double
    let standardize: Bool
    let intercept: Bool
    /// As the user gives them; glmnet rescales them to sum to the number of features.
    let factors: [Double]
    let X: [[Double]]
    let y: [Double]
    let lambdas: [Double]
    let intercepts: [Double]
    let coefs: [[Double]]

    var testDescription: String { name }
}

/// Issue 11: the solver's options (no intercept, no standardization, penalty factors) give
/// glmnet's paths, at the user's default tolerances.
@Suite("Solver options against glmnet")
struct OptionsTests {
    static let cases = (try? fixture("glmnet-options.json", as: [GlmnetOptionsCase].self)) ?? []

    @Test func fixturesAreThere() {
        #expect(Self.cases.count >= 6)
        #expect(Self.cases.contains { !$0.intercept && $0.family == "binomial" })
        #expect(Self.cases.contains { !$0.intercept && $0.standardize })
        #expect(Self.cases.contains { $0.factors.contains(0) })
    }

    @Test(arguments: cases)
    func pathsMatchGlmnet(_ reference: GlmnetOptionsCase) throws {
        let data = Dataset(features: Matrix(rowArrays: reference.X), target: reference.y)
        var options = SolverOptions()
        options.fitsIntercept = reference.intercept
        options.standardize = reference.standardize
        options.penaltyFactors = try SolverOptions.glmnetPenaltyFactors(reference.factors)
        let solver = try PenalizedRegression(data, family: reference.family == "gaussian" ? .gaussian : .logistic, options: options)
        let family = try PenaltyFamily.elasticNet(mix: reference.alpha)
        // glmnet's grid (nlambda = 12, its default ratio), which it may end early.
        let grid = try solver.lambdaGrid(for: family, count: 12)
        for (ours, theirs) in zip(grid, reference.lambdas) {
            #expect(Swift.abs(ours - theirs) <= 1e-9 * theirs, "\(reference.name): λ \(ours) against glmnet's \(theirs)")
        }
        if reference.family == "binomial" {
            // glmnet ends a logistic path on its own grid once the deviance explained stops
            // growing (fdev) or passes 0.999 (devmax); so does Regula.
            #expect(try solver.path(family, count: 12).lambdas.count == reference.lambdas.count, "\(reference.name): where the path ends")
        }
        let path = try solver.path(family, lambdas: reference.lambdas)
        for (index, lambda) in reference.lambdas.enumerated() {
            let label = "\(reference.name) at λ = \(lambda)"
            expectAgreement(path.coefficients[index], reference.coefs[index], label)
            #expect(path.coefficients[index].map { $0 == 0 } == reference.coefs[index].map { $0 == 0 }, "\(label): exact zeros")
            let scale = max(1, reference.coefs[index].map(Swift.abs).max() ?? 0)
            #expect(Swift.abs(path.intercepts[index] - reference.intercepts[index]) <= 1e-6 * scale, "\(label): intercept \(path.intercepts[index]) against \(reference.intercepts[index])")
            if !reference.intercept { #expect(path.intercepts[index] == 0, "\(label): no intercept means b₀ = 0 exactly") }
            #expect(path.gaps[index] <= options.tolerance, "\(label): gap \(path.gaps[index])")
        }
    }

    @Test func withoutAnInterceptTheCertificateIsOfTheUncenteredProblem() throws {
        // A target far from 0 and features with nonzero means: centering would change everything.
        var random = RandomSource(seed: 11)
        let n = 60, p = 15
        var x = Matrix(rows: n, columns: p)
        for i in 0..<n { for j in 0..<p { x[i, j] = random.normal() + Double(j % 3) } }
        let y = (0..<n).map { i in 5 + 2 * x[i, 0] - x[i, 4] + random.normal() }
        var options = SolverOptions()
        options.fitsIntercept = false
        options.standardize = false
        let solver = try PenalizedRegression(Dataset(features: x, target: y), family: .gaussian, options: options)
        let lambda = 0.05
        let fit = try solver.fit(penalty: L1Penalty(lambda))
        #expect(fit.intercept == 0)
        #expect(fit.gap <= options.tolerance)
        // KKT of 1/(2n)‖y − Xb‖² + λ‖b‖₁, computed here from the raw data.
        let fitted = x.times(fit.coefficients)
        let gradient = x.transposedTimes(zip(y, fitted).map { $0 - $1 }).map { $0 / Double(n) }
        let violation = kktViolation(gradient: gradient, coefficients: fit.coefficients, lambda: lambda, mix: 1)
        #expect(violation <= 1e-9 * lambda, "KKT violation \(violation)")
        // The null objective is ‖y‖²/(2n), not the variance: λ_max is max |xⱼᵀy|/n.
        let top = solver.lambdaMax(for: .lasso)
        let expected = x.transposedTimes(y).map { Swift.abs($0) / Double(n) }.max()!
        #expect(Swift.abs(top - expected) <= 1e-12 * expected)
    }

    @Test(arguments: [false, true])
    func anUnpenalizedColumnOfOnesIsTheIntercept(standardize: Bool) throws {
        // Without an intercept, a constant column (kept, unlike glmnet) with factor 0 plays its
        // part: the same minimizer as the fit with an intercept, standardized or not.
        let data = try Synthetic.regression(samples: 40, features: 6, informative: 3, noise: .standardDeviation(0.5), correlation: 0.3, seed: 9)
        var withOnes = Matrix(rows: 40, columns: 7)
        for i in 0..<40 {
            withOnes[i, 0] = 1
            for j in 0..<6 { withOnes[i, j + 1] = data.features[i, j] + 2 }
        }
        var shifted = data
        for i in 0..<40 { for j in 0..<6 { shifted.features[i, j] += 2 } }
        for family in [Family.gaussian, .logistic] {
            let target = family == .gaussian ? data.target : data.target.map { $0 > 0 ? 1 : 0 }
            var plain = SolverOptions()
            plain.standardize = standardize
            shifted.target = target
            let reference = try PenalizedRegression(shifted, family: family, options: plain).fit(penalty: L1Penalty(0.05))
            var options = plain
            options.fitsIntercept = false
            options.penaltyFactors = [0] + Array(repeating: 1, count: 6)
            let fit = try PenalizedRegression(Dataset(features: withOnes, target: target), family: family, options: options).fit(penalty: L1Penalty(0.05))
            #expect(fit.intercept == 0)
            expectAgreement(Array(fit.coefficients.dropFirst()), reference.coefficients, "\(family), standardize \(standardize)")
            #expect(Swift.abs(fit.coefficients[0] - reference.intercept) <= 1e-6 * max(1, Swift.abs(reference.intercept)), "\(family): the ones' coefficient \(fit.coefficients[0]) against the intercept \(reference.intercept)")
        }
    }

    @Test func mcpPathsUseNcvregsParametrization() throws {
        // ncvreg's MCP: P(b; λ, γ) = λ|b| − b²/(2γ) for |b| ≤ γλ, else γλ²/2, on standardized
        // features: at each λ every coefficient is stationary for *that* λ's penalty, so the
        // flat region starts at γλ, not at a fixed γλ₀ scaled by λ. ncvreg is not packaged for
        // Debian, so the check is stationarity computed here from the formula.
        let data = try Synthetic.regression(samples: 80, features: 30, informative: 5, correlation: 0.5, seed: 21)
        let solver = try PenalizedRegression(data, family: .gaussian)
        let gamma = 3.0
        let path = try solver.path(.mcp(gamma: gamma), count: 25)
        let standardized = data.standardized().data
        let n = Double(data.sampleCount), mean = data.target.average
        var sawFlatRegion = false
        for (index, lambda) in path.lambdas.enumerated() {
            let b = path.fits[index].workingCoefficients
            let fitted = standardized.features.times(b)
            let residual = (0..<data.sampleCount).map { data.target[$0] - mean - fitted[$0] }
            let gradient = standardized.features.transposedTimes(residual).map { $0 / n }
            for j in b.indices {
                let violation: Double
                if b[j] == 0 {
                    violation = max(0, Swift.abs(gradient[j]) - lambda)
                } else {
                    let slope = max(0, lambda - Swift.abs(b[j]) / gamma)
                    if slope == 0 { sawFlatRegion = true }
                    violation = Swift.abs(gradient[j] - (b[j] > 0 ? slope : -slope))
                }
                #expect(violation <= 1e-8 * lambda, "λ = \(lambda), coefficient \(j): stationarity violated by \(violation)")
            }
        }
        #expect(sawFlatRegion, "some coefficient beyond γλ, where MCP stops shrinking")
    }

    @Test func penaltyFactorsAreRescaledAsGlmnetDoes() throws {
        #expect(try SolverOptions.glmnetPenaltyFactors([0, 1, 2, 1]) == [0, 1, 2, 1])
        #expect(try SolverOptions.glmnetPenaltyFactors([0, 1, 1, 1]) == [0, 4.0 / 3, 4.0 / 3, 4.0 / 3])
        #expect(throws: LearningError.self) { try SolverOptions.glmnetPenaltyFactors([0, 0]) }
        #expect(throws: LearningError.self) { try SolverOptions.glmnetPenaltyFactors([1, -1]) }
    }
}
