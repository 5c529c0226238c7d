#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JupyterKernel
import RegulaLanguage

/// The kernel's side of `interact`: opens a widget model per control (with the layout and style
/// models controls 2.0 needs) and a box holding them, shows the box above the first drawing, and
/// redraws on every change the front end sends.
///
/// The drawing is a display with a display id, replaced by `update_display_data`, not an Output
/// widget: it stays an ordinary output beside the widget view, so a saved notebook shows the last
/// drawing without a kernel or the widget extension, and nbconvert renders it.
final class LiveControls {
    /// Views kept live at once; opening one more closes the oldest's models.
    static let kept = 32

    private let session: Session
    private var comms: CommManager?
    private var views: [InteractiveView] = []
    private var shown = 0
    private var modelsOpened = 0
    /// Interactions a cell (or a redraw) made, with where to show them: shown when it ends, on the
    /// shell thread, since the language runs on a thread of its own that may not open comms.
    private var pending: [(Interaction, any OutputPublisher)] = []

    init(session: Session) {
        self.session = session
    }

    func attach(comms: CommManager) {
        self.comms = comms
    }

    /// Keeps `interaction` to show through `publisher` when the running cell ends (`showPending`).
    func add(_ interaction: Interaction, publisher: any OutputPublisher) {
        pending.append((interaction, publisher))
    }

    /// Shows the interactions kept since the last call, in the order they were made. Called on the
    /// shell thread after each cell (an `interact` inside a drawing shows in its Output widget).
    func showPending() {
        let waiting = pending
        pending = []
        for (interaction, publisher) in waiting { show(interaction, publisher: publisher) }
    }

    /// Shows `interaction` through `publisher`: the controls' box, then the first drawing. Without
    /// comms (a front end that never attached), only the first drawing.
    private func show(_ interaction: Interaction, publisher: any OutputPublisher) {
        shown += 1
        // The process id keeps two kernels' ids apart in one notebook.
        let displayID = "regula-interact-\(getpid())-\(shown)"
        guard let comms else {
            publisher.display(drawing(interaction.first), displayID: displayID)
            return
        }
        let view = InteractiveView(interaction: interaction, displayID: displayID, comms: comms) { [unowned self] in
            modelsOpened += 1
            return "regula-model-\(modelsOpened)"
        }
        view.onClose = { [weak self, weak view] in self?.views.removeAll { $0 === view } }
        view.redrawer = { [weak self] view, message in self?.redraw(view, after: message) }
        views.append(view)
        while views.count > Self.kept { views.removeFirst().close() }
        publisher.display(MIMEBundle(data: [
            "application/vnd.jupyter.widget-view+json": ["model_id": .string(view.boxID), "version_major": 2, "version_minor": 0],
            "text/plain": .string(interaction.controls.map { "\($0.label): \($0.control.description)" }.joined(separator: "\n")),
        ]), displayID: nil)
        publisher.display(drawing(interaction.first), displayID: displayID)
    }

    /// Redraws `view` for a change that came with `message`. A change that arrives while a redraw
    /// runs (read between its statements) stops it, and the loop draws again with the latest values;
    /// a burst of changes waiting at the start is read first and drawn once.
    private func redraw(_ view: InteractiveView, after message: CommMessage) {
        view.isStale = true
        guard !view.isRedrawing, let comms else { return }
        view.isRedrawing = true
        defer { view.isRedrawing = false }
        let output = RedrawOutput(htmlLimit: { [session] in session.outputLimits.html })
        let clock = ContinuousClock()
        var lastShown = clock.now
        /// Hands the Output widget what the drawing printed, now and then while it runs.
        func showOutput(_ always: Bool) {
            guard always || clock.now - lastShown > .milliseconds(100), let outputs = output.takeChanges() else { return }
            lastShown = clock.now
            view.showPrinted(outputs)
        }
        while view.isStale, view.isOpen {
            comms.deliverPending()
            view.isStale = false
            output.reset()
            var lastPoll = clock.now
            let trampoline = ShellTrampoline()
            let (session, interaction) = (session, view.interaction)
            let result = trampoline.run({
                session.redraw(interaction, output: output) {
                    // Between statements: read changes now and then (on the shell thread), so a newer
                    // one can supersede this drawing.
                    if clock.now - lastPoll > .milliseconds(20) {
                        lastPoll = clock.now
                        trampoline.ask()
                    }
                    return message.isInterrupted() || view.isStale
                }
            }, serve: { comms.deliverPending(); showOutput(false) })
            showOutput(true)
            if case let .failure(error) = result, error.kind == .interrupted, view.isStale, !message.isInterrupted() {
                continue
            }
            let drawn = drawing(result, interrupted: message.isInterrupted())
            message.publisher.update(drawn, displayID: view.displayID)
            view.keepDrawing(drawn)
        }
    }

    /// The output for a drawing, or for the error that stopped it.
    private func drawing(_ result: Result<DisplayBundle, RegulaError>, interrupted: Bool = false) -> MIMEBundle {
        switch result {
        case let .success(bundle):
            return MIMEBundle(bundle, htmlLimit: session.outputLimits.html)
        case let .failure(error):
            let text = interrupted && error.kind == .interrupted
                ? "Interrupted: the drawing was stopped; move a control to draw again."
                : ([ "\(error.kind.rawValue): \(error.message)"] + error.notes).joined(separator: "\n")
            return MIMEBundle(plainText: text)
        }
    }
}
