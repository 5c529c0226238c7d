import Synchronization

/// An identifier as written, with its number in the process-wide name table. The evaluator
/// finds variables by that number in arrays, rather than hashing the text on every use.
public struct Name: Sendable, Equatable, CustomStringConvertible {
    public let text: String
    let id: Int

    init(_ text: String) {
        self.text = text
        id = NameTable.shared.id(for: text)
    }

    public var description: String { text }
}

/// Numbers every identifier ever parsed, once. Parsing interns; evaluation only reads numbers.
final class NameTable: Sendable {
    static let shared = NameTable()

    private struct Table {
        var ids: [String: Int] = [:]
        var texts: [String] = []
    }

    private let table = Mutex(Table())

    func id(for text: String) -> Int {
        table.withLock { table in
            if let id = table.ids[text] { return id }
            table.texts.append(text)
            table.ids[text] = table.texts.count - 1
            return table.texts.count - 1
        }
    }

    func text(for id: Int) -> String {
        table.withLock { $0.texts[id] }
    }
}
