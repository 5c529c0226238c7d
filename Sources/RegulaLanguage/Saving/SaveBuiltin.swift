/// `save(value, "path.ext")`: writes a chart, a table or a result to a file.
enum SavingBuiltins {
    static let all: [Builtin] = [save]

    static let save = Builtin(
        "save",
        summary: "Writes a chart, a table or a result to a file, and returns the path.",
        documentation: "The extension chooses the form. "
            + SavableKinds.listings.joined(separator: "; ")
            + ". CSV files have a header row of the names the value shows (feature names, `lambda`, a log's columns), fields quoted as RFC 4180 asks, and numbers written so they read back as the same doubles. A relative path is relative to the kernel's working directory (the notebook's folder). The file is written whole or not at all: the text goes to a hidden temporary file in the same folder, which replaces the target only when complete. An existing file is replaced; a missing folder, a folder without permission to write, or an extension the value has no form for is an error, and then no file is written.",
        example: "// save(plot([1, 4, 9]), \"squares.svg\")\n\"see the documentation\"",
        parameters: [
            .positional("value", .any, "What to write: a chart, a table, a fit, a path, a cross-validation, a log or a dataset."),
            .positional("path", .string, "The file to write, ending in one of the value's extensions (`.svg`, `.csv`, …)."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let value = call.value("value"), path = try call.string("path")
        guard let forms = value.savedForms else {
            let kinds = SavableKinds.typeNames.joined(separator: ", ")
            throw RegulaError(.type, "save() cannot write \(article(value.typeName)) \(value.typeName); it writes values of these kinds: \(kinds)", at: call.range(of: "value"))
        }
        let known = forms.fileExtensions
        let given = SavingBuiltins.fileExtension(of: path)
        guard let fileExtension = given, let contents = forms.contents(fileExtension) else {
            let named = given.map { "'.\($0)'" } ?? "no extension"
            let listing = known.map { "'.\($0)'" }.joined(separator: ", ")
            throw RegulaError(.value, "save() cannot write \(article(value.typeName)) \(value.typeName) as \(named); its forms are \(listing), as in save(value, \"result.\(known[0])\")", at: call.range(of: "path"))
        }
        if let failure = AtomicFile.write(contents, to: path) {
            throw RegulaError(.value, failure.description, at: call.range(of: "path"))
        }
        return .string(path)
    }

    /// The extension of the file's name, lower case, without its dot; nil when it has none.
    static func fileExtension(of path: String) -> String? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }
}
