import RegulaCharts

/// One member of a kind of value, `value.name`, declared once with its documentation.
/// Evaluation, completion after a `.`, the "no member" error and `docs/reference.md` all
/// come from these declarations (see "How to add a member" in docs/developing.md).
struct Member<Subject: Sendable>: Sendable {
    let name: String
    /// One line: what the member is. The reference shows it, and a method's `help` too.
    let summary: String
    /// A method's parameters, from which `data.split(_ fraction: Number, seed: Number)` is
    /// derived; nil for a property. A property whose value is a function (`penalty.value`) has
    /// them too.
    let parameters: [Parameter]?
    /// Whether `subject` has the member at all: a coordinate-descent optimizer has no learning rate.
    let isAvailable: @Sendable (Subject) -> Bool
    let value: @Sendable (Subject) -> Value

    /// A property: `value(subject)` is what `subject.name` gives.
    static func property(
        _ name: String, _ summary: String, parameters: [Parameter]? = nil,
        where isAvailable: @escaping @Sendable (Subject) -> Bool = { _ in true },
        _ value: @escaping @Sendable (Subject) -> Value
    ) -> Member {
        Member(name: name, summary: summary, parameters: parameters, isAvailable: isAvailable, value: value)
    }

    /// A method: `subject.name` is a built-in bound to the subject, which `body` implements.
    static func method(
        _ name: String, _ summary: String, documentation: String? = nil, parameters: [Parameter],
        _ body: @escaping @Sendable (Subject, inout Call) throws(RegulaError) -> Value
    ) -> Member {
        Member(name: name, summary: summary, parameters: parameters, isAvailable: { _ in true }) { subject in
            .builtin(Builtin(
                name, summary: summary, documentation: documentation ?? summary, example: "", parameters: parameters
            ) { (call: inout Call) throws(RegulaError) -> Value in try body(subject, &call) })
        }
    }
}

/// Members a value names itself, as a log's columns: one line documents them all.
struct OwnMembers<Subject: Sendable>: Sendable {
    /// How the reference writes one, as `column` in `log.column`.
    let placeholder: String
    let summary: String
    let names: @Sendable (Subject) -> [String]
    /// The member `name` of `subject`, or nil when it has none of that name.
    let value: @Sendable (Subject, String) -> Value?
}

/// What the reference shows of a kind of value's members, whatever the kind's Swift type.
protocol MemberListing: Sendable {
    var typeName: String { get }
    /// What values of the kind are and where they come from.
    var summary: String { get }
    /// How the reference writes a value of the kind, as `data` in `data.samples`.
    var subject: String { get }
    /// (name, signature or nil, summary) per declared member, in name order.
    var entries: [(name: String, signature: String?, summary: String)] { get }
    /// The line documenting the members a value names itself, if the kind has them.
    var ownEntry: (placeholder: String, summary: String)? { get }
    /// Every method's parameters, by the member as the reference writes it (`data.split`).
    var memberParameters: [(member: String, parameters: [Parameter])] { get }
}

/// The members of one kind of value.
public struct MemberTable<Subject: Sendable>: MemberListing {
    let typeName: String
    let summary: String
    let subject: String
    /// Declared in reading order; listed in name order.
    let members: [Member<Subject>]
    var own: OwnMembers<Subject>? = nil

    var entries: [(name: String, signature: String?, summary: String)] {
        members.sorted { $0.name < $1.name }.map { member in
            (member.name, member.parameters.map { "\(subject).\(member.name)(" + $0.map(\.spelled).joined(separator: ", ") + ")" }, member.summary)
        }
    }

    /// Every method's parameters (and a function-valued property's), for the test that each is documented.
    var memberParameters: [(member: String, parameters: [Parameter])] {
        members.compactMap { member in member.parameters.map { ("\(subject).\(member.name)", $0) } }
    }

    var ownEntry: (placeholder: String, summary: String)? { own.map { ($0.placeholder, $0.summary) } }

    /// The members `subject` has, bound to it.
    func bound(to subject: Subject) -> BoundMembers {
        let available = members.filter { $0.isAvailable(subject) }
        let own = self.own
        let declared = available.map(\.name).sorted()
        // A value's own name that a declared member shadows (a log column called `count`) is
        // listed once, as the declared member it is.
        let shadowed = Set(declared)
        return BoundMembers(
            typeName: typeName,
            names: declared + (own?.names(subject) ?? []).filter { !shadowed.contains($0) }
        ) { name in
            if let member = available.first(where: { $0.name == name }) { return member.value(subject) }
            return own?.value(subject, name)
        }
    }
}

/// A value's members: what Tab offers after a `.`, and what `value.name` gives.
struct BoundMembers {
    let typeName: String
    /// Declared members in name order, then the value's own (a log's columns, in their order).
    let names: [String]
    let lookup: (String) -> Value?

    /// A kind without members.
    static func none(_ typeName: String) -> BoundMembers { BoundMembers(typeName: typeName, names: []) { _ in nil } }

    /// `value.name`, or the error that lists the members there are and suggests the closest.
    func value(_ name: String, at range: SourceRange) throws(RegulaError) -> Value {
        if let value = lookup(name) { return value }
        let suggestion = Suggestion.closest(to: name, among: names).map { " Did you mean '\($0)'?" } ?? ""
        let listing = names.isEmpty ? "" : "; its members are " + names.map { "'\($0)'" }.joined(separator: ", ")
        throw RegulaError(.name, "\(article(typeName)) \(typeName) has no member '\(name)'\(listing).\(suggestion)", at: range)
    }
}

extension Value {
    /// The value's declared members bound to it; nil for a kind that declares none (a number),
    /// and for a tuple, whose members are its labels.
    var members: BoundMembers? {
        switch self {
        case let .list(elements): CollectionMembers.list.bound(to: elements)
        case let .string(text): CollectionMembers.string.bound(to: text)
        case let .range(lower, upper, isClosed): CollectionMembers.range.bound(to: upper - lower + (isClosed ? 1 : 0))
        case let .chart(figure): Figure.members.bound(to: figure)
        case let .table(table): Table.members.bound(to: table)
        case let .object(object): object.boundMembers
        default: nil
        }
    }
}

/// Every kind of value that has members, in the reference's order: lists, strings and ranges,
/// charts and tables, then the kinds of `ValueKinds.all` that declare members.
enum MemberRegistry {
    static let all = listings(of: ValueKinds.all)

    /// The listings with `kinds` after the collections.
    static func listings(of kinds: [any ValueKind.Type]) -> [any MemberListing] {
        [CollectionMembers.list, CollectionMembers.string, CollectionMembers.range, Figure.members, Table.members] + kinds.compactMap { $0.memberListing }
    }
}

/// The members of lists, strings and ranges.
enum CollectionMembers {
    static let list = MemberTable<[Value]>(
        typeName: "List", summary: "A list, as `[1, 2, 3]` or what many built-ins return.", subject: "xs",
        members: [.property("count", "The number of elements.") { .number(Double($0.count)) }]
    )

    static let string = MemberTable<String>(
        typeName: "String", summary: "Text, as `\"λ = 0.1\"`.", subject: "text",
        members: [.property("count", "The number of characters (a letter with its accents counts as one).") { .number(Double($0.count)) }]
    )

    /// A range's subject is its number of elements.
    static let range = MemberTable<Int>(
        typeName: "Range", summary: "A range of whole numbers, as `1...10` or `0..<n`.", subject: "range",
        members: [.property("count", "The number of whole numbers in it.") { .number(Double($0)) }]
    )
}

/// "a" or "an" before a type name: "an Optimizer", "a Path".
func article(_ typeName: String) -> String {
    "AEIOU".contains(typeName.first ?? "x") ? "an" : "a"
}
