import Testing

@testable import RegulaLearning

/// The worst optimality violation along a path: for the convex elastic net the KKT conditions;
/// for MCP and SCAD the coordinatewise stationarity bⱼ = prox(bⱼ + ∇ⱼ/vⱼ, fⱼ/vⱼ) (vⱼ = 1 for
/// standardized features), in units of the gradient.
func worstViolation(_ solver: PenalizedRegression, _ path: RegularizationPath, mix: Double?, factors: [Double]? = nil) throws -> Double {
    var worst = 0.0
    for (fit, lambda) in zip(path.fits, path.lambdas) {
        let gradient = solver.lossGradient(working: fit.workingCoefficients, intercept: solver.workingIntercept(fit))
        for (j, b) in fit.workingCoefficients.enumerated() {
            let f = factors?[j] ?? 1
            if let mix {
                let g = gradient[j]
                let violation = b != 0
                    ? Swift.abs(g - f * lambda * (1 - mix) * b - f * lambda * mix * (b > 0 ? 1 : -1))
                    : max(0, Swift.abs(g) - f * lambda * mix)
                worst = max(worst, violation)
            }
        }
    }
    return worst
}

@Suite("Paths")
struct PathTests {
    /// The user's defaults: no test-only tolerance.
    static let options = SolverOptions()

    @Test(arguments: [(1000, 20, 0.0), (60, 200, 0.5), (80, 200, 0.9)])
    func lassoAndElasticNetPathsSatisfyKKT(_ shape: (Int, Int, Double)) throws {
        let data = try Synthetic.regression(samples: shape.0, features: shape.1, informative: 8, correlation: shape.2, seed: 11)
        for mix in [1.0, 0.5] {
            let solver = try PenalizedRegression(data, family: .gaussian, options: Self.options)
            let path = try solver.path(.elasticNet(mix: mix))
            #expect(path.lambdas.count == 100)
            #expect(path.nonzeroCounts.first == 0, "λ_max zeroes every coefficient")
            #expect(path.nonzeroCounts.last! > 0)
            #expect(try worstViolation(solver, path, mix: mix) <= 1e-7)
            // Every λ carries its certificate, and the independent KKT check agrees with it.
            #expect(path.gaps.allSatisfy { $0 <= Self.options.tolerance }, "gaps \(path.gaps.max()!)")
            for (fit, lambda) in zip(path.fits, path.lambdas) {
                let gradient = solver.lossGradient(working: fit.workingCoefficients, intercept: solver.workingIntercept(fit))
                let violation = kktViolation(gradient: gradient, coefficients: fit.workingCoefficients, lambda: lambda, mix: mix)
                #expect(violation / lambda <= fit.kkt + 1e-10, "λ = \(lambda): KKT \(violation / lambda) against the reported \(fit.kkt)")
            }
        }
    }

    @Test func logisticLassoPathSatisfiesKKT() throws {
        let data = try Synthetic.classification(samples: 300, features: 30, informative: 5, correlation: 0.3, seed: 4)
        let solver = try PenalizedRegression(data, family: .logistic, options: Self.options)
        let path = try solver.path(.lasso, count: 40, ratio: 0.02)
        #expect(path.nonzeroCounts.first == 0)
        #expect(try worstViolation(solver, path, mix: 1) <= 1e-7)
        #expect(path.gaps.allSatisfy { $0 <= Self.options.tolerance }, "gaps \(path.gaps.max()!)")
    }

    @Test func unpenalizedFeaturesStayInAndKKTHoldsWithFactors() throws {
        let data = try Synthetic.regression(samples: 80, features: 12, informative: 3, seed: 9)
        var options = Self.options
        options.penaltyFactors = [0, 1, 1, 2, 1, 1, 0.5, 1, 1, 1, 1, 1]
        let solver = try PenalizedRegression(data, family: .gaussian, options: options)
        let path = try solver.path(.lasso, count: 30)
        #expect(path.fits.allSatisfy { $0.coefficients[0] != 0 })
        #expect(try worstViolation(solver, path, mix: 1, factors: options.penaltyFactors) <= 1e-7)
    }

    @Test(arguments: ["mcp", "scad"])
    func nonconvexPathsAreStationary(_ name: String) throws {
        let data = try Synthetic.regression(samples: 200, features: 30, informative: 5, correlation: 0.3, seed: 21)
        let solver = try PenalizedRegression(data, family: .gaussian, options: Self.options)
        let family = try name == "mcp" ? PenaltyFamily.mcp() : PenaltyFamily.scad()
        let path = try solver.path(family, count: 50)
        for (fit, lambda) in zip(path.fits, path.lambdas) {
            let penalty = try family.make(lambda)
            let gradient = solver.lossGradient(working: fit.workingCoefficients, intercept: solver.workingIntercept(fit))
            let scales = solver.columnMeanSquares(weights: nil)
            for (j, b) in fit.workingCoefficients.enumerated() {
                let moved = penalty.proximal(b + gradient[j] / scales[j], step: 1 / scales[j])
                #expect(Swift.abs(moved - b) <= 1e-7, "\(name) λ = \(lambda), coefficient \(j)")
            }
        }
        // With a sparse truth and a concave penalty, the small-λ end is nearly unbiased.
        let truth = data.truth!
        let last = path.coefficients.last!
        #expect(zip(last, truth).allSatisfy { Swift.abs($0 - $1) < 0.5 })
    }

    @Test func pathsAreReproducibleAndReportProgress() throws {
        let data = try Dataset.bundled("diabetes")
        let solver = try PenalizedRegression(data, family: .gaussian)
        var reports: [Int] = []
        var objectives: [Double] = []
        let first = try solver.path(.lasso, count: 20) { done, total, fit in
            reports.append(done)
            objectives.append(fit.objective)
            #expect(total == 20)
        }
        let second = try solver.path(.lasso, count: 20)
        #expect(first.coefficients == second.coefficients)
        #expect(reports == Array(1...20))
        #expect(objectives == first.fits.map(\.objective), "each report carries the fit just made")
        #expect(first.orderOfEntry.prefix(2).sorted() == [2, 8], "bmi and s5 enter first")
    }

    @Test func badPathInputsAreErrors() throws {
        let data = try Dataset.bundled("diabetes")
        let solver = try PenalizedRegression(data, family: .gaussian)
        #expect(throws: LearningError.self) { try solver.path(.lasso, lambdas: [0.1, 0.2]) }
        #expect(throws: LearningError.self) { try solver.path(.lasso, count: 0) }
        #expect(throws: LearningError.self) { try PenalizedRegression(data, family: .logistic) }
        var options = SolverOptions()
        options.penaltyFactors = [1, 2]
        #expect(throws: LearningError.shapeMismatch("2 penalty factors", "10 features")) {
            try PenalizedRegression(data, family: .gaussian, options: options)
        }
    }

    @Test func anInterruptStopsAPath() throws {
        let data = try Synthetic.regression(samples: 500, features: 200, seed: 2)
        var options = SolverOptions()
        options.isInterrupted = { true }
        let solver = try PenalizedRegression(data, family: .gaussian, options: options)
        #expect(throws: LearningError.interrupted) { try solver.path(.lasso) }
    }
}

@Suite("More paths and schedules")
struct MorePathTests {
    @Test func ridgePathSatisfiesKKT() throws {
        let data = try Synthetic.regression(samples: 60, features: 15, correlation: 0.6, seed: 31)
        let solver = try PenalizedRegression(data, family: .gaussian)
        let path = try solver.path(.elasticNet(mix: 0), count: 30)
        #expect(path.nonzeroCounts.allSatisfy { $0 == 15 }, "ridge never zeroes a coefficient")
        #expect(try worstViolation(solver, path, mix: 0) <= 1e-7)
    }

    @Test func logisticMCPPathIsStationary() throws {
        let data = try Synthetic.classification(samples: 300, features: 12, informative: 3, seed: 17)
        let solver = try PenalizedRegression(data, family: .logistic)
        let family = try PenaltyFamily.mcp()
        let path = try solver.path(family, count: 25, ratio: 0.05)
        for (fit, lambda) in zip(path.fits, path.lambdas) {
            let penalty = try family.make(lambda)
            let gradient = solver.lossGradient(working: fit.workingCoefficients, intercept: solver.workingIntercept(fit))
            for (j, b) in fit.workingCoefficients.enumerated() {
                // Stationarity of the logistic objective: b is a fixed point of a proximal step
                // with a small step (the loss's curvature is at most 1/4).
                let step = 0.5
                let moved = penalty.proximal(b + step * gradient[j], step: step)
                #expect(Swift.abs(moved - b) <= 1e-6, "λ = \(lambda), coefficient \(j)")
            }
        }
    }

    @Test func learningRateSchedules() {
        #expect(LearningRateSchedule.constant.rate(base: 0.1, epoch: 7) == 0.1)
        #expect(LearningRateSchedule.step(every: 10, factor: 0.5).rate(base: 1, epoch: 10) == 1)
        #expect(LearningRateSchedule.step(every: 10, factor: 0.5).rate(base: 1, epoch: 11) == 0.5)
        #expect(LearningRateSchedule.exponential(rate: 0.9).rate(base: 1, epoch: 3) == 0.81)
        #expect(LearningRateSchedule.cosine(epochs: 10).rate(base: 2, epoch: 1) == 2)
        #expect(Swift.abs(LearningRateSchedule.cosine(epochs: 10).rate(base: 2, epoch: 11)) < 1e-15)
    }
}
