import Foundation
import Testing

@testable import RegulaLearning

/// A reference solution from scikit-learn (scripts/make_sklearn_fixtures.py), in glmnet's
/// conventions: features used as given, intercept unpenalized.
struct ReferenceCase: Decodable {
    let name: String
    let family: String
    let X: [[Double]]
    let y: [Double]
    let lambda: Double
    let alpha: Double
    let intercept: Double
    let coef: [Double]
    let objective: Double
    /// Whether Regula standardizes the features (its default); absent means it uses them as given.
    let standardize: Bool?
}

struct ReferencePath: Decodable {
    let X: [[Double]]
    let y: [Double]
    let lambdas: [Double]
    let coefs: [[Double]]
    let order_of_entry: [Int]
}

func fixture<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// Fitting options for comparisons: exactly the given features, every other setting the
/// user's default (no test-only tolerance).
func exactOptions() -> SolverOptions {
    var options = SolverOptions()
    options.standardize = false
    return options
}

/// The largest violation of the optimality conditions of a convex elastic-net fit:
/// ∇ⱼ = λ(1−α)bⱼ + λα·sign(bⱼ) where bⱼ ≠ 0 and |∇ⱼ| ≤ λα where bⱼ = 0.
func kktViolation(gradient: [Double], coefficients: [Double], lambda: Double, mix: Double) -> Double {
    var worst = 0.0
    for (g, b) in zip(gradient, coefficients) {
        let violation = b != 0
            ? Swift.abs(g - lambda * (1 - mix) * b - lambda * mix * (b > 0 ? 1 : -1))
            : max(0, Swift.abs(g) - lambda * mix)
        worst = max(worst, violation)
    }
    return worst
}

/// max|a − b| ≤ 1e-6·max|b|, the agreement the issue asks for.
func expectAgreement(_ ours: [Double], _ theirs: [Double], _ label: String, tolerance: Double = 1e-6) {
    let scale = max(theirs.map(Swift.abs).max() ?? 0, 1e-12)
    let difference = zip(ours, theirs).map { Swift.abs($0 - $1) }.max() ?? 0
    #expect(difference <= tolerance * scale, "\(label): max difference \(difference), scale \(scale)")
}

@Suite("Agreement with scikit-learn")
struct ReferenceTests {
    static let gaussian = (try? fixture("gaussian.json", as: [ReferenceCase].self)) ?? []
    static let logistic = (try? fixture("logistic.json", as: [ReferenceCase].self)) ?? []

    @Test func fixturesAreThere() {
        #expect(Self.gaussian.count >= 18)
        #expect(Self.logistic.count >= 12)
    }

    @Test(arguments: gaussian + logistic)
    func coefficientsAgree(_ reference: ReferenceCase) throws {
        let data = Dataset(features: Matrix(rowArrays: reference.X), target: reference.y)
        let family: Family = reference.family == "gaussian" ? .gaussian : .logistic
        let solver = try PenalizedRegression(data, family: family, options: exactOptions())
        let fit = try solver.fit(penalty: ElasticNetPenalty(reference.lambda, mix: reference.alpha))
        expectAgreement(fit.coefficients, reference.coef, reference.name)
        #expect(Swift.abs(fit.intercept - reference.intercept) <= 1e-6 * max(1, Swift.abs(reference.intercept)), "\(reference.name) intercept")
        #expect(Swift.abs(fit.objective - reference.objective) <= 1e-10 * max(1, reference.objective), "\(reference.name) objective")
        // Exact zeros where scikit-learn has them, and nowhere else.
        #expect(fit.coefficients.map { $0 == 0 } == reference.coef.map { $0 == 0 }, "\(reference.name) support")
        #expect(fit.gap <= SolverOptions().tolerance, "\(reference.name) gap \(fit.gap)")
    }

    @Test func lassoPathOnDiabetesMatchesAtEveryLambda() throws {
        let reference = try fixture("lasso_path_diabetes.json", as: ReferencePath.self)
        let data = Dataset(features: Matrix(rowArrays: reference.X), target: reference.y)
        let solver = try PenalizedRegression(data, family: .gaussian, options: exactOptions())
        let path = try solver.path(.lasso, lambdas: reference.lambdas)
        for (index, lambda) in reference.lambdas.enumerated() {
            expectAgreement(path.coefficients[index], reference.coefs[index], "λ[\(index)] = \(lambda)")
            let fit = path.fits[index]
            let gradient = solver.lossGradient(working: fit.workingCoefficients, intercept: solver.workingIntercept(fit))
            #expect(kktViolation(gradient: gradient, coefficients: fit.workingCoefficients, lambda: lambda, mix: 1) <= 1e-7)
        }
        #expect(path.orderOfEntry == reference.order_of_entry)
    }
}

extension ReferenceCase: CustomTestStringConvertible {
    var testDescription: String { name }
}
