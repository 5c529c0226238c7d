import Testing

@testable import RegulaLearning

@Suite("Cross-validation and metrics")
struct CrossValidationTests {
    @Test func crossValidationPicksLambdasAndIsSeeded() throws {
        let data = try Synthetic.regression(samples: 200, features: 50, informative: 5, noise: .standardDeviation(0.5), correlation: 0.5, seed: 42)
        let cv = try CrossValidation(data, family: .gaussian, penalty: .lasso, folds: 10, seed: 0)
        #expect(cv.lambdas.count == 100 && cv.meanError.count == 100)
        #expect(cv.lambda1se >= cv.lambdaMin)
        #expect(cv.meanError[cv.index1se] <= cv.meanError[cv.indexMin] + cv.standardError[cv.indexMin])
        #expect(cv.standardError.allSatisfy { $0 > 0 })
        let again = try CrossValidation(data, family: .gaussian, penalty: .lasso, folds: 10, seed: 0)
        #expect(again.meanError == cv.meanError)
        // The lasso at λ_1se finds the informative features (the product's claim: at least 4 of 5).
        let recovery = try SupportRecovery(estimated: cv.path.coefficients[cv.index1se], truth: data.truth!)
        #expect(recovery.truePositives >= 4)
        #expect(recovery.recall >= 0.8)
    }

    /// One fold's error at one λ, recomputed by hand from a direct fit.
    @Test func foldErrorsAreHeldOutErrors() throws {
        let data = try Dataset.bundled("diabetes")
        let folds = 5
        let cv = try CrossValidation(data, family: .gaussian, penalty: .lasso, folds: folds, seed: 3, count: 10)
        let assignment = try data.foldAssignment(folds, seed: 3)
        var total = 0.0
        let index = 6
        var sizes: [Double] = []
        var errors: [Double] = []
        for fold in 0..<folds {
            let training = data.selecting(assignment.indices.filter { assignment[$0] != fold })
            let test = data.selecting(assignment.indices.filter { assignment[$0] == fold })
            let solver = try PenalizedRegression(training, family: .gaussian)
            let fit = try solver.fit(penalty: L1Penalty(cv.lambdas[index]))
            let predicted = test.features.times(fit.coefficients).map { $0 + fit.intercept }
            errors.append(Metrics.meanSquaredError(predicted, test.target))
            sizes.append(Double(test.sampleCount))
            total += errors.last! * sizes.last!
        }
        let mean = total / sizes.total
        #expect(Swift.abs(mean - cv.meanError[index]) < 1e-3 * mean)
    }

    @Test func logisticCrossValidationUsesDeviance() throws {
        let data = try Synthetic.classification(samples: 200, features: 20, informative: 4, seed: 8)
        let cv = try CrossValidation(data, family: .logistic, penalty: .lasso, folds: 5, seed: 1, count: 30, ratio: 0.01)
        #expect(cv.measure == "binomial deviance")
        #expect(cv.meanError[cv.indexMin] < cv.meanError[0])
    }

    @Test func metrics() throws {
        #expect(Metrics.meanSquaredError([1, 2], [1, 4]) == 2)
        #expect(Metrics.accuracy([1, 0, 1, 1], [1, 1, 1, 0]) == 0.5)
        #expect(Swift.abs(Metrics.logLoss(probabilities: [0.5, 0.5], [0, 1]) - log(2)) < 1e-15)
        #expect(Metrics.exactZeros([0, 1e-300, -0.0, 3]) == 2)
        let recovery = try SupportRecovery(estimated: [1, 0, 2, 0, 5], truth: [1, 1, 0, 0, 3])
        #expect(recovery.truePositives == 2 && recovery.falsePositives == 1 && recovery.falseNegatives == 1)
        #expect(recovery.precision == 2.0 / 3 && recovery.recall == 2.0 / 3)
        #expect(throws: LearningError.self) { try SupportRecovery(estimated: [1], truth: [1, 2]) }
    }
}
