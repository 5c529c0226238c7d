import Testing

@testable import RegulaLearning

/// Issue 11: `fit` at the user's defaults gives the exact minimizer, with its certificate, on
/// the problems where glmnet's stopping rule does not (Fixtures/hard.json, made by
/// scripts/make_exact_fixtures.py: scikit-learn run to convergence).
@Suite("Exact at the defaults")
struct ExactnessTests {
    static let cases = (try? fixture("hard.json", as: [ReferenceCase].self)) ?? []

    @Test func fixturesAreThere() {
        #expect(Self.cases.count >= 20)
    }

    @Test(arguments: cases)
    func defaultsGiveTheExactSolution(_ reference: ReferenceCase) throws {
        let data = Dataset(features: Matrix(rowArrays: reference.X), target: reference.y)
        let family: Family = reference.family == "gaussian" ? .gaussian : .logistic
        var options = SolverOptions()
        options.standardize = reference.standardize ?? false
        let solver = try PenalizedRegression(data, family: family, options: options)
        let penalty = try ElasticNetPenalty(reference.lambda, mix: reference.alpha)
        let fit = try solver.fit(penalty: penalty)
        expectAgreement(fit.coefficients, reference.coef, reference.name)
        let interceptScale = max(1, Swift.abs(reference.intercept), reference.coef.map(Swift.abs).max() ?? 0)
        #expect(Swift.abs(fit.intercept - reference.intercept) <= 1e-6 * interceptScale, "\(reference.name) intercept \(fit.intercept) against \(reference.intercept)")
        #expect(Swift.abs(fit.objective - reference.objective) <= 1e-10 * Swift.abs(reference.objective), "\(reference.name) objective \(fit.objective) against \(reference.objective)")
        #expect(fit.coefficients.map { $0 == 0 } == reference.coef.map { $0 == 0 }, "\(reference.name) exact zeros")
        // The certificate holds, and an independent KKT check agrees with it.
        #expect(fit.gap <= options.tolerance, "\(reference.name) gap \(fit.gap)")
        let gradient = solver.lossGradient(working: fit.workingCoefficients, intercept: solver.workingIntercept(fit))
        let violation = kktViolation(gradient: gradient, coefficients: fit.workingCoefficients, lambda: reference.lambda, mix: reference.alpha)
        #expect(violation / reference.lambda <= fit.kkt + 1e-11, "\(reference.name) KKT \(violation / reference.lambda) against the reported \(fit.kkt)")
    }

    @Test func ridgePathsAreExactAtAnyShape() throws {
        for (samples, features) in [(60, 300), (300, 60)] {
            let data = try Synthetic.regression(samples: samples, features: features, informative: 10, correlation: 0.9, seed: 5)
            let solver = try PenalizedRegression(data, family: .gaussian)
            let path = try solver.path(.elasticNet(mix: 0), count: 20)
            #expect(path.gaps.allSatisfy { $0 <= 1e-13 }, "\(samples)×\(features): gaps up to \(path.gaps.max()!)")
            #expect(path.kkt.allSatisfy { $0 <= 1e-9 }, "\(samples)×\(features): KKT up to \(path.kkt.max()!)")
            #expect(path.fits.allSatisfy { $0.passes == 0 }, "a direct solve, no passes")
        }
    }

    @Test(arguments: ["mcp", "scad"])
    func nonconvexFitsCarryTheirStationarity(_ name: String) throws {
        let data = try Synthetic.regression(samples: 50, features: 120, informative: 5, correlation: 0.9, seed: 8)
        let solver = try PenalizedRegression(data, family: .gaussian)
        let family = try name == "mcp" ? PenaltyFamily.mcp() : PenaltyFamily.scad()
        let path = try solver.path(family, count: 30)
        #expect(path.gaps.allSatisfy { $0.isNaN }, "no duality gap for a non-convex penalty")
        #expect(path.kkt.allSatisfy { $0 <= SolverOptions().kktTolerance + 1e-9 }, "stationarity up to \(path.kkt.max()!)")
    }

    /// Near separation (fitted |η| of 80 at the smallest λ) the bounded IRLS weights crawl:
    /// this path ran out of 100,000 passes at λ 88 until Newton's method on the support, a
    /// line search in proximal Newton and a bracketed intercept for warm starts.
    @Test func logisticPathsNearSeparationAreCertified() throws {
        let data = try Synthetic.classification(samples: 200, features: 50, informative: 5, correlation: 0.5, seed: 11)
        let solver = try PenalizedRegression(data, family: .logistic)
        for mix in [1.0, 0.5, 0.0] {
            let path = try solver.path(.elasticNet(mix: mix), count: 100)
            #expect(path.gaps.allSatisfy { $0 <= SolverOptions().tolerance }, "mix \(mix): gaps up to \(path.gaps.max()!)")
            #expect(path.kkt.allSatisfy { $0 <= 1e-9 + 1e-12 }, "mix \(mix): KKT up to \(path.kkt.max()!)")
        }
    }

    /// MCP and SCAD logistic paths run the whole grid (glmnet's deviance rule ended an MCP path
    /// after 5 λ with features still to enter) and reach stationarity: majorized steps, and
    /// rounds that run out of passes keep their threshold (dropping it 100× a round ran out
    /// of thresholds at a KKT violation of 5e-9 of λ).
    @Test(arguments: ["mcp", "scad"])
    func nonconvexLogisticPathsRunTheGrid(_ name: String) throws {
        let data = try Synthetic.classification(samples: 150, features: 6, informative: 3, seed: 21)
        let solver = try PenalizedRegression(data, family: .logistic)
        let path = try solver.path(name == "mcp" ? .mcp() : .scad(), count: 100)
        #expect(path.fits.count == 100)
        // Every fit met the solver's bound (else it throws): 1e-9 of λ plus the gradients'
        // rounding, 1e-12 of their size at 0 (λ_max here).
        for (lambda, violation) in zip(path.lambdas, path.kkt) {
            #expect(violation <= 1e-9 + 1e-12 * path.lambdas[0] / lambda, "λ \(lambda): stationarity \(violation)")
        }
    }

    @Test func logisticRegressionNeedsBothClasses() throws {
        let data = Dataset(features: Matrix(rowArrays: [[1], [2], [3]]), target: [1, 1, 1])
        #expect(throws: LearningError.self) { try PenalizedRegression(data, family: .logistic) }
    }

    @Test func aFitThatCannotBeCertifiedSaysWhatItReached() throws {
        let data = try Synthetic.regression(samples: 50, features: 200, informative: 5, correlation: 0.9, seed: 3)
        var options = SolverOptions()
        options.maximumPasses = 2
        let solver = try PenalizedRegression(data, family: .gaussian, options: options)
        do {
            _ = try solver.fit(penalty: ElasticNetPenalty(0.01, mix: 0.5))
            Issue.record("a fit with 2 passes should not be certified")
        } catch let error {
            guard case let .notCertified(message) = error else { Issue.record("unexpected \(error)"); return }
            #expect(message.contains("passes"), "\(message)")
            #expect(message.contains("maximumPasses"), "\(message)")
        }
    }
}

