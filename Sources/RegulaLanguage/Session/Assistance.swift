/// Completion and inspection: what a person gets from Tab and Shift-Tab.
/// Cursor positions count Unicode code points, as the Jupyter protocol does.
extension Session {
    /// The names that complete the word before `cursor`, and the code-point range they replace.
    public func completions(in source: String, cursor: Int) -> (matches: [String], start: Int, end: Int) {
        let scalars = Array(source.unicodeScalars)
        let end = max(0, min(cursor, scalars.count))
        var start = end
        while start > 0, Self.isNameScalar(scalars[start - 1]) { start -= 1 }
        let prefix = String(String.UnicodeScalarView(scalars[start..<end]))
        if start > 0, scalars[start - 1] == "." {
            let base = Self.name(endingAt: start - 1, in: scalars).text
            // A variable's members are known without evaluating; a name not bound yet (perhaps
            // earlier in this cell) and a list or string literal get a collection's. After a
            // call, whose value is unknown until it runs, nothing is offered.
            let literal = start > 1 && (scalars[start - 2] == "]" || scalars[start - 2] == "\"")
            guard !base.isEmpty || literal else { return ([], start, end) }
            let members = Self.memberNames(of: globals[base]?.value).filter { $0.hasPrefix(prefix) }
            return (members, start, end)
        }
        let candidates = Set(globals.keys).union(BuiltinRegistry.names).union(Keyword.allCases.map(\.rawValue))
        let names = candidates.filter { $0.hasPrefix(prefix) && $0 != prefix || ($0 == prefix && !prefix.isEmpty) }.sorted()
        // Inside a call, the callee's argument labels come first, written with their colon.
        let labels = argumentLabels(ofCallAround: start, in: scalars).filter { $0.hasPrefix(prefix) }.map { $0 + ":" }
        return (labels + names, start, end)
    }

    /// The members a value offers after a `.` (for an unknown value, those of lists and strings).
    static func memberNames(of value: Value?) -> [String] {
        switch value {
        case let .tuple(_, labels)?: labels.compactMap { $0 }
        case let value?: value.members?.names ?? []
        case nil: ["count"]
        }
    }

    /// The labels of the function whose call's parentheses enclose `position`, if it is known.
    private func argumentLabels(ofCallAround position: Int, in scalars: [Unicode.Scalar]) -> [String] {
        var depth = 0
        var index = position - 1
        while index >= 0 {
            switch scalars[index] {
            case ")", "]": depth += 1
            case "[": depth -= 1
            case "(":
                if depth == 0 {
                    let (name, nameStart) = Self.name(endingAt: index, in: scalars)
                    var callee: Value?
                    if nameStart > 1, scalars[nameStart - 1] == "." {
                        // A method of a variable: `data.split(0.8, se`.
                        let base = Self.name(endingAt: nameStart - 1, in: scalars).text
                        callee = globals[base]?.value.members?.lookup(name)
                    } else {
                        callee = globals[name]?.value ?? BuiltinRegistry.all[name].map(Value.builtin)
                    }
                    switch callee {
                    case let .function(function)?: return function.parameters.compactMap(\.label)
                    case let .builtin(builtin)?:
                        return formFor(builtin, firstArgumentAfter: index, in: scalars).parameters.compactMap(\.label)
                    default: return []
                    }
                }
                depth -= 1
            case "\n" where depth == 0:
                return []
            default:
                break
            }
            index -= 1
        }
        return []
    }

    /// The form of `builtin` that its first argument selects, when that argument is a variable
    /// (`plot(path, ` offers a path's labels); the built-in itself otherwise.
    private func formFor(_ builtin: Builtin, firstArgumentAfter open: Int, in scalars: [Unicode.Scalar]) -> Builtin {
        guard !builtin.forms.isEmpty else { return builtin }
        var end = open + 1
        while end < scalars.count, scalars[end] != ",", scalars[end] != ")" { end += 1 }
        guard end < scalars.count else { return builtin }
        let words = String(String.UnicodeScalarView(scalars[(open + 1)..<end])).split(whereSeparator: \.isWhitespace)
        guard words.count == 1, let value = globals[String(words[0])]?.value else { return builtin }
        let nowhere = SourceLocation(line: 1, column: 1, offset: 0)
        let argument = EvaluatedArgument(label: nil, value: value, range: SourceRange(nowhere, nowhere))
        return (try? builtin.form(for: [argument], at: argument.range)) ?? builtin
    }

    /// Documentation for the name at (or just before) `cursor`: a built-in's signature and docs,
    /// or a variable's type and value. Nil when there is no known name there.
    public func documentation(in source: String, cursor: Int) -> String? {
        let scalars = Array(source.unicodeScalars)
        var position = max(0, min(cursor, scalars.count))
        // Inside a call's parentheses with no name under the cursor, document the function called.
        if !(position > 0 && Self.isNameScalar(scalars[position - 1])) && !(position < scalars.count && Self.isNameScalar(scalars[position])) {
            var depth = 0
            var index = position - 1
            while index >= 0 {
                if scalars[index] == ")" { depth += 1 }
                if scalars[index] == "(" {
                    if depth == 0 { break }
                    depth -= 1
                }
                index -= 1
            }
            guard index > 0 else { return nil }
            position = index
        }
        var start = position, end = position
        while start > 0, Self.isNameScalar(scalars[start - 1]) { start -= 1 }
        while end < scalars.count, Self.isNameScalar(scalars[end]) { end += 1 }
        guard start < end else { return nil }
        let name = String(String.UnicodeScalarView(scalars[start..<end]))
        if start > 1, scalars[start - 1] == "." {
            // A member of a variable: a method's help page, or the property's value.
            let base = Self.name(endingAt: start - 1, in: scalars).text
            guard let member = globals[base]?.value.members?.lookup(name) else { return nil }
            if case let .builtin(method) = member { return method.helpText }
            let description = LargeStack.run { member.description }
            return "\(base).\(name): \(member.typeName) = \(description)"
        }
        if let binding = globals[name] {
            // Describing a deeply nested value is recursive: on the large stack, as cells run.
            let description = LargeStack.run { binding.value.description }
            return "\(binding.isMutable ? "var" : "let") \(name): \(binding.value.typeName) = \(description)"
        }
        return BuiltinRegistry.all[name]?.helpText
    }

    /// The name that ends just before `end` (empty when none does), and where it starts.
    private static func name(endingAt end: Int, in scalars: [Unicode.Scalar]) -> (text: String, start: Int) {
        var start = end
        while start > 0, isNameScalar(scalars[start - 1]) { start -= 1 }
        return (String(String.UnicodeScalarView(scalars[start..<end])), start)
    }

    private static func isNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }
}
