import RegulaLearning
import RegulaCharts

/// A Regula value.
public enum Value: Sendable {
    case nothing
    case number(Double)
    case boolean(Bool)
    case string(String)
    case list([Value])
    /// A fixed group of values, some with labels: `(1, 2)`, `(train: a, test: b)`.
    case tuple([Value], labels: [String?])
    /// Whole numbers from `lower` to `upper`, including `upper` when `isClosed`.
    case range(lower: Int, upper: Int, isClosed: Bool)
    indirect case builtin(Builtin)
    indirect case function(UserFunction)
    indirect case chart(Figure)
    indirect case table(Table)
    /// A value of a kind declared by its own type (Values/): datasets, penalties, fits, paths…
    indirect case object(any ValueKind)

    /// The type's name as a person sees it in errors and inspection.
    public var typeName: String {
        switch self {
        case .nothing: "Nothing"
        case .number: "Number"
        case .boolean: "Bool"
        case .string: "String"
        case .list: "List"
        case .tuple: "Tuple"
        case .range: "Range"
        case .builtin, .function: "Function"
        case .chart: "Chart"
        case .table: "Table"
        case let .object(object): type(of: object).typeName
        }
    }

    /// The most characters a value's text may have. A list can share its elements many times
    /// over (`x = [x, x]` forty times is a trillion numbers in a few kilobytes), so its text is
    /// written against this budget and stops, with "…", where the budget ends.
    static let descriptionLimit = 2_000_000

    /// The `text/plain` form: exact numbers (the shortest text that reads back as the same double).
    public var description: String {
        var text = BoundedText(limit: Self.descriptionLimit)
        write(to: &text)
        return text.finished
    }

    private func write(to text: inout BoundedText) {
        switch self {
        case let .list(values):
            text.append("[")
            for (index, value) in values.enumerated() {
                if text.isFull { break }
                if index > 0 { text.append(", ") }
                value.write(to: &text)
            }
            text.append("]")
        case let .tuple(values, labels):
            text.append("(")
            for (index, (value, label)) in zip(values, labels).enumerated() {
                if text.isFull { break }
                if index > 0 { text.append(", ") }
                if let label { text.append("\(label): ") }
                value.write(to: &text)
            }
            text.append(")")
        default:
            text.append(scalarDescription)
        }
    }

    /// The text of a value that holds no other values.
    private var scalarDescription: String {
        switch self {
        case .nothing: "nothing"
        case let .number(value): formatted(value)
        case let .boolean(value): value ? "true" : "false"
        case let .string(value): "\"" + value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"").replacing("\n", with: "\\n") + "\""
        case .list, .tuple: ""
        case let .range(lower, upper, isClosed): "\(lower)\(isClosed ? "..." : "..<")\(upper)"
        case let .builtin(builtin): "<built-in \(builtin.signature)>"
        case let .function(function): "<func \(function.signature)>"
        case let .chart(chart): chart.summary
        case let .table(table): table.plainText()
        case let .object(object): object.description
        }
    }

    /// Whether this is `nothing`.
    public var isNothing: Bool {
        if case .nothing = self { return true }
        return false
    }

    /// The text `print` writes: strings without quotes, everything else as `description`.
    public var printed: String {
        if case let .string(value) = self { return value }
        return description
    }


    /// The rich display of the value, or nil for `nothing`.
    public var display: DisplayBundle? {
        switch self {
        case .nothing: nil
        case let .chart(chart): DisplayBundle(plainText: chart.summary, svg: chart.svg())
        case let .table(table): DisplayBundle(plainText: table.plainText(), html: table.html())
        case let .object(object): object.display
        default: DisplayBundle(plainText: description)
        }
    }
}

/// A value's representations by MIME type: `text/plain` always, HTML and SVG when they exist.
public struct DisplayBundle: Sendable, Equatable {
    public var plainText: String
    public var html: String?
    public var svg: String?

    public init(plainText: String, html: String? = nil, svg: String? = nil) {
        self.plainText = plainText
        self.html = html
        self.svg = svg
    }

    /// Each representation keyed by its MIME type.
    public var representations: [String: String] {
        var result = ["text/plain": plainText]
        if let html { result["text/html"] = html }
        if let svg { result["image/svg+xml"] = svg }
        return result
    }
}

/// Text that stops growing at `limit` UTF-8 bytes, ending with "…" when anything was left out.
struct BoundedText {
    let limit: Int
    private(set) var text = ""
    private(set) var isFull = false

    init(limit: Int) {
        self.limit = limit
    }

    mutating func append(_ piece: String) {
        guard !isFull else { return }
        let room = limit - text.utf8.count
        if piece.utf8.count <= room { return text += piece }
        var cut = piece.utf8.index(piece.utf8.startIndex, offsetBy: max(0, room))
        while cut > piece.utf8.startIndex, cut.samePosition(in: piece.unicodeScalars) == nil { cut = piece.utf8.index(before: cut) }
        text += piece[..<cut]
        isFull = true
    }

    var finished: String { isFull ? text + " … (too long to show whole)" : text }
}
