#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Crypto
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
    /// Views one cell keeps live at once (one without a cell id counts with all such); opening one
    /// more closes that cell's oldest view's models.
    static let kept = 32

    private let session: Session
    private var comms: CommManager?
    /// The views live now, each with the cell that showed it.
    private var views: [(view: InteractiveView, cellID: String?)] = []
    private var shown = 0
    private var modelsOpened = 0
    /// The running cell: its id, and a digest of its code and execution count that starts the ids
    /// of the models it opens.
    private var cell: (id: String?, digest: String) = (nil, "")
    /// Interactions a cell made, with where to show them: shown when it ends, on the shell
    /// thread, since the language runs on a thread of its own that may not open comms.
    private var pending: [(Interaction, any OutputPublisher)] = []

    init(session: Session) {
        self.session = session
    }

    func attach(comms: CommManager) {
        self.comms = comms
    }

    /// Called before a cell runs. The views of the cell it re-runs are gone from the page (the
    /// front end clears its outputs): their models are closed. A deleted cell's are kept, as
    /// ipykernel keeps them: undoing the delete brings its output back, live.
    func beginCell(code: String, executionCount: Int, origin: CellOrigin) {
        if let rerun = origin.cellID {
            let closing = views.filter { $0.cellID == rerun }
            views.removeAll { $0.cellID == rerun }
            for entry in closing { entry.view.close() }
        }
        // A model's id stays the same when the same notebook runs again (nbclient saves the ids
        // in the notebook), and differs between cells: after a kernel restart a saved view of one
        // cell must not find another cell's new model under its old id.
        let digest = SHA256.hash(data: Array("\(executionCount)\n\(code)".utf8))
        let hex = digest.prefix(4).map { byte in String(byte >> 4, radix: 16) + String(byte & 0xF, radix: 16) }
        cell = (origin.cellID, hex.joined())
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
        let digest = cell.digest
        let view = InteractiveView(interaction: interaction, displayID: displayID, comms: comms) { [unowned self] in
            modelsOpened += 1
            return "regula-model-\(digest)-\(modelsOpened)"
        }
        view.onClose = { [weak self, weak view] in self?.views.removeAll { $0.view === view } }
        view.redrawer = { [weak self] view, message in self?.redraw(view, after: message) }
        views.append((view, cell.id))
        let cellID = cell.id
        while views.count(where: { $0.cellID == cellID }) > Self.kept,
              let oldest = views.firstIndex(where: { $0.cellID == cellID }) {
            views.remove(at: oldest).view.close()
        }
        publisher.display(MIMEBundle(data: [
            "application/vnd.jupyter.widget-view+json": ["model_id": .string(view.boxID), "version_major": 2, "version_minor": 0],
            // Without values: the drawing below says where the controls stood when it was drawn.
            "text/plain": .string(interaction.controls.map { "\($0.label): \($0.control.offered)" }.joined(separator: "\n")),
        ]), displayID: nil)
        publisher.display(drawing(interaction.first), displayID: displayID)
    }

    /// Redraws `view` for a change that came with `message`. A change that arrives while a redraw
    /// runs (read between its statements) stops it, and the loop draws again with the latest values;
    /// a burst of changes waiting at the start is read first and drawn once. The change's idle is
    /// published as the redraw starts, so the kernel's end of a redraw is its `update_display_data`.
    private func redraw(_ view: InteractiveView, after message: CommMessage) {
        view.isStale = true
        guard !view.isRedrawing, let comms else { return }
        view.isRedrawing = true
        defer { view.isRedrawing = false }
        // The front end may send the next change now (ipywidgets waits for this idle), so that
        // change can reach this redraw and supersede it.
        message.finishEarly()
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
            // The drawing's update comes last: a redraw's end, as a front end sees it.
            view.keepDrawing(drawn)
            message.publisher.update(drawn, displayID: view.displayID)
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
