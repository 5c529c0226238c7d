import RegulaLearning
/// The meaning of operators, indexing and members on values.
enum Operators {
    static func unary(_ symbol: Symbol, _ operand: Value, at range: SourceRange) throws(RegulaError) -> Value {
        switch (symbol, operand) {
        case let (.minus, .number(value)): return .number(-value)
        case let (.plus, .number(value)): return .number(value)
        case let (.not, .boolean(value)): return .boolean(!value)
        default:
            throw RegulaError(.type, "'\(symbol.rawValue)' cannot be applied to a \(operand.typeName)", at: range)
        }
    }

    static func truth(_ value: Value, for symbol: Symbol, at range: SourceRange) throws(RegulaError) -> Bool {
        guard case let .boolean(truth) = value else {
            throw RegulaError(.type, "'\(symbol.rawValue)' needs Bool operands, got \(value.typeName)", at: range)
        }
        return truth
    }

    static func binary(_ symbol: Symbol, _ left: Value, _ right: Value, at range: SourceRange, rightRange: SourceRange) throws(RegulaError) -> Value {
        // Numbers first: they are what loops spend their time on.
        if case let .number(a) = left, case let .number(b) = right {
            switch symbol {
            case .plus: return .number(a + b)
            case .minus: return .number(a - b)
            case .star: return .number(a * b)
            case .slash, .percent:
                guard b != 0 else { throw RegulaError(.zeroDivision, "division by zero: the right side of '\(symbol.rawValue)' is 0", at: rightRange) }
                return .number(symbol == .slash ? a / b : a.truncatingRemainder(dividingBy: b))
            case .less: return .boolean(a < b)
            case .lessEqual: return .boolean(a <= b)
            case .greater: return .boolean(a > b)
            case .greaterEqual: return .boolean(a >= b)
            case .equalEqual: return .boolean(a == b)
            case .notEqual: return .boolean(a != b)
            default: break
            }
        }
        // `nothing` equals only itself, and comparing anything with it is a Bool (as Swift's nil):
        // `fit.gap == nothing` asks whether a certificate is defined.
        if symbol == .equalEqual || symbol == .notEqual, left.isNothing || right.isNothing {
            return .boolean((left.isNothing && right.isNothing) == (symbol == .equalEqual))
        }
        // A kind of value gives operators their meaning on its values, whichever side it is on.
        if case let .object(object) = left, let result = try type(of: object).binary(symbol, left, right, at: range) { return result }
        if case let .object(object) = right, let result = try type(of: object).binary(symbol, left, right, at: range) { return result }
        // Arithmetic on lists is element by element; a number pairs with every element.
        if symbol == .plus || symbol == .minus || symbol == .star || symbol == .slash {
            switch (left, right) {
            case let (.list(a), .list(b)) where symbol != .plus:
                guard a.count == b.count else {
                    throw RegulaError(.value, "'\(symbol.rawValue)' needs lists of the same length, got \(a.count) and \(b.count) elements", at: range)
                }
                var result: [Value] = []
                for (x, y) in zip(a, b) { result.append(try binary(symbol, x, y, at: range, rightRange: rightRange)) }
                return .list(result)
            case let (.list(a), .number):
                var result: [Value] = []
                for x in a { result.append(try binary(symbol, x, right, at: range, rightRange: rightRange)) }
                return .list(result)
            case let (.number, .list(b)):
                var result: [Value] = []
                for y in b { result.append(try binary(symbol, left, y, at: range, rightRange: rightRange)) }
                return .list(result)
            default:
                break
            }
        }
        switch (left, right) {
        case let (.string(a), .string(b)):
            switch symbol {
            case .plus: return .string(a + b)
            case .equalEqual: return .boolean(a == b)
            case .notEqual: return .boolean(a != b)
            case .less: return .boolean(a < b)
            case .greater: return .boolean(a > b)
            default: break
            }
        case let (.list(a), .list(b)) where symbol == .plus:
            return .list(a + b)
        case let (.list(a), .list(b)) where symbol == .equalEqual || symbol == .notEqual,
             let (.tuple(a, _), .tuple(b, _)) where symbol == .equalEqual || symbol == .notEqual:
            // Whole values, as in Swift: equal when the same length and equal element by element.
            var same = a.count == b.count
            for (x, y) in zip(a, b) where same {
                guard case let .boolean(equal) = try binary(.equalEqual, x, y, at: range, rightRange: rightRange) else { same = false; break }
                same = equal
            }
            return .boolean(same == (symbol == .equalEqual))
        case let (.boolean(a), .boolean(b)) where symbol == .equalEqual || symbol == .notEqual:
            return .boolean((a == b) == (symbol == .equalEqual))
        default:
            break
        }
        throw RegulaError(.type, "'\(symbol.rawValue)' cannot combine a \(left.typeName) and a \(right.typeName)", at: range)
    }

    /// A range of whole numbers; its bounds must be whole and in order, as in Swift.
    static func range(
        _ lower: Value, _ upper: Value, closed: Bool, lowerRange: SourceRange, upperRange: SourceRange
    ) throws(RegulaError) -> Value {
        func whole(_ value: Value, _ range: SourceRange, _ which: String) throws(RegulaError) -> Int {
            guard case let .number(number) = value, number == number.rounded(), abs(number) < 1e15 else {
                throw RegulaError(.type, "a range's \(which) bound must be a whole Number, got \(value.description)", at: range)
            }
            return Int(number)
        }
        let low = try whole(lower, lowerRange, "lower"), high = try whole(upper, upperRange, "upper")
        guard low <= high else {
            throw RegulaError(.value, "a range's lower bound \(low) is above its upper bound \(high)", at: lowerRange.union(upperRange))
        }
        return .range(lower: low, upper: high, isClosed: closed)
    }

    static func index(_ base: Value, _ index: Value, at range: SourceRange, indexRange: SourceRange) throws(RegulaError) -> Value {
        let elements: [Value]
        switch base {
        case let .list(values), let .tuple(values, _): elements = values
        default: throw RegulaError(.type, "a \(base.typeName) cannot be indexed; only lists and tuples can", at: range)
        }
        guard case let .number(position) = index, position == position.rounded() else {
            throw RegulaError(.type, "a list index must be a whole Number, got \(index.description)", at: indexRange)
        }
        guard position >= 0, position < Double(elements.count) else {
            throw RegulaError(.value, "index \(formatted(position)) is out of range for a list of \(elements.count) elements (indices start at 0)", at: indexRange)
        }
        return elements[Int(position)]
    }

    static func member(_ base: Value, _ name: String, at range: SourceRange) throws(RegulaError) -> Value {
        if case let .tuple(values, labels) = base {
            if let position = labels.firstIndex(of: name) { return values[position] }
            let known = labels.compactMap { $0 }
            let suggestion = Suggestion.closest(to: name, among: known).map { " Did you mean '\($0)'?" } ?? ""
            throw RegulaError(.name, "this tuple has no member '\(name)'" + (known.isEmpty ? "" : "; its labels are " + known.map { "'\($0)'" }.joined(separator: ", ")) + ".\(suggestion)", at: range)
        }
        guard let members = base.members else { throw RegulaError(.name, "\(article(base.typeName)) \(base.typeName) has no member '\(name)'", at: range) }
        return try members.value(name, at: range)
    }
}
