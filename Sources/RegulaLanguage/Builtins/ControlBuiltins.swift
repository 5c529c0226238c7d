#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RegulaLearning

/// Live controls and `interact`, which redraws a function of them as they move.
enum ControlBuiltins {
    static let all: [Builtin] = [slider, choice, toggle, interact]

    static let slider = Builtin(
        "slider",
        summary: "A slider for a number, a live control for `interact`.",
        documentation: "Moves between `from` and `to` in steps of `step` (by default a hundredth of the range, or a step near it that stops at `value`). With `log: true` it moves evenly in the exponent, for penalties and learning rates that span decades; both ends must then be above 0. Whole-number ends with a whole `step:` given make an integer slider. `value` starts it, moved to the nearest stop if it lies between two; by default the middle (the geometric middle for a log slider).",
        example: "let strength = slider(0.001, 10, value: 0.1, log: true)",
        parameters: [
            .positional("from", .number, "The smallest value."),
            .positional("to", .number, "The largest value, above `from`."),
            .labelled("value", .number, default: .nothing, "The value it starts at, between the ends."),
            .labelled("step", .number, default: .nothing, "How far one step moves (in the exponent for a log slider)."),
            .labelled("log", .bool, default: .boolean(false), "Move evenly in the base-10 exponent."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let (low, high, isLogarithmic) = (try call.number("from"), try call.number("to"), try call.boolean("log"))
        guard low.isFinite, high.isFinite, low < high else {
            throw RegulaError(.value, "slider() needs finite ends with from < to, got \(formatted(low)) and \(formatted(high))", at: call.range)
        }
        if isLogarithmic, low <= 0 {
            throw RegulaError(.value, "a log slider needs ends above 0, got \(formatted(low))", at: call.range(of: "from"))
        }
        let span = isLogarithmic ? log10(high) - log10(low) : high - low
        guard span.isFinite else {
            throw RegulaError(.value, "slider()'s range from \(formatted(low)) to \(formatted(high)) is too wide to step through", at: call.range)
        }
        var step = span / 100
        if !call.value("step").isNothing {
            step = try call.number("step")
            guard step > 0, step.isFinite, step <= span else {
                throw RegulaError(.value, "slider()'s step must be above 0 and at most the range (\(formatted(span))), got \(formatted(step))", at: call.range(of: "step"))
            }
            // A front end's slider draws every stop's position: keep their number within reason.
            guard span / step <= 10_000_000 else {
                throw RegulaError(.value, "slider()'s step \(formatted(step)) gives more than 10 million stops over the range (\(formatted(span))); take a larger step", at: call.range(of: "step"))
            }
        }
        // Whole numbers a front end holds exactly (JavaScript's safe integers), else a float slider.
        let isInteger = !isLogarithmic && [low, high, step].allSatisfy { $0.rounded() == $0 && abs($0) <= 9_007_199_254_740_991 }
            && call.value("step").isNothing == false
        let middle = isLogarithmic ? (low * high).squareRoot() : (isInteger ? ((low + high) / 2).rounded(.down) : (low + high) / 2)
        var start = middle
        if case .number = call.value("value") {
            start = try call.number("value")
            guard start >= low, start <= high else {
                throw RegulaError(.value, "slider()'s value must lie between \(formatted(low)) and \(formatted(high)), got \(formatted(start))", at: call.range(of: "value"))
            }
            // The default step is chosen so that the value given is one of the slider's stops.
            if call.value("step").isNothing {
                step = SliderGrid.defaultStep(from: low, to: high, through: start, isLogarithmic: isLogarithmic)
            }
        }
        let kind = Control.Kind.slider(minimum: low, maximum: high, step: step, isLogarithmic: isLogarithmic, isInteger: isInteger)
        // A value between stops moves to the nearest, as the slider itself would move it.
        let grid = SliderGrid(minimum: low, maximum: high, step: step, isLogarithmic: isLogarithmic)
        return .object(Control(kind: kind, value: .number(grid.snapped(start))))
    }

    static let choice = Builtin(
        "choice",
        summary: "A drop-down choice among options, a live control for `interact`.",
        documentation: "The options are strings or numbers, shown as they print. It starts at `value` when given, else at the first option.",
        example: "let kind = choice([\"l1\", \"l2\", \"elasticNet\"])",
        parameters: [
            .positional("options", .list, "What can be chosen, at least one."),
            .labelled("value", .any, default: .nothing, "The option it starts at."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard let options = try call.optionalList("options"), !options.isEmpty else {
            throw RegulaError(.value, "choice() needs at least one option", at: call.range(of: "options"))
        }
        for option in options {
            switch option {
            case .string, .number: continue
            default: throw RegulaError(.type, "choice()'s options are Strings or Numbers, got \(option.typeName)", at: call.range(of: "options"))
            }
        }
        // The drop-down shows each option as it prints: two that print alike could not be told apart.
        var seen = Set<String>()
        for option in options where !seen.insert(option.printed).inserted {
            throw RegulaError(.value, "choice()'s options must differ as shown, but \(option.printed) is there twice", at: call.range(of: "options"))
        }
        var control = Control(kind: .choice(options: options), value: options[0])
        if !call.value("value").isNothing {
            let start = call.value("value")
            guard options.contains(where: { $0.description == start.description }) else {
                throw RegulaError(.value, "choice()'s value \(start.description) is not one of its options", at: call.range(of: "value"))
            }
            control.value = start
        }
        return .object(control)
    }

    static let toggle = Builtin(
        "toggle",
        summary: "A check box for true or false, a live control for `interact`.",
        documentation: "It starts at `value`.",
        example: "let standardize = toggle(true)",
        parameters: [.positional("value", .bool, default: .boolean(false), "The value it starts at.")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        .object(Control(kind: .toggle, value: .boolean(try call.boolean("value"))))
    }

    static let interact = Builtin(
        "interact",
        summary: "Shows live controls and redraws a function of them as they move.",
        documentation: "Each labelled argument but `draw` is a control (`slider`, `choice`, `toggle`); `draw` takes their values in the order written and returns what to show. In a notebook the controls appear above the drawing, and each change reruns `draw` and replaces the drawing in place: a change arriving while a redraw runs supersedes it, an error in the first drawing fails the cell (the controls still show), an error in a redraw shows in place of the drawing and leaves the controls working, and an interrupt stops a redraw. The last drawing is an ordinary output, so a saved notebook shows it without a kernel. Outside a notebook (`regula run`) the controls are listed and drawn once.",
        example: "interact(strength: slider(0.001, 10, value: 0.1, log: true), draw: { strength in plot(l2(strength)) })",
        parameters: [
            .anyLabel("controls", .any, "The controls, each under the label that names it."),
            .labelled("draw", .function, "Draws the controls' values: one parameter per control, in order."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard case let .function(draw) = call.value("draw") else { throw call.typeMismatch("draw", expected: "a Function") }
        var controls: [(label: String, control: Control)] = []
        for argument in call.extraLabelled {
            guard let control = argument.value.as(Control.self) else {
                throw RegulaError(.type, "interact()'s '\(argument.label ?? ""):' must be a control (slider, choice or toggle), got \(argument.value.typeName)", at: argument.range)
            }
            controls.append((argument.label ?? "", control))
        }
        guard !controls.isEmpty else {
            throw RegulaError(.argument, "interact() needs at least one control, as in interact(x: slider(0, 1), draw: { x in x })", at: call.range)
        }
        guard let invoke = call.invokeFunction else { throw RegulaError(.type, "interact() cannot call \(draw.name) here", at: call.range) }
        var interaction = Interaction(controls: controls, draw: draw, range: call.range(of: "draw"), first: .success(DisplayBundle(plainText: "")))
        do throws(RegulaError) {
            interaction.first = .success(try invoke(draw, interaction.values, interaction.range).drawing)
        } catch {
            if error.kind == .interrupted { throw error }
            // The controls still show, to move to values `draw` can draw; but the cell fails, so a
            // notebook run (nbconvert, papermill, `regula run`) stops at a drawing that fails.
            let located = interaction.located(error)
            interaction.first = .failure(located)
            call.output.interact(interaction)
            throw located
        }
        call.output.interact(interaction)
        return .nothing
    }
}
