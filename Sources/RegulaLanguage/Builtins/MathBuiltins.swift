import RegulaLearning
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numeric built-ins. Each takes a Number, or a List of Numbers where that makes sense.
enum MathBuiltins {
    /// The functions of `MathFunction.all` (declared there with their derivatives), then the rest.
    static let all: [Builtin] = MathFunction.all.map(\.builtin) + [linspace, round]

    static let round = Builtin(
        "round",
        summary: "Rounds to `digits` decimals, half away from zero.",
        documentation: "For showing a computed figure as the decimal it stands for: `round(15 * 15 - 14.999 * 14.999, digits: 6)` is 0.029999, where the binary difference prints as 0.029999000000006.",
        example: "round(0.0299990000000036, digits: 6)",
        parameters: [
            .positional("x", .numberOrList, "The number, or list of numbers, to round."),
            .labelled("digits", .number, default: .number(0), "Decimals to keep, a whole number from 0 to 15."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let digits = try call.number("digits")
        guard digits == digits.rounded(), digits >= 0, digits <= 15 else {
            throw RegulaError(.value, "round() needs whole digits from 0 to 15, got \(formatted(digits))", at: call.range(of: "digits"))
        }
        let scale = pow(10, digits)
        return try call.value("x").mapNumbers(at: call.range(of: "x")) { x in
            guard x.isFinite, Swift.abs(x) * scale < 1e15 else { return x }
            return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
        }
    }

    static let linspace = Builtin(
        "linspace",
        summary: "Evenly spaced numbers from `from` to `to`, both included.",
        documentation: "A grid for plotting a function: `count` numbers, at least 2.",
        example: "linspace(-2, 2, count: 5)",
        parameters: [
            .positional("from", .number, "The first number."),
            .positional("to", .number, "The last number."),
            .labelled("count", .number, default: .number(50), "How many numbers, a whole number from 2 to 1000000."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let from = try call.number("from"), to = try call.number("to"), count = try call.number("count")
        guard count >= 2, count == count.rounded(), count <= 1_000_000 else {
            throw RegulaError(.value, "linspace() needs a whole count from 2 to 1000000, got \(formatted(count))", at: call.range(of: "count"))
        }
        let steps = Int(count) - 1
        // Computed from both ends, so the last value is exactly `to`.
        return .list((0...steps).map { .number(from + (to - from) * Double($0) / Double(steps)) })
    }

    /// A function applied to a Number, or to each element of a List.
    static func elementwise(
        _ name: String, _ what: String, _ function: @escaping @Sendable (Double) -> Double,
        domain: @escaping @Sendable (Double) -> Bool = { _ in true }, domainText: String = ""
    ) -> Builtin {
        Builtin(
            name,
            summary: "The \(what) of a number, or of each element of a list.",
            documentation: "Applies element by element to a list." + (domainText.isEmpty ? "" : " Every input must be \(domainText)."),
            example: "\(name)(4)", parameters: [.positional("x", .numberOrList, "A number, or a list of numbers.")]
        ) { (call: inout Call) throws(RegulaError) -> Value in
            func apply(_ value: Double) throws(RegulaError) -> Double {
                guard domain(value) else {
                    throw RegulaError(.value, "\(name)() needs inputs \(domainText), got \(formatted(value))", at: call.range(of: "x"))
                }
                return function(value)
            }
            switch call.value("x") {
            case let .number(value): return .number(try apply(value))
            case let list:
                var results: [Value] = []
                for value in try list.numbers(for: "\(name)()'s argument", at: call.range(of: "x")) {
                    results.append(.number(try apply(value)))
                }
                return .list(results)
            }
        }
    }

    /// A function of a whole List of Numbers.
    static func reduction(
        _ name: String, _ what: String, needsElements: Bool = false, _ function: @escaping @Sendable ([Double]) -> Double
    ) -> Builtin {
        Builtin(
            name,
            summary: "The \(what) of a list of numbers.", documentation: needsElements ? "The list must not be empty." : "An empty list gives 0.",
            example: "\(name)([3, 1, 2])", parameters: [.positional("values", .list, "A list of numbers.")]
        ) { (call: inout Call) throws(RegulaError) -> Value in
            let numbers = try call.value("values").numbers(for: "\(name)()'s argument", at: call.range(of: "values"))
            guard !needsElements || !numbers.isEmpty else {
                throw RegulaError(.value, "\(name)() needs at least one number, got an empty list", at: call.range(of: "values"))
            }
            return .number(function(numbers))
        }
    }
}
