import Foundation
import Testing

@testable import RegulaCharts

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Parses SVG text with Foundation's XML parser; true when it is well-formed.
func isWellFormedXML(_ text: String) -> Bool {
    XMLParser(data: Data(text.utf8)).parse()
}

@Suite("Scales and number formats")
struct ScaleTests {
    @Test func ticksAreRoundNumbers() {
        #expect(LinearScale(domain: 0...10, range: 0...100).ticks(count: 5) == [0, 2, 4, 6, 8, 10])
        #expect(LinearScale(domain: -2...2, range: 0...100).ticks(count: 4) == [-2, -1, 0, 1, 2])
        #expect(LinearScale(domain: 0...0.003, range: 0...1).ticks(count: 3) == [0, 0.001, 0.002, 0.003])
    }

    @Test func nicedDomainEndsOnTicks() {
        let scale = LinearScale(domain: 0.3...9.2, range: 0...100).niced(tickCount: 5)
        #expect(scale.domain == 0...10)
    }

    @Test func flippedScaleGrowsUpward() {
        let scale = LinearScale(domain: 0...1, range: 0...100, isFlipped: true)
        #expect(scale(0) == 100)
        #expect(scale(1) == 0)
    }

    @Test func tickLabelsAreShortAndUseExponentsForTinyValues() {
        #expect(NumberFormat.tick(0.5) == "0.5")
        #expect(NumberFormat.tick(1000) == "1000")
        #expect(NumberFormat.tick(0.0001) == "1e-4")
        #expect(NumberFormat.tick(2_500_000) == "2.5e6")
        #expect(NumberFormat.tick(-0.0) == "0")
    }
}

@Suite("Line charts and tables")
struct ChartTests {
    let chart = LineChart(
        series: [Series(name: "L1 <|w|>", values: [2, 1, 0, 1, 2]), Series(name: "L2 & w²", values: [4, 1, 0, 1, 4])],
        title: "Penalties \"compared\"", xLabel: "w", yLabel: "penalty")

    @Test func svgIsWellFormedStandaloneAndAccessible() {
        let svg = chart.svg()
        #expect(isWellFormedXML(svg))
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 640 400\""))
        #expect(svg.contains("<title>Penalties &quot;compared&quot;</title>"))
        #expect(svg.contains("<desc>"))
        #expect(svg.contains("L1 &lt;|w|&gt;"))
        #expect(svg.contains("L2 &amp; w²"))
    }

    @Test func theSameChartGivesTheSameBytes() {
        #expect(chart.svg() == chart.svg())
    }

    @Test func nonFiniteValuesBreakTheLine() {
        let svg = LineChart(series: [Series(name: "s", values: [1, .nan, 3, 4])]).svg()
        #expect(isWellFormedXML(svg))
        #expect(!svg.contains("NaN") && !svg.contains("nan"))
        #expect(svg.components(separatedBy: "M").count - 1 >= 2)
    }

    @Test func anEmptyOrConstantSeriesStillDraws() {
        #expect(isWellFormedXML(LineChart(series: [Series(name: "empty", values: [])]).svg()))
        #expect(isWellFormedXML(LineChart(series: [Series(name: "flat", values: [3, 3, 3])]).svg()))
    }

    @Test func tableHTMLEscapesAndMarksZeros() {
        let table = Table(columns: ["<b>&\"", "weight"], rows: [[.text("<i>"), .number(0)], [.text("bmi"), .number(0.25)]])
        let html = table.html()
        #expect(html.contains("<th>&lt;b&gt;&amp;&quot;</th>"))
        #expect(html.contains("<td style=\"text-align:left\">&lt;i&gt;</td>"))
        #expect(html.contains("title=\"exactly zero\""))
        #expect(html.contains("<td style=\"text-align:right\">0.25</td>"))
    }

    @Test func tablePlainTextIsAligned() {
        let table = Table(columns: ["name", "value"], rows: [[.text("a"), .number(1)], [.text("long name"), .number(0.125)]])
        #expect(table.plainText() == """
            name       value
            ---------  -----
            a              1
            long name  0.125
            """)
    }

    @Test func longTablesAreCut() {
        var table = Table(columns: ["i"], rows: (0..<60).map { [.number(Double($0))] })
        table.maximumRows = 50
        #expect(table.html().contains("… 10 more rows"))
        #expect(table.plainText().hasSuffix("… 10 more rows"))
    }
}
