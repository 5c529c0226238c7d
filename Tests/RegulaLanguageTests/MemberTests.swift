import Testing

@testable import RegulaLanguage
import RegulaLearning

/// Every member declared (Evaluation/Members.swift, Learning/Members/) is documented, and
/// evaluates on a sample value of its kind: the declarations are what `value.member`,
/// completion, the "no member" error and the reference all use, so they cannot drift apart.
@Suite("Members of values")
struct MemberTests {
    /// One or more sample values per kind of value that has members, by variable name.
    static let samples = """
        let xs = [1, 2, 3]
        let text = "λ = 0.1"
        let picture = plot([1, 4, 9])
        let numbers = table(x: [1, 0.1], name: ["a,b", "c"])
        let range = 0..<4
        let data = load("diabetes")
        let penalty = 0.5 * l1(0.1) + l2(0.2)
        let density = prior(l1(1))
        let exact = fit(linear, data, penalty: l1(1))
        let trained = fit(linear, synthetic(samples: 40, features: 3, seed: 1), penalty: l1(0.1), optimizer: sgd(lr: 0.01), epochs: 2)
        let path = lassoPath(data, lambdas: 5)
        let cv = crossValidate(path, folds: 3, seed: 1)
        let model = linear(features: 3)
        let descent = coordinateDescent()
        let stepper = adam(lr: 0.01)
        let log = record()
        log.add(epoch: 1, loss: 0.5)
        log.add(epoch: 2)
        let shapes = geometry(l1, l2, loss: quadratic(center: [1.5, 0.6], correlation: 0.4))
        let onlyL2 = geometry(l2, loss: quadratic(center: [1.5, 0.6]))
        let timing = time(l1(1).gradient, l2(1).gradient, size: 100)
        """

    /// A session holding the samples (one per test: tests run in parallel).
    static func sampleSession() -> Session {
        let session = Session()
        if case let .failure(error) = session.execute(samples, output: RecordingSink()) { Issue.record("the samples fail: \(error)") }
        return session
    }

    @Test func everyMemberIsDocumented() {
        #expect(MemberRegistry.all.count >= 14)
        for kind in MemberRegistry.all {
            #expect(!kind.summary.isEmpty && !kind.subject.isEmpty, "\(kind.typeName) needs a summary and a subject")
            #expect(!kind.entries.isEmpty, "\(kind.typeName) is registered with no members")
            #expect(Set(kind.entries.map(\.name)).count == kind.entries.count, "\(kind.typeName) declares a member twice")
            for entry in kind.entries {
                let line = "\(kind.typeName).\(entry.name)"
                #expect(entry.summary.count >= 10 && entry.summary.hasSuffix(".") && !entry.summary.contains("\n"), "\(line) needs one line of documentation")
                if let signature = entry.signature {
                    #expect(signature.hasPrefix("\(kind.subject).\(entry.name)("), "\(line)'s signature \(signature)")
                }
            }
            if let own = kind.ownEntry { #expect(own.summary.hasSuffix(".") && !own.placeholder.isEmpty, "\(kind.typeName)'s own members") }
        }
        #expect(Set(MemberRegistry.all.map(\.typeName)).count == MemberRegistry.all.count)
    }

    @Test func everyMemberEvaluatesOnASample() throws {
        let session = Self.sampleSession()
        for kind in MemberRegistry.all {
            let variables = session.globals.keys.sorted().filter { session.globals[$0]?.value.members?.typeName == kind.typeName }
            #expect(!variables.isEmpty, "no sample of \(kind.typeName): add one to MemberTests.samples")
            var evaluated: Set<String> = []
            for variable in variables {
                let members = try #require(session.globals[variable]?.value.members)
                for name in members.names {
                    let binding = "member_\(variable)_\(name)"
                    let result = session.execute("let \(binding) = \(variable).\(name)", output: RecordingSink())
                    #expect(throws: Never.self, "\(variable).\(name)") { try result.get() }
                    evaluated.insert(name)
                    // A method (or a property that is a function) must give something callable.
                    guard let signature = kind.entries.first(where: { $0.name == name })?.signature,
                          let value = session.globals[binding]?.value else { continue }
                    switch value {
                    case .builtin: break
                    case let .object(object) where object.callable != nil: break
                    default: Issue.record("\(signature) gave a \(value.typeName), not a function")
                    }
                }
            }
            for entry in kind.entries { #expect(evaluated.contains(entry.name), "\(kind.typeName).\(entry.name) evaluated on no sample") }
        }
    }

    @Test func aValueHasOnlyItsAvailableMembers() throws {
        let session = Self.sampleSession()
        let descent = try #require(session.globals["descent"]?.value.members)
        #expect(descent.names == ["name"])
        #expect(run("descent.learningRate", in: session).failureMessage == "an Optimizer has no member 'learningRate'; its members are 'name'.")
        #expect(try #require(session.globals["onlyL2"]?.value.members).names == ["l2"])
        #expect(try #require(session.globals["log"]?.value.members).names == ["add", "count", "epoch", "loss"])
        #expect(try run("log.loss", in: session).get() == "[0.5, nan]")
        #expect(run("xs.size", in: session).failureMessage == "a List has no member 'size'; its members are 'count'.")
    }

    @Test func pathInterceptsAreEachFitsIntercept() throws {
        let session = Session()
        let source = "let data = load(\"diabetes\")\nlet path = lassoPath(data, lambdas: 4)\nlet last = fit(linear, data, penalty: l1(path.lambdas[3]))"
        _ = try session.execute(source, output: RecordingSink()).get()
        #expect(try run("abs(path.intercepts[0] - mean(data.target)) < 1e-12 * mean(data.target)", in: session).get() == "true", "the null fit's intercept is the mean")
        // Warm starts land on the same certified minimizer as a fit from zero.
        #expect(try run("abs(path.intercepts[3] - last.intercept) < 1e-6 * abs(last.intercept)", in: session).get() == "true")
        #expect(try run("path.intercepts.count", in: session).get() == "4")
        // An optimal unpenalized intercept makes the residuals sum to 0: b₀ = ȳ − x̄ᵀb at every λ.
        guard case let .object(result as PathResult)? = session.globals["path"]?.value else { throw PathMissing() }
        let data = result.data, n = Double(data.sampleCount)
        let targetMean = data.target.reduce(0, +) / n
        for (fit, intercept) in zip(result.path.fits, result.path.intercepts) {
            let shifts = (0..<data.featureCount).map { data.features.column($0).reduce(0, +) / n * fit.coefficients[$0] }
            let scale = Swift.abs(targetMean) + shifts.map(Swift.abs).reduce(0, +)
            #expect(Swift.abs(intercept - (targetMean - shifts.reduce(0, +))) <= 1e-12 * scale)
        }
    }

    struct PathMissing: Error {}

    @Test func theReferenceListsEveryMember() {
        let reference = BuiltinRegistry.referenceMarkdown()
        for kind in MemberRegistry.all {
            #expect(reference.contains("\n## \(kind.typeName)\n"), "\(kind.typeName)")
            for entry in kind.entries {
                #expect(reference.contains("* `\(entry.signature ?? "\(kind.subject).\(entry.name)")`: \(entry.summary)\n"), "\(kind.typeName).\(entry.name)")
            }
        }
    }
}

extension Result where Failure == RegulaError {
    /// The error's message, or nil when it succeeded.
    var failureMessage: String? {
        if case let .failure(error) = self { return error.message }
        return nil
    }
}
