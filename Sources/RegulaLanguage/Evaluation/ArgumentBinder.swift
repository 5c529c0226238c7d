/// What the binder needs of a parameter, whoever declared it: a built-in or a `func`.
protocol BindableParameter {
    var label: String? { get }
    var passing: Parameter.Passing { get }
    var hasDefault: Bool { get }
    /// How errors name it: `'count:'`, or `'x'` for an unlabelled one.
    var quotedName: String { get }
}

extension Parameter: BindableParameter {
    var hasDefault: Bool { defaultValue != nil }
    var quotedName: String { label.map { "'\($0):'" } ?? "'\(name)'" }
}

extension UserFunction.Parameter: BindableParameter {
    var passing: Parameter.Passing { label == nil ? .positional : .labelled }
    var hasDefault: Bool { defaultValue != nil }
    var quotedName: String { label.map { "'\($0):'" } ?? "'\(name.text)'" }
}

/// Something called with arguments: a built-in or a `func`.
protocol Callee {
    associatedtype Bindable: BindableParameter
    var name: String { get }
    /// How errors name a call of it: `f()`, `plot() of a Path`.
    var callName: String { get }
    var parameters: [Bindable] { get }
    /// How it is called; errors quote it.
    var signature: String { get }
}

extension Builtin: Callee {}
extension UserFunction: Callee {
    var callName: String { "\(name)()" }
}

/// Matches a call's arguments to parameters in Swift's way, for built-ins and functions alike:
/// labelled ones by label, unlabelled ones in order, a variadic parameter takes the remaining
/// unlabelled ones, and an any-label parameter takes labels no other parameter has. One set of
/// error messages, each naming the callee.
enum ArgumentBinder {
    /// Calls `assign(index, argument)` for each argument with the index of its parameter, in the
    /// order written, then `assign(index, nil)` for each parameter left out that has a default,
    /// in the order declared (a function's defaults are evaluated then, at call time).
    /// Allocates nothing, and is inlined so that each caller's `assign` is its own code: a call
    /// of a function stays as fast as when the evaluator bound its arguments itself.
    @inline(__always)
    static func bind<C: Callee>(
        _ arguments: [EvaluatedArgument], to callee: C, at range: SourceRange,
        _ assign: (_ parameter: Int, _ argument: EvaluatedArgument?) throws(RegulaError) -> Void
    ) throws(RegulaError) {
        let parameters = callee.parameters
        var given: UInt64 = 0  // parameters given, for the first 64; later ones are found by scanning
        var nextUnlabelled = 0  // found by scanning, so no list of the unlabelled ones is built
        for (position, argument) in arguments.enumerated() {
            let index: Int
            if let label = argument.label {
                guard let found = parameters.firstIndex(where: { $0.label == label }) else {
                    if let rest = parameters.firstIndex(where: { $0.passing == .anyLabel }) {
                        guard !arguments[..<position].contains(where: { $0.label == label }) else {
                            throw RegulaError(.argument, "\(callee.callName) was given '\(label):' twice", at: argument.labelRange ?? argument.range)
                        }
                        try assign(rest, argument)
                        continue
                    }
                    throw unknownLabel(label, callee: callee, at: argument.labelRange ?? argument.range)
                }
                let twice = found < 64 ? given & (1 << UInt64(found)) != 0 : arguments[..<position].contains { $0.label == label }
                guard !twice else {
                    throw RegulaError(.argument, "\(callee.callName) was given '\(label):' twice", at: argument.labelRange ?? argument.range)
                }
                index = found
            } else {
                while nextUnlabelled < parameters.count, !parameters[nextUnlabelled].takesUnlabelled { nextUnlabelled += 1 }
                guard nextUnlabelled < parameters.count else {
                    let count = parameters.filter { $0.passing == .positional }.count
                    let labels = parameters.compactMap(\.label)
                    let hint = labels.isEmpty ? "" : "; its other arguments need labels (" + labels.map { "'\($0):'" }.joined(separator: ", ") + ")"
                    throw RegulaError(.argument, "\(callee.callName) takes \(count) unlabelled argument(s), got more\(hint); its signature is \(callee.signature)", at: argument.range)
                }
                index = nextUnlabelled
                if parameters[index].passing != .variadic { nextUnlabelled += 1 }
            }
            if index < 64 { given |= 1 << UInt64(index) }
            try assign(index, argument)
        }
        for index in parameters.indices {
            let passing = parameters[index].passing
            guard passing == .positional || passing == .labelled else { continue }
            // A positional parameter before the next unlabelled one was given; a labelled one
            // was given when an argument has its label.
            let wasGiven = index < 64 ? given & (1 << UInt64(index)) != 0
                : passing == .positional ? index < nextUnlabelled : arguments.contains { $0.label == parameters[index].label }
            if wasGiven { continue }
            guard parameters[index].hasDefault else {
                throw RegulaError(.argument, "\(callee.callName) is missing its argument \(parameters[index].quotedName); its signature is \(callee.signature)", at: range)
            }
            try assign(index, nil)
        }
    }

    private static func unknownLabel<C: Callee>(_ label: String, callee: C, at range: SourceRange) -> RegulaError {
        let labels = callee.parameters.compactMap(\.label)
        let suggestion = Suggestion.closest(to: label, among: labels).map { " Did you mean '\($0):'?" } ?? ""
        let accepted = labels.isEmpty ? "it takes no labelled arguments" : "it takes " + labels.map { "'\($0):'" }.joined(separator: ", ")
        return RegulaError(.argument, "\(callee.callName) has no argument '\(label):'; \(accepted).\(suggestion)", at: range)
    }
}

extension BindableParameter {
    fileprivate var takesUnlabelled: Bool { passing == .positional || passing == .variadic }
}
