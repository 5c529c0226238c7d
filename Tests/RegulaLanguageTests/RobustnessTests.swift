import Foundation
import Testing

@testable import RegulaLanguage

/// A small seeded generator (SplitMix64), so every run feeds the same inputs.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Discards output; the point is only that nothing crashes or hangs.
final class NullSink: OutputSink {
    func write(_ text: String, toStandardError: Bool) {}
    func display(_ bundle: DisplayBundle, id: String?) {}
    func update(_ bundle: DisplayBundle, id: String) {}
    func clearOutput(wait: Bool) {}
}

@Suite("Robustness: random and mutated input never crashes or hangs")
struct RobustnessTests {
    /// `sleep` is left out: it waits on the clock, and under a step budget of polls every 10 ms
    /// a `sleep(1_000_000)` would take 10 s (the end-to-end tests interrupt it for real).
    static let vocabulary: [String] = Keyword.allCases.map(\.rawValue) + Symbol.allCases.map(\.rawValue) + [
        "x", "y", "_", "w", "print", "plot", "table", "linspace", "sum", "sqrt", "help", "show", "f",
        "0", "1", "-1", "1e308", "1e-320", "0.5", "1_000_000", "9007199254740993", "\"s\"", "\"\\(x)\"", "\"\\(",
        "[", "]", "(", ")", "{", "}", "\n", " ", ":", ",", "count:", "title:", "over:", "\"", "\\", "😀", "λ", "½",
    ]

    static let seeds: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        // The limits_* files are hostile on purpose (a million-weight model, lists 1,000 deep):
        // slow in a debug build, and HostileCellTests covers their class already.
        return files.filter { $0.hasSuffix(".regula") && !$0.hasPrefix("limits_") }.sorted().compactMap {
            try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)
        }
    }()

    /// Each input is evaluated with a step budget through the interrupt check (a deterministic
    /// count of statements, loop iterations and checks inside built-ins, not the clock), as a
    /// person would press stop. It must end as a value or a RegulaError.
    func run(_ source: String, in session: Session, evaluate: Bool = true) {
        _ = session.completeness(of: source)
        _ = session.completions(in: source, cursor: source.unicodeScalars.count / 2)
        _ = session.documentation(in: source, cursor: source.unicodeScalars.count / 3)
        if evaluate { _ = session.execute(source, output: NullSink(), isInterrupted: stepBudget(1_000)) }
    }

    @Test func randomTokenSequences() {
        var generator = SeededGenerator(state: 1)
        let session = Session()
        for _ in 0..<40_000 {
            let length = Int.random(in: 1...12, using: &generator)
            let source = (0..<length).map { _ in Self.vocabulary.randomElement(using: &generator)! }.joined(separator: " ")
            run(source, in: session)
        }
    }

    @Test func mutatedGoldenFiles() {
        var generator = SeededGenerator(state: 2)
        let session = Session()
        let alphabet = Array("()[]{}\"\\.,:;=+-*/%<>!&|_0123456789 \nabcxyzλ😀")
        for index in 0..<20_000 {
            var characters = Array(Self.seeds[index % Self.seeds.count])
            for _ in 0..<Int.random(in: 1...4, using: &generator) where !characters.isEmpty {
                let position = Int.random(in: 0..<characters.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: characters.remove(at: position)
                case 1: characters.insert(alphabet.randomElement(using: &generator)!, at: position)
                default: characters[position] = alphabet.randomElement(using: &generator)!
                }
            }
            // Every mutation is parsed; one in ten is also evaluated: a golden file's fits and
            // paths run whole within the step budget, and all of them would take minutes.
            run(String(characters), in: session, evaluate: index % 10 == 0)
        }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        for opener in ["(", "[", "-", "!", "{"] {
            let source = String(repeating: opener, count: 100_000) + "1"
            guard case let .failure(error) = Session().execute(source, output: NullSink()) else {
                Issue.record("expected an error for \(opener)")
                continue
            }
            #expect(error.kind == .parse)
        }
    }

    /// Each cell really runs (under a step budget): a value, or an error of the expected kind.
    @Test(arguments: [
        ("1e308 * 10", "inf"), ("for i in 1...1e300 { }", "TypeError"), ("[1][1e300]", "ValueError"),
        ("linspace(0, 1, count: 1e300)", "ValueError"), ("(0..<9007199254740993).count", "TypeError"),
        ("(0..<900719925474099).count", "900719925474099"), ("sqrt(-0)", "0"), ("-(1e-320)", "-1e-320"),
        ("1 % 0.0000001", "4.525188817411374e-17"), ("sleep(1e300)", "Interrupted"), ("\"\\(1e308 * 10)\"", "\"inf\""),
        ("for i in 1...1000000000000 { }", "Interrupted"), ("2 ** 3", "ParseError"), ("5e-324 / 2", "0"),
        ("-1e308 - 1e308", "-inf"), ("round(1e308, digits: 15)", "1e+308"), ("round(5e-324, digits: 15)", "0"), ("round(1, digits: 300)", "ValueError"),
    ])
    func extremeNumbersAreErrorsOrValuesNotTraps(source: String, outcome: String) {
        switch Session().execute(source, output: NullSink(), isInterrupted: stepBudget(5_000)) {
        case let .success(result): #expect(result.value?.plainText == outcome, "\(source)")
        case let .failure(error): #expect(error.kind.rawValue == outcome, "\(source): \(error.message)")
        }
    }
}
