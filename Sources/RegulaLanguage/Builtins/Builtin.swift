/// A parameter of a built-in: its label (nil for a positional one), name, and default.
public struct Parameter: Sendable {
    public var label: String?
    public var name: String
    public var defaultValue: Value?
    /// A variadic parameter takes every remaining unlabelled argument.
    public var isVariadic: Bool

    public static func positional(_ name: String, default defaultValue: Value? = nil, variadic: Bool = false) -> Parameter {
        Parameter(label: nil, name: name, defaultValue: defaultValue, isVariadic: variadic)
    }

    public static func labelled(_ label: String, default defaultValue: Value? = nil) -> Parameter {
        Parameter(label: label, name: label, defaultValue: defaultValue, isVariadic: false)
    }

    /// How the parameter reads in a signature.
    var spelled: String {
        (label.map { "\($0):" } ?? "_ \(name)") + (isVariadic ? "..." : "")
    }
}

/// A built-in function with the documentation that completion, inspection and `help` show.
public struct Builtin: Sendable {
    public typealias Implementation = @Sendable (_ call: inout Call) throws(RegulaError) -> Value

    public var name: String
    public var signature: String
    public var summary: String
    public var documentation: String
    public var example: String
    public var parameters: [Parameter]
    /// When true, labelled arguments beyond the parameters are accepted (as `table` takes its columns).
    public var acceptsAnyLabels: Bool
    let implementation: Implementation

    public init(
        _ name: String, signature: String, summary: String, documentation: String, example: String,
        parameters: [Parameter], acceptsAnyLabels: Bool = false, implementation: @escaping Implementation
    ) {
        self.name = name
        self.signature = signature
        self.summary = summary
        self.documentation = documentation
        self.example = example
        self.parameters = parameters
        self.acceptsAnyLabels = acceptsAnyLabels
        self.implementation = implementation
    }

    /// The help page: signature, summary, documentation and example.
    public var helpText: String {
        "\(signature)\n\n\(summary)\n\n\(documentation)\n\nExample:\n    \(example.replacing("\n", with: "\n    "))"
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
    /// Arguments by parameter name, defaults filled in.
    var bound: [String: (value: Value, range: SourceRange)] = [:]
    /// Values for the variadic parameter, in order.
    public var variadic: [EvaluatedArgument] = []
    /// Labelled arguments beyond the parameters, for built-ins that accept any label.
    public var extraLabelled: [EvaluatedArgument] = []
    let output: any OutputSink
    let isInterrupted: () -> Bool
    var pages: [DisplayBundle] = []
    /// Calls a function written in Regula, when an argument is one (set by the evaluator).
    var invokeFunction: ((UserFunction, [Value], SourceRange) throws(RegulaError) -> Value)?

    /// The value for parameter `name` (its default when not given).
    public func value(_ name: String) -> Value { bound[name]?.value ?? .nothing }

    /// Where the argument for `name` was written, or the whole call for a default.
    public func range(of name: String) -> SourceRange { bound[name]?.range ?? range }

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
    /// Matches `arguments` to the built-in's parameters, in Swift's way: labelled by label,
    /// unlabelled by position; a variadic parameter takes the remaining unlabelled ones.
    init(
        builtin: Builtin, arguments: [EvaluatedArgument], range: SourceRange,
        output: any OutputSink, isInterrupted: @escaping () -> Bool
    ) throws(RegulaError) {
        self.builtin = builtin
        self.range = range
        self.output = output
        self.isInterrupted = isInterrupted
        var positional = builtin.parameters.filter { $0.label == nil }[...]
        for argument in arguments {
            if let label = argument.label {
                guard let parameter = builtin.parameters.first(where: { $0.label == label }) else {
                    if builtin.acceptsAnyLabels {
                        extraLabelled.append(argument)
                        continue
                    }
                    let labels = builtin.parameters.compactMap(\.label)
                    let suggestion = Suggestion.closest(to: label, among: labels).map { " Did you mean '\($0):'?" } ?? ""
                    let accepted = labels.isEmpty ? "it takes no labelled arguments" : "it takes " + labels.map { "'\($0):'" }.joined(separator: ", ")
                    throw RegulaError(.argument, "\(builtin.name)() has no argument '\(label):'; \(accepted).\(suggestion)", at: argument.labelRange ?? argument.range)
                }
                guard bound[parameter.name] == nil else {
                    throw RegulaError(.argument, "\(builtin.name)() was given '\(label):' twice", at: argument.labelRange ?? argument.range)
                }
                bound[parameter.name] = (argument.value, argument.range)
            } else if let parameter = positional.first {
                if parameter.isVariadic {
                    variadic.append(argument)
                } else {
                    positional.removeFirst()
                    bound[parameter.name] = (argument.value, argument.range)
                }
            } else {
                let labels = builtin.parameters.compactMap(\.label)
                let hint = labels.isEmpty ? "" : "; its other arguments need labels: " + labels.map { "'\($0):'" }.joined(separator: ", ")
                throw RegulaError(.argument, "\(builtin.name)() takes \(builtin.parameters.filter { $0.label == nil }.count) unlabelled argument(s), got more\(hint)", at: argument.range)
            }
        }
        for parameter in builtin.parameters where bound[parameter.name] == nil && !parameter.isVariadic {
            guard let defaultValue = parameter.defaultValue else {
                throw RegulaError(.argument, "\(builtin.name)() is missing its argument \(parameter.label.map { "'\($0):'" } ?? "'\(parameter.name)'"); the signature is \(builtin.signature)", at: range)
            }
            bound[parameter.name] = (defaultValue, range)
        }
    }
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
