import Foundation
import Testing

@testable import RegulaLanguage

/// Each built-in is declared once, by its parameters: the signature, binding, completion of
/// labels, `help` and the reference are derived from them, and these tests check what could
/// still drift (documentation left out, defaults against types, names the implementations read).
@Suite("Built-in declarations")
struct BuiltinDeclarationTests {
    /// Every built-in, and each form of those that have forms (`plot`).
    static let declarations: [Builtin] = BuiltinRegistry.all.values.flatMap { [$0] + $0.forms.map(\.builtin) }

    @Test func everyParameterIsDocumented() {
        for builtin in Self.declarations {
            for parameter in builtin.parameters {
                #expect(!parameter.documentation.isEmpty, "\(builtin.name)()'s '\(parameter.name)' has no documentation")
                #expect(!parameter.documentation.contains("\n"), "\(builtin.name)()'s '\(parameter.name)': one line")
            }
        }
    }

    /// Methods of values (`data.split`) and function-valued members (`penalty.value`) too.
    @Test func everyMemberParameterIsDocumented() {
        var count = 0
        for kind in MemberRegistry.all {
            for (member, parameters) in kind.memberParameters {
                for parameter in parameters {
                    count += 1
                    #expect(!parameter.documentation.isEmpty, "\(member)()'s '\(parameter.name)' has no documentation")
                    #expect(parameter.type != .any, "\(member)()'s '\(parameter.name)' has no type")
                }
            }
        }
        #expect(count >= 8)
        #expect(BuiltinRegistry.referenceMarkdown().contains("* `data.split(_ fraction: Number, seed: Number)`: A seeded random split"))
        #expect(BuiltinRegistry.referenceMarkdown().contains("* `log.add(column: Number, …)`: Appends a row of labelled numbers."))
    }

    @Test func parameterNamesAndLabelsAreUnique() {
        for builtin in Self.declarations {
            let names = builtin.parameters.map(\.name), labels = builtin.parameters.compactMap(\.label)
            #expect(Set(names).count == names.count, "\(builtin.name): \(names)")
            #expect(Set(labels).count == labels.count, "\(builtin.name): \(labels)")
            #expect(builtin.parameters.filter { $0.passing == .variadic }.count <= 1, "\(builtin.name)")
            #expect(builtin.parameters.filter { $0.passing == .anyLabel }.count <= 1, "\(builtin.name)")
        }
    }

    /// A default is a value of the declared type, or `nothing` (which the signature shows as `?`).
    @Test func defaultsHaveTheirParametersTypes() {
        for builtin in Self.declarations {
            for parameter in builtin.parameters {
                guard let value = parameter.defaultValue, let type = parameter.type.spelled else { continue }
                if case .nothing = value { continue }
                let accepted = type.components(separatedBy: " or ")
                #expect(accepted.contains(value.typeName), "\(builtin.name)()'s '\(parameter.name)' defaults to a \(value.typeName), declared \(type)")
            }
        }
    }

    @Test(arguments: [
        ("linspace", "linspace(_ from: Number, _ to: Number, count: Number = 50)"),
        ("print", "print(_ values..., separator: String = \" \", terminator: String = \"\\n\")"),
        ("show", "show(_ value, id: String? = nothing)"),
        ("coordinateDescent", "coordinateDescent(tolerance: Number = 1e-12, maxPasses: Number = 100000)"),
        ("sgd", "sgd(lr: Number, momentum: Number = 0)"),
        ("adam", "adam(lr: Number = 0.001)"),
        ("mlp", "mlp(hidden: List, activation: Function or String = \"relu\")"),
        ("table", "table(_ fits: Fit..., on: Dataset? = nothing, column: List, …)"),
        ("histogram", "histogram(_ values: List..., bins: Number = 30, names: List? = nothing, title: String? = nothing)"),
        ("record", "record()"),
    ])
    func signaturesAreDerived(name: String, expected: String) throws {
        let builtin = try #require(BuiltinRegistry.all[name])
        #expect(builtin.signature == expected)
        #expect(Value.builtin(builtin).description == "<built-in \(expected)>")
    }

    @Test func fitsSignatureShowsTheDefaultOptimizerAsSource() throws {
        let fit = try #require(BuiltinRegistry.all["fit"])
        #expect(fit.signature.contains("optimizer: Optimizer = coordinateDescent(), epochs: Number = 100"))
        #expect(fit.signature.hasSuffix("standardize: Bool = true, intercept: Bool = true, factors: List? = nothing)"))
    }

    /// A `penalty` declaration's built-in (`capped(t: 0.5)`) shows its current values as defaults.
    @Test func formulaPenaltiesDeriveTheirSignature() throws {
        let session = Session()
        _ = try run("penalty capped(w, t: 0.5) = min(abs(w), t)", in: session).get()
        #expect(try run("capped(t: 1).value(3)", in: session).get() == "1")
        guard case let .failure(error) = run("capped(2)", in: session) else { Issue.record("capped takes no unlabelled argument"); return }
        #expect(error.message == "capped() takes 0 unlabelled argument(s), got more; its other arguments need labels ('t:'); its signature is capped(t: Number = 0.5)")
    }

    @Test func helpListsEachParameterWithItsDocumentation() throws {
        let text = try #require(BuiltinRegistry.all["linspace"]).helpText
        #expect(text.contains("Parameters:\n    _ from: Number\n        The first number.\n"))
        #expect(text.contains("    count: Number = 50\n        How many numbers, a whole number from 2 to 1000000.\n"))
        #expect(Session().documentation(in: "linspace(0, 1, ", cursor: 15) == text)
    }

    @Test func theReferenceListsEveryParameter() {
        let reference = BuiltinRegistry.referenceMarkdown()
        for builtin in Self.declarations where builtin.forms.isEmpty {
            for parameter in builtin.parameters {
                let line = "* `\(parameter.spelled)`" + (parameter.documentation.isEmpty ? "" : ": \(parameter.documentation)") + "\n"
                #expect(reference.contains(line), "\(builtin.name): \(line)")
            }
        }
    }

    @Test func completionOffersTheCalleesLabels() {
        #expect(Session().completions(in: "fit(data, sta", cursor: 13).matches == ["standardize:"])
        #expect(Session().completions(in: "lassoPath(data, fa", cursor: 18).matches == ["family:", "factors:", "false"])
    }

    /// Every argument name an implementation reads is one its built-in declares: every golden
    /// file and every reference example runs, and `Call` records any name it was asked for and
    /// does not know.
    @Test func implementationsReadOnlyDeclaredArguments() throws {
        for file in GoldenTests.files {
            let source = try String(contentsOf: GoldenTests.folder.appendingPathComponent(file), encoding: .utf8)
            _ = Session().execute(source, output: RecordingSink())
        }
        for builtin in BuiltinRegistry.all.values {
            _ = Session().execute(builtin.example, output: RecordingSink())
        }
        #expect(UndeclaredArguments.recorded.filter { !$0.hasPrefix("probe") } == [])
    }

    @Test func anUndeclaredReadIsRecorded() throws {
        let probe = Builtin("probeUndeclared", summary: "", documentation: "", example: "", parameters: []) { (call: inout Call) throws(RegulaError) -> Value in
            call.value("missing")
        }
        let start = SourceLocation(line: 1, column: 1, offset: 0)
        var call = try Call(builtin: probe, arguments: [], range: SourceRange(start, start), output: RecordingSink(), isInterrupted: { false })
        guard case .nothing = try probe.implementation(&call) else { Issue.record("an undeclared name reads as nothing"); return }
        #expect(UndeclaredArguments.recorded.contains("probeUndeclared(missing:)"))
    }
}

/// Built-ins and functions share one binder, so a mistake in a call reads the same for both.
@Suite("Argument binding")
struct ArgumentBindingTests {
    static let functions = """
        func span(_ from, _ to, count = 50) { return to - from }
        """

    func message(_ source: String) -> String? {
        guard case let .failure(error) = run(Self.functions + "\n" + source) else { return nil }
        return error.message
    }

    @Test func unknownLabelsListTheLabels() {
        #expect(message("linspace(0, 1, cont: 3)") == "linspace() has no argument 'cont:'; it takes 'count:'. Did you mean 'count:'?")
        #expect(message("span(0, 1, cont: 3)") == "span() has no argument 'cont:'; it takes 'count:'. Did you mean 'count:'?")
    }

    @Test func tooManyUnlabelledArgumentsShowTheSignature() {
        #expect(message("linspace(0, 1, 3)") == "linspace() takes 2 unlabelled argument(s), got more; its other arguments need labels ('count:'); its signature is linspace(_ from: Number, _ to: Number, count: Number = 50)")
        #expect(message("span(0, 1, 3)") == "span() takes 2 unlabelled argument(s), got more; its other arguments need labels ('count:'); its signature is span(_ from, _ to, count = …)")
        #expect(message("abs(1, 2)") == "abs() takes 1 unlabelled argument(s), got more; its signature is abs(_ x: Number or List)")
    }

    /// Labels of the caller's choosing may not repeat either: the second would be lost.
    @Test func anAnyLabelGivenTwice() {
        #expect(message("table(a: [1], a: [2])") == "table() was given 'a:' twice")
        #expect(message("let log = record()\nlog.add(epoch: 1, epoch: 2)") == "add() was given 'epoch:' twice")
    }

    @Test func missingArgumentsShowTheSignature() {
        #expect(message("linspace(0)") == "linspace() is missing its argument 'to'; its signature is linspace(_ from: Number, _ to: Number, count: Number = 50)")
        #expect(message("span(0)") == "span() is missing its argument 'to'; its signature is span(_ from, _ to, count = …)")
    }

    @Test func aLabelGivenTwice() {
        #expect(message("linspace(0, 1, count: 3, count: 4)") == "linspace() was given 'count:' twice")
        #expect(message("span(0, 1, count: 3, count: 4)") == "span() was given 'count:' twice")
    }

    @Test func labelledAndUnlabelledArgumentsInterleave() throws {
        #expect(try run(Self.functions + "\nspan(count: 3, 2, 7)").get() == "5")
        #expect(try run("linspace(count: 3, 0, 1)").get() == "[0, 0.5, 1]")
    }

    /// A function's default is an expression evaluated at each call that leaves it out.
    @Test func defaultsAreEvaluatedAtEachCall() throws {
        let source = "var n = 0\nfunc next(by step = n + 1) { n = step; return step }\nnext()\nnext()\nnext(by: 10)\nnext()"
        #expect(try run(source).get() == "11")
    }

    /// Past 64 parameters the binder finds what was given by scanning instead of its bit mask.
    @Test func manyParameters() throws {
        let parameters = (0..<70).map { "p\($0) = \($0)" }.joined(separator: ", ")
        let define = "func many(_ first, \(parameters), _ last) { return first + p3 + p66 + p69 + last }\n"
        #expect(try run(define + "many(1, p66: 100, 2)").get() == "175")
        #expect(try run(define + "many(1, 2)").get() == "141")
        guard case let .failure(twice) = run(define + "many(1, p67: 1, p67: 2, 2)") else { Issue.record("p67 twice"); return }
        #expect(twice.message == "many() was given 'p67:' twice")
        guard case let .failure(missing) = run(define + "many(1, p68: 0)") else { Issue.record("last is missing"); return }
        #expect(missing.message.hasPrefix("many() is missing its argument 'last'; its signature is many(_ first, p0 = …"))
    }

    @Test func variadicTakesTheRestAndAnyLabelTheOtherLabels() throws {
        let sink = RecordingSink()
        _ = try run("print(1, 2, 3, separator: \"-\")", sink: sink).get()
        #expect(sink.standardOutput == "1-2-3\n")
        #expect(try run("table(a: [1], b: [2])").get()?.contains("a") == true)
    }
}
