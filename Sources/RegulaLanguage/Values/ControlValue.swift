import RegulaLearning

/// A live control for `interact`: a slider, a choice among options or a toggle, with its value.
/// Outside `interact` it is a plain value that prints as what it would show.
public struct Control: ValueKind {
    /// What the control is, with what it allows.
    public enum Kind: Sendable {
        /// A number between `minimum` and `maximum` in steps of `step`; a logarithmic slider
        /// moves by `step` in the base-10 exponent. An integer slider takes whole numbers only.
        case slider(minimum: Double, maximum: Double, step: Double, isLogarithmic: Bool, isInteger: Bool)
        /// One of `options`.
        case choice(options: [Value])
        /// True or false.
        case toggle
    }

    public static let typeName = "Control"
    public let kind: Kind
    /// The value the control holds now, handed to the drawing function.
    public var value: Value

    public init(kind: Kind, value: Value) {
        self.kind = kind
        self.value = value
    }

    public var description: String { "\(offered) at \(value.description)" }

    /// What the control offers, without where it stands: "log slider 0.001…10". A saved widget
    /// view's text says this, true however far the control moved after the notebook ran.
    public var offered: String {
        switch kind {
        case let .slider(minimum, maximum, _, isLogarithmic, isInteger):
            "\(isLogarithmic ? "log " : "")\(isInteger ? "integer " : "")slider \(formatted(minimum))…\(formatted(maximum))"
        case let .choice(options):
            "choice of " + options.map(\.description).joined(separator: ", ")
        case .toggle:
            "toggle"
        }
    }

    /// The index of the value among a choice's options (0 for other kinds).
    public var selectedIndex: Int {
        guard case let .choice(options) = kind else { return 0 }
        return options.firstIndex { $0.description == value.description } ?? 0
    }

    /// The control moved to `proposed` (a number, an option's index, a Bool), kept within what it
    /// allows (a slider's value on its nearest stop); nil when `proposed` is not of the control's
    /// kind. A slider proposed the stop it holds is returned unchanged.
    public func moved(to proposed: Value) -> Control? {
        var control = self
        switch (kind, proposed) {
        case let (.slider(minimum, maximum, step, isLogarithmic, _), .number(number)) where number.isFinite:
            let grid = SliderGrid(minimum: minimum, maximum: maximum, step: step, isLogarithmic: isLogarithmic)
            // The front end's arithmetic for the stop the control already holds is not a move.
            if case let .number(current) = value, grid.position(of: number) == grid.position(of: current) { return control }
            control.value = .number(grid.snapped(min(max(number, minimum), maximum)))
        case let (.choice(options), .number(index)) where index.rounded() == index && index >= 0 && index < Double(options.count):
            control.value = options[Int(index)]
        case (.toggle, .boolean):
            control.value = proposed
        default:
            return nil
        }
        return control
    }
}

/// What `interact` hands its host: the controls, by label in the order written, the function that
/// draws their values, and its first drawing (or the error it stopped with).
public struct Interaction: Sendable {
    public var controls: [(label: String, control: Control)]
    let draw: UserFunction
    let range: SourceRange
    /// The first drawing, made while the cell ran.
    public var first: Result<DisplayBundle, RegulaError>

    /// The controls' values, in order: the drawing function's arguments.
    public var values: [Value] { controls.map(\.control.value) }

    /// `error` as `draw` stopped with it, its last note naming the drawing and the values drawn
    /// ("in interact's draw: at line 2, with x = 1") instead of an anonymous function's call.
    func located(_ error: RegulaError) -> RegulaError {
        var error = error
        if error.notes.last == "in a call to \(draw.name)() at line \(range.start.line)" { error.notes.removeLast() }
        let drawn = controls.map { "\($0.label) = \($0.control.value.printed)" }.joined(separator: ", ")
        error.notes.append("in interact's draw: at line \(range.start.line), with \(drawn)")
        return error
    }
}

extension Value {
    /// What a drawing shows of the value: its display, or its text.
    var drawing: DisplayBundle { display ?? DisplayBundle(plainText: printed) }
}

extension Session {
    /// Draws `interaction` again with its controls' current values, as the cell that made it would:
    /// seeing the globals as they are now, its output going to `output`. What it assigns to globals
    /// stays. An interrupt stops it with an `Interrupted` error.
    public func redraw(
        _ interaction: Interaction, output: any OutputSink, isInterrupted: @escaping () -> Bool
    ) -> Result<DisplayBundle, RegulaError> {
        LargeStack.run {
            var evaluator = Evaluator(globals: globals, output: output, isInterrupted: isInterrupted)
            defer { replaceGlobals(evaluator.globals) }
            do throws(RegulaError) {
                return .success(try evaluator.invoke(interaction.draw, with: interaction.values, at: interaction.range).drawing)
            } catch {
                return .failure(error.kind == .interrupted ? error : interaction.located(error))
            }
        }
    }
}
