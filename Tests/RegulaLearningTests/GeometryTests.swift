import Testing

@testable import RegulaLearning

@Suite("Geometry")
struct GeometryTests {
    /// The L1 projection is the Euclidean projection: no point of the diamond is closer.
    @Test func l1ProjectionIsTheClosestPointOfTheDiamond() {
        var random = RandomSource(seed: 4)
        for _ in 0..<200 {
            let w = [3 * random.normal(), 3 * random.normal()]
            let p = ConstraintNorm.l1.project(w, radius: 1)
            #expect(p.l1Norm <= 1 + 1e-12)
            let distance = zip(w, p).map { ($0 - $1) * ($0 - $1) }.total
            for k in 0..<400 {
                let t = 2 * Double.pi * Double(k) / 400
                let q = [cos(t), sin(t)].map { $0 / (Swift.abs(cos(t)) + Swift.abs(sin(t))) }
                #expect(distance <= zip(w, q).map { ($0 - $1) * ($0 - $1) }.total + 1e-12)
            }
        }
    }

    /// At the constrained minimum, −∇L lies in the ball's normal cone (checked by the
    /// projection fixed point, and against a scan of the boundary).
    @Test(arguments: [([1.5, 0.6], 0.4), ([2.0, 0.5], 0.0), ([0.3, -1.7], -0.6)])
    func constrainedMinimaBeatTheBoundary(_ setting: ([Double], Double)) throws {
        let loss = try QuadraticLoss(center: setting.0, correlation: setting.1)
        for norm in ConstraintNorm.allCases {
            let w = try loss.constrainedMinimum(norm, radius: 1)
            for point in norm.boundary(radius: 1, count: 2000) {
                #expect(loss.value(w) <= loss.value([point.x, point.y]) + 1e-9)
            }
            // Points on the L1 diamond's edges, not only its corners.
            for k in 0...1000 {
                let t = Double(k) / 1000
                for edge in [[t, 1 - t], [-t, 1 - t], [t, t - 1], [-t, t - 1]] where norm == .l1 {
                    #expect(loss.value(w) <= loss.value(edge) + 1e-9)
                }
            }
        }
    }

    @Test func theDiamondsCornerGivesAnExactZero() throws {
        let loss = try QuadraticLoss(center: [2, 0.5], correlation: 0)
        #expect(try loss.constrainedMinimum(.l1, radius: 1) == [1, 0])
        let disk = try loss.constrainedMinimum(.l2, radius: 1)
        #expect(disk.allSatisfy { $0 != 0 })
        #expect(Swift.abs(disk.l2Norm - 1) < 1e-12)
    }

    @Test func contoursAreLevelSets() throws {
        let loss = try QuadraticLoss(center: [1, -1], correlation: 0.7)
        for point in loss.contour(level: 0.3) {
            #expect(Swift.abs(loss.value([point.x, point.y]) - 0.3) < 1e-12)
        }
    }
}
