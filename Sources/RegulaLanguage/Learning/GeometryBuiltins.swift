import RegulaCharts
import RegulaLearning

/// Where a quadratic loss meets the L1 diamond and the L2 disk.
public struct GeometryResult: Sendable {
    public let loss: QuadraticLoss
    public let radius: Double
    public let solutions: [(norm: ConstraintNorm, point: [Double])]
    /// The largest radius and centre coordinate drawn.
    static let maximumSize = 1e100

    public var description: String {
        let parts = solutions.map { solution in
            let zeros = solution.point.exactZeroCount
            return "\(solution.norm.rawValue) at (\(solution.point.map { NumberFormat.compact($0, significantDigits: 4) }.joined(separator: ", ")))" + (zeros > 0 ? ", a corner: \(zeros) exact zero" : "")
        }
        return "geometry: " + parts.joined(separator: "; ")
    }

    /// The largest coordinate the picture must show: the ball, the centre and the solutions.
    var reach: Double { ([radius, 0] + loss.center.map(abs) + solutions.flatMap { $0.point.map(abs) }).max()! }

    /// Contours of the loss (through each solution, and inner ones), each ball shaded, and each
    /// solution marked and named; one unit is as long on both axes, so the disk stays round.
    /// Both axes run from −`extent` to `extent`: given, or a little beyond `reach`.
    func chart(extent given: Double? = nil) -> Chart {
        let levels = solutions.map { loss.value($0.point) }
        // A centre inside the balls is its own solution, at level 0: draw the contours the loss
        // has within one radius of it instead.
        let outer = (levels.max() ?? 0) > 0 ? levels.max()! : loss.value([loss.center[0] + radius, loss.center[1]])
        let extent = given ?? ((reach * 1.25 + 0.25) * 2).rounded(.up) / 2  // a whole half: the axes (kept exactly) end on a tick, where the grid does
        let axis = (0...80).map { -extent + 2 * extent * Double($0) / 80 }
        let grid = Grid(xs: axis, ys: axis) { x, y in loss.value([x, y]) }
        let inner = (1...4).map { outer * Double($0) / 5 }
        var marks: [Mark] = [Mark(.contours(grid, levels: (levels + inner).sorted()), name: "loss contours", color: 7)]
        for solution in solutions {
            var ball = Mark(.area(solution.norm.boundary(radius: radius)), name: "\(solution.norm.rawValue.uppercased()) ball, radius \(formatted(radius))", color: solution.norm == .l1 ? 1 : 0)
            ball.opacity = solution.norm == .l1 ? 0.18 : 0.08
            marks.append(ball)
        }
        for solution in solutions {
            let (x, y) = (solution.point[0], solution.point[1])
            let color = solution.norm == .l1 ? 1 : 0
            marks.append(Mark(.scatter([(x, y)]), color: color))
            let zeros = solution.point.exactZeroCount
            // Named inside the ball, where no contour runs.
            var label = Mark(.text((x, y), "\(solution.norm.rawValue.uppercased()) (\(NumberFormat.compact(x, significantDigits: 3)), \(NumberFormat.compact(y, significantDigits: 3)))" + (zeros > 0 ? " corner" : "")), color: color)
            label.textAnchor = "end"
            marks.append(label)
        }
        marks.append(Mark(.scatter([(loss.center[0], loss.center[1])]), name: "unpenalized minimum", color: 7))
        var chart = Chart(marks, title: "Where the loss meets each ball", xLabel: "w₁", yLabel: "w₂")
        chart.xDomain = -extent...extent
        chart.yDomain = -extent...extent
        chart.equalAspect = true
        chart.width = 560
        chart.height = 580
        chart.description = description
        return chart
    }
}

/// Built-ins for the geometry picture.
enum GeometryBuiltins {
    static let all: [Builtin] = [quadratic, geometry]

    static let quadratic = Builtin(
        "quadratic",
        summary: "A quadratic loss ½·(w − c)ᵀΣ(w − c) in the plane, Σ with unit variances and the given correlation.",
        documentation: "The shape of a least-squares loss near its minimum `center`, for `geometry`. Correlated features tilt and stretch its elliptical contours.",
        example: "quadratic(center: [1.5, 0.6], correlation: 0.4)",
        parameters: [
            .labelled("center", .list, "The minimum c, two numbers."),
            .labelled("correlation", .number, default: .number(0), "The correlation in Σ, between −1 and 1."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        let center = try call.value("center").numbers(for: "quadratic()'s 'center:'", at: call.range(of: "center"))
        let correlation = try call.number("correlation")
        return .object(try engine(at: call.range) { () throws(LearningError) in try QuadraticLoss(center: center, correlation: correlation) })
    }

    static let geometry = Builtin(
        "geometry",
        summary: "Loss contours with the L1 diamond and the L2 disk, and where the constrained minimum lands on each.",
        documentation: "Pass `l1` and/or `l2` (the functions themselves). Each solution minimizes the loss over the ball of that norm with the given radius; the contour through it touches the ball there. The L1 solution often lands on a corner, where a coordinate is exactly 0. Members: `l1` and `l2`, the solutions.",
        example: "let g = geometry(l1, l2, loss: quadratic(center: [1.5, 0.6], correlation: 0.4))\ng.l1",
        parameters: [
            .variadic("balls", .function, "l1, l2 or both, the functions themselves."),
            .labelled("loss", .quadratic, "The loss, from quadratic(center:)."),
            .labelled("radius", .number, default: .number(1), "The radius of each ball."),
        ]
    ) { (call: inout Call) throws(RegulaError) -> Value in
        guard case let .object(loss as QuadraticLoss) = call.value("loss") else {
            throw call.typeMismatch("loss", expected: "a quadratic loss, as in quadratic(center: [1.5, 0.6])")
        }
        let radius = try call.number("radius")
        // The picture squares its coordinates (the loss) and spans ±(radius + centre): beyond
        // this size those are not finite, and the contours and axes would be NaN.
        guard abs(radius) <= GeometryResult.maximumSize else {
            throw RegulaError(.value, "geometry() draws a radius up to \(formatted(GeometryResult.maximumSize)), got \(formatted(radius))", at: call.range(of: "radius"))
        }
        guard loss.center.allSatisfy({ abs($0) <= GeometryResult.maximumSize }) else {
            throw RegulaError(.value, "geometry() draws a loss centred within \(formatted(GeometryResult.maximumSize)) of 0, got center \(loss.center.map(formatted))", at: call.range(of: "loss"))
        }
        guard !call.variadic.isEmpty else { throw RegulaError(.argument, "geometry() needs l1, l2 or both, as in geometry(l1, l2, loss: …)", at: call.range) }
        var solutions: [(norm: ConstraintNorm, point: [Double])] = []
        for argument in call.variadic {
            guard case let .builtin(function) = argument.value, let norm = function.denotes as? ConstraintNorm else {
                throw RegulaError(.type, "geometry() draws the l1 and l2 balls: pass l1 or l2 themselves, got \(argument.value.typeName)", at: argument.range)
            }
            solutions.append((norm, try engine(at: call.range(of: "radius")) { () throws(LearningError) in try loss.constrainedMinimum(norm, radius: radius) }))
        }
        return .object(GeometryResult(loss: loss, radius: radius, solutions: solutions))
    }
}
