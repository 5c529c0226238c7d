import RegulaCharts
import Testing

@testable import RegulaLanguage

/// A kind of value declared here and nowhere else: a jar of coloured marbles. Its one
/// declaration is all the language needs to evaluate its members, show it, complete after
/// `jar.`, list its members when one is misspelt, combine two jars and draw one.
struct Jar: ValueKind {
    var marbles: [String]

    static let typeName = "Jar"

    var description: String { "jar of \(marbles.count) marbles" }

    var display: DisplayBundle {
        DisplayBundle(plainText: description, html: "<ul>" + marbles.map { "<li>\($0)</li>" }.joined() + "</ul>")
    }

    static let members: MemberTable<Jar>? = memberTable(
        summary: "Marbles in a jar, for the tests of kinds of values.",
        subject: "jar",
        members: [
            .property("count", "The number of marbles.") { .number(Double($0.marbles.count)) },
            .method("adding", "The jar with one more marble.", parameters: [.positional("colour", .string, "The new marble's colour.")]) {
                (jar, call: inout Call) throws(RegulaError) -> Value in
                .object(Jar(marbles: jar.marbles + [try call.string("colour")]))
            },
        ]
    )

    /// `jar + jar` pours one into the other.
    static func binary(_ symbol: Symbol, _ left: Value, _ right: Value, at range: SourceRange) throws(RegulaError) -> Value? {
        guard symbol == .plus, let a = left.as(Jar.self), let b = right.as(Jar.self) else { return nil }
        return .object(Jar(marbles: a.marbles + b.marbles))
    }

    static let plotParameters: [Parameter]? = []
    static let plotSummary = "its marbles."

    func plot(_ call: inout Call) throws(RegulaError) -> Value {
        .chart(.chart(Chart([.line(values: marbles.indices.map(Double.init), name: "marbles")], title: "the jar")))
    }
}

@Suite("Kinds of values")
struct ValueKindTests {
    /// A session with `jar` bound to a jar of two marbles.
    static func session() -> Session {
        let session = Session()
        session.define("jar", as: .object(Jar(marbles: ["red", "blue"])))
        return session
    }

    @Test func membersEvaluateFromTheDeclaration() throws {
        let session = Self.session()
        #expect(try run("jar.count", in: session).get() == "2")
        #expect(try run("jar.adding(\"green\").count", in: session).get() == "3")
        #expect(try run("let more = jar.adding(\"green\")\nmore", in: session).get() == "jar of 3 marbles")
        #expect(session.variable("more")?.as(Jar.self)?.marbles == ["red", "blue", "green"])
        #expect(session.variable("more")?.as(PenaltyValue.self) == nil, "a jar is no penalty")
    }

    @Test func itsTextAndDisplayAreItsOwn() throws {
        let session = Self.session()
        let sink = RecordingSink()
        let result = try session.execute("print(jar)\njar", output: sink).get()
        #expect(sink.standardOutput == "jar of 2 marbles\n")
        #expect(result.value == DisplayBundle(plainText: "jar of 2 marbles", html: "<ul><li>red</li><li>blue</li></ul>"))
        #expect(Value.object(Jar(marbles: [])).typeName == "Jar")
    }

    @Test func completionAfterADotOffersItsMembers() {
        let session = Self.session()
        #expect(session.completions(in: "jar.", cursor: 4).matches == ["adding", "count"])
        #expect(session.completions(in: "jar.co", cursor: 6).matches == ["count"])
    }

    @Test func aMisspeltMemberListsTheDeclaredOnes() {
        let session = Self.session()
        #expect(run("jar.cont", in: session).failureMessage == "a Jar has no member 'cont'; its members are 'adding', 'count'. Did you mean 'count'?")
    }

    @Test func operatorsAndPlotComeFromTheKind() throws {
        let session = Self.session()
        #expect(try run("(jar + jar).count", in: session).get() == "4")
        #expect(run("jar * 2", in: session).failureMessage == "'*' cannot combine a Jar and a Number")
        #expect(try run("plot(jar)", in: session).get()?.hasPrefix("the jar") == true)
        #expect(run("jar(1)", in: session).failureMessage == "a Jar cannot be called; only functions can")
    }

    @Test func registeringTheKindListsItsMembers() throws {
        let listings = MemberRegistry.listings(of: ValueKinds.all + [Jar.self])
        #expect(listings.count == MemberRegistry.all.count + 1)
        let jar = try #require(listings.last)
        #expect(jar.typeName == "Jar" && jar.subject == "jar")
        #expect(jar.entries.map(\.name) == ["adding", "count"])
        #expect(jar.entries.first?.signature == "jar.adding(_ colour: String)")
    }

    /// Every registered kind is distinct, each value the built-ins make is of a registered kind,
    /// and each registered kind has a sample here.
    @Test func everyKindIsRegisteredOnce() throws {
        let names = ValueKinds.all.map { ObjectIdentifier($0) }
        #expect(Set(names).count == names.count)
        let session = MemberTests.sampleSession()
        _ = try session.execute("let spec = mlp(hidden: [2])\nlet curve = l1(1).value\nlet bowl = quadratic(center: [1, 1])\nlet group = groupLasso(0.1, by: \"neurons\")\nlet knob = slider(0, 1)", output: RecordingSink()).get()
        var seen: Set<ObjectIdentifier> = []
        for (name, binding) in session.globals {
            guard case let .object(object) = binding.value else { continue }
            seen.insert(ObjectIdentifier(type(of: object)))
            #expect(Set(names).contains(ObjectIdentifier(type(of: object))), "\(name) is a \(type(of: object)), which ValueKinds.all does not list")
        }
        for kind in ValueKinds.all where !seen.contains(ObjectIdentifier(kind)) { Issue.record("no sample of \(kind): add one above") }
    }
}
