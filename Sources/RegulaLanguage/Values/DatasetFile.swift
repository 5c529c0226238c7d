import RegulaLearning

/// A dataset as `save` writes it: the CSV `csv(path, target:)` reads back as the same numbers.
/// (Beside DatasetValue.swift rather than in it, so saving reads only `Dataset`'s public data.)
extension Dataset: SavableValue {
    static let fileForms: [FileForm<Dataset>] = [
        FileForm("csv", "the features' columns then the target's, a line per sample; `csv(path, target:)` reads it back") { data in
            var text = CSVText(header: data.featureNames + [data.targetName])
            for row in 0..<data.sampleCount {
                text.append(numbers: data.features.row(row) + [data.target[row]])
            }
            return text.text
        },
    ]
}
