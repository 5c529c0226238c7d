import RegulaLearning

// How built-ins and members read their arguments and make lists of the engine's numbers.

extension Value {
    /// A List of Numbers.
    static func numberList(_ values: [Double]) -> Value { .list(values.map { .number($0) }) }

    /// A certificate's number, or nothing where it is not defined (the gap of a non-convex fit).
    static func certified(_ value: Double) -> Value { value.isNaN ? .nothing : .number(value) }

    /// `function` of a Number, or of each element of a List of Numbers.
    func mapNumbers(at range: SourceRange, _ function: (Double) -> Double) throws(RegulaError) -> Value {
        if case let .number(x) = self { return .number(function(x)) }
        return .list(try numbers(for: "the argument", at: range).map { .number(function($0)) })
    }
}

extension Call {
    /// A whole-number argument (a seed, a count), or an error saying so.
    func wholeNumber(_ name: String) throws(RegulaError) -> Int {
        let value = try number(name)
        guard value == value.rounded(), Swift.abs(value) < 1e15 else {
            throw RegulaError(.value, "\(builtin.name)() needs a whole number for \(builtin.parameters.first { $0.name == name }?.label.map { "'\($0):'" } ?? "'\(name)'"), got \(formatted(value))", at: range(of: name))
        }
        return Int(value)
    }

    /// A Dataset argument.
    func dataset(_ name: String) throws(RegulaError) -> Dataset {
        guard let data = value(name).as(Dataset.self) else { throw typeMismatch(name, expected: "a Dataset") }
        return data
    }

    /// A Penalty argument; `nothing` means no penalty.
    func penalty(_ name: String) throws(RegulaError) -> any Penalty {
        if case .nothing = value(name) { return NoPenalty() }
        guard let penalty = value(name).penalty else { throw typeMismatch(name, expected: "a Penalty") }
        return penalty
    }
}
