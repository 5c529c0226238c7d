extension Dataset {
    /// The names of the datasets shipped with Regula (see data/README.md).
    public static var bundledNames: [String] { BundledData.csv.keys.sorted() }

    /// A dataset shipped with Regula: "diabetes" (Efron et al. 2004, 442×10, target y) or
    /// "prostate" (Stamey et al. 1989, 97×8, target lpsa; its `train` column becomes
    /// `designatedTraining`).
    public static func bundled(_ name: String) throws(LearningError) -> Dataset {
        guard let text = BundledData.csv[name] else { throw .unknownDataset(name, available: bundledNames) }
        switch name {
        case "prostate":
            var data = try Dataset(csv: text, options: DatasetOptions(target: "lpsa", dropped: ["train"], title: name))
            let table = try CSVTable(parsing: text)
            let column = table.header.firstIndex(of: "train")!
            data.designatedTraining = table.rows.map { $0[column] == "1" }
            return data
        default:
            let table = try CSVTable(parsing: text)
            return try Dataset(csv: text, options: DatasetOptions(target: table.header.last!, title: name))
        }
    }
}
