import RegulaCharts
import RegulaLearning

/// A kind of value `save(value, "path.ext")` can write: each kind declares its file forms
/// beside its own code (`FitValue.swift`, `ChartValue.swift`, …), and `save`, its errors and
/// its reference come from the declarations. Adding a kind is a conformance and an entry in
/// `SavableKinds.all`.
protocol SavableValue: Sendable {
    /// The type's name as `save`'s errors and the reference write it.
    static var savedTypeName: String { get }
    /// The forms, by file extension, in the order errors and the reference list them.
    static var fileForms: [FileForm<Self>] { get }
}

extension SavableValue where Self: ValueKind {
    static var savedTypeName: String { typeName }
}

/// One way of writing a value to a file: its extension, what the file holds, and its text.
struct FileForm<Subject>: Sendable {
    /// The extension without its dot, lower case: "csv".
    let fileExtension: String
    /// One line for the reference: what the file holds.
    let summary: String
    let contents: @Sendable (Subject) -> String

    init(_ fileExtension: String, _ summary: String, _ contents: @escaping @Sendable (Subject) -> String) {
        self.fileExtension = fileExtension
        self.summary = summary
        self.contents = contents
    }
}

extension SavableValue {
    /// The extensions this value's kind offers, in order.
    static var fileExtensions: [String] { fileForms.map(\.fileExtension) }

    /// The file's text in the form of `fileExtension`, or nil when the kind has no such form.
    func fileContents(as fileExtension: String) -> String? {
        Self.fileForms.first { $0.fileExtension == fileExtension }?.contents(self)
    }

    /// The reference's line for the kind: "Chart: `.svg` (the picture)".
    static var formListing: String {
        "\(savedTypeName): " + fileForms.map { "`.\($0.fileExtension)` (\($0.summary))" }.joined(separator: ", ")
    }
}

/// Every kind `save` writes, in the order its documentation lists them.
enum SavableKinds {
    static let all: [any SavableValue.Type] = [
        Figure.self, Table.self, FitResult.self, PathResult.self, CrossValidation.self, TrainingLog.self, Dataset.self,
    ]

    /// Each kind's name, in order.
    static let typeNames: [String] = all.map { kind in name(of: kind) }
    /// Each kind's line in the reference, in order.
    static let listings: [String] = all.map { kind in listing(of: kind) }

    private static func name<Kind: SavableValue>(of kind: Kind.Type) -> String { kind.savedTypeName }
    private static func listing<Kind: SavableValue>(of kind: Kind.Type) -> String { kind.formListing }
}

/// A value's file forms, whatever its kind: what `save` asks of it.
struct SavedForms {
    let fileExtensions: [String]
    /// The file's text in the form of an extension, or nil when the value has no such form.
    let contents: (String) -> String?

    init<Kind: SavableValue>(_ value: Kind) {
        fileExtensions = Kind.fileExtensions
        contents = { value.fileContents(as: $0) }
    }
}

extension Value {
    /// The value's file forms, or nil when its kind has none.
    var savedForms: SavedForms? {
        switch self {
        case let .chart(figure): SavedForms(figure)
        case let .table(table): SavedForms(table)
        case let .object(object as any SavableValue): SavedForms(object)
        default: nil
        }
    }
}
