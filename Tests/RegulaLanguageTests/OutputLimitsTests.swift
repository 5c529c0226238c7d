import Testing

@testable import RegulaLanguage

@Suite("Output limits")
struct OutputLimitsTests {
    @Test func shortTextIsLeftAlone() {
        #expect(OutputLimits.elided("[1, 2, 3]", limit: 100) == "[1, 2, 3]")
    }

    @Test func aLongListKeepsWholeItemsAtBothEnds() {
        let text = "[" + (0..<10_000).map(String.init).joined(separator: ", ") + "]"
        let elided = OutputLimits.elided(text, limit: 1000)
        #expect(elided.unicodeScalars.count <= 1040)
        #expect(elided.hasPrefix("[0, 1, 2, "))
        #expect(elided.hasSuffix(", 9998, 9999]"))
        let note = try! #require(elided.firstMatch(of: /… ([\d,]+) more characters …/))
        let hidden = Int(note.1.replacing(",", with: ""))!
        // What is shown plus what the note counts is the whole text, give or take the note's spaces.
        let spaces = elided.unicodeScalars.count - note.0.unicodeScalars.count - (text.unicodeScalars.count - hidden)
        #expect((1...2).contains(spaces))
        // Items are not cut in two: every number shown is a whole one of the list.
        let numbers = elided.replacing(note.0, with: "").split(whereSeparator: { !$0.isNumber }).map { Int($0)! }
        #expect(numbers.allSatisfy { $0 < 10_000 })
        #expect(Set(numbers).count == numbers.count)
    }

    @Test func manyLinesKeepWholeLinesAndCountTheHiddenOnes() {
        let text = (1...5000).map { "line \($0)" }.joined(separator: "\n")
        let elided = OutputLimits.elided(text, limit: 500)
        #expect(elided.hasPrefix("line 1\nline 2\n"))
        #expect(elided.hasSuffix("line 4999\nline 5000"))
        let lines = elided.split(separator: "\n")
        let note = try! #require(lines.first { $0.hasPrefix("… ") })
        let shown = lines.filter { $0.hasPrefix("line ") }.count
        let hidden = Int(note.firstMatch(of: /… ([\d,]+) more lines/)!.1.replacing(",", with: ""))!
        #expect(shown + hidden == 5000)
    }

    @Test func streamsPastTheLimitEndWithANoteAndTheLastLinesInCharactersNotBytes() {
        let session = Session()
        session.outputLimits.stream = 1000
        let sink = RecordingSink()
        _ = session.execute(#"for i in 1...3000 { print("é€😀 \(i)") }"#, output: sink)
        let shown = Array(sink.standardOutput.unicodeScalars)
        let head = Array((1...3000).map { "é€😀 \($0)\n" }.joined().unicodeScalars.prefix(1000))
        #expect(Array(shown.prefix(1000)) == head)
        #expect(sink.standardOutput.hasSuffix("é€😀 3000\n"))
        #expect(sink.standardError.contains("limit of 1,000 characters"))
        #expect(shown.count < 1000 + 2 * 200 + 20)
    }

    @Test func clearingTheOutputStartsTheBudgetAgain() {
        let session = Session()
        session.outputLimits.stream = 200
        let sink = RecordingSink()
        _ = session.execute(#"for i in 1...100 { clearOutput(wait: true); print("frame \(i) of the animation") }"#, output: sink)
        #expect(sink.standardError.isEmpty)
        #expect(sink.standardOutput.hasSuffix("frame 100 of the animation\n"))
    }

    @Test func limitsAreValidatedWhenChanged() throws {
        let session = Session()
        if case let .failure(error) = run("outputLimits(stream: 5)", in: session) {
            #expect(error.kind == .value)
        } else {
            Issue.record("a stream limit of 5 was accepted")
        }
        #expect(try run("outputLimits(text: 2e4).text", in: session).get() == "20000")
        #expect(session.outputLimits.text == 20_000)
    }
}
