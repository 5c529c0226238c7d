import Testing

@testable import RegulaLanguage

/// Issue 11: what the language says about the solver settings it exposes.
@Suite("Solver options in the language")
struct SolverOptionsTests {
    @Test func aZeroOneTargetFittedByLeastSquaresSaysSo() throws {
        let sink = RecordingSink()
        let text = try run("lassoPath(csv(\"data/prostate.csv\", target: \"svi\"), lambdas: 5)", sink: sink).get()
        #expect(text?.hasPrefix("lasso path: 5 λ") == true, "\(text ?? "nothing")")
        #expect(sink.standardError.contains("svi holds only 0s and 1s"), "\(sink.standardError)")
        #expect(sink.standardError.contains("family: \"binomial\""), "\(sink.standardError)")
        // Naming the family, either one, is a choice: no note.
        for family in ["gaussian", "binomial"] {
            let quiet = RecordingSink()
            let named = try run("lassoPath(csv(\"data/prostate.csv\", target: \"svi\"), lambdas: 5, family: \"\(family)\")", sink: quiet).get()
            #expect(quiet.standardError.isEmpty, "\(family): \(quiet.standardError)")
            #expect(named?.hasPrefix(family == "binomial" ? "lasso path (binomial): 5 λ" : "lasso path: 5 λ") == true, "\(named ?? "nothing")")
        }
        // A target that is not 0/1 (or a dataset marked as classes) gets no note.
        let regression = RecordingSink()
        _ = try run("lassoPath(load(\"diabetes\"), lambdas: 5)", sink: regression).get()
        #expect(regression.standardError.isEmpty)
    }

    @Test func pathsNameTheirSettings() throws {
        let text = try run("lassoPath(load(\"prostate\"), lambdas: 5, intercept: false, standardize: false, factors: [0, 1, 1, 1, 1, 1, 1, 1], optimizer: coordinateDescent(tolerance: 1e-9))").get()
        #expect(text?.hasPrefix("lasso path (no intercept, not standardized, penalty factors, tolerance 1e-09): 5 λ") == true, "\(text ?? "nothing")")
        let mcp = try run("lassoPath(load(\"prostate\"), lambdas: 5, penalty: \"mcp\")").get()
        #expect(mcp?.hasPrefix("MCP (γ = 3) path: 5 λ") == true, "\(mcp ?? "nothing")")
        let scad = try run("lassoPath(load(\"prostate\"), lambdas: 5, penalty: \"scad\", gamma: 4)").get()
        #expect(scad?.hasPrefix("SCAD (γ = 4) path: 5 λ") == true, "\(scad ?? "nothing")")
        let scaled = try run("lassoPath(load(\"prostate\"), lambdas: 5, penalty: mcp(1, gamma: 3))").get()
        #expect(scaled?.hasPrefix("mcp(1, gamma: 3) path: 5 λ") == true, "\(scaled ?? "nothing")")
    }

    @Test func aNaNToleranceIsAnErrorAtTheArgument() throws {
        // exp(1000) is infinite, so the difference is NaN.
        guard case let .failure(error) = run("coordinateDescent(tolerance: exp(1000) - exp(1000))") else {
            Issue.record("a NaN tolerance was accepted")
            return
        }
        #expect(error.kind == .value)
        #expect(error.message.contains("'tolerance:' greater than 0") && error.message.hasSuffix("got nan"), "\(error.message)")
        #expect(error.range?.start.column == 30, "the caret is under the argument")
    }

    @Test func theToleranceReachesTheCertificate() throws {
        let session = Session()
        let source = """
            let data = synthetic(samples: 50, features: 200, informative: 5, noise: 0.5, correlation: 0.9, seed: 3)
            let loose = fit(linear, data, penalty: l1(0.01), optimizer: coordinateDescent(tolerance: 1e-4))
            let tight = fit(linear, data, penalty: l1(0.01))
            [loose.gap <= 1e-4, tight.gap <= 1e-12]
            """
        #expect(try run(source, in: session).get() == "[true, true]")
    }
}
