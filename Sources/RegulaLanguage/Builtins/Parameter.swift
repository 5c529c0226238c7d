/// What a parameter accepts, as a signature writes it: `Number`, `Number or List`, or nothing
/// written for any value. Documentation only: each implementation checks its arguments itself,
/// with errors that say what it wanted in its own words.
public struct ParameterType: Sendable, Equatable {
    /// The type as the signature shows it; nil for any value.
    public let spelled: String?

    public init(_ spelled: String?) { self.spelled = spelled }

    public static let any = ParameterType(nil)
    public static let number = ParameterType("Number")
    public static let string = ParameterType("String")
    public static let list = ParameterType("List")
    public static let bool = ParameterType("Bool")
    public static let function = ParameterType("Function")
    public static let dataset = ParameterType("Dataset")
    public static let penalty = ParameterType("Penalty")
    public static let model = ParameterType("Model")
    public static let optimizer = ParameterType("Optimizer")
    public static let path = ParameterType("Path")
    public static let fit = ParameterType("Fit")
    public static let quadratic = ParameterType("Quadratic")
    public static let numberOrList = ParameterType("Number or List")

    /// One of two types, as `Penalty or String`.
    public static func either(_ first: ParameterType, _ second: ParameterType) -> ParameterType {
        ParameterType("\(first.spelled ?? "Any") or \(second.spelled ?? "Any")")
    }
}

/// A parameter of a built-in, declared once: the signature, the binder, completion of labels,
/// `help` and `docs/reference.md` all read it.
public struct Parameter: Sendable {
    /// How the parameter is passed.
    public enum Passing: Sendable, Equatable {
        /// Unlabelled, by position: `_ x`.
        case positional
        /// By its label: `count:`.
        case labelled
        /// Every remaining unlabelled argument: `_ values...`.
        case variadic
        /// Labelled arguments with labels of the caller's choosing, as `table`'s columns.
        case anyLabel
    }

    /// The label a caller writes; nil for positional, variadic and any-label parameters.
    public var label: String?
    /// The name the implementation reads it by (`call.number(name)`).
    public var name: String
    public var passing: Passing
    public var type: ParameterType
    /// The value when the argument is left out; nil when it must be given.
    public var defaultValue: Value?
    /// One line: what the argument means.
    public var documentation: String

    /// `_ name: Type`, given by position.
    public static func positional(_ name: String, _ type: ParameterType, default defaultValue: Value? = nil, _ documentation: String) -> Parameter {
        Parameter(label: nil, name: name, passing: .positional, type: type, defaultValue: defaultValue, documentation: documentation)
    }

    /// `label: Type`, given by its label.
    public static func labelled(_ label: String, _ type: ParameterType, default defaultValue: Value? = nil, _ documentation: String) -> Parameter {
        Parameter(label: label, name: label, passing: .labelled, type: type, defaultValue: defaultValue, documentation: documentation)
    }

    /// `_ name: Type...`: every remaining unlabelled argument (`call.variadic`).
    public static func variadic(_ name: String, _ type: ParameterType, _ documentation: String) -> Parameter {
        Parameter(label: nil, name: name, passing: .variadic, type: type, defaultValue: nil, documentation: documentation)
    }

    /// `name: Type, …`: labelled arguments beyond the others, under any label (`call.extraLabelled`).
    public static func anyLabel(_ name: String, _ type: ParameterType, _ documentation: String) -> Parameter {
        Parameter(label: nil, name: name, passing: .anyLabel, type: type, defaultValue: nil, documentation: documentation)
    }

    /// How the parameter reads in a signature: `_ x: Number`, `count: Number = 50`,
    /// `id: String? = nothing`, `_ values...`, `column: List, …`.
    public var spelled: String {
        let head = switch passing {
        case .positional, .variadic: "_ \(name)"
        case .labelled: label ?? name
        case .anyLabel: name
        }
        // `?` says that `nothing` is accepted, which a default of `nothing` means.
        var type = self.type.spelled.map { ": \($0)" } ?? ""
        if !type.isEmpty, case .nothing? = defaultValue { type += "?" }
        switch passing {
        case .variadic: return head + type + "..."
        case .anyLabel: return head + type + ", …"
        case .positional, .labelled: return head + type + (defaultValue.map { " = \(Self.source(of: $0))" } ?? "")
        }
    }

    /// A default value as Regula source: `"line"`, `nothing`, `1e-12`, `relu`.
    static func source(of value: Value) -> String {
        if case let .builtin(builtin) = value { return builtin.name }
        return value.description
    }
}
