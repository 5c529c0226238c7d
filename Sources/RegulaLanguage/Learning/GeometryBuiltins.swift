import RegulaCharts
import RegulaLearning

/// Where a quadratic loss meets the L1 diamond and the L2 disk.
public struct GeometryResult: Sendable {
    public let loss: QuadraticLoss
    public let radius: Double
    public let solutions: [(norm: ConstraintNorm, point: [Double])]

    var description: String {
        let parts = solutions.map { solution in
            let zeros = solution.point.exactZeroCount
            return "\(solution.norm.rawValue) at (\(solution.point.map { Value.format($0) }.joined(separator: ", ")))" + (zeros > 0 ? ", a corner: \(zeros) exact zero" : "")
        }
        return "geometry: " + parts.joined(separator: "; ")
    }

    /// Contours of the loss through each solution, each ball, and each solution marked by a cross.
    var chart: LineChart {
        var series: [Series] = []
        var contours: [(x: Double, y: Double)] = []
        for solution in solutions {
            contours += loss.contour(level: loss.value(solution.point)) + [(.nan, .nan)]
        }
        contours += loss.contour(level: loss.value(loss.center) + 0.02)
        series.append(Series(name: "loss", points: contours))
        for solution in solutions {
            series.append(Series(name: "\(solution.norm.rawValue.uppercased()) ball", points: solution.norm.boundary(radius: radius)))
        }
        let arm = 0.06 * max(radius, 1)
        for solution in solutions {
            let (x, y) = (solution.point[0], solution.point[1])
            series.append(Series(name: "\(solution.norm.rawValue.uppercased()) min", points: [
                (x - arm, y - arm), (x + arm, y + arm), (.nan, .nan), (x - arm, y + arm), (x + arm, y - arm),
            ]))
        }
        let all = series.flatMap(\.points).filter { $0.x.isFinite && $0.y.isFinite }
        let low = min(all.map(\.x).min()!, all.map(\.y).min()!), high = max(all.map(\.x).max()!, all.map(\.y).max()!)
        var chart = LineChart(series: series, title: "Where the loss meets each ball", xLabel: "w₁", yLabel: "w₂")
        // A square plot area (see LineChart's margins) and one domain for both axes: circles stay round.
        chart.width = 536
        chart.height = 558
        chart.xDomain = low...high
        chart.yDomain = low...high
        return chart
    }
}

/// Built-ins for the geometry picture.
enum GeometryBuiltins {
    static let all: [Builtin] = [quadratic, geometry]

    static let quadratic = Builtin(
        "quadratic", signature: "quadratic(center: List, correlation: Number = 0)",
        summary: "A quadratic loss ½·(w − c)ᵀΣ(w − c) in the plane, Σ with unit variances and the given correlation.",
        documentation: "The shape of a least-squares loss near its minimum `center`, for `geometry`. Correlated features tilt and stretch its elliptical contours.",
        example: "quadratic(center: [1.5, 0.6], correlation: 0.4)",
        parameters: [.labelled("center"), .labelled("correlation", default: .number(0))]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let center = try call.value("center").numbers(for: "quadratic()'s 'center:'", at: call.range(of: "center"))
        let correlation = try call.number("correlation")
        return .learning(.quadratic(try engine(at: call.range) { () throws(LearningError) in try QuadraticLoss(center: center, correlation: correlation) }))
    }

    static let geometry = Builtin(
        "geometry", signature: "geometry(_ balls: Function..., loss: Quadratic, radius: Number = 1)",
        summary: "Loss contours with the L1 diamond and the L2 disk, and where the constrained minimum lands on each.",
        documentation: "Pass `l1` and/or `l2` (the functions themselves). Each solution minimizes the loss over the ball of that norm with the given radius; the contour through it touches the ball there. The L1 solution often lands on a corner, where a coordinate is exactly 0. Members: `l1` and `l2`, the solutions.",
        example: "let g = geometry(l1, l2, loss: quadratic(center: [1.5, 0.6], correlation: 0.4))\ng.l1",
        parameters: [.positional("balls", variadic: true), .labelled("loss"), .labelled("radius", default: .number(1))]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard case let .learning(.quadratic(loss)) = call.value("loss") else {
            throw call.typeMismatch("loss", expected: "a quadratic loss, as in quadratic(center: [1.5, 0.6])")
        }
        let radius = try call.number("radius")
        guard !call.variadic.isEmpty else { throw RegulaError(.argument, "geometry() needs l1, l2 or both, as in geometry(l1, l2, loss: …)", at: call.range) }
        var solutions: [(norm: ConstraintNorm, point: [Double])] = []
        for argument in call.variadic {
            guard case let .builtin(function) = argument.value, let norm = ConstraintNorm(rawValue: function.name) else {
                throw RegulaError(.type, "geometry() draws the l1 and l2 balls: pass l1 or l2 themselves, got \(argument.value.typeName)", at: argument.range)
            }
            solutions.append((norm, try engine(at: call.range(of: "radius")) { () throws(LearningError) in try loss.constrainedMinimum(norm, radius: radius) }))
        }
        return .learning(.geometry(GeometryResult(loss: loss, radius: radius, solutions: solutions)))
    }
}
