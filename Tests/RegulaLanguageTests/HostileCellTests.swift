import Foundation
import Testing

@testable import RegulaLanguage
@testable import RegulaLearning

/// An interrupt check that says "stop" after `budget` checks: a deterministic step budget, as a
/// person pressing stop after a while would, without the clock.
func stepBudget(_ budget: Int) -> () -> Bool {
    var steps = 0
    return {
        steps += 1
        return steps > budget
    }
}

/// Issue 13: no cell kills the kernel. Each hostile cell gives an error of the language's kinds
/// (or a value), and the session keeps every variable bound before it.
@Suite("Hostile cells: errors, not crashes, and the session goes on")
struct HostileCellTests {
    /// Runs `cell` after binding `before = 42`, then checks the binding survived.
    @discardableResult
    func runHostile(_ cell: String, budget: Int = 1_000_000) -> Result<CellResult, RegulaError> {
        let session = Session()
        _ = session.execute("let before = 42", output: NullSink())
        let result = session.execute(cell, output: NullSink(), isInterrupted: stepBudget(budget))
        let after = session.execute("before + 1", output: NullSink())
        #expect((try? after.get())?.value?.plainText == "43", "the session lost a variable after \(cell.prefix(60))")
        return result
    }

    func expectError(_ cell: String, _ kind: RegulaError.Kind, containing text: String? = nil, budget: Int = 1_000_000) {
        guard case let .failure(error) = runHostile(cell, budget: budget) else {
            Issue.record("expected \(kind.rawValue) from \(cell.prefix(80))")
            return
        }
        #expect(error.kind == kind, "\(cell.prefix(80)): \(error.message.prefix(200))")
        if let text { #expect(error.message.contains(text), "\(cell.prefix(80)): \(error.message.prefix(300))") }
        #expect(error.range != nil || error.kind == .interrupted, "an error without a range: \(error.message.prefix(200))")
    }

    func interpolations(_ depth: Int) -> String {
        var text = "1"
        for _ in 0..<depth { text = "\"\\(" + text + ")\"" }
        return text
    }

    // MARK: Depth

    @Test(arguments: [
        "1" + String(repeating: " + 1", count: 4_400),
        "var x = 1\nx" + String(repeating: " == x", count: 4_400),
        "let q = [[1]]\nq" + String(repeating: "[0]", count: 4_400),
        "let d = load(\"diabetes\")\nd.title" + String(repeating: ".count", count: 4_400),
        "abs(1)" + String(repeating: "(1)", count: 2_300),
        "-" + String(repeating: "(1) - ", count: 4_400) + "1",
        "[" + String(repeating: "1, [", count: 100) + String(repeating: "]", count: 101),
    ])
    func longChainsAreParseErrors(cell: String) {
        expectError(cell, .parse, containing: "levels deep")
    }

    @Test func nestedInterpolationIsAParseError() {
        expectError(interpolations(920), .parse, containing: "nested more than")
        // Shallow nesting still works.
        #expect((try? runHostile(interpolations(5)).get())?.value?.plainText == "\"1\"")
    }

    @Test func chainsWithinTheBoundStillEvaluate() {
        let sum = runHostile("1" + String(repeating: " + 1", count: 200))
        #expect((try? sum.get())?.value?.plainText == "201")
        let members = runHostile("let d = load(\"diabetes\")\nd.title" + String(repeating: ".count", count: 1) )
        #expect((try? members.get())?.value?.plainText == "8")
    }

    @Test func recursionThroughABuiltinIsBounded() {
        expectError("func r(_ w) { show(plot({ x in r(x) }, from: 0, to: 1)); return w }\nr(1)", .value, containing: "more than 200 nested calls")
    }

    @Test func plainRecursionIsBounded() {
        expectError("func down(_ n) { return down(n + 1) }\ndown(0)", .value, containing: "more than 200 nested calls")
    }

    @Test func deepEvaluationAcrossCallsIsBounded() {
        // 190 calls, each inside 60 levels of parentheses: within the call bound, beyond the
        // evaluator's depth bound of 10,000 expressions.
        let open = String(repeating: "(1 + ", count: 60), close = String(repeating: ")", count: 60)
        let cell = "func deep(_ n) {\n if n == 0 { return 0 }\n return \(open)deep(n - 1)\(close)\n}\ndeep(190)"
        expectError(cell, .value, containing: "nested more than 10000 levels")
        // The same function at a depth the bound allows gives its value.
        #expect((try? runHostile(cell.replacing("deep(190)", with: "deep(20)")).get())?.value?.plainText == "1200")
    }

    @Test func deeplyNestedValuesAreBoundedAndSurvive() {
        expectError("var x = []\nfor i in 1...100000 { x = [x] }", .value, containing: "at most 1000 levels deep")
        expectError("var t = (1, 2)\nfor i in 1...5000 { t = (t, 1) }", .value, containing: "at most 1000 levels deep")
        // A value at the bound prints, compares and is freed with the session (Swift Testing's
        // threads have 512 KB of stack).
        let session = Session()
        let made = session.execute("var x = []\nfor i in 1...999 { x = [x] }\nx == x", output: NullSink())
        #expect((try? made.get())?.value?.plainText == "true")
        #expect(session.documentation(in: "x", cursor: 1)?.hasPrefix("var x: List = [[[[") == true)
        // Sharing: [s, s] doubles the paths, not the work.
        #expect((try? runHostile("var s = [1]\nfor i in 1...500 { s = [s, s] }\ns.count").get())?.value?.plainText == "2")
    }

    // MARK: Memory

    @Test(arguments: [
        ("linear(features: 999999999999999)", "a network of 999999999999999×1"),
        ("logistic(features: 1e9)", "a network of 1000000000×1"),
        ("fit(mlp(hidden: [100000, 100000]), synthetic(samples: 20, features: 3, seed: 1), optimizer: sgd(lr: 0.1))", "a network of 3×100000×100000×1"),
        ("synthetic(samples: 1e7, features: 1e7, seed: 1)", "a dataset of 10000000 samples × 10000000 features"),
        ("lassoPath(load(\"diabetes\"), lambdas: 999999999999999)", "a path of 999999999999999 λ values"),
        ("fit(linear, load(\"diabetes\"), optimizer: sgd(lr: 0.01), epochs: 1e12)", "a training history of 1000000000000 epochs"),
    ])
    func impossibleAllocationsAreMemoryErrors(cell: String, what: String) {
        expectError(cell, .memory, containing: what)
        expectError(cell, .memory, containing: "more than the memory budget of")
    }

    @Test func theBudgetIsTheSmallerOfMemoryAndTheControlGroup() {
        #expect(MemoryBudget.bytes > 0)
        #expect(MemoryBudget.bytes <= MemoryBudget.physicalMemory())
        #expect(throws: LearningError.self) { try MemoryBudget.check("x", counts: [Int.max, Int.max]) }
        #expect(throws: Never.self) { try MemoryBudget.check("x", count: 1000) }
    }

    // MARK: Charts and numerics

    @Test(arguments: [
        "l1(5e-324)", "plot([5e-324, 1], yScale: \"log\")", "plot([1e308, -1e308])", "plot([5e-324, 0])",
        "plot([1e-320, 2e-320, 3e-320])", "plot([1e308, 1e308])", "plot([0, 1e308], xScale: \"log\")",
        "histogram([1e308, -1e308])", "histogram([5e-324, 0, 1e-320])", "l2(1e308)", "elasticNet(5e-324, mix: 0.5)",
        "plot([-1e308, 1e308, 0], kind: \"scatter\")", "plot([1, 2], over: [5e-324, 1e308], xScale: \"log\")",
        "logistic(features: 1e6)",
    ])
    func extremeValuesAreDrawn(cell: String) throws {
        let value = try runHostile(cell).get().value
        let svg = try #require(value?.svg, "\(cell) has no picture")
        #expect(!svg.contains("nan") && !svg.contains("inf"), "\(cell) drew a non-finite coordinate")
    }

    @Test func hugeModelsAreSampledWhenDrawn() throws {
        let value = try runHostile("logistic(features: 1e6)").get().value
        let svg = try #require(value?.svg)
        #expect(svg.contains("the 200 largest of 1000000"))
        #expect(svg.utf8.count < 200_000)
    }

    @Test(arguments: [
        ("histogram([exp(1000), 0])", "finite numbers only"), ("histogram([0, 0 / 1, -exp(1000)])", "finite numbers only"),
        ("geometry(l1, l2, loss: quadratic(center: [1, 1]), radius: 1e308)", "radius up to"),
        ("geometry(l1, loss: quadratic(center: [1e200, 1]))", "centred within"),
    ])
    func undrawableValuesAreErrors(cell: String, text: String) {
        expectError(cell, .value, containing: text)
    }

    @Test func suggestionsAreBoundedForHugeNames() {
        let huge = String(repeating: "x", count: 2_000_000)
        #expect(Suggestion.closest(to: huge, among: ["x", "xx", huge + "y"]) == nil)
        #expect(Suggestion.closest(to: "lenght", among: ["length", "lambda", "l"]) == "length")
        expectError(huge, .name, containing: "is not defined")
    }

    // MARK: Interrupts

    @Test func anEmptyLoopBodyIsInterrupted() {
        expectError("var m = 0\nwhile m < 1 { }", .interrupted, budget: 1_000)
        expectError("var m = 0\nwhile m < 1 { if false { } }", .interrupted, budget: 1_000)
        expectError("for i in 0..<1000000000000 { }", .interrupted, budget: 1_000)
    }

    @Test func functionsCalledByBuiltinsAreInterrupted() {
        expectError("func slow(_ w) { var k = 0\n while k < 1 { }\n return w }\nplot({ w in slow(w) }, from: 0, to: 1)", .interrupted, budget: 1_000)
    }

    // MARK: Files

    @Test func csvRefusesSpecialFilesAndLargeOnes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("regula-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let sparse = folder.appendingPathComponent("sparse.csv").path
        #expect(FileManager.default.createFile(atPath: sparse, contents: nil))
        #expect(truncate(sparse, 2_000_000_000) == 0)
        let small = folder.appendingPathComponent("small.csv").path
        try "x,y\n1,2\n3,5\n".write(toFile: small, atomically: true, encoding: .utf8)

        expectError("csv(\"/dev/zero\", target: \"y\")", .value, containing: "a character device, not a regular file (pass allowSpecial: true")
        expectError("csv(\"\(fifo)\", target: \"y\")", .value, containing: "a FIFO (named pipe), not a regular file")
        expectError("csv(\"\(sparse)\", target: \"y\")", .value, containing: "it is 2 GB, more than the limit of 100 MB (maxBytes:)")
        expectError("csv(\"\(folder.path)\", target: \"y\")", .value, containing: "it is a directory")
        expectError("csv(\"\(small)\", target: \"y\", maxBytes: 5)", .value, containing: "it is 12 bytes, more than the limit of 5 bytes")
        // Asked for, a device is read up to the limit; a FIFO without a writer reads as empty.
        expectError("csv(\"/dev/zero\", target: \"y\", allowSpecial: true, maxBytes: 100000)", .value, containing: "holds more than the limit of 100 kB")
        expectError("csv(\"\(fifo)\", target: \"y\", allowSpecial: true)", .value, containing: "empty")
        // A regular file within the limit is a dataset.
        #expect((try? runHostile("csv(\"\(small)\", target: \"y\").samples").get())?.value?.plainText == "2")
    }

    @Test func readingASpecialFileAnswersTheInterrupt() {
        #expect(throws: LearningError.interrupted) {
            try TextFile.read("/dev/zero", maximumBytes: 1 << 40, allowSpecial: true, isInterrupted: stepBudget(10))
        }
    }
}
