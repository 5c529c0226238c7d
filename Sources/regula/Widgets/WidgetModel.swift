#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JupyterKernel
import RegulaLanguage

/// The state of one model of the Jupyter widget protocol, version 2 (`@jupyter-widgets/base` 2.0,
/// `@jupyter-widgets/controls` 2.0, as JupyterLab 4 and ipywidgets 8 speak it). Keys left out
/// take the front end's defaults; those written here are the ones the views read.
struct WidgetModel {
    /// The protocol version a `comm_open` declares in its metadata.
    static let protocolVersion = "2.1.0"
    static let target = "jupyter.widget"
    static let controlsModule = "@jupyter-widgets/controls"
    static let baseModule = "@jupyter-widgets/base"

    var state: [String: JSON]

    /// A model `name` drawn by the view `view`, both from `module` at version 2.0.0 unless the
    /// view's module is given apart (the style models have the base module's `StyleView`).
    init(_ name: String, module: String = controlsModule, view: String, viewModule: String? = nil, _ attributes: [String: JSON]) {
        state = [
            "_model_name": .string(name), "_model_module": .string(module), "_model_module_version": "2.0.0",
            "_view_name": .string(view), "_view_module": .string(viewModule ?? module), "_view_module_version": "2.0.0",
        ].merging(attributes) { $1 }
    }

    /// How another model's state names a model: `IPY_MODEL_` and its comm id.
    static func reference(_ id: String) -> JSON { .string("IPY_MODEL_\(id)") }

    // MARK: - The models

    /// CSS for a view: a `width` if given; every other attribute takes the view's own default.
    static func layout(width: String? = nil) -> WidgetModel {
        WidgetModel("LayoutModel", module: baseModule, view: "LayoutView", width.map { ["width": .string($0)] } ?? [:])
    }

    /// The style a slider's view reads; `labelWidth` is CSS for its label's column.
    static func sliderStyle(labelWidth: JSON = "") -> WidgetModel {
        WidgetModel("SliderStyleModel", view: "StyleView", viewModule: baseModule, ["description_width": labelWidth, "handle_color": .null])
    }

    /// The style a drop-down's view reads.
    static func descriptionStyle(labelWidth: JSON = "") -> WidgetModel {
        WidgetModel("DescriptionStyleModel", view: "StyleView", viewModule: baseModule, ["description_width": labelWidth])
    }

    /// The style a check box's view reads.
    static func checkboxStyle(labelWidth: JSON = "") -> WidgetModel {
        WidgetModel("CheckboxStyleModel", view: "StyleView", viewModule: baseModule, ["description_width": labelWidth, "background": .null])
    }

    /// An Output widget (`@jupyter-widgets/output` 1.0.0) showing `outputs`, nbformat outputs
    /// that an update of its `outputs` replaces.
    static func output(layout: String) -> WidgetModel {
        var model = WidgetModel("OutputModel", module: "@jupyter-widgets/output", view: "OutputView", [
            "_dom_classes": [], "layout": reference(layout), "msg_id": "", "outputs": [], "tabbable": .null, "tooltip": .null,
        ])
        model.state["_model_module_version"] = "1.0.0"
        model.state["_view_module_version"] = "1.0.0"
        return model
    }

    /// A vertical (or, with `horizontal`, horizontal) box of `children`.
    static func box(children: [String], layout: String, horizontal: Bool = false) -> WidgetModel {
        WidgetModel(horizontal ? "HBoxModel" : "VBoxModel", view: horizontal ? "HBoxView" : "VBoxView", [
            "_dom_classes": [], "box_style": "", "children": .array(children.map(reference)),
            "layout": reference(layout), "tabbable": .null, "tooltip": .null,
        ])
    }

    /// The model for `control`, labelled `description`, with its layout and style models' ids.
    static func control(_ control: Control, description: String, layout: String, style: String) -> WidgetModel {
        var common: [String: JSON] = [
            "_dom_classes": [], "description": .string(description), "description_allow_html": false,
            "disabled": false, "layout": reference(layout), "style": reference(style), "tabbable": .null, "tooltip": .null,
        ]
        switch control.kind {
        case let .slider(minimum, maximum, step, isLogarithmic, isInteger):
            common.merge([
                "behavior": "drag-tap", "continuous_update": true, "orientation": "horizontal", "readout": true,
                "value": jsonNumber(control.value, integer: isInteger),
            ]) { $1 }
            if isLogarithmic {
                // The log slider's ends and step are base-10 exponents; its value is the number itself.
                common.merge(["base": 10.0, "min": .double(log10(minimum)), "max": .double(log10(maximum)),
                              "step": .double(step), "readout_format": ".3g"]) { $1 }
                return WidgetModel("FloatLogSliderModel", view: "FloatLogSliderView", common)
            }
            if isInteger {
                common.merge(["min": .int(Int(minimum)), "max": .int(Int(maximum)), "step": .int(Int(step)), "readout_format": "d"]) { $1 }
                return WidgetModel("IntSliderModel", view: "IntSliderView", common)
            }
            common.merge(["min": .double(minimum), "max": .double(maximum), "step": .double(step), "readout_format": ".3g"]) { $1 }
            return WidgetModel("FloatSliderModel", view: "FloatSliderView", common)
        case let .choice(options):
            common.merge(["_options_labels": .array(options.map { .string($0.printed) }), "index": .int(control.selectedIndex)]) { $1 }
            return WidgetModel("DropdownModel", view: "DropdownView", common)
        case .toggle:
            common.merge(["indent": true, "value": .bool(control.value.asBoolean ?? false)]) { $1 }
            return WidgetModel("CheckboxModel", view: "CheckboxView", common)
        }
    }

    /// The part of a control model's state that holds its value: what an update changes.
    static func valueState(of control: Control) -> [String: JSON] {
        switch control.kind {
        case let .slider(_, _, _, _, isInteger): ["value": jsonNumber(control.value, integer: isInteger)]
        case .choice: ["index": .int(control.selectedIndex)]
        case .toggle: ["value": .bool(control.value.asBoolean ?? false)]
        }
    }

    /// The value an update's state proposes for `control` (`value`, or a drop-down's `index`).
    static func proposedValue(in state: JSON, for control: Control) -> Value? {
        let key = if case .choice = control.kind { "index" } else { "value" }
        switch state[key] {
        case let .int(number): return control.kind.isToggle ? nil : .number(Double(number))
        case let .double(number): return control.kind.isToggle ? nil : .number(number)
        case let .bool(flag): return control.kind.isToggle ? .boolean(flag) : nil
        default: return nil
        }
    }

    /// True when `control` holds what the front end proposed, up to floating-point noise (the
    /// front end computes a log slider's 10 ** exponent itself).
    static func value(of control: Control, matches proposed: Value) -> Bool {
        guard let held = proposedValue(in: .object(valueState(of: control)), for: control) else { return false }
        if case let (.number(a), .number(b)) = (held, proposed) { return abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }
        return held.description == proposed.description
    }

    private static func jsonNumber(_ value: Value, integer: Bool) -> JSON {
        guard case let .number(number) = value else { return .null }
        return integer ? .int(Int(number)) : .double(number)
    }
}

extension Control.Kind {
    var isToggle: Bool { if case .toggle = self { true } else { false } }
    var isSlider: Bool { if case .slider = self { true } else { false } }
}

extension Value {
    var asBoolean: Bool? { if case let .boolean(flag) = self { flag } else { nil } }
}
