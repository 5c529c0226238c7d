import RegulaCharts

/// What `time` measured: shown as a table of costs and ratios.
extension Timing: ValueKind {
    public static let typeName = "Timing"

    public var description: String { "time of " + names.joined(separator: ", ") }

    public var display: DisplayBundle { DisplayBundle(plainText: table.plainText(), html: table.html()) }

    var table: Table {
        Table(
            columns: ["function", "ns per weight", "relative to the first"],
            rows: zip(names, zip(nanoseconds, ratios)).map { [.text($0), .number(($1.0 * 1000).rounded() / 1000), .number(($1.1 * 100).rounded() / 100)] })
    }

    public static let members: MemberTable<Timing>? = memberTable(
        summary: "The cost per weight of penalties' values or gradients: what `time` gives.",
        subject: "timing",
        members: [
            .property("names", "What was timed, in the order given.") { timing in .list(timing.names.map { .string($0) }) },
            .property("nanoseconds", "The cost per weight of each, in nanoseconds.") { .numberList($0.nanoseconds) },
            .property("ratios", "Each cost divided by the first (steadier from run to run than the times).") { .numberList($0.ratios) },
        ]
    )
}
