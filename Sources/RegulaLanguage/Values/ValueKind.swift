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
    /// What `plot` draws when its first argument is of this kind; nil when it draws nothing of it.
    func plot(_ call: inout Call) throws(RegulaError) -> Value?
}

extension ValueKind {
    public var display: DisplayBundle { DisplayBundle(plainText: description) }
    public static var members: MemberTable<Self>? { nil }
    public var callable: Builtin? { nil }
    public static func binary(_ symbol: Symbol, _ left: Value, _ right: Value, at range: SourceRange) throws(RegulaError) -> Value? { nil }
    public func plot(_ call: inout Call) throws(RegulaError) -> Value? { nil }

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
    /// What `plot` gives of a value that is drawn by itself: `figure` when the value is the only
    /// thing to draw, nil (a type error) when other values come with it.
    func drawingAlone(_ figure: () throws(RegulaError) -> Figure) throws(RegulaError) -> Value? {
        guard variadic.count == 1 else { return nil }
        return .chart(try figure())
    }
}

extension DisplayBundle {
    /// A figure, with `text` as its plain-text form.
    static func figure(_ figure: Figure, text: String) -> DisplayBundle {
        DisplayBundle(plainText: text, svg: figure.svg())
    }
}
