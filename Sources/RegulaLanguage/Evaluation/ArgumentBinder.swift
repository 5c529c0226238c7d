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

/// Matches a call's arguments to parameters in Swift's way, for built-ins and functions alike:
/// labelled ones by label, unlabelled ones in order, a variadic parameter takes the remaining
/// unlabelled ones, and an any-label parameter takes labels no other parameter has. One set of
/// error messages, each naming the callee.
enum ArgumentBinder {
    /// Calls `assign(index, argument)` for each argument with the index of its parameter, in the
    /// order written, then `assign(index, nil)` for each parameter left out that has a default,
    /// in the order declared (a function's defaults are evaluated then, at call time).
    /// Allocates nothing for up to 64 parameters.
    static func bind<P: BindableParameter>(
        _ arguments: [EvaluatedArgument], to parameters: [P], of callee: String,
        signature: @autoclosure () -> String, at range: SourceRange,
        _ assign: (_ parameter: Int, _ argument: EvaluatedArgument?) throws(RegulaError) -> Void
    ) throws(RegulaError) {
        var given = IndexSet64(count: parameters.count)
        var nextUnlabelled = 0  // found by scanning, so no list of the unlabelled ones is built
        for argument in arguments {
            let index: Int
            if let label = argument.label {
                guard let found = parameters.firstIndex(where: { $0.label == label }) else {
                    if let rest = parameters.firstIndex(where: { $0.passing == .anyLabel }) {
                        try assign(rest, argument)
                        continue
                    }
                    throw unknownLabel(label, callee: callee, parameters: parameters, at: argument.labelRange ?? argument.range)
                }
                guard !given.contains(found) else {
                    throw RegulaError(.argument, "\(callee)() was given '\(label):' twice", at: argument.labelRange ?? argument.range)
                }
                index = found
            } else {
                while nextUnlabelled < parameters.count, !parameters[nextUnlabelled].takesUnlabelled { nextUnlabelled += 1 }
                guard nextUnlabelled < parameters.count else {
                    let count = parameters.filter { $0.passing == .positional }.count
                    throw RegulaError(.argument, "\(callee)() takes \(count) unlabelled argument(s), got more; its signature is \(signature())", at: argument.range)
                }
                index = nextUnlabelled
                if parameters[index].passing != .variadic { nextUnlabelled += 1 }
            }
            given.insert(index)
            try assign(index, argument)
        }
        for index in parameters.indices where !given.contains(index) {
            let parameter = parameters[index]
            guard parameter.passing == .positional || parameter.passing == .labelled else { continue }
            guard parameter.hasDefault else {
                throw RegulaError(.argument, "\(callee)() is missing its argument \(parameter.quotedName); its signature is \(signature())", at: range)
            }
            try assign(index, nil)
        }
    }

    private static func unknownLabel<P: BindableParameter>(_ label: String, callee: String, parameters: [P], at range: SourceRange) -> RegulaError {
        let labels = parameters.compactMap(\.label)
        let suggestion = Suggestion.closest(to: label, among: labels).map { " Did you mean '\($0):'?" } ?? ""
        let accepted = labels.isEmpty ? "it takes no labelled arguments" : "it takes " + labels.map { "'\($0):'" }.joined(separator: ", ")
        return RegulaError(.argument, "\(callee)() has no argument '\(label):'; \(accepted).\(suggestion)", at: range)
    }
}

extension BindableParameter {
    fileprivate var takesUnlabelled: Bool { passing == .positional || passing == .variadic }
}

/// A set of parameter indices: a bit mask, and an array only past 64 parameters.
private struct IndexSet64 {
    private var mask: UInt64 = 0
    private var overflow: [Bool]

    init(count: Int) { overflow = count > 64 ? Array(repeating: false, count: count) : [] }

    func contains(_ index: Int) -> Bool { index < 64 ? mask & (1 << UInt64(index)) != 0 : overflow[index] }

    mutating func insert(_ index: Int) {
        if index < 64 { mask |= 1 << UInt64(index) } else { overflow[index] = true }
    }
}
