import Foundation
import Testing

@testable import RegulaLearning

@Suite("Simpson integration")
struct IntegrationTests {
    @Test func integratesCubicsExactly() throws {
        let value = try simpsonIntegral(of: { $0 * $0 * $0 - 2 * $0 + 1 }, from: 0, to: 2, intervals: 2)
        #expect(abs(value - 2) < 1e-15)  // 4 − 4 + 2
    }

    @Test func integratesKnownDensitiesToOne() throws {
        let normal = try simpsonIntegral(of: { exp(-$0 * $0 / 2) / (2 * Double.pi).squareRoot() }, from: -12, to: 12, intervals: 2000)
        #expect(abs(normal - 1) < 1e-12)
        // The Laplace density has a kink at 0, which is a node here: each half is smooth.
        let laplace = try simpsonIntegral(of: { exp(-abs($0)) / 2 }, from: -40, to: 40, intervals: 20_000)
        #expect(abs(laplace - 1) < 1e-10)
    }

    @Test func convergesThroughAKinkBetweenNodes() throws {
        // ∫₋₁¹ |x − 0.3| dx = (1.3² + 0.7²)/2; the kink at 0.3 falls between nodes.
        let value = try simpsonIntegral(of: { abs($0 - 0.3) }, from: -1, to: 1, intervals: 2002)
        #expect(abs(value - 1.09) < 1e-6)
    }

    @Test func refusesNaNAndInfinitiesAtTheNodeWhereTheyAppear() {
        #expect(throws: NumericsError.notFinite(point: 0, value: .infinity)) {
            try simpsonIntegral(of: { 1 / abs($0) }, from: -1, to: 1, intervals: 2)
        }
        #expect(throws: NumericsError.self) { try simpsonIntegral(of: { log($0) }, from: -1, to: 1, intervals: 10) }
    }

    @Test func refusesBadIntervalsAndCounts() {
        #expect(throws: NumericsError.invalidIntervals(3)) { try simpsonIntegral(of: { $0 }, from: 0, to: 1, intervals: 3) }
        #expect(throws: NumericsError.invalidIntervals(0)) { try simpsonIntegral(of: { $0 }, from: 0, to: 1, intervals: 0) }
        #expect(throws: NumericsError.invalidInterval(lower: 1, upper: 0)) { try simpsonIntegral(of: { $0 }, from: 1, to: 0, intervals: 2) }
        #expect(throws: NumericsError.self) { try simpsonIntegral(of: { $0 }, from: 0, to: .infinity, intervals: 2) }
        #expect(throws: NumericsError.self) { try simpsonIntegral(of: { $0 }, from: .nan, to: 1, intervals: 2) }
    }
}

@Suite("Bisection")
struct RootFindingTests {
    @Test func findsKnownRootsToRounding() throws {
        let root2 = try bisectionRoot(of: { $0 * $0 - 2 }, from: 0, to: 2)
        #expect(abs(root2 - 2.0.squareRoot()) <= 4e-15)
        let halfPi = try bisectionRoot(of: cos, from: 1, to: 2)
        #expect(abs(halfPi - Double.pi / 2) <= 4e-15)
        // Decreasing through the root works as well as increasing.
        let third = try bisectionRoot(of: { 1 - 3 * $0 }, from: 0, to: 1)
        #expect(abs(third - 1.0 / 3) <= 2e-15)
    }

    @Test func handlesKinksAndJumps() throws {
        // |x − 0.3| − 0.1 has roots 0.2 and 0.4 and a kink at 0.3 between them.
        #expect(abs(try bisectionRoot(of: { abs($0 - 0.3) - 0.1 }, from: 0, to: 0.3) - 0.2) < 1e-15)
        // A jump with no zero: the bracket closes on the jump.
        let jump = try bisectionRoot(of: { $0 < 0.25 ? -1 : 1 }, from: 0, to: 1)
        #expect(abs(jump - 0.25) < 1e-15)
    }

    @Test func returnsAnEndThatIsARoot() throws {
        #expect(try bisectionRoot(of: { $0 - 1 }, from: 1, to: 3) == 1)
        #expect(try bisectionRoot(of: { $0 - 3 }, from: 1, to: 3) == 3)
    }

    @Test func refusesABracketWithoutASignChange() {
        #expect(throws: NumericsError.noSignChange(lower: -1, upper: 1, lowerValue: 2, upperValue: 2)) {
            try bisectionRoot(of: { $0 * $0 + 1 }, from: -1, to: 1)
        }
    }

    @Test func refusesNaNAtAnEndOrAMidpoint() {
        #expect(throws: NumericsError.notFinite(point: 0.5, value: .infinity)) {
            try bisectionRoot(of: { $0 == 0.5 ? .infinity : $0 - 0.7 }, from: 0, to: 1)
        }
        #expect(throws: NumericsError.self) { try bisectionRoot(of: { $0 < 0.9 ? -1 : .nan }, from: 0, to: 1) }
        #expect(throws: NumericsError.invalidInterval(lower: 2, upper: 1)) { try bisectionRoot(of: { $0 }, from: 2, to: 1) }
    }

    @Test func endsWithinItsStepBudgetWhateverTheTolerance() throws {
        var calls = 0
        _ = try bisectionRoot(of: { calls += 1; return $0 - 1e-300 }, from: -1e300, to: 1e300, relativeTolerance: 0, maximumSteps: 50)
        #expect(calls == 52)  // two ends, fifty midpoints
    }
}

@Suite("Dual numbers")
struct DualTests {
    /// f′(x) by dual numbers against the derivative worked out by hand.
    func expectDerivative(_ f: (Dual) -> Dual, _ derivative: (Double) -> Double, at points: [Double]) {
        for x in points {
            let result = f(.variable(x))
            let expected = derivative(x)
            #expect(abs(result.derivative - expected) <= 1e-14 * max(1, abs(expected)), "at \(x)")
        }
    }

    @Test func differentiatesArithmetic() {
        // (x³ − x)/(1 + x²): ((3x² − 1)(1 + x²) − (x³ − x)·2x)/(1 + x²)².
        expectDerivative({ x in (x * x * x - x) / (Dual(1) + x * x) }, { x in
            ((3 * x * x - 1) * (1 + x * x) - (x * x * x - x) * 2 * x) / ((1 + x * x) * (1 + x * x))
        }, at: [-2, -0.5, 0, 0.3, 1.7])
        expectDerivative({ -$0 + Dual(3) }, { _ in -1 }, at: [0, 5])
    }

    @Test func differentiatesTheElementaryFunctions() {
        let points = [0.2, 0.9, 2.5]
        expectDerivative(Dual.exp, exp, at: points)
        expectDerivative(Dual.log, { 1 / $0 }, at: points)
        expectDerivative(Dual.sqrt, { 0.5 / $0.squareRoot() }, at: points)
        expectDerivative(Dual.tanh, { 1 / (cosh($0) * cosh($0)) }, at: points)
        expectDerivative(Dual.sigmoid, { exp(-$0) / ((1 + exp(-$0)) * (1 + exp(-$0))) }, at: points + [-1.5])
        // The chain rule: exp(√(1 + x²)).
        expectDerivative({ Dual.exp(Dual.sqrt(Dual(1) + $0 * $0)) }, { x in exp((1 + x * x).squareRoot()) * x / (1 + x * x).squareRoot() }, at: [-1, 0, 2])
    }

    @Test func takesTheSubgradientOfLeastMagnitudeAtKinks() {
        #expect(Dual.abs(.variable(0)) == Dual(0, derivative: 0))
        #expect(Dual.abs(.variable(-2)).derivative == -1)
        #expect(Dual.relu(.variable(0)).derivative == 0)
        #expect(Dual.relu(.variable(1)).derivative == 1)
        #expect(Dual.sign(.variable(3)) == Dual(1))
        // min(w, 1) at w = 1: slopes 1 and 0, so 0; max(2w, w) at 0: slopes 2 and 1, so 1.
        #expect(Dual.min(.variable(1), Dual(1)).derivative == 0)
        #expect(Dual.max(Dual(2) * .variable(0), .variable(0)).derivative == 1)
        #expect(Dual.min(.variable(0.5), Dual(1)) == .variable(0.5))
        #expect(Dual.max(.variable(0.5), Dual(1)) == Dual(1))
    }

    @Test func carriesNaNAndInfinitiesWithoutTrapping() {
        #expect(Dual.log(.variable(-1)).value.isNaN)
        #expect(Dual.sqrt(.variable(0)).derivative == .infinity)
        #expect((Dual.variable(1) / Dual(0)).value == .infinity)
    }
}

@Suite("Priors")
struct PriorTests {
    @Test func normalizesTheLaplaceAndGaussianPriors() throws {
        for lambda in [0.5, 1, 4] {
            // ∫ e^(−λ|w|) = 2/λ; ∫ e^(−λw²/2) = √(2π/λ).
            let laplace = try Prior(L1Penalty(lambda))
            #expect(abs(laplace.normalizer - 2 / lambda) < 1e-10 * (2 / lambda))
            #expect(abs(laplace.density(0) - lambda / 2) < 1e-10)
            let gaussian = try Prior(L2Penalty(lambda, convention: .halfSquared))
            #expect(abs(gaussian.normalizer - (2 * Double.pi / lambda).squareRoot()) < 1e-10)
        }
    }

    @Test func refusesPenaltiesThatLevelOff() throws {
        for penalty: any Penalty in [try MCPPenalty(1), try SCADPenalty(1), try L0Penalty(1), NoPenalty()] {
            #expect(throws: LearningError.invalidInput("the penalty levels off for large weights, so exp(−P(w)) does not integrate: it has no proper prior")) {
                try Prior(penalty)
            }
        }
    }
}
