import RegulaCharts
import RegulaLearning

/// A dataset: its size in words, its first rows as a table, a scatter of it for `plot`.
extension Dataset: ValueKind {
    public static let typeName = "Dataset"

    public var description: String {
        "\(title): \(sampleCount) sample\(sampleCount == 1 ? "" : "s") × \(featureCount) feature\(featureCount == 1 ? "" : "s"), target \(targetName)"
    }

    /// The description, then what was done on the way in, then the first rows.
    public var display: DisplayBundle {
        let noteLines = notes.map { "• " + $0 }
        let plain = ([description] + noteLines).joined(separator: "\n")
        let notesHTML = notes.isEmpty ? "" : "<ul>" + notes.map { "<li>\(SVGWriter.escape($0))</li>" }.joined() + "</ul>"
        return DisplayBundle(plainText: plain, html: "<p>\(SVGWriter.escape(description))</p>" + notesHTML + preview().html())
    }

    public static let plotParameters: [Parameter]? = [PlotParameters.title]
    public static let plotSummary = "its samples (two features) or the correlations of its features."

    public func plot(_ call: inout Call) throws(RegulaError) -> Value { try call.titled(.chart(LearningCharts.dataset(self))) }

    /// The first rows, features then target.
    func preview(rows: Int = 10) -> Table {
        var table = Table(
            columns: featureNames + [targetName],
            rows: (0..<min(rows, sampleCount)).map { i in
                (features.row(i) + [target[i]]).map { Table.Cell.number($0) }
            })
        table.maximumRows = rows
        table.totalRows = sampleCount
        return table
    }

    public static let members: MemberTable<Dataset>? = memberTable(
        summary: "Samples of features and a target: what `load`, `csv`, `dataset`, `synthetic`, `classification` and `playground` give.",
        subject: "data",
        members: [
            .property("samples", "The number of samples (rows).") { .number(Double($0.sampleCount)) },
            .property("features", "The number of features (columns besides the target).") { .number(Double($0.featureCount)) },
            .property("names", "The features' names, as a List of Strings.") { data in .list(data.featureNames.map { .string($0) }) },
            .property("target", "The target's values, one per sample.") { .numberList($0.target) },
            .property("title", "The dataset's title, as its display shows it.") { .string($0.title) },
            .property("rows", "The features of each sample, as a List of Lists of Numbers (one per sample, in `names` order).") { data in
                .list((0..<data.sampleCount).map { Value.numberList(data.features.row($0)) })
            },
            .property("notes", "What was done to the data on its way in (rows left out, columns encoded, values filled), as a List of Strings.") { data in
                .list(data.notes.map { .string($0) })
            },
            .method(
                "column", "The values of one feature (by its name in `names`) or of the target, as a List of Numbers.",
                parameters: [.positional("name", .string, "A feature's name, as `names` lists it, or the target's.")]
            ) { (data, call: inout Call) throws(RegulaError) -> Value in
                let name = try call.string("name")
                if name == data.targetName { return .numberList(data.target) }
                guard let index = data.featureNames.firstIndex(of: name) else {
                    let suggestion = Suggestion.closest(to: name, among: data.featureNames + [data.targetName]).map { " Did you mean \"\($0)\"?" } ?? ""
                    throw RegulaError(.value, "the dataset has no column \"\(name)\"; its features are \(data.featureNames.map { "\"\($0)\"" }.joined(separator: ", ")) and its target is \"\(data.targetName)\".\(suggestion)", at: call.range(of: "name"))
                }
                return .numberList(data.features.column(index))
            },
            .property("truth", "The coefficients that generated a synthetic dataset; nothing for other data.") { data in
                data.truth.map(Value.numberList) ?? .nothing
            },
            .method("standardized", "The dataset with centered features scaled to standard deviation 1.", parameters: []) {
                (data, _: inout Call) throws(RegulaError) -> Value in .object(data.standardized().data)
            },
            .method(
                "split", "A seeded random split into (train:, test:), the training part holding `fraction` of the samples.",
                parameters: [
                    .positional("fraction", .number, "The share of the samples in the training part, between 0 and 1."),
                    .labelled("seed", .number, "Seeds the random order of the samples."),
                ]
            ) { (data, call: inout Call) throws(RegulaError) -> Value in
                let fraction = try call.number("fraction"), seed = try call.wholeNumber("seed")
                let parts = try engine(at: call.range(of: "fraction")) { () throws(LearningError) in try data.split(fraction, seed: seed) }
                return .tuple([.object(parts.train), .object(parts.test)], labels: ["train", "test"])
            },
            .method(
                "batches", "The samples in a seeded random order, as a list of datasets of `size` samples (the last may be smaller).",
                parameters: [
                    .positional("size", .number, "Samples per batch, a whole number."),
                    .labelled("seed", .number, "Seeds the random order of the samples."),
                ]
            ) { (data, call: inout Call) throws(RegulaError) -> Value in
                let size = try call.wholeNumber("size"), seed = try call.wholeNumber("seed")
                let batches = try engine(at: call.range(of: "size")) { () throws(LearningError) in try data.batches(size, seed: seed) }
                return .list(batches.map { .object(data.selecting($0)) })
            },
        ]
    )
}
