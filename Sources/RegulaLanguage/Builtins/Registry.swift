/// Every built-in, by name. One list drives evaluation, completion, inspection and `help`.
public enum BuiltinRegistry {
    public static let all: [String: Builtin] = Dictionary(
        uniqueKeysWithValues: (OutputBuiltins.all + MathBuiltins.all + ChartBuiltins.all).map { ($0.name, $0) })

    public static var names: [String] { all.keys.sorted() }
}

extension Value {
    /// The numbers of a list, or an error naming what was expected and where.
    func numbers(for purpose: String, at range: SourceRange) throws(RegulaError) -> [Double] {
        guard case let .list(elements) = self else {
            throw RegulaError(.type, "\(purpose) must be a List of Numbers, got \(typeName)", at: range)
        }
        var numbers: [Double] = []
        numbers.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case let .number(value) = element else {
                throw RegulaError(.type, "\(purpose) must be a List of Numbers, but element \(index) is \(element.typeName)", at: range)
            }
            numbers.append(value)
        }
        return numbers
    }
}
