import Synchronization

/// A built-in function, declared once: its parameters give the signature, the binding of
/// arguments, completion of labels, `help` and `docs/reference.md`.
public struct Builtin: Sendable {
    public typealias Implementation = @Sendable (_ call: inout Call) throws(RegulaError) -> Value

    public var name: String
    public var summary: String
    public var documentation: String
    public var example: String
    public var parameters: [Parameter]
    /// The forms of a built-in that does a different thing for each kind of first argument
    /// (`plot`); empty for one that has a single form, its own parameters.
    public private(set) var forms: [Form] = []
    /// What the built-in stands for when it is passed without being called: `linear` is the
    /// linear model for `fit`, `relu` the activation for `mlp`, `l1` the L1 ball for `geometry`.
    /// Arguments are recognised by it, never by the built-in's name.
    public private(set) var denotes: (any Sendable)?
    /// For a form: what its first argument is, as errors name it ("plot() of a Path").
    public private(set) var formSubject: String?
    /// The form a first argument declares for itself (a kind of value's own `plot` form), tried
    /// before `forms`: a kind unknown to the list still has its form.
    private var formOfValue: (@Sendable (Value) -> Form?)?
    let implementation: Implementation

    /// A built-in whose signature is derived from `parameters`.
    public init(
        _ name: String, summary: String, documentation: String, example: String,
        parameters: [Parameter], implementation: @escaping Implementation
    ) {
        self.name = name
        self.summary = summary
        self.documentation = documentation
        self.example = example
        self.parameters = parameters
        self.implementation = implementation
    }

    /// A built-in with a form per kind of first argument: a call is bound to the first form that
    /// accepts its first unlabelled argument, so a label that form does not take is an error
    /// (`plot([1, 2], cv: cv)`), not ignored. The built-in's own parameters, all forms' labelled
    /// ones, serve completion of labels.
    public init(
        _ name: String, summary: String, documentation: String, example: String, forms: [Form],
        formOfValue: (@Sendable (Value) -> Form?)? = nil
    ) {
        var labelled: [Parameter] = []
        for form in forms {
            for parameter in form.builtin.parameters where parameter.label != nil && !labelled.contains(where: { $0.label == parameter.label }) {
                labelled.append(parameter)
            }
        }
        self.init(name, summary: summary, documentation: documentation, example: example, parameters: labelled) { (call: inout Call) throws(RegulaError) -> Value in
            // Calls are bound to a form (`Call.init`), never to the built-in itself.
            throw RegulaError(.argument, "\(name)() needs something to draw", at: call.range)
        }
        self.forms = forms.map { $0.named(name) }
        self.formOfValue = formOfValue
    }

    /// How the built-in is called, as `linspace(_ from: Number, _ to: Number, count: Number = 50)`;
    /// a line per form for a built-in with forms.
    public var signature: String {
        if !forms.isEmpty { return forms.map(\.builtin.signature).joined(separator: "\n") }
        return "\(name)(" + parameters.map(\.spelled).joined(separator: ", ") + ")"
    }

    /// The built-in standing for `meaning` when passed uncalled (`denotes`).
    public func denoting(_ meaning: any Sendable) -> Builtin {
        var builtin = self
        builtin.denotes = meaning
        return builtin
    }

    /// How errors name a call of it: `fit()`, or `plot() of a Path` for a form.
    var callName: String { formSubject.map { "\(name)() of \($0)" } ?? "\(name)()" }

    /// The help page: signature, summary, the parameters (of each form), documentation and example.
    public var helpText: String {
        let listing = forms.isEmpty ? Self.listing(parameters, heading: "Parameters:")
            : forms.map { Self.listing($0.builtin.parameters, heading: "Of \($0.subject): \($0.builtin.summary)") }.joined()
        // A method's page has no example, and often no documentation beyond its summary.
        let details = documentation.isEmpty || documentation == summary ? "" : "\(documentation)\n\n"
        let example = example.isEmpty ? "" : "Example:\n    \(example.replacing("\n", with: "\n    "))"
        return "\(signature)\n\n\(summary)\n\n\(listing)\(details)\(example)".trimmingSuffix()
    }

    private static func listing(_ parameters: [Parameter], heading: String) -> String {
        parameters.isEmpty ? "" : heading + "\n" + parameters.map { parameter in
            "    \(parameter.spelled)\n" + (parameter.documentation.isEmpty ? "" : "        \(parameter.documentation)\n")
        }.joined() + "\n"
    }

    /// The form that takes `arguments`, chosen by the first unlabelled one; the built-in itself
    /// when it has no forms.
    func form(for arguments: [EvaluatedArgument], at range: SourceRange) throws(RegulaError) -> Builtin {
        guard !forms.isEmpty else { return self }
        guard let first = arguments.first(where: { $0.label == nil }) else {
            throw RegulaError(.argument, "\(name)() needs something to draw, as in \(name)([1, 4, 9])", at: range)
        }
        if let form = formOfValue?(first.value) { return form.named(name).builtin }
        guard let form = forms.first(where: { $0.accepts(first.value) }) else {
            let subjects = forms.map(\.subject)
            let listing = subjects.dropLast().joined(separator: ", ") + (subjects.count > 1 ? " or " : "") + (subjects.last ?? "")
            throw RegulaError(.type, "\(name)() draws \(listing); got \(article(first.value.typeName)) \(first.value.typeName) here", at: first.range)
        }
        return form.builtin
    }
}

extension Builtin {
    /// One form of a built-in with forms: the kind of first argument it accepts, and the
    /// built-in (its parameters, summary and implementation) that a call with one is bound to.
    public struct Form: Sendable {
        /// What the first argument is, as the reference and errors say it: "a Path", "Lists of numbers".
        public let subject: String
        let accepts: @Sendable (Value) -> Bool
        var builtin: Builtin

        /// A form whose parameters start with its subject's; the name is the built-in's, given later.
        public init(
            subject: String, summary: String, parameters: [Parameter],
            accepts: @escaping @Sendable (Value) -> Bool, implementation: @escaping Implementation
        ) {
            self.subject = subject
            self.accepts = accepts
            builtin = Builtin("", summary: summary, documentation: "", example: "", parameters: parameters, implementation: implementation)
        }

        /// The form as one of the built-in `name`'s.
        func named(_ name: String) -> Form {
            var form = self
            form.builtin.name = name
            form.builtin.formSubject = subject
            return form
        }
    }
}

/// An argument as evaluated: its label, value and where it was written.
public struct EvaluatedArgument: Sendable {
    public var label: String?
    public var value: Value
    /// Where the value was written.
    public var range: SourceRange
    /// Where the label was written, if there is one.
    public var labelRange: SourceRange?
}

/// One call of a built-in: its arguments bound to parameters, and the means to show output.
public struct Call {
    public let builtin: Builtin
    public let range: SourceRange
    /// The argument (or default) of each parameter, by its index in `builtin.parameters`;
    /// nil for the variadic and any-label ones.
    var bound: [(value: Value, range: SourceRange)?]
    /// Values for the variadic parameter, in order.
    public var variadic: [EvaluatedArgument]
    /// Labelled arguments beyond the parameters, for built-ins that accept any label.
    public var extraLabelled: [EvaluatedArgument]
    let output: any OutputSink
    let isInterrupted: () -> Bool
    var pages: [DisplayBundle] = []
    /// Calls a function written in Regula, when an argument is one (set by the evaluator).
    var invokeFunction: ((UserFunction, [Value], SourceRange) throws(RegulaError) -> Value)?

    /// The value for parameter `name` (its default when not given).
    public func value(_ name: String) -> Value { argument(name)?.value ?? .nothing }

    /// Where the argument for `name` was written, or the whole call for a default.
    public func range(of name: String) -> SourceRange { argument(name)?.range ?? range }

    /// The bound argument of the parameter `name`. A name the built-in does not declare is a
    /// mistake in its implementation: it reads as `nothing`, and is recorded for the test that
    /// runs every golden file and example (`UndeclaredArguments`).
    private func argument(_ name: String) -> (value: Value, range: SourceRange)? {
        guard let index = builtin.parameters.firstIndex(where: { $0.name == name }) else {
            UndeclaredArguments.record(builtin: builtin.name, argument: name)
            return nil
        }
        return bound[index]
    }

    public func number(_ name: String) throws(RegulaError) -> Double {
        guard case let .number(value) = value(name) else { throw typeMismatch(name, expected: "a Number") }
        return value
    }

    public func string(_ name: String) throws(RegulaError) -> String {
        guard case let .string(value) = value(name) else { throw typeMismatch(name, expected: "a String") }
        return value
    }

    /// An optional string argument: nil when left at `nothing`.
    public func optionalString(_ name: String) throws(RegulaError) -> String? {
        if case .nothing = value(name) { return nil }
        return try string(name)
    }

    /// An optional list argument: nil when left at `nothing`, an error when it is not a List.
    public func optionalList(_ name: String) throws(RegulaError) -> [Value]? {
        switch value(name) {
        case .nothing: return nil
        case let .list(elements): return elements
        default: throw typeMismatch(name, expected: "a List")
        }
    }

    /// An optional Bool argument: nil when left at `nothing`.
    public func optionalBoolean(_ name: String) throws(RegulaError) -> Bool? {
        if case .nothing = value(name) { return nil }
        return try boolean(name)
    }

    /// A String argument that must be one of `choices`.
    public func choice(_ name: String, among choices: [String]) throws(RegulaError) -> String {
        let given = try string(name)
        guard choices.contains(given) else {
            let suggestion = Suggestion.closest(to: given, among: choices).map { " Did you mean \"\($0)\"?" } ?? ""
            throw RegulaError(.value, "\(builtin.name)()'s '\(name):' is one of \(choices.map { "\"\($0)\"" }.joined(separator: ", ")); got \"\(given)\".\(suggestion)", at: range(of: name))
        }
        return given
    }

    public func boolean(_ name: String) throws(RegulaError) -> Bool {
        guard case let .boolean(value) = value(name) else { throw typeMismatch(name, expected: "a Bool") }
        return value
    }

    func typeMismatch(_ name: String, expected: String) -> RegulaError {
        let label = builtin.parameters.first { $0.name == name }?.label.map { "'\($0):'" } ?? "'\(name)'"
        return RegulaError(.type, "\(builtin.name)() expects \(expected) for \(label), got \(value(name).typeName)", at: range(of: name))
    }

    public func write(_ text: String, toStandardError: Bool = false) {
        output.write(text, toStandardError: toStandardError)
    }

    public func display(_ bundle: DisplayBundle, id: String?) { output.display(bundle, id: id) }
    public func update(_ bundle: DisplayBundle, id: String) { output.update(bundle, id: id) }
    public func clearOutput(wait: Bool) { output.clearOutput(wait: wait) }
    public func readInput(prompt: String, password: Bool) throws(InputFailure) -> String {
        try output.readInput(prompt: prompt, password: password)
    }
    public var interrupted: Bool { isInterrupted() }

    /// Opens `page` in the front end's pager.
    public mutating func page(_ page: DisplayBundle) { pages.append(page) }
}

extension Call {
    /// Binds `arguments` to the built-in's parameters (`ArgumentBinder`, shared with functions).
    init(
        builtin: Builtin, arguments: [EvaluatedArgument], range: SourceRange,
        output: any OutputSink, isInterrupted: @escaping () -> Bool
    ) throws(RegulaError) {
        let builtin = try builtin.form(for: arguments, at: range)
        let parameters = builtin.parameters
        var bound = [(value: Value, range: SourceRange)?](repeating: nil, count: parameters.count)
        var variadic: [EvaluatedArgument] = [], extraLabelled: [EvaluatedArgument] = []
        try ArgumentBinder.bind(arguments, to: builtin, at: range) { index, argument throws(RegulaError) in
            switch parameters[index].passing {
            case .variadic: variadic.append(argument!)
            case .anyLabel: extraLabelled.append(argument!)
            case .positional, .labelled: bound[index] = argument.map { ($0.value, $0.range) } ?? (parameters[index].defaultValue!, range)
            }
        }
        self.builtin = builtin
        self.range = range
        self.bound = bound
        self.variadic = variadic
        self.extraLabelled = extraLabelled
        self.output = output
        self.isInterrupted = isInterrupted
    }
}

/// Argument names read by implementations without being declared, since the process started.
/// Empty unless an implementation and its parameters disagree; a test checks it stays empty.
enum UndeclaredArguments {
    private static let names = Mutex<Set<String>>([])

    static func record(builtin: String, argument: String) {
        names.withLock { _ = $0.insert("\(builtin)(\(argument):)") }
    }

    /// Each as `name(argument:)`, sorted.
    static var recorded: [String] { names.withLock { $0.sorted() } }
}

/// "Did you mean" suggestions by edit distance (a swap of neighbours counts as one edit).
enum Suggestion {
    /// The closest candidate, if it is close enough to be a likely typo (never a different short name).
    static func closest(to word: String, among candidates: [String]) -> String? {
        // The work is bounded: a typo of a name is short, and a candidate whose length differs
        // by more than the allowed edits cannot match, so the quadratic distance is never run
        // on a long word (a 2 MB identifier took 29 s).
        guard word.utf8.count <= maximumLength else { return nil }
        let length = word.count, allowed = max(1, length / 3)
        let lowered = word.lowercased()
        let scored = candidates.filter { $0 != word && abs($0.count - length) <= allowed }.map { ($0, distance(lowered, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        return best.1 <= max(1, word.count / 3) && best.1 < word.count ? best.0 : nil
    }

    /// Longer words (in UTF-8 bytes) get no suggestion.
    static let maximumLength = 256

    /// Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

extension String {
    /// The text without its trailing newlines.
    fileprivate func trimmingSuffix() -> String {
        var text = self
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
