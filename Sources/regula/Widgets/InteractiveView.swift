import JupyterKernel
import RegulaLanguage

/// One `interact`'s widget models, open as comms: per control a layout, a style and the control;
/// then the box's layout and the box. It answers the front end's `update` and `request_state`.
final class InteractiveView {
    var interaction: Interaction
    let displayID: String
    private(set) var boxID = ""
    private(set) var outputID = ""
    /// Each open model's comm and current state, by comm id.
    private var models: [String: (comm: Comm, model: WidgetModel)] = [:]
    private var order: [String] = []
    /// True while a redraw runs; a change then sets `isStale` instead of drawing at once.
    var isRedrawing = false
    var isStale = false
    private(set) var isOpen = true
    /// True once a front end asked for the models' state: a reloaded page, which restores the
    /// controls from the kernel but has lost track of the drawing's display id. Drawings then also
    /// go to the Output widget, where that page sees them.
    private(set) var isReattached = false
    /// What the latest redraw printed or showed, and its drawing, as nbformat outputs.
    private var printed: [JSON] = []
    private var drawn: JSON?
    /// Called with a change from the front end, to redraw.
    var redrawer: ((InteractiveView, CommMessage) -> Void)?
    /// Called once when the view closes, by either end.
    var onClose: (() -> Void)?

    /// Names each new model: ids that follow from the order of opening, not random ones, so the
    /// same notebook run twice saves the same bytes (a widget view's output holds its model's id).
    private let nextID: () -> String

    init(interaction: Interaction, displayID: String, comms: CommManager, nextID: @escaping () -> String) {
        self.interaction = interaction
        self.nextID = nextID
        self.displayID = displayID
        var children: [String] = []
        // One label column wide enough for the longest label (the front end's default cuts
        // labels at 80 px; past 40 characters one is cut with an ellipsis), and sliders whose
        // track is as long, to aim with, however wide the labels.
        let longest = interaction.controls.map(\.label.count).max() ?? 0
        let labelPixels = min(max(80, 8 * longest + 16), 336)
        let labelWidth: JSON = .string("\(labelPixels)px")
        for (index, entry) in interaction.controls.enumerated() {
            let layout = open(.layout(width: entry.control.kind.isSlider ? "calc(\(labelPixels)px + 26em)" : nil), comms: comms)
            let style: WidgetModel = switch entry.control.kind {
            case .slider: .sliderStyle(labelWidth: labelWidth)
            case .choice: .descriptionStyle(labelWidth: labelWidth)
            case .toggle: .checkboxStyle(labelWidth: labelWidth)
            }
            let styleID = open(style, comms: comms)
            let model = WidgetModel.control(entry.control, description: entry.label, layout: layout, style: styleID)
            children.append(open(model, comms: comms, control: index))
        }
        // Below the controls, what the latest redraw printed or showed (empty until one does).
        outputID = open(.output(layout: open(.layout(), comms: comms)), comms: comms)
        boxID = open(.box(children: children + [outputID], layout: open(.layout(), comms: comms)), comms: comms)
    }

    /// Opens a comm for `model`; a control's (its index in `interaction.controls`) takes updates.
    private func open(_ model: WidgetModel, comms: CommManager, control: Int? = nil) -> String {
        let comm = comms.open(
            target: WidgetModel.target, data: ["state": .object(model.state), "buffer_paths": []],
            metadata: ["version": .string(WidgetModel.protocolVersion)], id: nextID())
        models[comm.id] = (comm, model)
        order.append(comm.id)
        comm.onMessage = { [weak self] message in self?.receive(message, on: comm.id, control: control) }
        comm.onClose = { [weak self] _ in self?.close() }
        return comm.id
    }

    private func receive(_ message: CommMessage, on id: String, control: Int?) {
        guard let (comm, model) = models[id] else { return }
        switch message.data["method"].stringValue {
        case "request_state":
            isReattached = true
            comm.send(data: ["method": "update", "state": .object(model.state), "buffer_paths": []])
        case "update":
            guard let control, let proposed = WidgetModel.proposedValue(in: message.data["state"], for: interaction.controls[control].control),
                  let moved = interaction.controls[control].control.moved(to: proposed) else { return }
            if !WidgetModel.value(of: moved, matches: proposed) {
                // Kept within the ends or moved to a stop: the front end shows what is drawn.
                comm.send(data: ["method": "update", "state": .object(WidgetModel.valueState(of: moved)), "buffer_paths": []])
            }
            // The slider settling on the stop it was drawn at is not a change: nothing to redraw.
            guard WidgetModel.valueState(of: moved) != WidgetModel.valueState(of: interaction.controls[control].control) else { return }
            interaction.controls[control].control = moved
            models[id]?.model.state.merge(WidgetModel.valueState(of: moved)) { $1 }
            redrawer?(self, message)
        default:
            // `echo_update` and custom messages change nothing here.
            return
        }
    }

    /// Shows what the running redraw printed or showed so far in the Output widget.
    func showPrinted(_ outputs: [JSON]) {
        printed = outputs
        showInOutput()
    }

    /// Keeps `drawing` as the latest; a reattached page sees it in the Output widget.
    func keepDrawing(_ drawing: MIMEBundle) {
        drawn = ["output_type": "display_data", "data": .object(drawing.data), "metadata": .object(drawing.metadata)]
        if isReattached { showInOutput() }
    }

    /// Sends the Output widget its outputs: the prints, then the drawing for a reattached page.
    private func showInOutput() {
        guard let (comm, _) = models[outputID] else { return }
        let outputs = JSON.array(printed + (isReattached ? [drawn].compactMap { $0 } : []))
        models[outputID]?.model.state["outputs"] = outputs
        comm.send(data: ["method": "update", "state": ["outputs": outputs], "buffer_paths": []])
    }

    /// Closes every model still open (the front end closed one, or the view is no longer kept).
    func close() {
        guard isOpen else { return }
        isOpen = false
        for id in order.reversed() { models[id]?.comm.close() }
        models = [:]
        onClose?()
    }
}
