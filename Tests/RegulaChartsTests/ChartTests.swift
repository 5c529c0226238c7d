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

/// Every element of a tree, depth first.
func allElements(_ root: SVGElement) -> [SVGElement] {
    [root] + root.children.flatMap(allElements)
}

func attribute(_ element: SVGElement, _ name: String) -> String? {
    element.attributes.first { $0.0 == name }?.1
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

    @Test func logScalePlacesDecadesEvenly() {
        let scale = LogScale(domain: 0.001...10, range: 0...400)
        #expect(abs(scale(0.001) - 0) < 1e-9)
        #expect(abs(scale(0.01) - 100) < 1e-9)
        #expect(abs(scale(10) - 400) < 1e-9)
        #expect(scale.ticks(count: 5) == [0.001, 0.01, 0.1, 1, 10])
        #expect(scale.ticks(count: 5).map(NumberFormat.tick) == ["1e-3", "0.01", "0.1", "1", "10"])
        #expect(!scale.canPlace(0) && !scale.canPlace(-1) && scale.canPlace(1e-9))
    }

    @Test func logScaleNicesToDecadesAndFillsShortDomains() {
        #expect(LogScale(domain: 0.0042...37, range: 0...1).niced().domain == 0.001...100)
        let short = LogScale(domain: 1.3...7, range: 0...1).niced()
        #expect(short.domain == 1...10)
        #expect(short.ticks(count: 5) == [1, 2, 5, 10])
        // Many decades: every second one, so labels stay apart.
        #expect(LogScale(domain: 1e-8...1, range: 0...1).ticks(count: 4) == [1e-8, 1e-6, 1e-4, 0.01, 1])
    }

    @Test func colorScaleDivergesAroundZeroAndIsSequentialOtherwise() {
        let signed = ColorScale(values: [-2, 0.5, 1])
        #expect(signed.isDiverging && signed.domain == -2...2)
        #expect(signed.color(0) == "#ffffff")
        #expect(signed.color(-2) == "#0072b2")
        #expect(signed.color(2) == "#d55e00")
        let positive = ColorScale(values: [1, 3])
        #expect(!positive.isDiverging && positive.color(1) == "#f7fbff")
        #expect(positive.color(.nan) == "#dddddd")
    }
}

@Suite("Marks")
struct MarkTests {
    @Test func contoursOfACircleLieOnIt() {
        let axis = (0...40).map { -2 + 4 * Double($0) / 40 }
        let grid = Grid(xs: axis, ys: axis) { x, y in x * x + y * y }
        let segments = Contours.segments(grid, level: 1)
        #expect(segments.count > 20)
        for (a, b) in segments {
            for point in [a, b] { #expect(abs((point.x * point.x + point.y * point.y).squareRoot() - 1) < 0.01) }
        }
        // Joined into one closed line.
        let lines = Contours.polylines(segments)
        #expect(lines.count == 1)
        #expect(lines[0].count == segments.count + 1)
    }

    @Test func cellEdgesAreHalfwayBetweenCenters() {
        #expect(Mark.cellEdges([1, 2, 3]) == [0.5, 1.5, 2.5, 3.5])
        #expect(Mark.cellEdges([5]) == [4.5, 5.5])
    }

    @Test func pointsALogScaleCannotPlaceBreakTheLine() {
        var chart = Chart([Mark.line([(1, 1), (2, 0), (3, 10), (4, 100)], name: "y")])
        chart.yScale = .log
        let svg = chart.svg()
        #expect(isWellFormedXML(svg))
        let path = allElements(chart.layout()).first { $0.name == "path" }!
        #expect(attribute(path, "d")!.filter { $0 == "M" }.count == 2)
    }

    @Test func nonFiniteValuesBreakTheLine() {
        let svg = Chart([Mark.line(values: [1, .nan, 3, 4], name: "s")]).svg()
        #expect(isWellFormedXML(svg))
        #expect(!svg.contains("NaN") && !svg.contains("nan"))
    }

    @Test func emptyAndConstantMarksStillDraw() {
        #expect(isWellFormedXML(Chart([Mark.line(values: [], name: "empty")]).svg()))
        #expect(isWellFormedXML(Chart([Mark.line(values: [3, 3, 3], name: "flat")]).svg()))
        #expect(isWellFormedXML(Chart([]).svg()))
    }
}

@Suite("Layout: labels never overlap")
struct LayoutTests {
    /// A text element's box, by the same width estimate the layout uses.
    func box(_ text: SVGElement) -> Frame {
        let x = Double(attribute(text, "x") ?? "0")!, y = Double(attribute(text, "y") ?? "0")!
        let size = Double(attribute(text, "font-size") ?? "12")!
        let width = Theme.textWidth(text.text ?? "", size: size)
        let left = switch attribute(text, "text-anchor") {
        case "middle": x - width / 2
        case "end": x - width
        default: x
        }
        return Frame(left: left, top: y - size, right: left + width, bottom: y)
    }

    func texts(in group: String, of root: SVGElement) -> [SVGElement] {
        allElements(root).filter { attribute($0, "class") == group }.flatMap { $0.children.filter { $0.name == "text" } }
    }

    /// Fifty crowded lines ending close together, like a lasso path's.
    var crowded: Chart {
        var marks = (0..<50).map { j -> Mark in
            var mark = Mark.line((0..<100).map { i in (x: pow(10, -Double(i) / 30), y: Double(j) * 0.01 * Double(i) / 100) }, name: "feature_\(j)")
            mark.labelsEnd = true
            return mark
        }
        marks.append(Mark(.verticalRule(0.05), name: "λ_min = 0.05"))
        marks.append(Mark(.verticalRule(0.06), name: "λ_1se = 0.06"))
        var chart = Chart(marks, title: "crowded", xLabel: "λ", yLabel: "coefficient")
        chart.xScale = .log
        chart.reversesX = true
        return chart
    }

    @Test func endLabelsAreApartAndRightOfThePlot() {
        let root = crowded.layout()
        let labels = texts(in: "end-labels", of: root).map(box)
        #expect(!labels.isEmpty)
        for (index, a) in labels.enumerated() {
            for b in labels.dropFirst(index + 1) { #expect(!a.overlaps(b)) }
        }
        let axis = allElements(root).first { attribute($0, "class") == "x-axis" }!
        let axisLine = axis.children.last!
        let plotRight = max(Double(attribute(axisLine, "x1")!)!, Double(attribute(axisLine, "x2")!)!)
        #expect(labels.allSatisfy { $0.left > plotRight })
        #expect(labels.allSatisfy { $0.right <= crowded.width })
    }

    @Test func endLabelsAreReadableOnWhite() {
        let fills = texts(in: "end-labels", of: crowded.layout()).compactMap { attribute($0, "fill") }
        #expect(!fills.contains("#F0E442"), "the palette's yellow is too light for text")
        #expect(fills.contains("#8F8400"))
    }

    @Test func tickLabelsAndRuleLabelsDoNotOverlap() {
        var named = Chart([Mark(.heatmap(Grid(xs: (1...30).map(Double.init), ys: [1, 2], values: (0..<60).map(Double.init))))])
        named.xCategories = (1...30).map { "a long feature name \($0)" }
        named.yCategories = ["first", "second"]
        let shown = texts(in: "x-axis", of: named.layout())
        #expect(shown.count >= 3 && shown.count < 30, "category names thin out rather than overlap (\(shown.count) shown)")
        for chart in [crowded, named, Chart([Mark.line([(0, 0), (123_456_789, 1e-7)], name: "wide")])] {
            let root = chart.layout()
            for group in ["x-axis", "y-axis", "rule-labels", "legend"] {
                let boxes = texts(in: group, of: root).map(box)
                for (index, a) in boxes.enumerated() {
                    for b in boxes.dropFirst(index + 1) { #expect(!a.overlaps(b), "\(group): \(a) and \(b)") }
                }
            }
        }
    }

    @Test func namesOfPointsAtTheSamePlaceStackInsteadOfOverlapping() {
        var left = Mark(.text((1, 1), "L1 (1, 0) corner"))
        left.textAnchor = "end"
        var again = Mark(.text((1, 1), "L2 (1, 0)"))
        again.textAnchor = "end"
        let root = Chart([Mark(.scatter([(0, 0), (1, 1)]), name: "points"), left, again]).layout()
        let boxes = allElements(root).filter { $0.name == "text" && ($0.text ?? "").hasPrefix("L") }.map(box)
        #expect(boxes.count == 2)
        #expect(!boxes[0].overlaps(boxes[1]))
    }

    @Test func greyLinesStayOutOfTheLegend() {
        var zero = Mark.line(values: [0.5, 0], name: "ends at 0")
        zero.isInactive = true
        let root = Chart([Mark.line(values: [1, 2], name: "a"), Mark.line(values: [2, 1], name: "b"), zero]).layout()
        #expect(texts(in: "legend", of: root).compactMap(\.text) == ["a", "b"])
    }

    @Test func aFixedDomainIsKeptExactly() {
        var chart = Chart([Mark.line([(0, 0), (1, 1)], name: "a")])
        chart.xDomain = -2.5...2.5
        chart.yDomain = 0...14
        let root = chart.layout()
        let xTicks = texts(in: "x-axis", of: root).compactMap { $0.text.flatMap(Double.init) }
        #expect(!xTicks.isEmpty && xTicks.allSatisfy { abs($0) <= 2.5 }, "ticks inside -2.5…2.5, the domain not widened to ±3: \(xTicks)")
        #expect(texts(in: "y-axis", of: root).compactMap(\.text).last != "15")
    }

    @Test func legendsWrapWithinTheChart() {
        let marks = (0..<12).map { Mark.line(values: [Double($0), 1], name: "a rather long series name \($0)") }
        let root = Chart(marks).layout()
        let boxes = texts(in: "legend", of: root).map(box)
        #expect(boxes.count == 12)
        #expect(boxes.allSatisfy { $0.right <= 640 })
        for (index, a) in boxes.enumerated() {
            for b in boxes.dropFirst(index + 1) { #expect(!a.overlaps(b)) }
        }
    }

    @Test func equalAspectKeepsUnitsSquare() {
        var chart = Chart([Mark(.area([(1, 0), (0, 1), (-1, 0), (0, -1)]), name: "diamond")])
        chart.equalAspect = true
        chart.xDomain = -2...2
        chart.yDomain = -1...1
        let root = chart.layout()
        let xAxis = allElements(root).first { attribute($0, "class") == "x-axis" }!.children.last!
        let yAxis = allElements(root).first { attribute($0, "class") == "y-axis" }!.children.last!
        let width = Double(attribute(xAxis, "x2")!)! - Double(attribute(xAxis, "x1")!)!
        let height = Double(attribute(yAxis, "y2")!)! - Double(attribute(yAxis, "y1")!)!
        #expect(abs(width / height - 2) < 0.01)
    }
}

@Suite("Every figure kind")
struct FigureTests {
    static let kinds: [(String, Figure)] = {
        let xs = (0..<30).map(Double.init)
        var band = Mark(.band(x: xs, low: xs.map { $0 - 2 }, high: xs.map { $0 + 2 }), name: "± se")
        band.opacity = 0.2
        var truth = Mark(.stems([(1, 1.5), (2, 0), (3, -1)]), name: "truth")
        truth.isHollow = true
        let axis = (0...20).map { -1 + Double($0) / 10 }
        let grid = Grid(xs: axis, ys: axis) { x, y in x * x + 2 * y * y }
        var logChart = Chart([Mark(.scatter([(0.001, 1), (0.1, 10), (10, 1000)]), name: "points")], title: "log–log")
        logChart.xScale = .log
        logChart.yScale = .log
        return [
            ("line", .chart(Chart([Mark.line(values: [1, 3, 2], name: "a"), Mark.line([(1, 2), (2, 1), (3, 0)], name: "b", dashed: true)], title: "lines"))),
            ("scatter", .chart(Chart([Mark(.scatter([(1, 2), (2, 3), (3, 1)]), name: "points")]))),
            ("step", .chart(Chart([Mark(.step([(1, 0), (2, 3), (3, 5)]), name: "zeros")]))),
            ("bars", .chart(Chart([Mark(.bars([Bar(lower: 0, upper: 1, value: 3), Bar(lower: 1, upper: 2, value: 5)]), name: "counts")]))),
            ("band", .chart(Chart([band, Mark.line(zip(xs, xs).map { (x: $0, y: $1) }, name: "mean"), Mark(.verticalRule(12), name: "λ_min")]))),
            ("stems", .chart(Chart([truth, Mark(.stems([(1, 1.2), (2, 0), (3, -0.8)]), name: "estimate")]))),
            ("area and text", .chart(Chart([Mark(.area([(1, 0), (0, 1), (-1, 0), (0, -1)]), name: "diamond"), Mark(.text((0.5, 0.5), "a <corner> & more"))]))),
            ("rules", .chart(Chart([Mark.line(values: [1, 2]), Mark(.verticalRule(1.5), name: "x rule"), Mark(.horizontalRule(1.2), name: "y rule")]))),
            ("heatmap", .chart({ var chart = Chart([Mark(.heatmap(grid))]); chart.xCategories = axis.map { "c\($0)" }; return chart }())),
            ("contours", .chart(Chart([Mark(.contours(grid, levels: [0.1, 0.5, 1]), name: "loss")]))),
            ("log scales", .chart(logChart)),
            ("small multiples", .grid(ChartGrid([Chart([Mark.line(values: [1, 2])], title: "left"), Chart([Mark.line(values: [2, 1])], title: "right")], title: "two"))),
            ("network", .network(NetworkDiagram(layerSizes: [2, 3, 1], weights: [[0.5, 0, -1, 0, 0.2, 0], [1, 0, -0.5]], inputNames: ["x1", "x<2>"], title: "net"))),
        ]
    }()

    @Test(arguments: FigureTests.kinds.map(\.0))
    func isValidStandaloneAccessibleSVG(kind: String) {
        let figure = FigureTests.kinds.first { $0.0 == kind }!.1
        let svg = figure.svg()
        #expect(isWellFormedXML(svg), "\(kind) is not well-formed XML")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("viewBox=\"0 0 "))
        #expect(svg.contains(" width=\"") && svg.contains(" height=\""))
        #expect(svg.contains("<title>") && svg.contains("<desc>"))
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
        #expect(svg == figure.svg(), "the same figure must give the same bytes")
        #expect(!svg.contains(" id=\""), "ids collide when notebooks inline several SVGs")
    }

    @Test func textIsEscaped() {
        let svg = Chart([Mark.line(values: [1, 2], name: "L1 <|w|> & \"q\""), Mark.line(values: [2, 1], name: "b")], title: "Penalties \"compared\"").svg()
        #expect(isWellFormedXML(svg))
        #expect(svg.contains("<title>Penalties &quot;compared&quot;</title>"))
        #expect(svg.contains("L1 &lt;|w|&gt; &amp; &quot;q&quot;"))
    }

    @Test func aPathOfOneHundredLambdasAndFiftyCoefficientsIsCompact() {
        let lambdas = (0..<100).map { pow(10, -4 * Double($0) / 99) }
        let marks = (0..<50).map { j -> Mark in
            var mark = Mark.line(lambdas.map { (x: $0, y: max(0, 0.5 - $0 * Double(j + 1)) * sin(Double(j))) }, name: "feature \(j)")
            mark.labelsEnd = true
            return mark
        }
        var chart = Chart(marks, title: "lasso path", xLabel: "λ", yLabel: "coefficient")
        chart.xScale = .log
        chart.reversesX = true
        let svg = chart.svg()
        #expect(isWellFormedXML(svg))
        #expect(svg.utf8.count < 150_000, "\(svg.utf8.count) bytes")
    }

    @Test func networkGreysZeroWeightsAndDeadNeurons() {
        // The middle neuron of the hidden layer has only zero weights in: a group penalty removed it.
        let diagram = NetworkDiagram(layerSizes: [2, 3, 1], weights: [[0.5, 0.25, 0, 0, 1, -1], [1, 0.5, -0.5]])
        #expect(diagram.inactiveNeuronCount == 1)
        let root = diagram.layout()
        let zeroEdges = allElements(root).first { attribute($0, "class") == "zero-weights" }!.children
        #expect(zeroEdges.count == 2)
        #expect(zeroEdges.allSatisfy { attribute($0, "stroke") == Theme.inactive && attribute($0, "stroke-dasharray") != nil })
        let widths = allElements(root).first { attribute($0, "class") == "weights" }!.children.compactMap { attribute($0, "stroke-width").flatMap(Double.init) }
        #expect(widths.max() == 5)
    }
}

@Suite("Tables")
struct TableTests {
    @Test func htmlEscapesAndMarksZeros() {
        let table = Table(columns: ["<b>&\"", "weight"], rows: [[.text("<i>"), .number(0)], [.text("bmi"), .number(0.25)]])
        let html = table.html()
        #expect(html.contains("<th>&lt;b&gt;&amp;&quot;</th>"))
        #expect(html.contains("<td style=\"text-align:left\">&lt;i&gt;</td>"))
        #expect(html.contains("title=\"exactly zero\""))
        #expect(html.contains("<td style=\"text-align:right\">0.25</td>"))
        #expect(isWellFormedXML(html))
    }

    @Test func plainTextIsAligned() {
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
        var preview = Table(columns: ["i"], rows: (0..<10).map { [.number(Double($0))] })
        preview.totalRows = 442
        #expect(preview.plainText().hasSuffix("… 432 more rows"))
    }

    @Test func wideTablesShowTheirFirstAndLastColumnsAroundAnEllipsis() {
        let columns = (1...500).map { "x\($0)" }
        let table = Table(columns: columns, rows: (0..<3).map { row in (1...500).map { .number(Double(row * 1000 + $0)) } })
        let html = table.html()
        #expect(html.components(separatedBy: "<th>").count - 1 == 21)
        #expect(html.contains("<th>x10</th><th>…</th><th>x491</th>"))
        #expect(html.contains("… 480 more columns"))
        #expect(html.utf8.count < 5_000)
        let text = table.plainText()
        #expect(text.split(separator: "\n")[0].split(separator: " ") == (Array(columns.prefix(10)) + ["…"] + Array(columns.suffix(10))).map { Substring($0) })
        #expect(text.contains("x10  …  x491"))
        #expect(text.hasSuffix("… 480 more columns"))
        let narrow = Table(columns: Array(columns.prefix(20)), rows: [])
        #expect(!narrow.html().contains("…"))
    }
}
