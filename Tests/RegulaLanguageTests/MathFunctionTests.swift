import Testing

@testable import RegulaLanguage
import RegulaLearning

@Suite("Math functions")
struct MathFunctionTests {
    /// The penalty a cell defines with `formula`, compiled as the language compiles it.
    func penalty(_ formula: String) throws -> any Penalty {
        let session = Session()
        _ = try run("penalty p(w) = \(formula)", in: session).get()
        guard let penalty = session.variable("p")?.penalty else {
            Issue.record("\(formula) is not a penalty")
            return NoPenalty()
        }
        return penalty
    }

    @Test func everyFunctionIsABuiltinAndEveryDifferentiableOneIsInFormulas() {
        let builtins = Set(MathBuiltins.all.map(\.name))
        for function in MathFunction.all {
            #expect(builtins.contains(function.name))
            #expect(BuiltinRegistry.all[function.name] != nil, "\(function.name) is not registered")
        }
        #expect(MathFunction.differentiableNames == ["abs", "exp", "log", "max", "min", "relu", "sigmoid", "sign", "sqrt", "tanh"])
    }

    @Test(arguments: MathFunction.all.filter { $0.differentiable != nil }.map(\.name))
    func formulasDifferentiateLikeAFiniteDifference(name: String) throws {
        // f(|w| + 0.5) (and f(|w| + 0.5, 2) for min and max) is even and nondecreasing in |w|
        // for every function here, as a penalty must be.
        let arity = MathFunction.named[name]!.differentiable!.arity
        let p = try penalty(arity == 1 ? "\(name)(abs(w) + 0.5)" : "\(name)(abs(w) + 0.5, 2)")
        for w in [-2.7, -0.8, 0.3, 1.1, 2.7] {
            let h = 1e-6
            let difference = (p.value(w + h) - p.value(w - h)) / (2 * h)
            #expect(abs(p.derivative(w) - difference) <= 1e-7 * max(1, abs(difference)), "\(name) at \(w)")
        }
    }

    @Test func builtinValuesAreTheValuesOfTheDualForms() throws {
        for function in MathFunction.all {
            guard case let .unary(dual) = function.differentiable else { continue }
            for x in [0.25, 1, 3.5] {
                #expect(try run("\(function.name)(\(x))").get() == Value.number(dual(Dual(x)).value).description)
            }
        }
    }

    @Test func aFunctionOfAListIsAClearErrorInAFormula() {
        for name in ["sum", "mean"] {
            let source = "penalty p(w) = 1 + \(name)(w)"
            guard case let .failure(error) = run(source) else {
                Issue.record("\(name) compiled in a formula")
                continue
            }
            #expect(error.kind == .type)
            #expect(error.message.hasPrefix("\(name)() is a function of a list, not of one weight"))
            // The range is the call, at its place in the cell.
            let start = source.distance(from: source.startIndex, to: source.range(of: "\(name)(")!.lowerBound)
            #expect(error.range?.start.column == start + 1)
        }
    }
}
