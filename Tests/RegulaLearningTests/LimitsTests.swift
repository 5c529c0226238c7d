import Foundation
import Testing

@testable import RegulaLearning

/// Sizes from a cell are checked against the memory budget before anything is allocated, and
/// files are read within a size limit.
@Suite("Memory budget and file limits")
struct LimitsTests {
    func expectTooLarge(_ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected tooLarge")
        } catch {
            guard let error = error as? LearningError, case let .tooLarge(_, bytes, budget) = error else {
                Issue.record("expected tooLarge, got \(error)")
                return
            }
            #expect(bytes > Double(budget))
            #expect(error.description.contains("more than the memory budget of"))
        }
    }

    @Test func impossibleSizesAreRefusedBeforeAllocating() {
        expectTooLarge { _ = try Network(inputs: 1_000_000_000_000, loss: .logistic) }
        expectTooLarge { _ = try Network(inputs: 10, hidden: [Int.max / 2, Int.max / 2], loss: .squaredError) }
        expectTooLarge { _ = try Synthetic.regression(samples: 1 << 40, features: 1 << 40, seed: 1) }
        expectTooLarge {
            let data = try Synthetic.regression(samples: 20, features: 3, seed: 1)
            _ = try PenalizedRegression(data, family: .gaussian).lambdaGrid(for: .lasso, count: Int.max / 4)
        }
        expectTooLarge {
            let data = try Synthetic.regression(samples: 20, features: 3, seed: 1)
            var options = TrainingOptions()
            options.epochs = 1 << 50
            _ = try Trainer.train(try Network(inputs: 3, loss: .squaredError), on: data, penalty: TrainingPenalty(NoPenalty()),
                                  optimizer: try Optimizer(.subgradient(momentum: 0), learningRate: 0.01), options: options)
        }
    }

    @Test func bytesAreWrittenForPeople() {
        #expect(formattedBytes(12) == "12 bytes")
        #expect(formattedBytes(2_147_483_648) == "2.1 GB")
        #expect(formattedBytes(100_000_000) == "100 MB")
        #expect(formattedBytes(1e30) == "1000000000000 EB")
    }

    @Test func textFilesAreReadWithinTheirLimit() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("regula-text-\(UUID().uuidString)").path
        try "a,b\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TextFile.read(path) == "a,b\n1,2\n")
        #expect(throws: LearningError.unreadableFile(path: path, reason: "it is 8 bytes, more than the limit of 7 bytes (maxBytes:)")) {
            try TextFile.read(path, maximumBytes: 7)
        }
        #expect(throws: LearningError.unreadableFile(path: "/dev/null", reason: "it is a character device, not a regular file (pass allowSpecial: true to read it anyway)")) {
            try TextFile.read("/dev/null")
        }
        #expect(try TextFile.read("/dev/null", allowSpecial: true) == "")
    }

    @Test func parsingALargeCSVAnswersTheInterrupt() throws {
        let text = "x,y\n" + String(repeating: "1,2\n", count: 50_000)
        var checks = 0
        #expect(throws: LearningError.interrupted) {
            try Dataset(csv: text, options: DatasetOptions(target: "y"), isInterrupted: { checks += 1; return checks > 1 })
        }
        #expect(checks == 2)
        #expect(try Dataset(csv: text, options: DatasetOptions(target: "y")).sampleCount == 50_000)
    }
}
