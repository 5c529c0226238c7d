import Testing

@testable import RegulaLearning

/// CSV files as people have them, and how they become datasets.
@Suite("Data preparation")
struct DataPreparationTests {
    func read(_ text: String, _ options: DatasetOptions) throws(LearningError) -> Dataset {
        try Dataset(csv: text, options: options)
    }

    @Test func byteOrderMarkAndSeparatorsAreHandled() throws {
        let bom = try read("\u{FEFF}sqft,price\n1,2\n3,4\n", DatasetOptions(target: "price"))
        #expect(bom.featureNames == ["sqft"])
        let semicolons = try read("sqft;rooms;price\n\"1,5\";2;3\n4;5;6,25\n", DatasetOptions(target: "price"))
        #expect(semicolons.featureNames == ["sqft", "rooms"])
        #expect(semicolons.features.column(0) == [1.5, 4] && semicolons.target == [3, 6.25])
        let tabs = try read("a\tb\ty\n1\t2\t3\n", DatasetOptions(target: "y"))
        #expect(tabs.featureCount == 2)
        let quoted = try read("a,y\n\"12\",\" 3 \"\n", DatasetOptions(target: "y"))
        #expect(quoted.features[0, 0] == 12 && quoted.target == [3])
        let forced = try CSVTable(parsing: "a;b,c\n1;2,3\n", separator: ",")
        #expect(forced.header == ["a;b", "c"])
    }

    @Test func missingValuesAreOneErrorListingEveryCell() {
        let text = "a,b,y\n1,,3\nNA,2,null\n4,NaN,6\n"
        #expect(throws: LearningError.dataProblems([
            "4 missing values: line 2 in \"b\", line 3 in \"a\", line 3 in \"y\", line 4 in \"b\"; choose missing: \"drop\" to leave those rows out, or \"mean\" or \"median\" to fill them in",
        ])) { try read(text, DatasetOptions(target: "y")) }
        let many = "a,b,y\n5,1,1\n" + String(repeating: ",1,1\n", count: 12)
        do {
            _ = try read(many, DatasetOptions(target: "y"))
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("12 missing values: line 3 in \"a\", line 4 in \"a\""))
            #expect(error.description.contains("line 12 in \"a\" and 2 more;"))
        }
    }

    @Test func missingValuesAreDroppedOrFilled() throws {
        let text = "a,b,y\n1,,3\n2,20,\n3,30,6\n5,40,7\n"
        let dropped = try read(text, DatasetOptions(target: "y", missing: .drop))
        #expect(dropped.sampleCount == 2 && dropped.target == [6, 7])
        #expect(dropped.notes == ["left out 2 of 4 rows with missing values (line 2, line 3)"])
        let mean = try read(text, DatasetOptions(target: "y", missing: .mean))
        #expect(mean.sampleCount == 3)
        #expect(mean.features.column(1) == [35, 30, 40])
        #expect(mean.notes.first == "left out 1 of 4 rows with no target (line 3)")
        let median = try read("a,y\n1,1\n2,2\n10,3\n,4\n", DatasetOptions(target: "y", missing: .median))
        #expect(median.features.column(0) == [1, 2, 10, 2])
        #expect(median.imputation?.filledCount == 1)
    }

    @Test func splitsRefillFromTheirTrainingRowsOnly() throws {
        // Row 0 misses its value; the test rows carry huge values that must not reach the fill.
        var text = "a,y\n,0\n"
        for i in 1..<20 { text += "\(i < 10 ? Double(i) : 1000),\(i)\n" }
        let data = try read(text, DatasetOptions(target: "y", missing: .mean))
        let training = (0..<10).map { $0 }, test = Array(10..<20)
        let parts = data.partition(training: training, test: test)
        #expect(parts.training.features[0, 0] == 5)  // the mean of 1…9
        var withMissingTest = data
        withMissingTest.imputation?.filled[0] = (0..<20).map { $0 == 0 || $0 == 15 }
        let both = withMissingTest.partition(training: training, test: test)
        #expect(both.test.features[5, 0] == 5)
        let (train, _) = try data.split(0.5, seed: 3)
        let observed = (0..<train.sampleCount).filter { !(train.imputation!.filled[0]![$0]) }.map { train.features[$0, 0] }
        if let filledRow = train.imputation!.filled[0]!.firstIndex(of: true) {
            #expect(train.features[filledRow, 0] == observed.reduce(0, +) / Double(observed.count))
        }
    }

    @Test func textColumnsBecomeIndicatorsWithTheFirstLevelAsReference() throws {
        let text = "sqft,neighborhood,price\n1,Uptown,10\n2,Downtown,20\n3,Suburb,30\n4,Uptown,40\n"
        let data = try read(text, DatasetOptions(target: "price"))
        #expect(data.featureNames == ["sqft", "neighborhood=Suburb", "neighborhood=Uptown"])
        #expect(data.features.column(1) == [0, 0, 1, 0] && data.features.column(2) == [1, 0, 0, 1])
        #expect(data.notes == ["\"neighborhood\" is encoded as 2 indicator columns (reference level \"Downtown\")"])
        let codes = try read("zip,y\n10,1\n2,2\n10,3\n", DatasetOptions(target: "y", categorical: ["zip"]))
        #expect(codes.featureNames == ["zip=10"])
        #expect(codes.features.column(0) == [1, 0, 1])
        let missingLevel = try read("c,y\na,1\n,2\nb,3\nb,4\n", DatasetOptions(target: "y", missing: .mean))
        #expect(missingLevel.features.column(0) == [0, 2.0 / 3, 1, 1])
    }

    @Test func aTextTargetMakesClasses() throws {
        let data = try read("x,label\n1,yes\n2,no\n3,yes\n", DatasetOptions(target: "label"))
        #expect(data.task == .classification(classes: 2) && data.target == [1, 0, 1])
        #expect(data.notes == ["the target \"label\" has classes \"no\" = 0, \"yes\" = 1"])
    }

    @Test func columnsAreChosenAndDropped() throws {
        let text = "id,a,b,c,y\n1,1,2,3,4\n2,5,6,7,8\n"
        #expect(try read(text, DatasetOptions(target: "y", dropped: ["id", "b"])).featureNames == ["a", "c"])
        #expect(try read(text, DatasetOptions(target: "y", columns: ["c", "a"])).featureNames == ["c", "a"])
        #expect(throws: LearningError.invalidInput("no column named \"d\" (in drop:); the columns are \"id\", \"a\", \"b\", \"c\", \"y\"")) {
            try read(text, DatasetOptions(target: "y", dropped: ["d"]))
        }
        let noted = try read(text, DatasetOptions(target: "y"))
        #expect(noted.notes == ["column \"id\" is named like an identifier and is used as a feature: leave it out with drop: [\"id\"] unless it means something"])
    }

    @Test func everyProblemIsReportedTogether() {
        var text = "when,name,rooms,neighborhood,price\n"
        for i in 0..<12 { text += "2024-01-\(10 + i),house \(i),\(i == 3 ? "three" : "\(i)"),\(i % 2 == 0 ? "A" : "B"),\(i == 5 ? "" : "\(i)")\n" }
        do {
            _ = try read(text, DatasetOptions(target: "price"))
            Issue.record("expected an error")
        } catch {
            guard case let .dataProblems(problems) = error else { Issue.record("\(error)"); return }
            #expect(problems.count == 4)
            #expect(problems[0].hasPrefix("column \"when\" holds dates (\"2024-01-10\", …)"))
            #expect(problems[1].hasPrefix("column \"name\" has a different text in every row"))
            #expect(problems[2].hasPrefix("column \"rooms\" mixes numbers and text (\"three\" on line 5)"))
            #expect(problems[3].hasPrefix("a missing value: line 7 in \"price\""))
            #expect(error.description.hasPrefix("the data has 4 problems:\n  1. column \"when\""))
        }
    }

    @Test func aNumberTooLargeForADoubleIsNamedAsSuchNotAsText() {
        let text = "x,y\n1,1\n1e400,2\n3,3\n-2e999,4\n"
        #expect(throws: LearningError.dataProblems([
            "column \"x\" has numbers beyond ±1.8e308, the largest a Double holds (\"1e400\" on line 3, \"-2e999\" on line 5): rescale the column or correct those cells",
        ])) {
            try read(text, DatasetOptions(target: "y"))
        }
    }

    @Test func namedColumnsFromListsNameTheirRows() throws {
        let columns = [
            DataColumn(name: "x", cells: [.number(1), .missing, .number(3)]),
            DataColumn(name: "y", cells: [.number(2), .number(4), .number(6)]),
        ]
        #expect(throws: LearningError.dataProblems([
            "a missing value: row 2 in \"x\"; choose missing: \"drop\" to leave those rows out, or \"mean\" or \"median\" to fill them in",
        ])) { try Dataset(columns: columns, options: DatasetOptions(target: "y"), locations: .rows) }
        let filled = try Dataset(columns: columns, options: DatasetOptions(target: "y", missing: .mean), locations: .rows)
        #expect(filled.features.column(0) == [1, 2, 3])
    }
}
