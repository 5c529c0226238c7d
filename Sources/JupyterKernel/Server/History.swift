
/// The cells executed in this kernel session, answering `history_request`.
struct History {
    /// This kernel keeps one session of history; Jupyter numbers it 1 and lets 0 or negative mean "current".
    static let session = 1

    struct Entry {
        var line: Int
        var input: String
        var output: String?
    }

    /// Where one cell's input and output lie in `text` (the output right after the input);
    /// an output length of -1 means none. A single cell's text is far below 2 GiB.
    private struct Span {
        var inputStart: Int
        var inputLength: Int32
        var outputLength: Int32

        var outputStart: Int { inputStart + Int(inputLength) }
    }

    /// Every input and output as UTF-8, back to back, with 16 bytes of bookkeeping a cell: a long
    /// session holds every cell, so memory per cell stays close to the text itself. Span i is
    /// line i + 1: only cells that store history are recorded, and exactly those advance the count.
    private var text: [UInt8] = []
    private var spans: [Span] = []

    var entries: [Entry] {
        spans.indices.map { index in
            let span = spans[index]
            func string(_ start: Int, _ length: Int) -> String {
                String(decoding: text[start..<(start + length)], as: UTF8.self)
            }
            let output = span.outputLength < 0 ? nil : string(span.outputStart, Int(span.outputLength))
            return Entry(line: index + 1, input: string(span.inputStart, Int(span.inputLength)), output: output)
        }
    }

    /// A cell's output is kept up to this many bytes: history serves `Out[n]`-style look-ups and
    /// search, and a session whose cells showed megabytes must not keep them all.
    static let outputLimit = 4096

    mutating func record(line: Int, input: String, output: String?) {
        assert(line == spans.count + 1, "history lines must follow the execution count")
        let inputStart = text.count
        text += input.utf8
        let outputStart = text.count
        if let output { text += Self.shortened(output) }
        spans.append(Span(
            inputStart: inputStart, inputLength: Int32(outputStart - inputStart),
            outputLength: output == nil ? -1 : Int32(text.count - outputStart)))
    }

    /// `output`'s UTF-8, cut at a character boundary to at most `outputLimit` bytes with a note.
    static func shortened(_ output: String) -> [UInt8] {
        let bytes = Array(output.utf8)
        guard bytes.count > outputLimit else { return bytes }
        var end = outputLimit - 64
        while end > 0, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
        return Array(bytes[..<end]) + Array("… (\(bytes.count - end) more bytes not kept in history)".utf8)
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
