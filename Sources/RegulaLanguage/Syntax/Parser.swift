/// Parses tokens into statements by recursive descent. After an error it skips to the next
/// statement and goes on, so one run reports every parse error in the cell.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    private var errors: [RegulaError] = []
    /// How many function bodies enclose the current position (`return` needs at least one).
    private var functionDepth = 0
    /// The names read or assigned since the innermost function being parsed began (and in the
    /// functions inside it): what the function may capture.
    private var mentioned: Set<Int> = []
    /// How deeply expressions and blocks nest here. Bounded, so that no input can exhaust the
    /// stack of the recursive parser (or, later, of the evaluator walking the tree).
    private var nesting = 0
    static let maximumNesting = 64
    /// How deep one expression's tree may be. Chains (`1 + 1 + …`, `f(1)(1)…`, `q[0][0]…`,
    /// `a.b.c…`) are built by loops, not by nesting, so they are bounded here.
    static let maximumDepth = 256

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

    /// The one expression inside a string's `\( … )`, parsed one level deeper than the string.
    /// The expression inside `\(…)`, and the names it mentions (which a function around the
    /// string may capture).
    private static func interpolated(_ code: String, origin: SourceLocation, nesting: Int) throws(RegulaError) -> (Expression, mentions: Set<Int>) {
        var parser = Parser(tokens: try Lexer.tokens(code, origin: origin))
        parser.nesting = nesting
        while parser.current.kind == .newline { _ = parser.advance() }
        let expression = try parser.expression()
        guard parser.current.kind == .end else {
            throw parser.unexpected("expected ')' after the interpolated expression")
        }
        return (expression, parser.mentioned)
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

    /// Statements up to the end of the source, or up to (not including) a closing `}` inside a block.
    private mutating func statements(inBlock: Bool = false) -> [Statement] {
        var result: [Statement] = []
        while true {
            while current.kind == .newline || check(.semicolon) { _ = advance() }
            if current.kind == .end || (inBlock && check(.rightBrace)) { return result }
            do throws(RegulaError) {
                result.append(try statement())
                guard current.kind == .newline || current.kind == .end || check(.semicolon) || (inBlock && check(.rightBrace)) else {
                    throw unexpected("expected the end of the statement (a new line or ';')")
                }
            } catch {
                errors.append(error)
                // Recover: skip to the start of the next statement.
                while current.kind != .newline && current.kind != .end && !check(.semicolon) && !(inBlock && check(.rightBrace)) {
                    _ = advance()
                }
            }
        }
    }

    private mutating func statement() throws(RegulaError) -> Statement {
        switch current.kind {
        case .keyword(.let), .keyword(.var):
            let isMutable = advance().kind == .keyword(.var)
            let keyword = isMutable ? "var" : "let"
            if check(.leftParen) { return try destructuring(keyword: keyword, isMutable: isMutable) }
            guard case let .identifier(name) = current.kind else {
                throw unexpected("expected a name after '\(keyword)'")
            }
            let nameRange = advance().range
            _ = try expect(.equal, "after the name in '\(keyword) \(name)'")
            return .binding(name: Name(name), nameRange: nameRange, value: try expression(), isMutable: isMutable)
        case .keyword(.if):
            return try conditional()
        case .keyword(.for):
            let keywordRange = advance().range
            guard case let .identifier(name) = current.kind else { throw unexpected("expected a loop variable after 'for'") }
            let variableRange = advance().range
            guard current.kind == .keyword(.in) else { throw unexpected("expected 'in' after 'for \(name)'") }
            _ = advance()
            let sequence = try expression()
            return .forLoop(variable: Name(name), variableRange: variableRange, sequence: sequence, body: try block("the loop"), keywordRange: keywordRange)
        case .keyword(.func):
            return try functionDeclaration()
        case .keyword(.return):
            let range = advance().range
            guard functionDepth > 0 else {
                throw RegulaError(.parse, "'return' is only allowed inside a function", at: range)
            }
            if current.kind == .newline || current.kind == .end || check(.semicolon) || check(.rightBrace) {
                return .returnStatement(nil, range: range)
            }
            let value = try expression()
            return .returnStatement(value, range: range.union(value.range))
        case .keyword(.while):
            let keywordRange = advance().range
            let condition = try expression()
            return .whileLoop(condition: condition, body: try block("the loop"), keywordRange: keywordRange)
        case .identifier("penalty") where tokens.count > position + 2 && tokens[position + 2].kind == .symbol(.leftParen):
            // `penalty` is a keyword only here, before a name and a `(`: it stays usable as a
            // label (`fit(…, penalty: l1(0.1))`) and as a variable name.
            if case .identifier = tokens[position + 1].kind { return try penaltyDeclaration() }
        case let .identifier(name):
            if case let .symbol(symbol) = tokens[position + 1].kind, symbol == .equal || symbol.compoundOperator != nil {
                let nameRange = advance().range
                _ = advance()
                mentioned.insert(Name(name).id)
                return .assignment(name: Name(name), nameRange: nameRange, compound: symbol.compoundOperator, value: try expression())
            }
        default:
            break
        }
        return .expression(try expression())
    }

    /// `let (a, b) = value`: one name per element of a tuple or list.
    private mutating func destructuring(keyword: String, isMutable: Bool) throws(RegulaError) -> Statement {
        let open = advance().range
        var names: [(name: Name, range: SourceRange)] = []
        repeat {
            guard case let .identifier(name) = current.kind else { throw unexpected("expected a name in '\(keyword) (…)'") }
            names.append((Name(name), advance().range))
        } while match(.comma)
        let close = try expect(.rightParen, "to close the names in '\(keyword) (…)'")
        _ = try expect(.equal, "after the names in '\(keyword) (…)'")
        return .destructuring(names: names, range: open.union(close.range), value: try expression(), isMutable: isMutable)
    }

    private mutating func functionDeclaration() throws(RegulaError) -> Statement {
        _ = advance()  // `func`
        guard case let .identifier(name) = current.kind else { throw unexpected("expected the function's name after 'func'") }
        let nameRange = advance().range
        let outerMentions = mentioned
        mentioned = []
        _ = try expect(.leftParen, "to start the parameters of '\(name)'")
        var parameters: [UserFunction.Parameter] = []
        while !check(.rightParen) {
            parameters.append(try parameter(of: name))
            guard match(.comma) else { break }
        }
        _ = try expect(.rightParen, "to end the parameters of '\(name)'")
        var seen = Set<String>()
        for parameter in parameters where !seen.insert(parameter.name.text).inserted {
            throw RegulaError(.parse, "'\(name)' has two parameters named '\(parameter.name.text)'", at: nameRange)
        }
        // A Swift-style result type (`-> Double`) is allowed and ignored: Regula checks types as it runs.
        if match(.arrow) {
            guard case .identifier = current.kind else { throw unexpected("expected a type after '->'") }
            _ = advance()
        }
        functionDepth += 1
        defer { functionDepth -= 1 }
        let body = try block("'\(name)'")
        let mentions = mentioned
        mentioned.formUnion(outerMentions)
        return .function(UserFunction(binding: Name(name), nameRange: nameRange, parameters: parameters, body: body, mentions: mentions))
    }

    /// `{ x, y in statements }`: parameters (unlabelled), `in`, then a body whose last
    /// expression is the result, as in Swift; `{ statements }` takes no parameters.
    private mutating func closure() throws(RegulaError) -> Expression {
        let open = advance().range
        let outerMentions = mentioned
        mentioned = []
        let bodyStart = self
        var parameters: [UserFunction.Parameter] = []
        while case let .identifier(name) = current.kind {
            _ = advance()
            parameters.append(UserFunction.Parameter(label: nil, name: Name(name), defaultValue: nil))
            guard match(.comma) else { break }
        }
        if current.kind == .keyword(.in) {
            _ = advance()
        } else {
            // No `names in`: what was read as parameters is the start of the body.
            self = bodyStart
            parameters = []
        }
        functionDepth += 1
        defer { functionDepth -= 1 }
        var body = try nested { (parser: inout Parser) throws(RegulaError) in parser.statements(inBlock: true) }
        let close = try expect(.rightBrace, "to close the function literal")
        if case let .expression(last)? = body.last {
            body[body.count - 1] = .returnStatement(last, range: last.range)
        }
        let range = open.union(close.range)
        let mentions = mentioned
        mentioned.formUnion(outerMentions)
        let function = UserFunction(binding: Name("function"), nameRange: range, parameters: parameters, body: body, mentions: mentions, isLiteral: true)
        return try node(form: .closure(function), range: range)
    }

    /// `penalty name(w, t: 1, s = 2) = formula`.
    private mutating func penaltyDeclaration() throws(RegulaError) -> Statement {
        _ = advance()  // `penalty`
        guard case let .identifier(name) = current.kind else { throw unexpected("expected the penalty's name after 'penalty'") }
        let nameRange = advance().range
        _ = try expect(.leftParen, "to start the parameters of '\(name)'")
        guard case let .identifier(weight) = current.kind else {
            throw unexpected("expected the weight's name first, as in 'penalty \(name)(w) = abs(w)'")
        }
        _ = advance()
        var parameters: [(name: Name, defaultValue: Expression)] = []
        while match(.comma) {
            guard case let .identifier(parameter) = current.kind else { throw unexpected("expected a parameter name in '\(name)'") }
            let parameterRange = advance().range
            guard match(.colon) || match(.equal) else {
                throw RegulaError(.parse, "the parameter '\(parameter)' of '\(name)' needs a default value, as in '\(parameter): 1'", at: parameterRange)
            }
            guard parameter != weight, !parameters.contains(where: { $0.name.text == parameter }) else {
                throw RegulaError(.parse, "'\(name)' has two parameters named '\(parameter)'", at: parameterRange)
            }
            parameters.append((Name(parameter), try expression()))
        }
        _ = try expect(.rightParen, "to end the parameters of '\(name)'")
        _ = try expect(.equal, "before the formula of '\(name)', as in 'penalty \(name)(\(weight)) = abs(\(weight))'")
        let formula = try expression()
        return .penalty(PenaltyDeclaration(name: Name(name), nameRange: nameRange, weight: Name(weight), parameters: parameters, formula: formula))
    }

    /// `_ name`, `label name` or `name`, then an optional `: Type` (ignored) and `= default`.
    private mutating func parameter(of function: String) throws(RegulaError) -> UserFunction.Parameter {
        var label: String?
        let name: String
        if case .identifier("_") = current.kind {
            _ = advance()
            guard case let .identifier(inner) = current.kind else { throw unexpected("expected a parameter name after '_'") }
            name = inner
            _ = advance()
        } else if case let .identifier(first) = current.kind {
            _ = advance()
            if case let .identifier(second) = current.kind {
                label = first
                name = second
                _ = advance()
            } else {
                label = first
                name = first
            }
        } else {
            throw unexpected("expected a parameter name in '\(function)'")
        }
        if match(.colon) {
            guard case .identifier = current.kind else { throw unexpected("expected a type after ':'") }
            _ = advance()
        }
        let defaultValue = match(.equal) ? try expression() : nil
        return UserFunction.Parameter(label: label, name: Name(name), defaultValue: defaultValue)
    }

    private mutating func conditional() throws(RegulaError) -> Statement {
        _ = advance()  // `if`
        let condition = try expression()
        let then = try block("the 'if'")
        guard current.kind == .keyword(.else) else { return .conditional(condition: condition, then: then, otherwise: nil) }
        _ = advance()
        if current.kind == .keyword(.if) {
            return .conditional(condition: condition, then: then, otherwise: [try conditional()])
        }
        return .conditional(condition: condition, then: then, otherwise: try block("the 'else'"))
    }

    /// `{ statements }`. Errors inside are gathered like any others; the block still ends at its `}`.
    private mutating func block(_ owner: String) throws(RegulaError) -> [Statement] {
        guard check(.leftBrace) else { throw unexpected("expected '{' to start the body of \(owner)") }
        _ = advance()
        let body = try nested { (parser: inout Parser) throws(RegulaError) in parser.statements(inBlock: true) }
        _ = try expect(.rightBrace, "to close the body of \(owner)")
        return body
    }

    // MARK: Expressions, lowest precedence first

    private mutating func expression() throws(RegulaError) -> Expression {
        try nested { (parser: inout Parser) throws(RegulaError) in try parser.binary(level: 0) }
    }

    private mutating func nested<T>(_ body: (inout Parser) throws(RegulaError) -> T) throws(RegulaError) -> T {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw RegulaError(.parse, "this is nested more than \(Self.maximumNesting) levels deep; split it into smaller parts", at: current.range)
        }
        return try body(&self)
    }

    /// A new node of the tree, refused when it would make the tree deeper than `maximumDepth`.
    private func node(form: Expression.Form, range: SourceRange) throws(RegulaError) -> Expression {
        let expression = Expression(form: form, range: range)
        guard expression.depth <= Self.maximumDepth else {
            throw RegulaError(.parse, "this expression is more than \(Self.maximumDepth) levels deep (a long chain of operators, calls, indices or members); split it into several statements", at: range)
        }
        return expression
    }

    private static let levels: [[Symbol]] = [
        [.or], [.and], [.equalEqual, .notEqual], [.less, .lessEqual, .greater, .greaterEqual],
        [.closedRange, .halfOpenRange], [.plus, .minus], [.star, .slash, .percent],
    ]

    private mutating func binary(level: Int) throws(RegulaError) -> Expression {
        guard level < Self.levels.count else { return try unary() }
        var left = try binary(level: level + 1)
        if Self.levels[level].contains(.closedRange) {
            guard case let .symbol(symbol) = current.kind, Self.levels[level].contains(symbol) else { return left }
            _ = advance()
            let right = try binary(level: level + 1)
            // Ranges do not chain: `1...2...3` is an error, as in Swift.
            if case let .symbol(next) = current.kind, Self.levels[level].contains(next) {
                throw unexpected("a range cannot be the bound of another range")
            }
            return try node(form: .range(left, right, closed: symbol == .closedRange), range: left.range.union(right.range))
        }
        while case let .symbol(symbol) = current.kind, Self.levels[level].contains(symbol) {
            _ = advance()
            let right = try binary(level: level + 1)
            left = try node(form: .binary(symbol, left, right), range: left.range.union(right.range))
        }
        return left
    }

    private mutating func unary() throws(RegulaError) -> Expression {
        if case let .symbol(symbol) = current.kind, symbol == .minus || symbol == .not || symbol == .plus {
            let start = advance().range
            let operand = try nested { (parser: inout Parser) throws(RegulaError) in try parser.unary() }
            return try node(form: .unary(symbol, operand), range: start.union(operand.range))
        }
        return try postfix()
    }

    private mutating func postfix() throws(RegulaError) -> Expression {
        var expression = try primary()
        while true {
            if match(.leftParen) {
                let arguments = try callArguments()
                let close = try expect(.rightParen, "to close the call")
                expression = try node(form: .call(callee: expression, arguments: arguments), range: expression.range.union(close.range))
            } else if match(.leftBracket) {
                let index = try self.expression()
                let close = try expect(.rightBracket, "to close the index")
                expression = try node(form: .index(expression, index), range: expression.range.union(close.range))
            } else if match(.dot) {
                guard case let .identifier(name) = current.kind else { throw unexpected("expected a member name after '.'") }
                let nameToken = advance()
                expression = try node(form: .member(expression, name: name), range: expression.range.union(nameToken.range))
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
            return try node(form: .number(value), range: token.range)
        case let .string(value):
            _ = advance()
            return try node(form: .string(value), range: token.range)
        case let .interpolation(parts):
            _ = advance()
            var pieces: [InterpolationPiece] = []
            for part in parts {
                switch part {
                case let .text(text): pieces.append(.text(text))
                case let .code(code, origin):
                    let (expression, mentions) = try nested { (parser: inout Parser) throws(RegulaError) in
                        try Parser.interpolated(code, origin: origin, nesting: parser.nesting)
                    }
                    mentioned.formUnion(mentions)
                    pieces.append(.value(expression))
                }
            }
            return try node(form: .interpolation(pieces), range: token.range)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return try node(form: .boolean(token.kind == .keyword(.true)), range: token.range)
        case .keyword(.nothing):
            _ = advance()
            return try node(form: .nothing, range: token.range)
        case let .identifier(name):
            _ = advance()
            let reference = Name(name)
            mentioned.insert(reference.id)
            return try node(form: .name(reference), range: token.range)
        case .symbol(.leftBrace):
            return try closure()
        case .symbol(.leftParen):
            _ = advance()
            // `(x)` groups; `(a, b)` is a tuple; `(train: a, test: b)` a tuple with labels (a record).
            var elements: [(label: String?, value: Expression)] = []
            var sawComma = false
            while !check(.rightParen) {
                var label: String?
                if case let .identifier(name) = current.kind, tokens[position + 1].kind == .symbol(.colon) {
                    label = name
                    _ = advance()
                    _ = advance()
                }
                elements.append((label, try expression()))
                guard match(.comma) else { break }
                sawComma = true
            }
            let close = try expect(.rightParen, elements.isEmpty ? "to close '('" : "to close the parenthesis")
            let range = token.range.union(close.range)
            if elements.count == 1, !sawComma, elements[0].label == nil {
                var inner = elements[0].value
                inner.range = range
                return inner
            }
            guard !elements.isEmpty else { throw RegulaError(.parse, "expected an expression inside '()'", at: range) }
            return try node(form: .tuple(elements.map(\.value), labels: elements.map(\.label)), range: range)
        case .symbol(.leftBracket):
            _ = advance()
            var elements: [Expression] = []
            while !check(.rightBracket) {
                elements.append(try expression())
                guard match(.comma) else { break }
            }
            let close = try expect(.rightBracket, "to close the list")
            return try node(form: .list(elements), range: token.range.union(close.range))
        default:
            throw unexpected("expected an expression")
        }
    }
}
