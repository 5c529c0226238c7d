import Testing

@testable import RegulaLearning

@Suite("Datasets")
struct DatasetTests {
    @Test func bundledDataHaveTheirPublishedShapes() throws {
        let diabetes = try Dataset.bundled("diabetes")
        #expect(diabetes.sampleCount == 442 && diabetes.featureCount == 10)
        #expect(diabetes.featureNames == ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"])
        #expect(diabetes.target.prefix(2) == [151, 75])
        let prostate = try Dataset.bundled("prostate")
        #expect(prostate.sampleCount == 97 && prostate.featureCount == 8)
        #expect(prostate.targetName == "lpsa")
        #expect(prostate.designatedTraining?.filter { $0 }.count == 67)
        #expect(throws: LearningError.unknownDataset("iris", available: ["diabetes", "prostate"])) { try Dataset.bundled("iris") }
    }

    @Test func bundledProstateIsTheFileItself() throws {
        let table = try CSVTable(parsing: BundledData.csv["prostate"]!)
        let prostate = try Dataset.bundled("prostate")
        #expect(prostate.featureNames == ["lcavol", "lweight", "age", "lbph", "svi", "lcp", "gleason", "pgg45"])
        #expect(prostate.notes.isEmpty && prostate.imputation == nil)
        for (i, row) in table.rows.enumerated() {
            #expect((0..<8).map { prostate.features[i, $0] } == row.prefix(8).map { Double($0)! })
            #expect(prostate.target[i] == Double(row[8])!)
        }
    }

    @Test func csvRowErrorsNameTheLineAndColumn() {
        #expect(throws: LearningError.invalidCSV(line: 3, column: "3", problem: "this row has 2 fields but the header has 3 (fields are split on \",\"; pass separator: to choose another)")) {
            try Dataset(csv: "a,b,y\n1,2,3\n4,5\n", options: DatasetOptions(target: "y"))
        }
        #expect(throws: LearningError.self) { try Dataset(csv: "a,b\n1,2\n", options: DatasetOptions(target: "price")) }
    }

    @Test func csvQuotesAndLineEndings() throws {
        let data = try Dataset(csv: "\"size, m2\",\"y\"\r\n1.5,2\r\n\"3\",4\r\n", options: DatasetOptions(target: "y"))
        #expect(data.featureNames == ["size, m2"])
        #expect(data.features.column(0) == [1.5, 3])
        #expect(data.target == [2, 4])
    }

    @Test func splitsFoldsAndBatchesAreSeededAndComplete() throws {
        let data = try Synthetic.regression(samples: 103, features: 4, seed: 7)
        let (train, test) = try data.split(0.8, seed: 1)
        #expect(train.sampleCount == 82 && test.sampleCount == 21)
        #expect(try data.split(0.8, seed: 1).train == train)
        #expect(try data.split(0.8, seed: 2).train != train)
        #expect(Set(train.target).isDisjoint(with: Set(test.target)))
        let folds = try data.foldAssignment(10, seed: 0)
        #expect(Set(folds) == Set(0..<10))
        #expect((0..<10).map { fold in folds.filter { $0 == fold }.count }.allSatisfy { $0 == 10 || $0 == 11 })
        let batches = try data.batches(32, seed: 3)
        #expect(batches.map(\.count) == [32, 32, 32, 7])
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<103))
        #expect(throws: LearningError.self) { try data.split(2, seed: 1) }
        #expect(throws: LearningError.self) { try data.batches(0, seed: 1) }
    }

    @Test func syntheticDataFollowTheDesign() throws {
        let data = try Synthetic.regression(samples: 20_000, features: 3, correlation: 0.5, seed: 42)
        let a = data.features.column(0), b = data.features.column(1)
        let correlation = a.dot(b) / (a.l2Norm * b.l2Norm)
        #expect(Swift.abs(correlation - 0.5) < 0.02)
        #expect(data.truth == [-1, exp(-0.1), -exp(-0.2)])
        let sparse = try Synthetic.regression(samples: 50, features: 20, informative: 5, noise: .standardDeviation(0.5), seed: 1)
        #expect(sparse.truth?.filter { $0 != 0 }.count == 5)
        #expect(try Synthetic.regression(samples: 50, features: 20, informative: 5, noise: .standardDeviation(0.5), seed: 1) == sparse)
        for shape in PlaygroundShape.allCases {
            let points = try Synthetic.playground(shape, samples: 200, seed: 3)
            #expect(points.featureCount == 2 && points.target.filter { $0 == 1 }.count == 100)
        }
    }

    @Test func standardizationRoundTrips() throws {
        let data = try Synthetic.regression(samples: 30, features: 3, seed: 5)
        var shifted = data
        for i in 0..<30 { shifted.features[i, 1] = 100 + 7 * data.features[i, 1] }
        let (standard, statistics) = shifted.standardized()
        let column = standard.features.column(1)
        #expect(Swift.abs(column.average) < 1e-12)
        #expect(Swift.abs(column.l2Norm / 30.0.squareRoot() - 1) < 1e-12)
        let back = statistics.originalUnits(coefficients: [1, 2, 3], intercept: 0.5)
        let row = shifted.features.row(4)
        let direct = back.intercept + zip(back.coefficients, row).reduce(0) { $0 + $1.0 * $1.1 }
        let viaStandard = 0.5 + zip([1.0, 2, 3], standard.features.row(4)).reduce(0) { $0 + $1.0 * $1.1 }
        #expect(Swift.abs(direct - viaStandard) < 1e-10)
    }
}
