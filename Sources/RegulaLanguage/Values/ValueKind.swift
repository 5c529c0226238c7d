import RegulaCharts

/// A kind of value beyond the language's own numbers, strings and collections: a dataset, a
/// penalty, a fit. Everything the language does with a value of the kind is declared here, once:
/// its type name, its text, its rich display, its members, its operators, what it does when
/// called and what `plot` draws of it. `Value.object` holds any of them; adding a kind is one
/// conforming type in `Values/` and an entry in `ValueKinds.all` (see docs/developing.md).
public protocol ValueKind: Sendable {
    /// The type's name as a person sees it in errors, inspection and the reference.
    static var typeName: String { get }
    /// The `text/plain` form, as `print` writes it.
    var description: String { get }
    /// The picture a person wants without asking; by default the description.
    var display: DisplayBundle { get }
    /// The members, `value.name`; nil for a kind that has none.
    static var members: MemberTable<Self>? { get }
    /// The built-in a call of the value runs (`penalty.value(0.5)`); nil when it cannot be called.
    var callable: Builtin? { get }
    /// `left symbol right` when either side is of this kind; nil when the kind gives it no meaning.
    static func binary(_ symbol: Symbol, _ left: Value, _ right: Value, at range: SourceRange) throws(RegulaError) -> Value?
    /// What `plot(value, …)` takes after a value of this kind: `plot`'s form for the kind. Nil
    /// when `plot` has no form of the kind's own (it draws nothing of it, or draws it among
    /// others, as penalties and fits are drawn, by the forms in LearningPlots).
    static var plotParameters: [Parameter]? { get }
    /// One line: what `plot` draws of a value of the kind.
    static var plotSummary: String { get }
    /// What `plot` draws of this value, its arguments bound to `plotParameters`.
    func plot(_ call: inout Call) throws(RegulaError) -> Value
}

extension ValueKind {
    public var display: DisplayBundle { DisplayBundle(plainText: description) }
    public static var members: MemberTable<Self>? { nil }
    public var callable: Builtin? { nil }
    public static func binary(_ symbol: Symbol, _ left: Value, _ right: Value, at range: SourceRange) throws(RegulaError) -> Value? { nil }
    public static var plotParameters: [Parameter]? { nil }
    public static var plotSummary: String { "" }
    public func plot(_ call: inout Call) throws(RegulaError) -> Value {
        throw RegulaError(.type, "plot() cannot draw \(article(Self.typeName)) \(Self.typeName)", at: call.range)
    }

    /// `plot`'s form for this value's kind, if it has one of its own.
    var plotFormOfItsKind: Builtin.Form? { Self.plotForm }

    /// `plot`'s form for the kind: the value first (named as the kind's members name it), then
    /// `plotParameters`.
    static var plotForm: Builtin.Form? {
        guard let parameters = plotParameters else { return nil }
        let subject = members?.subject ?? "value"
        return Builtin.Form(
            subject: "\(article(typeName)) \(typeName)", summary: plotSummary,
            parameters: [.positional(subject, ParameterType(typeName), "The \(typeName) to draw.")] + parameters,
            accepts: { $0.as(Self.self) != nil }
        ) { (call: inout Call) throws(RegulaError) -> Value in
            try call.value(subject).as(Self.self)!.plot(&call)
        }
    }

    /// The declared members bound to this value; a kind without members still names its type
    /// in the "no member" error.
    var boundMembers: BoundMembers { Self.members?.bound(to: self) ?? .none(Self.typeName) }

    /// The member table, for the reference; nil when the kind declares none.
    static var memberListing: (any MemberListing)? { members }

    /// A member table named by this kind's type name.
    static func memberTable(
        summary: String, subject: String, members: [Member<Self>], own: OwnMembers<Self>? = nil
    ) -> MemberTable<Self> {
        MemberTable(typeName: typeName, summary: summary, subject: subject, members: members, own: own)
    }
}

extension Value {
    /// The value as a `Kind`, or nil when it is of another kind: `value.as(Dataset.self)`.
    public func `as`<Kind: ValueKind>(_ kind: Kind.Type) -> Kind? {
        guard case let .object(object) = self else { return nil }
        return object as? Kind
    }
}

extension Call {
    /// `figure` as `plot`'s result, with the `title:` given, if one was.
    func titled(_ figure: Figure) throws(RegulaError) -> Value {
        guard let title = try optionalString("title") else { return .chart(figure) }
        switch figure {
        case var .chart(chart): chart.title = title; return .chart(.chart(chart))
        case var .grid(grid): grid.title = title; return .chart(.grid(grid))
        case var .network(diagram): diagram.title = title; return .chart(.network(diagram))
        }
    }
}

extension DisplayBundle {
    /// A figure, with `text` as its plain-text form.
    static func figure(_ figure: Figure, text: String) -> DisplayBundle {
        DisplayBundle(plainText: text, svg: figure.svg())
    }
}
