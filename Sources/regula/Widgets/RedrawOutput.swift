import JupyterKernel
import RegulaLanguage
import Synchronization

/// Where a redraw's own output goes: what `draw` prints and shows while a control moves. A cell's
/// output area no longer listens once its cell has ended, so this output is kept as nbformat
/// outputs and handed to the view's Output widget, which shows the latest redraw's and replaces
/// them on the next.
final class RedrawOutput: OutputSink, @unchecked Sendable {
    /// Text kept per redraw; what comes after is counted in a closing line, not kept.
    static let characterLimit = 1_000_000

    private let htmlLimit: () -> Int
    /// What the redraw wrote, shared by its thread and the shell thread's flushes.
    private struct Written {
        var outputs: [JSON] = []
        var characters = 0
        var dropped = 0
        var isChanged = false
    }
    private let written = Mutex(Written())

    init(htmlLimit: @escaping () -> Int) {
        self.htmlLimit = htmlLimit
    }

    /// Forgets what the last redraw wrote: a new one starts.
    func reset() {
        locked { state in
            if !state.outputs.isEmpty || state.dropped > 0 { state.isChanged = true }
            state.outputs = []
            state.characters = 0
            state.dropped = 0
        }
    }

    /// The outputs written since the last call that returned some, or nil when nothing changed.
    func takeChanges() -> [JSON]? {
        locked { state in
            guard state.isChanged else { return nil }
            state.isChanged = false
            guard state.dropped > 0 else { return state.outputs }
            return state.outputs + [Self.stream("stderr", "… \(state.dropped) more characters printed by this drawing are not shown\n")]
        }
    }

    func write(_ text: String, toStandardError: Bool) {
        let name = toStandardError ? "stderr" : "stdout"
        locked { state in
            state.isChanged = true
            guard state.characters < Self.characterLimit else {
                state.dropped += text.count
                return
            }
            state.characters += text.count
            // Consecutive writes to one stream are one output, as a notebook saves them.
            if let last = state.outputs.last, last["output_type"] == "stream", last["name"] == .string(name),
               case let .string(earlier) = last["text"] {
                state.outputs[state.outputs.count - 1] = Self.stream(name, earlier + text)
            } else {
                state.outputs.append(Self.stream(name, text))
            }
        }
    }

    func display(_ bundle: DisplayBundle, id: String?) {
        let data = MIMEBundle(bundle, htmlLimit: htmlLimit()).data
        locked { state in
            state.isChanged = true
            state.outputs.append(["output_type": "display_data", "data": .object(data), "metadata": [:]])
        }
    }

    /// An update replaces the latest display: within one redraw, displays keep no ids.
    func update(_ bundle: DisplayBundle, id: String) {
        let data = MIMEBundle(bundle, htmlLimit: htmlLimit()).data
        locked { state in
            state.isChanged = true
            let output: JSON = ["output_type": "display_data", "data": .object(data), "metadata": [:]]
            if let index = state.outputs.lastIndex(where: { $0["output_type"] == "display_data" }) {
                state.outputs[index] = output
            } else {
                state.outputs.append(output)
            }
        }
    }

    func clearOutput(wait: Bool) {
        locked { state in
            state.isChanged = true
            state.outputs = []
            state.characters = 0
        }
    }

    private static func stream(_ name: String, _ text: String) -> JSON {
        ["output_type": "stream", "name": .string(name), "text": .string(text)]
    }

    private func locked<T>(_ body: (inout Written) -> T) -> T {
        written.withLock { body(&$0) }
    }
}
