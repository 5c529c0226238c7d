import RegulaLearning
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Built-ins that write, show, page or wait.
enum OutputBuiltins {
    static let all: [Builtin] = [print, warn, show, update, clearOutput, help, sleep, check, input, outputLimits]

    static let print = Builtin(
        "print",
        summary: "Writes values to standard output.",
        documentation: "Strings are written without quotes; other values as they display. Values are separated by `separator` and followed by `terminator`.",
        example: "print(\"hello, world\")",
        parameters: [
            .variadic("values", .any, "What to write, in order."),
            .labelled("separator", .string, default: .string(" "), "Written between two values."),
            .labelled("terminator", .string, default: .string("\n"), "Written after the last value."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let text = call.variadic.map(\.value.printed).joined(separator: try call.string("separator")) + (try call.string("terminator"))
        call.write(text)
        return .nothing
    }

    static let warn = Builtin(
        "warn",
        summary: "Writes values to standard error, as a warning.",
        documentation: "Like `print`, but to standard error, which notebooks show highlighted.",
        example: "warn(\"the learning rate is large\")",
        parameters: [.variadic("values", .any, "What to write, separated by spaces.")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        call.write(call.variadic.map(\.value.printed).joined(separator: " ") + "\n", toStandardError: true)
        return .nothing
    }

    static let show = Builtin(
        "show",
        summary: "Displays a value now, in the middle of a cell.",
        documentation: "A chart shows as a picture, a table as a table. With an `id`, a later `update(_, id:)` replaces the display in place.",
        example: "show(plot([1, 4, 9]))",
        parameters: [
            .positional("value", .any, "What to display."),
            .labelled("id", .string, default: .nothing, "A name for the display, for `update(_, id:)` to replace it later."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let bundle = call.value("value").display ?? DisplayBundle(plainText: "nothing")
        call.display(bundle, id: try call.optionalString("id"))
        return .nothing
    }

    static let update = Builtin(
        "update",
        summary: "Replaces the display shown with `show(_, id:)`.",
        documentation: "Updates in place the output that `show` created with the same id, wherever it is in the notebook.",
        example: "show(\"starting\", id: \"status\")\nupdate(\"done\", id: \"status\")",
        parameters: [
            .positional("value", .any, "What to display instead."),
            .labelled("id", .string, "The id the display was shown with."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let bundle = call.value("value").display ?? DisplayBundle(plainText: "nothing")
        call.update(bundle, id: try call.string("id"))
        return .nothing
    }

    static let clearOutput = Builtin(
        "clearOutput",
        summary: "Clears the cell's output.",
        documentation: "With `wait: true`, the output is cleared when the next output arrives, which avoids flicker.",
        example: "print(\"gone soon\")\nclearOutput()",
        parameters: [.labelled("wait", .bool, default: .boolean(false), "Clear only when the next output arrives.")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        call.clearOutput(wait: try call.boolean("wait"))
        return .nothing
    }

    static let help = Builtin(
        "help",
        summary: "Opens the documentation of a built-in in the pager.",
        documentation: "Give the built-in itself (`help(plot)`) or its name as a string (`help(\"plot\")`).",
        example: "help(plot)",
        parameters: [.positional("subject", .any, "A built-in, or its name as a String.")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let builtin: Builtin
        switch call.value("subject") {
        case let .builtin(value):
            builtin = value
        case let .string(name):
            guard let found = BuiltinRegistry.all[name] else {
                let suggestion = Suggestion.closest(to: name, among: BuiltinRegistry.names).map { " Did you mean '\($0)'?" } ?? ""
                throw RegulaError(.name, "there is no built-in named '\(name)'.\(suggestion)", at: call.range(of: "subject"))
            }
            builtin = found
        case let other:
            call.page(DisplayBundle(plainText: "A value of type \(other.typeName): \(other.description)"))
            return .nothing
        }
        call.page(DisplayBundle(plainText: builtin.helpText))
        return .nothing
    }

    static let sleep = Builtin(
        "sleep",
        summary: "Waits for a number of seconds.",
        documentation: "Stops early, with an Interrupted error, when the kernel is interrupted.",
        example: "sleep(0.1)",
        parameters: [.positional("seconds", .number, "How long to wait, at least 0.")]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let seconds = try call.number("seconds")
        guard seconds >= 0, seconds.isFinite else {
            throw RegulaError(.value, "sleep() needs a finite number of seconds ≥ 0, got \(formatted(seconds))", at: call.range(of: "seconds"))
        }
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if call.interrupted { throw RegulaError(.interrupted, "the cell was interrupted during sleep()", at: call.range) }
            usleep(useconds_t(min(0.01, max(0, deadline.timeIntervalSinceNow)) * 1_000_000))
        }
        return .nothing
    }

    static let check = Builtin(
        "check",
        summary: "States a claim and checks it: prints ✓ and the claim when it holds, fails the cell with a CheckError when it does not.",
        documentation: "How a notebook draws its conclusions from its own outputs: `check(fit.zeros > 0, \"the proximal fit has exact zeros\")`. Run again on other data or settings, a claim that no longer holds stops the notebook there, saying which.",
        example: "check(1 + 1 == 2, \"arithmetic still works\")",
        parameters: [
            .positional("condition", .bool, "Whether the claim holds, computed from the notebook's results."),
            .positional("claim", .string, "The claim in words, printed after ✓ or quoted by the error."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard case let .boolean(holds) = call.value("condition") else {
            throw call.typeMismatch("condition", expected: "a Bool, such as fit.zeros > 0")
        }
        let claim = try call.string("claim")
        guard holds else { throw RegulaError(.check, "this claim does not hold: \(claim)", at: call.range(of: "condition")) }
        call.write("✓ \(claim)\n")
        return .nothing
    }

    static let input = Builtin(
        "input",
        summary: "Asks the user to type a line, and returns it as a String.",
        documentation: "The notebook shows `prompt` with a text box under the cell and waits; `password: true` hides what is typed. Front ends that take no input (nbconvert, papermill, or `allow_stdin: false`) make it an InputError; an interrupt stops the wait. Outside Jupyter, `regula run` reads a line of standard input.",
        example: "let name = input(\"Your name: \")",
        parameters: [
            .positional("prompt", .string, default: .string(""), "Shown before the text box."),
            .labelled("password", .bool, default: .boolean(false), "Hide what is typed."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let prompt = try call.string("prompt")
        let password = try call.boolean("password")
        do throws(InputFailure) {
            return .string(try call.readInput(prompt: prompt, password: password))
        } catch let .unavailable(reason) {
            throw RegulaError(.input, "input() cannot ask for a line here: \(reason)", at: call.range)
        } catch {
            throw RegulaError(.interrupted, "the cell was interrupted while input() waited", at: call.range)
        }
    }

    static let outputLimits = Builtin(
        "outputLimits",
        summary: "Shows or changes how much of a cell's output is sent to the notebook.",
        documentation: "`text`: characters of a result's or display's plain text (default 10,000); longer text keeps its start and end around a note, as numpy summarizes. `html`: characters of a display's HTML (default 300,000); a larger table shows as plain text, and a larger chart leaves out its HTML rendition (the picture untrusted notebooks show), keeping its SVG. `stream`: characters a cell may print to stdout and stderr together (default 500,000); past it printing stops, and at the cell's end a note says how much was dropped and shows the last lines. Only what is shown is cut: values stay whole. Tables show at most 50 rows and 20 columns (the first and last 10). The new limits hold for the rest of the session; the call returns them all.",
        example: "outputLimits(stream: 2e6)",
        parameters: [
            .labelled("text", .number, default: .nothing, "Characters of a result's or display's plain text; unchanged when left out."),
            .labelled("html", .number, default: .nothing, "Characters of a display's HTML; unchanged when left out."),
            .labelled("stream", .number, default: .nothing, "Characters a cell may print to stdout and stderr together; unchanged when left out."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard let output = call.output as? LimitedOutput else {
            throw RegulaError(.value, "outputLimits() works only inside a session's cell", at: call.range)
        }
        var limits = output.limits
        for (name, keyPath) in [("text", \OutputLimits.text), ("html", \OutputLimits.html), ("stream", \OutputLimits.stream)] {
            if case .nothing = call.value(name) { continue }
            let number = try call.number(name)
            guard number.isFinite, number >= 100, number <= 1e9, number == number.rounded() else {
                throw RegulaError(.value, "outputLimits()'s '\(name):' is a whole number of characters from 100 to 1e9, got \(formatted(number))", at: call.range(of: name))
            }
            limits[keyPath: keyPath] = Int(number)
        }
        output.limits = limits
        return .tuple([.number(Double(limits.text)), .number(Double(limits.html)), .number(Double(limits.stream))], labels: ["text", "html", "stream"])
    }
}
