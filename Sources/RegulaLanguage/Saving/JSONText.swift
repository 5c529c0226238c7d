import RegulaLearning

/// A JSON value to write: objects keep their keys in the order given, so a saved file reads
/// in the order the value shows itself, and the same value gives the same bytes.
indirect enum JSONText {
    case number(Double)
    case string(String)
    case boolean(Bool)
    case null
    case array([JSONText])
    case object([(key: String, value: JSONText)])

    /// An array of numbers.
    static func numbers(_ values: [Double]) -> JSONText { .array(values.map(JSONText.number)) }

    /// The text, indented by two spaces a level, ending with a newline.
    var document: String {
        var output = ""
        write(to: &output, indent: "")
        return output + "\n"
    }

    private func write(to output: inout String, indent: String) {
        switch self {
        // JSON has no nan or infinity: they are written as null, as Python's json writes them
        // when told to be strict and as JavaScript's JSON.stringify does.
        case let .number(value): output += value.isFinite ? CSVText.number(value) : "null"
        case let .string(value): output += Self.quoted(value)
        case let .boolean(value): output += value ? "true" : "false"
        case .null: output += "null"
        case let .array(elements):
            // Arrays of scalars stay on one line: a path's coefficients are a line per λ.
            if elements.allSatisfy(\.isScalar) {
                output += "["
                for (index, element) in elements.enumerated() {
                    if index > 0 { output += ", " }
                    element.write(to: &output, indent: indent)
                }
                output += "]"
                return
            }
            output += "[\n"
            for (index, element) in elements.enumerated() {
                output += indent + "  "
                element.write(to: &output, indent: indent + "  ")
                output += index == elements.count - 1 ? "\n" : ",\n"
            }
            output += indent + "]"
        case let .object(members):
            guard !members.isEmpty else { output += "{}"; return }
            output += "{\n"
            for (index, member) in members.enumerated() {
                output += indent + "  " + Self.quoted(member.key) + ": "
                member.value.write(to: &output, indent: indent + "  ")
                output += index == members.count - 1 ? "\n" : ",\n"
            }
            output += indent + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: false
        default: true
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }
}
