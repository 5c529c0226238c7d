/// Parameters that several of `plot`'s forms take, declared once.
enum PlotParameters {
    static let title = Parameter.labelled("title", .string, default: .nothing, "The chart's title.")
    static let xLabel = Parameter.labelled("xLabel", .string, default: .nothing, "The x axis's label.")
    static let yLabel = Parameter.labelled("yLabel", .string, default: .nothing, "The y axis's label.")
    static let xScale = Parameter.labelled("xScale", .string, default: .string("linear"), "The x axis: \"linear\" or \"log\".")
    static let yScale = Parameter.labelled("yScale", .string, default: .string("linear"), "The y axis: \"linear\" or \"log\".")

    /// `names:`, a name for each of the things drawn.
    static func names(_ documentation: String) -> Parameter {
        .labelled("names", .list, default: .nothing, documentation)
    }

    /// `separate:`, whether each thing drawn gets a panel of its own.
    static func separate(_ defaultValue: Value, _ documentation: String) -> Parameter {
        .labelled("separate", .bool, default: defaultValue, documentation)
    }
}
