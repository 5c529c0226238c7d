import Testing

@testable import RegulaLearning

/// Every built-in penalty, at a few strengths, for tests that must hold for all of them.
let samplePenalties: [any Penalty] = {
    var list: [any Penalty] = [NoPenalty()]
    for lambda in [0.1, 1.0, 2.5] {
        list.append(try! L1Penalty(lambda))
        list.append(try! L2Penalty(lambda, convention: .squared))
        list.append(try! L2Penalty(lambda, convention: .halfSquared))
        list.append(try! ElasticNetPenalty(lambda, mix: 0.3))
        list.append(try! MCPPenalty(lambda, gamma: 3))
        list.append(try! SCADPenalty(lambda, a: 3.7))
        list.append(try! L0Penalty(lambda))
        list.append(try! ScaledPenalty(0.7, L1Penalty(lambda)))
        list.append(SumPenalty([try! ScaledPenalty(0.7, L1Penalty(lambda)), try! ScaledPenalty(0.3, L2Penalty(lambda, convention: .squared))]))
        list.append(SumPenalty([try! L1Penalty(lambda), try! MCPPenalty(lambda)]))
    }
    return list
}()

let sampleWeights: [Double] = [-7.3, -2.2, -1.0, -0.45, -0.05, 0.02, 0.3, 0.9, 1.7, 4.4, 15]

@Suite("Penalties")
struct PenaltyTests {
    @Test(arguments: samplePenalties.indices)
    func derivativeMatchesFiniteDifferences(_ index: Int) {
        let penalty = samplePenalties[index]
        for w in sampleWeights {
            let h = 1e-6
            let numeric = (penalty.value(w + h) - penalty.value(w - h)) / (2 * h)
            // Kinks (0, λ, aλ, γλ) are avoided by the sample weights except where the penalty
            // is piecewise; there the one-sided slopes bracket the derivative.
            let left = (penalty.value(w) - penalty.value(w - h)) / h
            let right = (penalty.value(w + h) - penalty.value(w)) / h
            let d = penalty.derivative(w)
            let smooth = Swift.abs(left - right) < 1e-4
            if smooth {
                #expect(Swift.abs(d - numeric) < 1e-5 * max(1, Swift.abs(d)), "\(penalty) at \(w): \(d) vs \(numeric)")
            } else {
                #expect(d >= min(left, right) - 1e-5 && d <= max(left, right) + 1e-5, "\(penalty) at a kink \(w)")
            }
        }
    }

    /// prox(w, t) minimizes (x − w)²/(2t) + P(x): checked against a fine scan of [min(0,w), max(0,w)]
    /// (global optimality, which also covers the nonconvex penalties), and, for convex ones,
    /// the optimality condition 0 ∈ (x − w)/t + ∂P(x).
    @Test(arguments: samplePenalties.indices)
    func proximalStepIsOptimal(_ index: Int) {
        let penalty = samplePenalties[index]
        for w in sampleWeights {
            for step in [0.01, 0.5, 1.0, 2.0] {
                let x = penalty.proximal(w, step: step)
                func objective(_ z: Double) -> Double { (z - w) * (z - w) / (2 * step) + penalty.value(z) }
                let best = (0...4000).map { objective(w * Double($0) / 4000) }.min()!
                #expect(objective(x) <= best + 1e-9 * max(1, best), "\(penalty) prox(\(w), \(step)) = \(x)")
                if let form = penalty.elasticForm {
                    if x != 0 {
                        let condition = (x - w) / step + form.l1 * (x > 0 ? 1 : -1) + 2 * form.l2 * x
                        #expect(Swift.abs(condition) < 1e-9 * max(1, Swift.abs(w) / step), "\(penalty) stationarity")
                    } else {
                        #expect(Swift.abs(w) / step <= form.l1 + 1e-12, "\(penalty) zero is optimal")
                    }
                }
            }
        }
    }

    @Test func l1GivesExactZerosAndL2DoesNot() throws {
        let l1 = try L1Penalty(0.5), l2 = try L2Penalty(0.5, convention: .squared)
        #expect(l1.proximal(0.3, step: 1) == 0)
        #expect(l2.proximal(0.3, step: 1) != 0)
        #expect(l2.proximal(0.3, step: 1) == 0.3 / 2)
    }

    @Test func l2ConventionsDifferByAFactorOfTwo() throws {
        let squared = try L2Penalty(1, convention: .squared), half = try L2Penalty(1, convention: .halfSquared)
        #expect(squared.value(3) == 9)
        #expect(half.value(3) == 4.5)
        #expect(squared.derivative(3) == 6)
        #expect(half.derivative(3) == 3)
    }

    /// The worked example of the product sketch: moving w by 0.001 towards 0.
    @Test func savingsOfASmallStepDependOnTheSizeOfTheWeight() throws {
        let l1 = try L1Penalty(1), l2 = try L2Penalty(1, convention: .squared)
        let bigL1 = l1.value(15) - l1.value(14.999), bigL2 = l2.value(15) - l2.value(14.999)
        let smallL1 = l1.value(0.02) - l1.value(0.019), smallL2 = l2.value(0.02) - l2.value(0.019)
        #expect(Swift.abs(bigL1 - 0.001) < 1e-12 && Swift.abs(bigL2 - 0.029999) < 1e-12)
        #expect(Swift.abs(smallL1 - 0.001) < 1e-12 && Swift.abs(smallL2 - 0.000039) < 1e-12)
    }

    @Test func elasticNetIsASumOfScaledL1AndL2() throws {
        let sum = SumPenalty([try ScaledPenalty(0.7, L1Penalty(0.1)), try ScaledPenalty(0.3, L2Penalty(0.1, convention: .halfSquared))])
        let net = try ElasticNetPenalty(0.1, mix: 0.7)
        for w in sampleWeights {
            #expect(Swift.abs(sum.value(w) - net.value(w)) < 1e-15 * max(1, Swift.abs(net.value(w))))
            #expect(Swift.abs(sum.proximal(w, step: 0.8) - net.proximal(w, step: 0.8)) < 1e-14)
        }
    }

    @Test func negativeStrengthIsRefusedWithItsName() {
        #expect(throws: LearningError.invalidValue(parameter: "λ", value: -1, expected: "a finite number at least 0")) {
            try L1Penalty(-1)
        }
        #expect(throws: LearningError.self) { try ElasticNetPenalty(1, mix: 1.5) }
        #expect(throws: LearningError.self) { try MCPPenalty(1, gamma: 1) }
    }
}
