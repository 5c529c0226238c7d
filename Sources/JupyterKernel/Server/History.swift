import Foundation

/// The cells executed in this kernel session, answering `history_request`.
struct History {
    /// This kernel keeps one session of history; Jupyter numbers it 1 and lets 0 or negative mean "current".
    static let session = 1

    struct Entry {
        var line: Int
        var input: String
        var output: String?
    }

    private(set) var entries: [Entry] = []

    mutating func record(line: Int, input: String, output: String?) {
        entries.append(Entry(line: line, input: input, output: output))
    }

    /// The reply's `history` list for a request's content.
    func answer(_ request: JSON) -> [JSON] {
        let includeOutput = request["output"].boolValue ?? false
        let selected: [Entry]
        switch request["hist_access_type"].stringValue ?? "tail" {
        case "range":
            let session = request["session"].intValue ?? 0
            guard session <= 0 || session == Self.session else { return [] }
            let start = request["start"].intValue ?? 0
            let stop = request["stop"].intValue
            selected = entries.filter { entry in entry.line >= start && (stop.map { entry.line < $0 } ?? true) }
        case "search":
            let pattern = Glob(request["pattern"].stringValue ?? "*")
            var matches = entries.filter { pattern.matches($0.input) }
            if request["unique"].boolValue ?? false {
                var seen = Set<String>()
                // Keep the latest occurrence of each input, in order.
                matches = matches.reversed().filter { seen.insert($0.input).inserted }.reversed()
            }
            selected = Self.last(request["n"].intValue, of: matches)
        default:
            selected = Self.last(request["n"].intValue ?? 10, of: entries)
        }
        return selected.map { entry in
            let item: JSON = includeOutput
                ? [.string(entry.input), entry.output.map(JSON.string) ?? .null]
                : .string(entry.input)
            return [.int(Self.session), .int(entry.line), item]
        }
    }

    private static func last(_ count: Int?, of entries: [Entry]) -> [Entry] {
        guard let count, count >= 0 else { return entries }
        return Array(entries.suffix(count))
    }
}

/// A shell-style glob: `*` matches any run of characters, `?` any one, `[abc]` one of a set.
struct Glob {
    private let pattern: [Character]

    init(_ pattern: String) {
        self.pattern = Array(pattern)
    }

    func matches(_ text: String) -> Bool {
        let text = Array(text)
        // Iterative matching with backtracking to the last `*`: linear in practice, no recursion.
        var p = 0, t = 0
        var star: Int? = nil, starText = 0
        while t < text.count {
            if p < pattern.count, let width = matchOne(at: p, text[t]) {
                p += width
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                starText = t
                p += 1
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// If the pattern element at `index` matches `character`, the element's width in the pattern.
    private func matchOne(at index: Int, _ character: Character) -> Int? {
        switch pattern[index] {
        case "*":
            return nil
        case "?":
            return 1
        case "[":
            guard let close = pattern[(index + 1)...].firstIndex(of: "]") else {
                return character == "[" ? 1 : nil
            }
            let set = pattern[(index + 1)..<close]
            return set.contains(character) ? close - index + 1 : nil
        case let literal:
            return literal == character ? 1 : nil
        }
    }
}
