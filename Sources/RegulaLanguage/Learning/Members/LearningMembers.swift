import RegulaLearning

extension LearningValue {
    /// This value's members, from its kind's declarations (Learning/Members/*Members.swift).
    /// Kinds that declare none get an empty table, so their error still says "no member".
    var members: BoundMembers {
        switch self {
        case let .dataset(data): DatasetMembers.table.bound(to: data)
        case let .penalty(penalty): PenaltyMembers.table.bound(to: penalty)
        case let .prior(prior): PenaltyMembers.prior.bound(to: prior)
        case let .fit(fit): FitMembers.table.bound(to: fit)
        case let .path(result): PathMembers.table.bound(to: result)
        case let .crossValidation(cv): PathMembers.crossValidation.bound(to: cv)
        case let .network(box): TrainingMembers.model.bound(to: box)
        case let .optimizer(optimizer): TrainingMembers.optimizer.bound(to: optimizer)
        case let .log(log): TrainingMembers.log.bound(to: log)
        case let .geometry(result): AnalysisMembers.geometry.bound(to: result)
        case let .timing(timing): AnalysisMembers.timing.bound(to: timing)
        case .model, .curve, .quadratic, .groupPenalty: .none(typeName)
        }
    }
}

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
            throw RegulaError(.value, "\(builtin.name)() needs a whole number for \(builtin.parameters.first { $0.name == name }?.label.map { "'\($0):'" } ?? "'\(name)'"), got \(Value.format(value))", at: range(of: name))
        }
        return Int(value)
    }

    /// A Dataset argument.
    func dataset(_ name: String) throws(RegulaError) -> Dataset {
        guard case let .learning(.dataset(data)) = value(name) else { throw typeMismatch(name, expected: "a Dataset") }
        return data
    }

    /// A Penalty argument; `nothing` means no penalty.
    func penalty(_ name: String) throws(RegulaError) -> any Penalty {
        switch value(name) {
        case .nothing: return NoPenalty()
        case let .learning(.penalty(penalty)): return penalty
        default: throw typeMismatch(name, expected: "a Penalty")
        }
    }
}
