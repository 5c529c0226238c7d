import Foundation
import Testing

@testable import RegulaCharts

/// Golden snapshots: the exact bytes of a set of figures and tables, in `Snapshots/` beside
/// this file. A change to the layout shows up here as a diff to review; after reviewing it,
/// `REGULA_RECORD_SNAPSHOTS=1 swift test --filter Snapshot` writes the new bytes.
@Suite("Snapshots")
struct SnapshotTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static var cases: [(String, String)] {
        let figures = FigureTests.kinds.map { name, figure in
            (name.replacingOccurrences(of: " ", with: "-") + ".svg", figure.svg())
        }
        var preview = Table(columns: ["feature", "weight <w>"], rows: [[.text("age"), .number(0)], [.text("b&mi"), .number(0.123456789)], [.text("bp"), .number(-2.5e-7)]])
        preview.totalRows = 10
        return figures + [("table.html", preview.html()), ("table.txt", preview.plainText())]
    }

    @Test(arguments: SnapshotTests.cases.map(\.0))
    func matchesSnapshot(name: String) throws {
        let actual = SnapshotTests.cases.first { $0.0 == name }!.1
        let file = SnapshotTests.folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["REGULA_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: SnapshotTests.folder, withIntermediateDirectories: true)
            try actual.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        let expected = try? String(contentsOf: file, encoding: .utf8)
        #expect(expected != nil, "no snapshot \(name): record it with REGULA_RECORD_SNAPSHOTS=1")
        #expect(actual == expected, "\(name) differs from its snapshot")
    }
}
