/// Parses tokens into statements by recursive descent. After an error it skips to the next
/// statement and goes on, so one run reports every parse error in the cell.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    private var errors: [RegulaError] = []

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// The statements of `source`, or every parse error in it (the first, with the rest in `others`).
    static func parse(_ source: String) throws(RegulaError) -> [Statement] {
        var parser = Parser(tokens: try Lexer.tokens(source))
        let statements = parser.statements()
        if var first = parser.errors.first {
            first.others = Array(parser.errors.dropFirst())
            throw first
        }
        return statements
    }

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func check(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }

    private mutating func match(_ symbol: Symbol) -> Bool {
        guard check(symbol) else { return false }
        _ = advance()
        return true
    }

    private mutating func expect(_ symbol: Symbol, _ purpose: String) throws(RegulaError) -> Token {
        guard check(symbol) else { throw unexpected("expected '\(symbol.rawValue)' \(purpose)") }
        return advance()
    }

    private func unexpected(_ expectation: String) -> RegulaError {
        RegulaError(.parse, "\(expectation), found \(current.kind.spelled)", at: current.range, atEnd: current.kind == .end)
    }

    // MARK: Statements

    private mutating func statements() -> [Statement] {
        var result: [Statement] = []
        while true {
            while current.kind == .newline || check(.semicolon) { _ = advance() }
            if current.kind == .end { return result }
            do throws(RegulaError) {
                result.append(try statement())
                guard current.kind == .newline || current.kind == .end || check(.semicolon) else {
                    throw unexpected("expected the end of the statement (a new line or ';')")
                }
            } catch {
                errors.append(error)
                // Recover: skip to the start of the next statement.
                while current.kind != .newline && current.kind != .end && !check(.semicolon) { _ = advance() }
            }
        }
    }

    private mutating func statement() throws(RegulaError) -> Statement {
        if current.kind == .keyword(.let) {
            _ = advance()
            guard case let .identifier(name) = current.kind else {
                throw unexpected("expected a name after 'let'")
            }
            let nameRange = advance().range
            _ = try expect(.equal, "after the name in 'let \(name)'")
            return .binding(name: name, nameRange: nameRange, value: try expression())
        }
        return .expression(try expression())
    }

    // MARK: Expressions, lowest precedence first

    private mutating func expression() throws(RegulaError) -> Expression {
        try binary(level: 0)
    }

    private static let levels: [[Symbol]] = [
        [.or], [.and], [.equalEqual, .notEqual], [.less, .lessEqual, .greater, .greaterEqual],
        [.plus, .minus], [.star, .slash, .percent],
    ]

    private mutating func binary(level: Int) throws(RegulaError) -> Expression {
        guard level < Self.levels.count else { return try unary() }
        var left = try binary(level: level + 1)
        while case let .symbol(symbol) = current.kind, Self.levels[level].contains(symbol) {
            _ = advance()
            let right = try binary(level: level + 1)
            left = Expression(form: .binary(symbol, left, right), range: left.range.union(right.range))
        }
        return left
    }

    private mutating func unary() throws(RegulaError) -> Expression {
        if case let .symbol(symbol) = current.kind, symbol == .minus || symbol == .not || symbol == .plus {
            let start = advance().range
            let operand = try unary()
            return Expression(form: .unary(symbol, operand), range: start.union(operand.range))
        }
        return try postfix()
    }

    private mutating func postfix() throws(RegulaError) -> Expression {
        var expression = try primary()
        while true {
            if match(.leftParen) {
                let arguments = try callArguments()
                let close = try expect(.rightParen, "to close the call")
                expression = Expression(form: .call(callee: expression, arguments: arguments), range: expression.range.union(close.range))
            } else if match(.leftBracket) {
                let index = try self.expression()
                let close = try expect(.rightBracket, "to close the index")
                expression = Expression(form: .index(expression, index), range: expression.range.union(close.range))
            } else if match(.dot) {
                guard case let .identifier(name) = current.kind else { throw unexpected("expected a member name after '.'") }
                let nameToken = advance()
                expression = Expression(form: .member(expression, name: name), range: expression.range.union(nameToken.range))
            } else {
                return expression
            }
        }
    }

    private mutating func callArguments() throws(RegulaError) -> [Argument] {
        var arguments: [Argument] = []
        if check(.rightParen) { return arguments }
        repeat {
            if check(.rightParen) { break }  // a trailing comma is allowed
            var label: String?
            var labelRange: SourceRange?
            if case let .identifier(name) = current.kind, tokens[position + 1].kind == .symbol(.colon) {
                label = name
                let start = advance().range
                labelRange = start.union(advance().range)
            }
            arguments.append(Argument(label: label, labelRange: labelRange, value: try expression()))
        } while match(.comma)
        return arguments
    }

    private mutating func primary() throws(RegulaError) -> Expression {
        let token = current
        switch token.kind {
        case let .number(value):
            _ = advance()
            return Expression(form: .number(value), range: token.range)
        case let .string(value):
            _ = advance()
            return Expression(form: .string(value), range: token.range)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return Expression(form: .boolean(token.kind == .keyword(.true)), range: token.range)
        case let .identifier(name):
            _ = advance()
            return Expression(form: .name(name), range: token.range)
        case .symbol(.leftParen):
            _ = advance()
            var inner = try expression()
            let close = try expect(.rightParen, "to close the parenthesis")
            inner.range = token.range.union(close.range)
            return inner
        case .symbol(.leftBracket):
            _ = advance()
            var elements: [Expression] = []
            while !check(.rightBracket) {
                elements.append(try expression())
                guard match(.comma) else { break }
            }
            let close = try expect(.rightBracket, "to close the list")
            return Expression(form: .list(elements), range: token.range.union(close.range))
        default:
            throw unexpected("expected an expression")
        }
    }
}
