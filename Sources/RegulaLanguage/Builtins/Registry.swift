/// Every built-in, by name. One list drives evaluation, completion, inspection and `help`.
public enum BuiltinRegistry {
    public static let all: [String: Builtin] = Dictionary(
        uniqueKeysWithValues: (OutputBuiltins.all + MathBuiltins.all + ChartBuiltins.all
            + DataBuiltins.all + DataImportBuiltins.all + PenaltyBuiltins.all + FitBuiltins.all + PathBuiltins.all + LoopBuiltins.all + AnalysisBuiltins.all + GeometryBuiltins.all + SavingBuiltins.all + ControlBuiltins.all).map { ($0.name, $0) })

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

extension BuiltinRegistry {
    /// `docs/reference.md`: every built-in's signature, summary, parameters (each with its type,
    /// default and one line), documentation and example, in name order. `regula reference` prints it; a test checks the committed file matches.
    public static func referenceMarkdown() -> String {
        var lines = [
            "# Built-in reference",
            "",
            "Generated from the built-ins' own documentation by `regula reference > docs/reference.md`;",
            "a test fails when this file is out of date. The same text is what `help(name)` and",
            "Shift-Tab show in a notebook.",
            "",
        ]
        for name in names {
            let builtin = all[name]!
            lines += ["## `\(name)`", "", "```", builtin.signature, "```", "", builtin.summary, ""]
            if builtin.forms.isEmpty {
                lines += parameterList(builtin.parameters)
            }
            for form in builtin.forms {
                lines += ["Of \(form.subject): \(form.builtin.summary)", ""] + parameterList(form.builtin.parameters)
            }
            lines += [builtin.documentation, "", "```regula", builtin.example, "```", ""]
        }
        lines += memberReference()
        return lines.joined(separator: "\n")
    }

    /// A bullet per parameter, with its documentation, and a blank line after them.
    private static func parameterList(_ parameters: [Parameter]) -> [String] {
        parameters.isEmpty ? [] : parameters.map { "* `\($0.spelled)`" + ($0.documentation.isEmpty ? "" : ": \($0.documentation)") } + [""]
    }

    /// A section per kind of value: each member with its one line, methods with their signature.
    /// From the declarations `value.member` evaluates (`MemberRegistry`).
    private static func memberReference() -> [String] {
        var lines = [
            "# Members of values",
            "",
            "What a value offers after a `.`: the same declarations evaluate `value.member`, complete it",
            "with Tab and list it when a member is misspelt. A tuple's members are its labels.",
            "",
        ]
        for kind in MemberRegistry.all {
            lines += ["## \(kind.typeName)", "", kind.summary, ""]
            for entry in kind.entries {
                lines.append("* `\(entry.signature ?? "\(kind.subject).\(entry.name)")`: \(entry.summary)")
            }
            if let own = kind.ownEntry { lines.append("* `\(kind.subject).\(own.placeholder)`: \(own.summary)") }
            lines.append("")
        }
        return lines
    }
}
