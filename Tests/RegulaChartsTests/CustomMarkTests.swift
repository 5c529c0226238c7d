import Testing

// Only the public interface: a shape defined outside RegulaCharts, as another module would.
import RegulaCharts

/// Crosses at points: a shape RegulaCharts does not have.
struct CrossShape: MarkShape {
    var points: [Point]
    var kindName: String { "cross" }
    var xExtent: [Double] { points.map(\.x) }
    var yExtent: [Double] { points.map(\.y) }

    func elements(of mark: Mark, in context: RenderContext) -> [SVGElement] {
        let arms = points.filter(context.canPlace).map { point -> String in
            let (x, y) = (context.x(point.x), context.y(point.y))
            return "M\(NumberFormat.coordinate(x - 4)),\(NumberFormat.coordinate(y - 4))L\(NumberFormat.coordinate(x + 4)),\(NumberFormat.coordinate(y + 4))"
                + "M\(NumberFormat.coordinate(x - 4)),\(NumberFormat.coordinate(y + 4))L\(NumberFormat.coordinate(x + 4)),\(NumberFormat.coordinate(y - 4))"
        }
        return [SVGElement("path", [("class", "crosses"), ("d", arms.joined()), ("stroke", context.color)], children: mark.tooltip)]
    }

    func legendSwatch(of mark: Mark, color: String, x: Double, y: Double) -> SVGElement {
        SVGElement("path", [("class", "cross-swatch"), ("d", "M\(x),\(y - 4)l8,8m0,-8l-8,8"), ("stroke", color)])
    }
}

extension MarkShape where Self == CrossShape {
    static func cross(_ points: [Point]) -> CrossShape { CrossShape(points: points) }
}

@Suite("A mark shape from outside the module")
struct CustomMarkTests {
    @Test func aNewShapeIsScaledDrawnAndNamedInTheLegend() {
        var chart = Chart(
            [Mark(.cross([(1, 2), (3, 40)]), name: "crosses"), Mark.line([(0, 0), (2, 1)], name: "line")],
            title: nil, xLabel: "x", yLabel: "y")
        chart.width = 400
        chart.height = 300
        let svg = chart.svg()
        // Its elements, in the first colour of the palette, with its name as the tooltip.
        let lines = svg.split(separator: "\n")
        let crosses = lines.firstIndex { $0.hasPrefix("<path class=\"crosses\"") }
        #expect(crosses.map { lines[$0].hasSuffix("stroke=\"\(Theme.color(0))\">") && lines[$0 + 1] == "<title>crosses</title>" } == true)
        // Its own swatch in the legend, beside the line's stroke.
        #expect(svg.contains("class=\"cross-swatch\""))
        // Its extent reaches the y scale (a tick at 40) and its word the description.
        #expect(svg.contains(">40</text>"))
        #expect(chart.summary.hasPrefix("chart of crosses, line; y from 0 to 40"))
        let alone = Chart([Mark(.cross([(1, 2)]))], title: nil, xLabel: nil, yLabel: nil)
        #expect(alone.summary.hasPrefix("cross chart"))
    }
}
