import Testing

@testable import RegulaLanguage
import RegulaLearning

/// Collects what a cell writes and shows.
final class RecordingSink: OutputSink {
    var standardOutput = ""
    var standardError = ""
    var displays: [(DisplayBundle, String?)] = []
    var updates: [(DisplayBundle, String)] = []
    var clears = 0

    func write(_ text: String, toStandardError: Bool) {
        if toStandardError { standardError += text } else { standardOutput += text }
    }
    func display(_ bundle: DisplayBundle, id: String?) { displays.append((bundle, id)) }
    func update(_ bundle: DisplayBundle, id: String) { updates.append((bundle, id)) }
    func clearOutput(wait: Bool) { clears += 1 }
}

/// Runs `source` in `session`; returns the result's plain text, or the error.
func run(_ source: String, in session: Session = Session(), sink: RecordingSink = RecordingSink()) -> Result<String?, RegulaError> {
    session.execute(source, output: sink).map { $0.value?.plainText }
}

@Suite("Evaluation")
struct EvaluationTests {
    @Test(arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("-2 - -3", "1"), ("7 % 4", "3"), ("1e-3", "0.001"),
        ("1_000 * 2", "2000"), ("0.1 + 0.2", "0.30000000000000004"), ("2 < 3 && 3 < 4", "true"),
        ("\"a\" + \"b\"", "\"ab\""), ("[1, 2] + [3]", "[1, 2, 3]"), ("[1, 2, 3] * 2", "[2, 4, 6]"),
        ("[1, 2] * [3, 4]", "[3, 8]"), ("[10, 20, 30][1]", "20"), ("[1, 2, 3].count", "3"),
        ("abs([-1, 2])", "[1, 2]"), ("sum([1, 2, 3.5])", "6.5"), ("mean([1, 2, 3, 4])", "2.5"),
        ("sign(-0.5)", "-1"), ("linspace(0, 1, count: 5)", "[0, 0.25, 0.5, 0.75, 1]"), ("sqrt(16)", "4"),
        ("1 // a comment\n", "1"), ("/* block */ 2", "2"), ("let x = 4; x * x", "16"), ("true == false", "false"),
    ])
    func expressions(source: String, expected: String) throws {
        #expect(try run(source).get() == expected)
    }

    @Test func bindingsPersistAcrossCells() throws {
        let session = Session()
        _ = run("let lambda = 0.1", in: session)
        #expect(try run("lambda * 10", in: session).get() == "1")
    }

    @Test func aFailingCellKeepsEveryEarlierBinding() throws {
        let session = Session()
        _ = run("let a = 1", in: session)
        guard case .failure = run("let b = 2\nlet c = nope\nlet d = 4", in: session) else {
            Issue.record("expected an error")
            return
        }
        #expect(try run("a + b", in: session).get() == "3")
        #expect(session.variable("c") == nil && session.variable("d") == nil)
    }

    @Test func printAndWarnWriteToTheirStreams() {
        let sink = RecordingSink()
        _ = run("print(\"hello,\", 1, [2])\nwarn(\"careful\")", sink: sink)
        #expect(sink.standardOutput == "hello, 1 [2]\n")
        #expect(sink.standardError == "careful\n")
    }

    @Test func showAndUpdateUseTheDisplayID() {
        let sink = RecordingSink()
        _ = run("show(plot([1, 2]), id: \"p\")\nupdate(\"done\", id: \"p\")\nclearOutput(wait: true)", sink: sink)
        #expect(sink.displays.count == 1 && sink.displays[0].1 == "p" && sink.displays[0].0.svg != nil)
        #expect(sink.updates.count == 1 && sink.updates[0].1 == "p")
        #expect(sink.clears == 1)
    }

    @Test func plotAndTableGiveRichDisplays() throws {
        let result = try Session().execute("plot([1, 4, 9], over: [0, 1, 2], title: \"squares\")", output: RecordingSink()).get()
        #expect(result.value?.svg?.contains("<svg") == true)
        let table = try Session().execute("table(w: [0, 1.5], name: [\"a\", \"b\"])", output: RecordingSink()).get()
        #expect(table.value?.html?.contains("<table") == true)
    }

    @Test func helpOpensAPage() throws {
        let result = try Session().execute("help(plot)", output: RecordingSink()).get()
        #expect(result.pages.count == 1)
        #expect(result.pages[0].plainText.hasPrefix("plot("))
        #expect(result.value == nil)
    }

    @Test func sleepStopsWhenInterrupted() {
        let result = Session().execute("sleep(30)", output: RecordingSink(), isInterrupted: { true })
        guard case let .failure(error) = result else {
            Issue.record("expected an interruption")
            return
        }
        #expect(error.kind == .interrupted)
    }
}

@Suite("Errors")
struct ErrorTests {
    func error(_ source: String) -> RegulaError? {
        if case let .failure(error) = run(source) { return error }
        return nil
    }

    @Test func unknownNamesSuggestTheClosest() {
        let session = Session()
        _ = run("let weight = 1", in: session)
        guard case let .failure(error) = run("weigth + 1", in: session) else {
            Issue.record("expected an error")
            return
        }
        #expect(error.kind == .name)
        #expect(error.message.contains("Did you mean 'weight'?"))
    }

    @Test func wrongLabelsListTheRightOnes() {
        let error = error("plot([1], titel: \"x\")")
        #expect(error?.kind == .argument)
        #expect(error?.message.contains("Did you mean 'title:'?") == true)
    }

    @Test func divisionByZeroPointsAtTheDivisor() {
        let error = error("1 / (2 - 2)")
        #expect(error?.kind == .zeroDivision)
        #expect(error?.range?.start.column == 5)
    }

    @Test func typeErrorsNameBothTypes() {
        #expect(error("1 + \"a\"")?.message == "'+' cannot combine a Number and a String")
        #expect(error("sqrt(-1)")?.kind == .value)
        #expect(error("[1, 2] * [1, 2, 3]")?.kind == .value)
        #expect(error("[1][3]")?.message.contains("out of range") == true)
    }

    @Test func parseErrorsAreAllReportedWithRecovery() {
        let error = error("let = 1\nlet ok = 2\n1 +* 2")
        #expect(error?.kind == .parse)
        #expect(error?.others.count == 1)
        #expect(error?.range?.start.line == 1)
        #expect(error?.others.first?.range?.start.line == 3)
    }

    @Test func theFormatterShowsTheLineAndACaret() throws {
        let source = "let a = 1\nprint(a, b)"
        let error = try #require(self.error(source))
        let lines = DiagnosticFormatter.render(error, source: source, cellName: "cell [3]", colored: false)
        #expect(lines == [
            "NameError: 'b' is not defined.",
            "  --> cell [3], line 2, column 10",
            "  |",
            "2 | print(a, b)",
            "  |          ^",
        ])
    }

    @Test func lexicalErrors() {
        #expect(error("let x = 3 @ 4")?.message == "unexpected character '@'")
        #expect(error("\"unterminated")?.isAtEnd == true)
        #expect(error("12abc")?.kind == .parse)
    }
}

@Suite("Completion, inspection and completeness")
struct AssistanceTests {
    @Test func completionOffersBuiltinsVariablesAndKeywords() {
        let session = Session()
        _ = run("let learningRate = 0.1", in: session)
        #expect(session.completions(in: "pl", cursor: 2).matches == ["playground", "plot"])
        #expect(session.completions(in: "lea", cursor: 3).matches == ["learningRate"])
        #expect(session.completions(in: "le", cursor: 2).matches == ["learningRate", "let"])
        let completion = session.completions(in: "1 + pri", cursor: 7)
        #expect(completion.start == 4 && completion.end == 7)
    }

    @Test func argumentLabelsInsideACall() {
        let session = Session()
        #expect(session.completions(in: "plot([1, 2], ti", cursor: 15).matches == ["title:", "time"])
        let all = session.completions(in: "plot([1], ", cursor: 10).matches
        #expect(Array(all.prefix(5)) == ["over:", "kind:", "xScale:", "yScale:", "title:"])
        _ = run("func shrink(_ w, by step = 0.1) { return w - step }", in: session)
        #expect(session.completions(in: "shrink(1, b", cursor: 11).matches == ["by:", "beside"])
        #expect(session.completions(in: "linspace(0, sum([1, 2]), co", cursor: 27).matches == ["count:", "coordinateDescent"])
    }

    @Test func cursorCountsUnicodeCodePoints() {
        let code = "\"😀\" + pri"
        let completion = Session().completions(in: code, cursor: code.unicodeScalars.count)
        #expect(completion.matches == ["print", "prior"])
        #expect(completion.start == 6)
    }

    @Test func inspectionDocumentsBuiltinsAndVariables() {
        let session = Session()
        _ = run("let rate = 0.5", in: session)
        #expect(session.documentation(in: "plot", cursor: 2)?.hasPrefix("plot(") == true)
        #expect(session.documentation(in: "rate", cursor: 4) == "let rate: Number = 0.5")
        #expect(session.documentation(in: "plot([1, 2], ", cursor: 13)?.hasPrefix("plot(") == true)
        #expect(session.documentation(in: "   ", cursor: 1) == nil)
    }

    @Test(arguments: [
        ("1 + 1", SourceCompleteness.complete), ("", .complete), ("plot([1,", .incomplete(indent: "        ")),
        ("let x = (", .incomplete(indent: "    ")), ("1 +", .incomplete(indent: "")), ("\"abc", .incomplete(indent: "")),
        ("/* open", .incomplete(indent: "")), ("let = 1", .invalid), (")", .invalid), ("1 @ 2", .invalid),
    ])
    func completeness(source: String, expected: SourceCompleteness) {
        #expect(Session().completeness(of: source) == expected)
    }
}

@Suite("Learning values in a session")
struct LearningSessionTests {
    @Test func membersCompleteAfterADot() {
        let session = Session()
        _ = session.execute("let data = load(\"diabetes\")\nlet path = lassoPath(data, lambdas: 10)", output: RecordingSink())
        #expect(session.completions(in: "data.sp", cursor: 7).matches == ["split"])
        #expect(session.completions(in: "path.", cursor: 5).matches == ["coefficients", "count", "gaps", "intercepts", "kkt", "lambdas", "nonzeros", "order"])
        #expect(session.completions(in: "xs.", cursor: 3).matches == ["count"])
    }

    @Test func pathsAndPenaltiesDisplayAsCharts() throws {
        let session = Session()
        let bundle = try #require(try session.execute("lassoPath(load(\"diabetes\"), lambdas: 20)", output: RecordingSink()).get().value)
        #expect(bundle.svg?.hasPrefix("<svg") == true)
        #expect(bundle.plainText.hasPrefix("lasso path: 20 λ"))
        let table = try #require(try session.execute("load(\"prostate\")", output: RecordingSink()).get().value)
        #expect(table.html?.contains("<th>lcavol</th>") == true)
    }

    @Test func penaltyComparisonsMarkWherePenaltiesCross() throws {
        let session = Session()
        func svg(_ code: String) throws -> String {
            try #require(try session.execute(code, output: RecordingSink()).get().value?.svg)
        }
        let values = try svg("plot(l1(1), l2(1), l2(1, half: true), from: -3, to: 3)")
        #expect(values.contains("cross at w = 1<") && values.contains("cross at w = 2<"), "|w| = w² at 1, |w| = ½w² at 2")
        let gradients = try svg("plot(l1(1).gradient, l2(1).gradient, l2(1, half: true).gradient, from: -3, to: 3)")
        #expect(gradients.contains("cross at w = 0.5<") && gradients.contains("cross at w = 1<"))
        #expect(!(try svg("plot(prior(l1(1)), prior(l2(1)), from: -4, to: 4)")).contains("cross at"))
        #expect(!(try svg("plot(l1(1).threshold, l0(1).threshold, from: -3, to: 3)")).contains("cross at"))
        #expect(!(try svg("plot(l1(1), l1(1).gradient, from: -3, to: 3)")).contains("cross at"), "a value and a gradient do not compare")
        let renamed = try svg("plot(l1(1).threshold, l0(1).threshold, from: -3, to: 3, names: [\"soft\", \"hard\"])")
        #expect(renamed.contains("no penalty"), "renamed thresholds keep the line y = w")
    }
}

@Suite("Penalty formulas")
struct PenaltyFormulaTests {
    static let formulas = [
        "penalty p(w) = 0.1 * log(1 + abs(w) / 0.01)",
        "penalty p(w, t: 1) = min(abs(w), t)",
        "penalty p(w) = sqrt(w * w + 0.01) - 0.1",
        "penalty p(w, a: 2) = a * w * w / (1 + w * w)",
        "penalty p(w) = 0.3 * abs(w) + 0.2 * w * w",
        "penalty p(w) = exp(abs(w)) - 1",
        "penalty p(w, c: 0.5) = max(abs(w) - c, 0) + tanh(abs(w)) * sigmoid(abs(w))",
    ]

    static func penalty(_ source: String) throws -> any Penalty {
        let session = Session()
        _ = try session.execute(source, output: RecordingSink()).get()
        guard let penalty = session.variable("p")?.penalty else { throw RegulaError(.value, "no penalty", at: nil) }
        return penalty
    }

    /// Derivatives taken from formulas match central finite differences away from kinks.
    @Test(arguments: formulas)
    func derivativesMatchFiniteDifferences(_ source: String) throws {
        let penalty = try Self.penalty(source)
        for w in [-2.3, -0.7, -0.05, 0.03, 0.4, 1.3, 3.1] {
            let h = 1e-6
            let numeric = (penalty.value(w + h) - penalty.value(w - h)) / (2 * h)
            #expect(Swift.abs(penalty.derivative(w) - numeric) < 1e-5 * max(1, Swift.abs(numeric)), "\(source) at \(w)")
        }
    }

    /// Proximal steps minimize (x − w)²/(2·step) + P(x): checked against a fine scan.
    @Test(arguments: formulas)
    func proximalStepsAreOptimal(_ source: String) throws {
        let penalty = try Self.penalty(source)
        for w in [-3.0, -0.8, -0.02, 0.0, 0.15, 1.1, 4.0] {
            for step in [0.05, 0.5, 2.0] {
                let x = penalty.proximal(w, step: step)
                func objective(_ z: Double) -> Double { (z - w) * (z - w) / (2 * step) + penalty.value(z) }
                let best = (-4000...4000).map { objective(5 * Double($0) / 4000) }.min()!
                #expect(objective(x) <= best + 1e-9 * max(1, Swift.abs(best)), "\(source): prox(\(w), \(step)) = \(x)")
            }
        }
    }

    @Test func aFormulaOfTheElasticFormGetsTheClosedFormStep() throws {
        let penalty = try Self.penalty("penalty p(w) = 0.3 * abs(w) + 0.2 * w * w")
        let form = try #require(penalty.elasticForm)
        #expect(Swift.abs(form.l1 - 0.3) < 1e-12 && Swift.abs(form.l2 - 0.2) < 1e-12)
        #expect(try Self.penalty("penalty p(w) = min(abs(w), 1)").elasticForm == nil)
    }
}
