/// Turns a cell's text into tokens. Every token carries its source range.
struct Lexer {
    private let characters: [Character]
    private var index = 0
    private var line: Int
    private var column: Int
    /// Where this text starts in the cell: a string interpolation's code is lexed on its own,
    /// but its tokens keep their places in the whole cell.
    private let origin: SourceLocation

    init(_ source: String, origin: SourceLocation = SourceLocation(line: 1, column: 1, offset: 0)) {
        characters = Array(source)
        line = origin.line
        column = origin.column
        self.origin = origin
    }

    private var location: SourceLocation { SourceLocation(line: line, column: column, offset: origin.offset + index) }

    /// The source text from `start` to the current position.
    private func text(from start: SourceLocation) -> String {
        String(characters[(start.offset - origin.offset)..<index])
    }

    /// All tokens, ending with `.end`. Newlines directly inside parentheses or brackets are dropped,
    /// since they cannot end a statement there; inside braces (a block) they separate statements.
    static func tokens(_ source: String, origin: SourceLocation = SourceLocation(line: 1, column: 1, offset: 0)) throws(RegulaError) -> [Token] {
        var lexer = Lexer(source, origin: origin)
        var tokens: [Token] = []
        var open: [Symbol] = []
        while true {
            let token = try lexer.next()
            switch token.kind {
            case let .symbol(symbol) where symbol == .leftParen || symbol == .leftBracket || symbol == .leftBrace:
                open.append(symbol)
            case .symbol(.rightParen), .symbol(.rightBracket), .symbol(.rightBrace):
                _ = open.popLast()
            case .newline where open.last == .leftParen || open.last == .leftBracket:
                continue
            default: break
            }
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < characters.count ? characters[index + ahead] : nil
    }

    @discardableResult
    private mutating func advance() -> Character {
        let character = characters[index]
        index += 1
        if character == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return character
    }

    mutating func next() throws(RegulaError) -> Token {
        try skipSpaceAndComments()
        let start = location
        guard let character = peek() else {
            return Token(kind: .end, range: SourceRange(start, start), lexeme: "")
        }
        if character == "\n" {
            advance()
            return Token(kind: .newline, range: SourceRange(start, location), lexeme: "\n")
        }
        if character.isDigit || (character == "." && peek(1)?.isDigit == true) {
            return try number(from: start)
        }
        if character.isLetter || character == "_" {
            var name = ""
            while let next = peek(), next.isLetter || next.isDigit || next == "_" { name.append(advance()) }
            let kind: Token.Kind = Keyword(rawValue: name).map(Token.Kind.keyword) ?? .identifier(name)
            return Token(kind: kind, range: SourceRange(start, location), lexeme: name)
        }
        if character == "\"" {
            return try string(from: start)
        }
        // Longest symbols first, so `<=` is not read as `<` then `=`, nor `..<` as `.` `.` `<`.
        if let second = peek(1), let third = peek(2), let symbol = Symbol(rawValue: String([character, second, third])) {
            advance()
            advance()
            advance()
            return Token(kind: .symbol(symbol), range: SourceRange(start, location), lexeme: symbol.rawValue)
        }
        if let second = peek(1), let symbol = Symbol(rawValue: String([character, second])) {
            advance()
            advance()
            return Token(kind: .symbol(symbol), range: SourceRange(start, location), lexeme: symbol.rawValue)
        }
        if let symbol = Symbol(rawValue: String(character)) {
            advance()
            return Token(kind: .symbol(symbol), range: SourceRange(start, location), lexeme: symbol.rawValue)
        }
        advance()
        throw RegulaError(.parse, "unexpected character '\(character)'", at: SourceRange(start, location))
    }

    private mutating func skipSpaceAndComments() throws(RegulaError) {
        while let character = peek() {
            if character == " " || character == "\t" || character == "\r" {
                advance()
            } else if character == "/" && peek(1) == "/" {
                while let next = peek(), next != "\n" { advance() }
            } else if character == "/" && peek(1) == "*" {
                let start = location
                advance()
                advance()
                while !(peek() == "*" && peek(1) == "/") {
                    guard peek() != nil else {
                        throw RegulaError(.parse, "unterminated comment: expected '*/'", at: SourceRange(start, location), atEnd: true)
                    }
                    advance()
                }
                advance()
                advance()
            } else {
                return
            }
        }
    }

    /// Digits with `_` separators, an optional fraction and an optional exponent: `1_000`, `0.5`, `1e-3`.
    private mutating func number(from start: SourceLocation) throws(RegulaError) -> Token {
        var text = ""
        func digits(_ lexer: inout Lexer, into text: inout String) {
            while let next = lexer.peek(), next.isDigit || (next == "_" && lexer.peek(1)?.isDigit == true) {
                let character = lexer.advance()
                if character != "_" { text.append(character) }
            }
        }
        digits(&self, into: &text)
        if peek() == ".", peek(1)?.isDigit == true {
            text.append(advance())
            digits(&self, into: &text)
        }
        if let e = peek(), e == "e" || e == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if peek(signed ? 2 : 1)?.isDigit == true {
                text.append(advance())
                if signed { text.append(advance()) }
                digits(&self, into: &text)
            }
        }
        let range = SourceRange(start, location)
        if let next = peek(), next.isLetter || next == "_" {
            throw RegulaError(.parse, "a number cannot run into '\(next)'; put a space or an operator between them", at: SourceRange(location, location))
        }
        guard let value = Double(text) else {
            throw RegulaError(.parse, "'\(text)' is not a number", at: range)
        }
        return Token(kind: .number(value), range: range, lexeme: self.text(from: start))
    }

    /// A string literal. `\(expression)` inside it is kept as code, parsed later by the parser.
    private mutating func string(from start: SourceLocation) throws(RegulaError) -> Token {
        advance()
        var parts: [InterpolationPart] = []
        var value = ""
        while true {
            guard let character = peek(), character != "\n" else {
                throw RegulaError(.parse, "unterminated string: expected a closing '\"'", at: SourceRange(start, location), atEnd: peek() == nil)
            }
            advance()
            if character == "\"" { break }
            if character == "\\" {
                let escapeStart = location
                guard let escaped = peek() else { continue }
                advance()
                switch escaped {
                case "n": value.append("\n")
                case "t": value.append("\t")
                case "r": value.append("\r")
                case "\"": value.append("\"")
                case "\\": value.append("\\")
                case "u": value.unicodeScalars.append(try unicodeScalar(escapedAt: escapeStart))
                case "(":
                    if !value.isEmpty { parts.append(.text(value)) }
                    value = ""
                    parts.append(try interpolatedCode(openedAt: escapeStart))
                default:
                    throw RegulaError(.parse, "unknown escape '\\\(escaped)'; expected \\n, \\t, \\r, \\\", \\\\, \\u{…} or \\(…)", at: SourceRange(escapeStart, location))
                }
            } else {
                value.append(character)
            }
        }
        let range = SourceRange(start, location)
        if parts.isEmpty { return Token(kind: .string(value), range: range, lexeme: text(from: start)) }
        if !value.isEmpty { parts.append(.text(value)) }
        return Token(kind: .interpolation(parts), range: range, lexeme: text(from: start))
    }

    /// The scalar of `\u{…}`, as in Swift: one to eight hexadecimal digits in braces naming a
    /// Unicode scalar value. With it any text can be written in ASCII alone, including what
    /// cannot stand in a literal: a combining mark right after the opening quote would join the
    /// quote into one character, which then does not open the string.
    private mutating func unicodeScalar(escapedAt start: SourceLocation) throws(RegulaError) -> Unicode.Scalar {
        guard peek() == "{" else {
            throw RegulaError(.parse, "'\\u' must be followed by hexadecimal digits in braces, as in \\u{3bb}", at: SourceRange(start, location))
        }
        advance()
        var digits = ""
        while let next = peek(), next.isHexDigit, next.isASCII {
            digits.append(advance())
        }
        guard peek() == "}" else {
            throw RegulaError(.parse, "expected '}' after the hexadecimal digits of '\\u{\(digits)'", at: SourceRange(start, location), atEnd: peek() == nil)
        }
        advance()
        guard (1...8).contains(digits.count) else {
            throw RegulaError(.parse, "'\\u{\(digits)}' needs one to eight hexadecimal digits", at: SourceRange(start, location))
        }
        guard let code = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(code) else {
            throw RegulaError(.parse, "'\\u{\(digits)}' is not a Unicode scalar value (those are 0 to 10FFFF, without the surrogates D800 to DFFF)", at: SourceRange(start, location))
        }
        return scalar
    }

    /// The code of `\( … )` up to its matching parenthesis (strings inside it may hold parentheses).
    private mutating func interpolatedCode(openedAt open: SourceLocation) throws(RegulaError) -> InterpolationPart {
        let codeStart = location
        var depth = 1
        var code = ""
        var inString = false
        while true {
            guard let character = peek(), character != "\n" else {
                throw RegulaError(.parse, "unterminated interpolation: expected ')' to close '\\('", at: SourceRange(open, location), atEnd: peek() == nil)
            }
            advance()
            if inString {
                if character == "\\", let next = peek() {
                    code.append(character)
                    code.append(next)
                    advance()
                    continue
                }
                if character == "\"" { inString = false }
            } else if character == "\"" {
                inString = true
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                depth -= 1
                if depth == 0 { return .code(code, codeStart) }
            }
            code.append(character)
        }
    }
}

extension Character {
    /// An ASCII digit; other Unicode numerals (such as ½) are not part of number literals.
    var isDigit: Bool { isASCII && isNumber }
}
