import RegulaCharts

/// A chart (one chart, small multiples or a network diagram): its SVG text as a member and
/// as the file `save` writes.
extension Figure: SavableValue {
    static let savedTypeName = "Chart"

    static let fileForms: [FileForm<Figure>] = [
        FileForm("svg", "the picture, the same SVG the notebook shows") { $0.svg() },
    ]

    /// `chart.svg`, `chart.description`.
    static let members = MemberTable<Figure>(
        typeName: savedTypeName, summary: "A picture, as `plot`, `histogram` and `geometry` draw it.", subject: "chart",
        members: [
            .property("svg", "The SVG text of the picture: the bytes `save(chart, \"chart.svg\")` writes.") { .string($0.svg()) },
            .property("description", "The one-line description the notebook shows as its alternative text.") { .string($0.summary) },
        ]
    )
}
