import Testing

@testable import RegulaLanguage
import RegulaLearning

@Suite("Penalty spelling")
struct PenaltySpellingTests {
    /// The penalty a cell's last expression gives.
    func penalty(_ source: String, in session: Session) throws -> any Penalty {
        _ = try run("let spelledPenalty = \(source)", in: session).get()
        guard let penalty = session.variable("spelledPenalty")?.penalty else {
            Issue.record("\(source) is not a penalty")
            return NoPenalty()
        }
        return penalty
    }

    @Test(arguments: [
        "l1(0.5)", "l2(2)", "l2(0.5, half: true)", "elasticNet(1, mix: 0.3)", "mcp(1, gamma: 3)", "scad(0.5, a: 3.7)",
        "l0(1)", "0.7 * l1(0.1) + 0.3 * l2(0.1)", "l1(1) + mcp(1, gamma: 2.5)", "2 * elasticNet(0.25, mix: 1)", "capped(t: 0.5)",
        "0.5 * capped(t: 0.25) + l1(1e-05)", "0.5 * (l1(1) + l2(1))", "0.5 * (l1(1) + l2(1)) + l0(2)",
    ])
    func aSpellingReadsBackAsTheSamePenalty(source: String) throws {
        let session = Session()
        _ = try run("penalty capped(w, t: 1) = min(abs(w), t)", in: session).get()
        let original = try penalty(source, in: session)
        #expect(spelled(original) == source)
        let again = try penalty(spelled(original), in: session)
        #expect(spelled(again) == source)
        for w in [-3, -0.4, 0, 0.2, 1.5] {
            #expect(again.value(w) == original.value(w) && again.proximal(w, step: 0.5) == original.proximal(w, step: 0.5))
        }
    }

    @Test func valuesAndNamesUseTheSpelling() throws {
        #expect(try run("l2(0.5, half: true)").get() == "l2(0.5, half: true)")
        #expect(try run("l1(2).gradient").get() == "l1(2).gradient")
        #expect(try run("groupLasso(0.01, by: \"inputs\")").get() == "groupLasso(0.01, by: \"inputs\")")
        #expect(try run("prior(l1(1))").get() == "prior of l1(1)")
    }

    @Test func anEngineErrorAboutThePenaltyNamesItAsWritten() {
        guard case let .failure(error) = run("prior(0.5 * scad(1, a: 3))") else {
            Issue.record("expected an error")
            return
        }
        #expect(error.message.hasPrefix("0.5 * scad(1, a: 3) levels off for large weights"))
    }

    /// A penalty the language has no built-in for.
    struct Unknown: Penalty {
        func value(_ weight: Double) -> Double { abs(weight) }
        func derivative(_ weight: Double) -> Double { weight > 0 ? 1 : (weight < 0 ? -1 : 0) }
        func proximal(_ weight: Double, step: Double) -> Double { softThreshold(weight, step) }
    }

    @Test func aPenaltyWithoutASpellingIsNamedByItsKindNotAsCode() {
        #expect(spelled(Unknown()) == "a penalty of type Unknown")
        #expect(spelled(SumPenalty([try! L1Penalty(1), Unknown()])) == "l1(1) + a penalty of type Unknown")
    }
}
