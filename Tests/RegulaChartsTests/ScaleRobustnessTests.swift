import Testing

@testable import RegulaCharts

/// Scales and number formats take whatever a cell's values are: subnormal, huge, infinite, NaN,
/// zero-width. None traps, none loops, and every position and tick is finite.
@Suite("Scales and formats on extreme domains")
struct ScaleRobustnessTests {
    static let extremes: [[Double]] = [
        [5e-324, 1], [5e-324, 5e-324], [0, 5e-324], [1e-320, 3e-320], [1e308, -1e308], [-1.7976931348623157e308, 1.7976931348623157e308],
        [1e308, 1e308], [0, 0], [.infinity, 0], [-.infinity, .infinity], [.nan, 1], [.nan, .nan], [1, 1 + 1e-15], [-1e-300, 1e-300],
    ]

    @Test(arguments: extremes)
    func linearScalesStayFiniteAndShort(values: [Double]) {
        for kind in ScaleKind.allCases {
            let scale = kind.scale(values: values, fixed: nil, range: 0...500, isFlipped: false, tickCount: 6)
            #expect(scale.domain.lowerBound.isFinite && scale.domain.upperBound.isFinite, "\(kind) \(values)")
            #expect(scale.domain.lowerBound < scale.domain.upperBound, "\(kind) \(values)")
            let ticks = scale.ticks(count: 6)
            #expect(ticks.count <= 40, "\(kind) \(values): \(ticks.count) ticks")
            for tick in ticks { #expect(scale(tick).isFinite, "\(kind) \(values): tick \(tick)") }
            for value in values where scale.canPlace(value) { #expect(scale(value).isFinite, "\(kind) \(values): \(value)") }
        }
    }

    @Test(arguments: extremes)
    func fixedDomainsAreMadeDrawable(values: [Double]) {
        let low = values.min() ?? 0, high = values.max() ?? 1
        guard low <= high else { return }
        let scale = LinearScale(domain: low...high, range: 0...100).niced()
        #expect(scale.domain.lowerBound < scale.domain.upperBound)
        #expect(scale.ticks(count: 6).count <= 40)
    }

    @Test func hugeDomainsGetAFewTicks() {
        let scale = LinearScale(domain: -1e308...1e308, range: 0...500).niced()
        let ticks = scale.ticks(count: 6)
        #expect((2...12).contains(ticks.count), "\(ticks)")
        #expect(ticks.allSatisfy { $0.isFinite })
    }

    @Test func logScalesStayWithinNormalPowersOfTen() {
        let scale = ScaleKind.log.scale(values: [5e-324, 1], fixed: nil, range: 0...500, isFlipped: false, tickCount: 6)
        #expect(scale.domain.lowerBound > 0)
        #expect(!scale.ticks(count: 6).isEmpty)
    }

    @Test(arguments: [Double.infinity, -.infinity, .nan, 5e-324, -5e-324, 1e-320, 1.7976931348623157e308, 9.9999e-3, 9.99999e7])
    func numbersFormatWithoutTrapping(value: Double) {
        let tick = NumberFormat.tick(value), compact = NumberFormat.compact(value)
        #expect(!tick.isEmpty && !compact.isEmpty)
        #expect(!tick.hasPrefix("10e") && !tick.hasPrefix("-10e"), "\(value) → \(tick)")
        #expect(!NumberFormat.coordinate(value).contains("n"), "\(value) → \(NumberFormat.coordinate(value))")
    }

    @Test func mantissasCarryIntoTheExponent() {
        #expect(NumberFormat.tick(9.9999e-3) == "1e-2")
        #expect(NumberFormat.tick(1e-320) == "1e-320")
        #expect(NumberFormat.tick(5e-324) == "4.941e-324")
    }

    @Test func chartsOfExtremeValuesAreWellFormed() {
        for values in Self.extremes {
            let chart = Chart([Mark.line(values.enumerated().map { (x: Double($0.offset), y: $0.element) }, name: "v")], title: "t", xLabel: "x", yLabel: "y")
            let svg = chart.svg()
            #expect(isWellFormedXML(svg), "\(values)")
            #expect(!svg.contains("nan") && !svg.contains("inf"), "\(values)")
        }
    }
}
