import Foundation
import JupyterKernel
import RegulaLanguage

/// Where a redraw's own output goes: what `draw` prints and shows while a control moves. A cell's
/// output area no longer listens once its cell has ended, so this output is kept as nbformat
/// outputs and handed to the view's Output widget, which shows the latest redraw's and replaces
/// them on the next.
final class RedrawOutput: OutputSink, @unchecked Sendable {
    /// Text kept per redraw; what comes after is counted in a closing line, not kept.
    static let characterLimit = 1_000_000

    private let lock = NSLock()
    private let htmlLimit: () -> Int
    private var outputs: [JSON] = []
    private var characters = 0
    private var dropped = 0
    private var isChanged = false

    init(htmlLimit: @escaping () -> Int) {
        self.htmlLimit = htmlLimit
    }

    /// Forgets what the last redraw wrote: a new one starts.
    func reset() {
        locked {
            if !outputs.isEmpty || dropped > 0 { isChanged = true }
            outputs = []
            characters = 0
            dropped = 0
        }
    }

    /// The outputs written since the last call that returned some, or nil when nothing changed.
    func takeChanges() -> [JSON]? {
        locked {
            guard isChanged else { return nil }
            isChanged = false
            guard dropped > 0 else { return outputs }
            return outputs + [Self.stream("stderr", "… \(dropped) more characters printed by this drawing are not shown\n")]
        }
    }

    func write(_ text: String, toStandardError: Bool) {
        let name = toStandardError ? "stderr" : "stdout"
        locked {
            isChanged = true
            guard characters < Self.characterLimit else {
                dropped += text.count
                return
            }
            characters += text.count
            // Consecutive writes to one stream are one output, as a notebook saves them.
            if let last = outputs.last, last["output_type"] == "stream", last["name"] == .string(name),
               case let .string(earlier) = last["text"] {
                outputs[outputs.count - 1] = Self.stream(name, earlier + text)
            } else {
                outputs.append(Self.stream(name, text))
            }
        }
    }

    func display(_ bundle: DisplayBundle, id: String?) {
        let data = MIMEBundle(bundle, htmlLimit: htmlLimit()).data
        locked {
            isChanged = true
            outputs.append(["output_type": "display_data", "data": .object(data), "metadata": [:]])
        }
    }

    /// An update replaces the latest display: within one redraw, displays keep no ids.
    func update(_ bundle: DisplayBundle, id: String) {
        let data = MIMEBundle(bundle, htmlLimit: htmlLimit()).data
        locked {
            isChanged = true
            let output: JSON = ["output_type": "display_data", "data": .object(data), "metadata": [:]]
            if let index = outputs.lastIndex(where: { $0["output_type"] == "display_data" }) {
                outputs[index] = output
            } else {
                outputs.append(output)
            }
        }
    }

    func clearOutput(wait: Bool) {
        locked {
            isChanged = true
            outputs = []
            characters = 0
        }
    }

    private static func stream(_ name: String, _ text: String) -> JSON {
        ["output_type": "stream", "name": .string(name), "text": .string(text)]
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
