/// How much of a cell's output is sent, so that a huge list, a wide table or a runaway print loop
/// never floods the front end. Only what is shown is cut; values stay whole and bound.
public struct OutputLimits: Sendable, Equatable {
    /// Characters of a result's or display's plain text; longer text keeps its start and end.
    public var text = 10_000
    /// Characters of a display's HTML; a larger table is shown as its plain text instead, and a
    /// chart's HTML rendition (for untrusted notebooks) is left out.
    public var html = 300_000
    /// Characters a cell may write to stdout and stderr together; past it the output stops, and
    /// at the cell's end a note says how much was dropped, followed by the output's last lines.
    public var stream = 500_000

    public init() {}

    /// The part of `stream` kept from the end of a cut cell's output.
    var tail: Int { max(200, stream / 10) }

    /// `bundle` within the limits.
    func limited(_ bundle: DisplayBundle) -> DisplayBundle {
        var bundle = bundle
        bundle.plainText = Self.elided(bundle.plainText, limit: text)
        if let html = bundle.html, html.unicodeScalars.count > self.html {
            bundle.html = nil
            bundle.plainText += "\n(the HTML of this output has \(Self.grouped(html.unicodeScalars.count)) characters, more than "
                + "the limit of \(Self.grouped(self.html)); outputLimits(html: …) raises it)"
        }
        return bundle
    }

    /// `text` with its middle replaced by a note when it is longer than `limit` characters, as
    /// numpy and pandas summarize: whole lines are kept when there are several, whole items of a
    /// list otherwise.
    static func elided(_ text: String, limit: Int) -> String {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count > limit else { return text }
        let half = max(1, limit / 2)
        let isMultiline = text.contains("\n")
        let breaks: Set<Unicode.Scalar> = isMultiline ? ["\n"] : [",", " "]
        // The head ends after a break, the tail starts after one: items are never cut in two.
        var headEnd = half
        while headEnd > half / 2, !breaks.contains(scalars[headEnd - 1]) { headEnd -= 1 }
        if headEnd <= half / 2 { headEnd = half }
        var tailStart = scalars.count - half
        while tailStart < scalars.count - half / 2, !breaks.contains(scalars[tailStart - 1]) { tailStart += 1 }
        if tailStart >= scalars.count - half / 2 { tailStart = scalars.count - half }
        let hidden = tailStart - headEnd
        var result = String.UnicodeScalarView(scalars[..<headEnd])
        let lines = scalars[headEnd..<tailStart].filter { $0 == "\n" }.count
        var note = isMultiline
            ? "… \(counted(lines, "more line")) (\(counted(hidden, "character"))) …\n"
            : "… \(counted(hidden, "more character")) … "
        if let last = result.last, last != " ", last != "\n" { note = (isMultiline ? "\n" : " ") + note }
        result.append(contentsOf: note.unicodeScalars)
        result.append(contentsOf: scalars[tailStart...])
        // Just past the limit, the note would make the text longer than it was.
        return result.count < scalars.count ? String(result) : text
    }

    /// "1 line", "2,500 lines": the count grouped, the noun (its last word) in the plural when not 1.
    static func counted(_ number: Int, _ noun: String) -> String {
        "\(grouped(number)) \(noun)\(number == 1 ? "" : "s")"
    }

    /// 1234567 as "1,234,567".
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number.magnitude))
        var text = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { text.append(",") }
            text.append(digit)
        }
        return number < 0 ? "-" + text : text
    }
}

/// Applies a session's `OutputLimits` to one cell's output on its way to `destination`.
final class LimitedOutput: OutputSink {
    var limits: OutputLimits
    private var destination: (any OutputSink)?
    /// Characters written by the cell since it started (or cleared its output).
    private var written = 0
    private var droppedCharacters = 0
    private var droppedLines = 0
    /// The latest text past the limit, as UTF-8 with its count of characters, kept to show after
    /// the note: oldest first, from `tailStart` on (earlier pieces are dropped, and removed in bulk).
    private var tail: [(toStandardError: Bool, bytes: [UInt8], characters: Int)] = []
    private var tailStart = 0
    /// Characters in `tail[tailStart...]`.
    private var tailCount = 0

    init(limits: OutputLimits) {
        self.limits = limits
    }

    /// Starts a cell whose output goes to `destination`.
    func begin(_ destination: any OutputSink) {
        self.destination = destination
        resetStream()
    }

    /// Ends the cell: if its output was cut, says how much, then shows the output's end.
    func end() {
        if droppedCharacters > 0, let destination {
            trimTail(to: limits.tail)
            let kept = tail[tailStart...]
            let dropped = droppedCharacters - tailCount
            let lines = max(0, droppedLines - kept.reduce(0) { $0 + Self.newlines(in: $1.bytes[...]) })
            let note = "\n… \(OutputLimits.counted(dropped, "character")) (\(OutputLimits.counted(lines, "line")))"
                + " of output not shown: this cell wrote more than its limit of \(OutputLimits.grouped(limits.stream))"
                + " characters; outputLimits(stream: …) raises it. Its last \(OutputLimits.counted(tailCount, "character")) follow.\n"
            destination.write(note, toStandardError: true)
            for piece in kept { destination.write(String(decoding: piece.bytes, as: UTF8.self), toStandardError: piece.toStandardError) }
        }
        resetStream()
        destination = nil
    }

    private func resetStream() {
        written = 0
        droppedCharacters = 0
        droppedLines = 0
        tail = []
        tailStart = 0
        tailCount = 0
    }

    // Counting is done on UTF-8 bytes: a character (Unicode scalar) is a byte that does not
    // continue another, which is far cheaper than walking scalars.
    private static func characters(in bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
    private static func newlines(in bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 == 10 ? 1 : 0) } }

    /// The byte offset in `bytes` after `count` characters.
    private static func offset(afterCharacters count: Int, in bytes: [UInt8]) -> Int {
        var seen = 0
        for (index, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
            if seen == count { return index }
            seen += 1
        }
        return bytes.count
    }

    func interact(_ interaction: Interaction) {
        destination?.interact(interaction)
    }

    func write(_ text: String, toStandardError: Bool) {
        guard let destination else { return }
        let room = max(0, limits.stream - written)
        if room > 0, text.utf8.count <= room {
            // Fewer bytes than room means fewer characters too: the usual case, no counting.
            written += Self.characters(in: ArraySlice(text.utf8))
            return destination.write(text, toStandardError: toStandardError)
        }
        let bytes = Array(text.utf8)
        let count = Self.characters(in: bytes[...])
        written += count
        if count <= room { return destination.write(text, toStandardError: toStandardError) }
        let cut = Self.offset(afterCharacters: room, in: bytes)
        if cut > 0 { destination.write(String(decoding: bytes[..<cut], as: UTF8.self), toStandardError: toStandardError) }
        let rest = bytes[cut...]
        droppedCharacters += count - room
        droppedLines += Self.newlines(in: rest)
        keepInTail(rest, characters: count - room, toStandardError: toStandardError)
    }

    /// Keeps the last `limits.tail` or so characters of what was dropped, from a line's start.
    private func keepInTail(_ bytes: ArraySlice<UInt8>, characters: Int, toStandardError: Bool) {
        if tail.count > tailStart, tail[tail.count - 1].toStandardError == toStandardError {
            tail[tail.count - 1].bytes += bytes
            tail[tail.count - 1].characters += characters
        } else {
            tail.append((toStandardError, Array(bytes), characters))
        }
        tailCount += characters
        // Trimmed only when twice too long, so the work per character stays constant.
        if tailCount > 2 * limits.tail { trimTail(to: limits.tail) }
    }

    /// Drops the oldest kept text until about `target` characters are left, starting at a line.
    private func trimTail(to target: Int) {
        while tail.count - tailStart > 1, tailCount - tail[tailStart].characters >= target {
            tailCount -= tail[tailStart].characters
            tailStart += 1
        }
        if tailStart > 64, tailStart * 2 > tail.count {
            tail.removeFirst(tailStart)
            tailStart = 0
        }
        let excess = tailCount - target
        guard excess > 0, tail.count > tailStart else { return }
        let piece = tail[tailStart]
        var start = Self.offset(afterCharacters: excess, in: piece.bytes)
        if let newline = piece.bytes[start...].firstIndex(of: 10) {
            start = newline + 1
        } else if tail.count - tailStart > 1 {
            start = piece.bytes.count  // no line starts in it: the next piece is the start
        }
        let removed = Self.characters(in: piece.bytes[..<start])
        tailCount -= removed
        if start == piece.bytes.count {
            tailStart += 1
        } else {
            tail[tailStart].bytes = Array(piece.bytes[start...])
            tail[tailStart].characters -= removed
        }
    }

    func display(_ bundle: DisplayBundle, id: String?) {
        destination?.display(limits.limited(bundle), id: id)
    }

    func update(_ bundle: DisplayBundle, id: String) {
        destination?.update(limits.limited(bundle), id: id)
    }

    func clearOutput(wait: Bool) {
        // What was shown is gone: a cell that redraws its output starts its budget again.
        resetStream()
        destination?.clearOutput(wait: wait)
    }

    func readInput(prompt: String, password: Bool) throws(InputFailure) -> String {
        guard let destination else { throw .unavailable("no cell is running") }
        return try destination.readInput(prompt: prompt, password: password)
    }
}
