import Testing

@testable import RegulaLearning

/// R's glmnet run to convergence (Fixtures/glmnet.json, made by scripts/make_glmnet_fixtures.py,
/// whose docstring states glmnet's conventions): single fits, whole paths and cv.glmnet with the
/// same folds, each compared with Regula at its defaults (`SolverOptions()`; only `standardize`
/// is set, from the problem). Coefficients agree to 1e-6 of the solution's largest |b| (the
/// ∞-norm of the difference against the ∞-norm of glmnet's coefficients), objectives to 1e-10
/// relative, exact zeros are identical, and every fit's certificate meets the default bounds.
@Suite("Agreement with R's glmnet")
struct GlmnetTests {
    static let reference = try? fixture("glmnet.json", as: GlmnetFixture.self)
    static let fits = reference?.fits ?? []
    static let paths = reference?.paths ?? []
    static let crossValidations = reference?.cv ?? []

    @Test func fixturesAreThere() throws {
        let reference = try #require(Self.reference)
        #expect(reference.problems.count >= 10)
        #expect(reference.fits.count >= 100 && reference.paths.count >= 40 && reference.cv.count >= 6)
        #expect(Set(reference.fits.map(\.alpha)) == [0, 0.2, 0.5, 0.8, 1])
    }

    @Test(arguments: fits)
    func singleFitsAgree(_ reference: GlmnetFit) throws {
        let solver = try Self.solver(reference.problem, standardize: reference.standardize)
        let penalty = try ElasticNetPenalty(reference.penalty_lambda, mix: reference.penalty_mix)
        let fit = try solver.fit(penalty: penalty)
        expectSameSolution(fit, intercept: reference.intercept, coefficients: reference.coef, objective: reference.objective, reference.name)
        expectCertified(fit, solver, penalty, reference.name)
    }

    @Test(arguments: paths)
    func wholePathsAgreeAtEveryLambda(_ reference: GlmnetPath) throws {
        let solver = try Self.solver(reference.problem, standardize: reference.standardize)
        let path = try solver.path(.elasticNet(mix: reference.penalty_mix), lambdas: reference.penalty_lambdas)
        for index in reference.lambdas.indices {
            let label = "\(reference.name) λ[\(index)]"
            expectSameSolution(
                path.fits[index], intercept: reference.intercepts[index], coefficients: reference.coefs[index],
                objective: reference.objectives[index], label)
            expectCertified(path.fits[index], solver, try ElasticNetPenalty(reference.penalty_lambdas[index], mix: reference.penalty_mix), label)
        }
        #expect(path.orderOfEntry == reference.order_of_entry, "\(reference.name) order of entry")
    }

    /// cv.glmnet's cvm and cvsd come from its fold fits, each run to convergence (KKT within 1e-9
    /// of λ): they agree with Regula's to 1e-7 relative (1.5e-8 at worst, a logistic ridge's
    /// cvsd), and λ_min and λ_1se are the same λ.
    @Test(arguments: crossValidations)
    func crossValidationAgreesWithTheSameFolds(_ reference: GlmnetCrossValidation) throws {
        let problem = try Self.problem(reference.problem)
        var options = SolverOptions()
        options.standardize = reference.standardize
        let cv = try CrossValidation(
            problem.dataset, family: problem.regulaFamily, penalty: .elasticNet(mix: reference.penalty_mix), options: options,
            assignment: reference.foldid, lambdas: reference.penalty_lambdas)
        #expect(cv.folds == reference.folds)
        expectRelativeAgreement(cv.meanError, reference.cvm, 1e-7, "\(reference.name) cvm")
        expectRelativeAgreement(cv.standardError, reference.cvsd, 1e-7, "\(reference.name) cvsd")
        #expect(cv.indexMin == reference.index_min, "\(reference.name) λ_min at \(cv.indexMin), glmnet's at \(reference.index_min)")
        #expect(cv.index1se == reference.index_1se, "\(reference.name) λ_1se at \(cv.index1se), glmnet's at \(reference.index_1se)")
        #expect(reference.lambdas[reference.index_min] == reference.lambda_min && reference.lambdas[reference.index_1se] == reference.lambda_1se)
        #expect(cv.path.gaps.allSatisfy { $0 <= SolverOptions().tolerance }, "\(reference.name) gaps")
    }

    @Test func anExplicitAssignmentIsTheSeededOne() throws {
        let data = try Dataset.bundled("prostate")
        let seeded = try CrossValidation(data, family: .gaussian, penalty: .lasso, folds: 5, seed: 7, count: 20)
        let given = try CrossValidation(data, family: .gaussian, penalty: .lasso, assignment: data.foldAssignment(5, seed: 7), count: 20)
        #expect(given.meanError == seeded.meanError && given.standardError == seeded.standardError)
        #expect(throws: LearningError.self) { try CrossValidation(data, family: .gaussian, penalty: .lasso, assignment: [0, 1]) }
        let oneFoldEmpty = data.target.indices.map { $0 % 3 == 0 ? 0 : 2 }
        #expect(throws: LearningError.invalidInput("fold 1 of 3 has no samples")) {
            try CrossValidation(data, family: .gaussian, penalty: .lasso, assignment: oneFoldEmpty)
        }
    }

    static func problem(_ name: String) throws -> GlmnetProblem {
        try #require(reference?.problems.first { $0.name == name }, "problem \(name)")
    }

    static func solver(_ name: String, standardize: Bool) throws -> PenalizedRegression {
        let problem = try problem(name)
        var options = SolverOptions()
        options.standardize = standardize
        return try PenalizedRegression(problem.dataset, family: problem.regulaFamily, options: options)
    }
}

/// One fit against glmnet's solution: coefficients, intercept, objective and exact zeros.
func expectSameSolution(_ fit: PenalizedFit, intercept: Double, coefficients: [Double], objective: Double, _ label: String) {
    expectAgreement(fit.coefficients, coefficients, label)
    let interceptScale = max(1, Swift.abs(intercept), coefficients.map(Swift.abs).max() ?? 0)
    #expect(Swift.abs(fit.intercept - intercept) <= 1e-6 * interceptScale, "\(label) intercept \(fit.intercept) against \(intercept)")
    #expect(Swift.abs(fit.objective - objective) <= 1e-10 * Swift.abs(objective), "\(label) objective \(fit.objective) against \(objective)")
    #expect(fit.coefficients.map { $0 == 0 } == coefficients.map { $0 == 0 }, "\(label) exact zeros")
}

/// The fit's certificate meets the default bounds: its duality gap below `tolerance`, and every
/// coordinate's KKT condition within `kktTolerance` of λ (plus the rounding the solver allows).
func expectCertified(_ fit: PenalizedFit, _ solver: PenalizedRegression, _ penalty: ElasticNetPenalty, _ label: String) {
    #expect(solver.options.tolerance == SolverOptions().tolerance && solver.options.kktTolerance == SolverOptions().kktTolerance)
    #expect(fit.gap <= SolverOptions().tolerance, "\(label) gap \(fit.gap)")
    let allowed = solver.kktAllowance(penalty) / solver.strength(of: penalty)
    #expect(fit.kkt <= allowed, "\(label) KKT \(fit.kkt) of λ, allowed \(allowed)")
}

/// |a − b| ≤ tolerance·|b| element by element.
func expectRelativeAgreement(_ ours: [Double], _ theirs: [Double], _ tolerance: Double, _ label: String) {
    #expect(ours.count == theirs.count, "\(label): \(ours.count) values against \(theirs.count)")
    let worst = zip(ours, theirs).map { Swift.abs($0 - $1) / Swift.abs($1) }.max() ?? 0
    #expect(worst <= tolerance, "\(label): relative difference up to \(worst)")
}

struct GlmnetFixture: Decodable {
    let glmnet: String
    let problems: [GlmnetProblem]
    let fits: [GlmnetFit]
    let paths: [GlmnetPath]
    let cv: [GlmnetCrossValidation]
}

struct GlmnetProblem: Decodable {
    let name: String
    /// "gaussian" or "binomial" (glmnet's names).
    let family: String
    let X: [[Double]]
    let y: [Double]

    var dataset: Dataset { Dataset(features: Matrix(rowArrays: X), target: y) }
    var regulaFamily: Family { family == "gaussian" ? .gaussian : .logistic }
}

/// glmnet's `lambda` and `alpha`, and the same solution's penalty in Regula's literal objective
/// (they differ for the Gaussian elastic net: glmnet standardizes y).
struct GlmnetFit: Decodable {
    let name: String
    let problem: String
    let alpha: Double
    let lambda: Double
    let standardize: Bool
    let penalty_lambda: Double
    let penalty_mix: Double
    let intercept: Double
    let coef: [Double]
    let objective: Double
}

struct GlmnetPath: Decodable {
    let name: String
    let problem: String
    let standardize: Bool
    let lambdas: [Double]
    let penalty_lambdas: [Double]
    let penalty_mix: Double
    let intercepts: [Double]
    let coefs: [[Double]]
    let objectives: [Double]
    let order_of_entry: [Int]
}

struct GlmnetCrossValidation: Decodable {
    let name: String
    let problem: String
    let standardize: Bool
    let lambdas: [Double]
    let penalty_lambdas: [Double]
    let penalty_mix: Double
    /// Sample i's fold, from 0 (cv.glmnet's foldid − 1).
    let foldid: [Int]
    let folds: Int
    let cvm: [Double]
    let cvsd: [Double]
    let lambda_min: Double
    let lambda_1se: Double
    let index_min: Int
    let index_1se: Int
}

extension GlmnetFit: CustomTestStringConvertible { var testDescription: String { name } }
extension GlmnetPath: CustomTestStringConvertible { var testDescription: String { name } }
extension GlmnetCrossValidation: CustomTestStringConvertible { var testDescription: String { name } }
