import Foundation
import Testing

@testable import RegulaLanguage

/// Golden tests in the Crafting Interpreters style: each `Golden/*.regula` file runs as one cell,
/// and comments beside its lines say what must happen there:
///
///     print(1 + 2)        // expect: 3
///     let x = nope        // expect error: NameError: 'nope' is not defined
///
/// `expect:` lines give standard output, in order. `expect error:` gives an error's kind (and
/// optionally a part of its message) on that line; a file may expect several parse errors, or one
/// runtime error (the cell stops there). `expect note:` gives a part of a note on the error.
@Suite("Golden files")
struct GoldenTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".regula") }.sorted()

    struct Expectations {
        var output: [String] = []
        var errors: [(line: Int, kind: String, message: String?)] = []
        var notes: [String] = []

        init(_ source: String) {
            for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let marker = line.range(of: "// expect: ") {
                    output.append(String(line[marker.upperBound...]))
                } else if let marker = line.range(of: "// expect error: ") {
                    let text = line[marker.upperBound...]
                    let parts = text.split(separator: ":", maxSplits: 1)
                    errors.append((index + 1, String(parts[0]), parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil))
                } else if let marker = line.range(of: "// expect note: ") {
                    notes.append(String(line[marker.upperBound...]))
                }
            }
        }
    }

    @Test func thereAreGoldenFiles() {
        #expect(Self.files.count >= 8)
    }

    @Test(arguments: files)
    func golden(file: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8)
        let expected = Expectations(source)
        let sink = RecordingSink()
        let result = Session().execute(source, output: sink)
        let printed = sink.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(printed == expected.output, "standard output of \(file)")

        switch result {
        case .success:
            #expect(expected.errors.isEmpty, "\(file) expected an error")
        case let .failure(error):
            let actual = [error] + error.others
            #expect(actual.count == expected.errors.count, "\(file): got \(actual.map { "\($0.kind.rawValue) at \($0.range?.start.description ?? "?"): \($0.message)" })")
            for (got, want) in zip(actual, expected.errors) {
                #expect(got.kind.rawValue == want.kind, "\(file) line \(want.line)")
                #expect(got.range?.start.line == want.line, "\(file): \(got.message)")
                if let message = want.message {
                    #expect(got.message.contains(message), "\(file) line \(want.line): \(got.message)")
                }
            }
            for note in expected.notes {
                #expect(error.notes.contains { $0.contains(note) }, "\(file): notes were \(error.notes)")
            }
        }
    }
}
