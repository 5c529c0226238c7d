/// A place in a cell's source: 1-based line and column (in characters), and the character offset.
public struct SourceLocation: Sendable, Equatable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "line \(line), column \(column)" }
}

/// A stretch of source, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Equatable {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(_ start: SourceLocation, _ end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// The range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}

/// A token and where it came from.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case number(Double)
        case string(String)
        /// A string with `\(…)` in it: its text and code parts, in order.
        case interpolation([InterpolationPart])
        case identifier(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case newline
        case end
    }

    public var kind: Kind
    public var range: SourceRange
    /// The token's text as written.
    public var lexeme: String
}

/// A part of an interpolated string: literal text, or the code of a `\(…)` and where it starts.
public enum InterpolationPart: Sendable, Equatable {
    case text(String)
    case code(String, SourceLocation)
}

public enum Keyword: String, Sendable, CaseIterable {
    case `let`, `var`, `if`, `else`, `for`, `in`, `while`, `func`, `return`, `true`, `false`
    /// The absence of a value (Python's `None`, JSON's `null`): what a function without a
    /// `return` value gives, and what papermill injects for a null parameter.
    case nothing
}

public enum Symbol: String, Sendable, CaseIterable {
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", equal = "="
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%"
    case less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">=", equalEqual = "==", notEqual = "!="
    case and = "&&", or = "||", not = "!"
    case closedRange = "...", halfOpenRange = "..<"
    case plusEqual = "+=", minusEqual = "-=", starEqual = "*=", slashEqual = "/="
    case arrow = "->"

    /// For a compound assignment such as `+=`, the arithmetic operator it applies.
    var compoundOperator: Symbol? {
        switch self {
        case .plusEqual: .plus
        case .minusEqual: .minus
        case .starEqual: .star
        case .slashEqual: .slash
        default: nil
        }
    }
}

extension Token.Kind {
    /// How the kind reads in an error message.
    var spelled: String {
        switch self {
        case .number: "a number"
        case .string, .interpolation: "a string"
        case let .identifier(name): "'\(name)'"
        case let .keyword(keyword): "'\(keyword.rawValue)'"
        case let .symbol(symbol): "'\(symbol.rawValue)'"
        case .newline: "the end of the line"
        case .end: "the end of the cell"
        }
    }
}
