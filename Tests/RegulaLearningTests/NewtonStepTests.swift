import Testing

@testable import RegulaLearning

/// The step that finishes a Gaussian fit: the null-space step where the support is larger than
/// the data's rank, and the Cholesky factor kept and updated as the support changes.
@Suite("Newton step")
struct NewtonStepTests {
    /// BᵀB/rows for a seeded rows×columns B: positive semi-definite, of rank min(rows, columns).
    static func gram(rows: Int, columns: Int, seed: Int) -> (matrix: [Double], design: Matrix) {
        var random = RandomSource(seed: seed)
        let design = Matrix(rows: rows, columns: columns, columnMajor: (0..<(rows * columns)).map { _ in random.normal() })
        let product = design.gram()
        return ((0..<(columns * columns)).map { product.storage[$0] / Double(rows) }, design)
    }

    @Test func theNullSpaceOfARankDeficientGramMatrixIsExact() throws {
        let (a, _) = Self.gram(rows: 5, columns: 8, seed: 1)
        let basis = try #require(BLAS.nullSpace(8, of: a))
        #expect(basis.count == 8 * 3, "rank 5 of 8 leaves 3 directions")
        let scale = a.map(Swift.abs).max()!
        for column in 0..<3 {
            for row in 0..<8 {
                var product = 0.0
                for k in 0..<8 { product += a[row + k * 8] * basis[k + column * 8] }
                #expect(Swift.abs(product) <= 1e-12 * scale, "A·N[\(row), \(column)] = \(product)")
            }
        }
        let (full, _) = Self.gram(rows: 20, columns: 8, seed: 2)
        #expect(BLAS.nullSpace(8, of: full) == [], "full rank: no null space")
    }

    @Test func anUpdatedFactorSolvesLikeAFreshOne() throws {
        let (a, _) = Self.gram(rows: 60, columns: 40, seed: 3)
        let cholesky = ActiveCholesky(coordinates: 40)
        var random = RandomSource(seed: 4)
        var active = Array(0..<12)
        var updates = 0
        for step in 0..<60 {
            // Add or drop one or two coordinates, as a path's supports change.
            for _ in 0..<(1 + step % 2) {
                let j = Int(random.uniform() * 40)
                if let index = active.firstIndex(of: j), active.count > 2 { active.remove(at: index) } else if !active.contains(j) { active.append(j) }
            }
            active.sort()
            let k = active.count
            let shift = { (j: Int) in 1e-3 * Double(j % 3) }
            let rhs = (0..<k).map { _ in random.normal() }
            let solved = try #require(cholesky.solve(
                active, rhs: rhs, shiftKey: 1e-3, shift: shift,
                products: { j, rows in rows.map { a[$0 + j * 40] } }))
            var system = [Double](repeating: 0, count: k * k)
            for (column, j) in active.enumerated() {
                for (row, i) in active.enumerated() { system[row + column * k] = a[i + j * 40] }
                system[column + column * k] += shift(j)
            }
            var fresh = rhs
            #expect(BLAS.choleskySolve(k, &system, &fresh))
            let size = fresh.map(Swift.abs).max()!
            for index in 0..<k {
                #expect(Swift.abs(solved[index] - fresh[index]) <= 1e-10 * size, "step \(step), coordinate \(active[index])")
            }
            updates += 1
        }
        #expect(updates == 60)
    }

    /// At small λ with fewer samples than features, descent reaches more nonzeros than the
    /// data's rank; the null-space step sheds them (descent alone took ~1,000 passes a λ).
    /// (Without the step these took up to 378 and 93 passes at one λ; with it 13 and 10.)
    @Test(arguments: [(40, 600, 40, 0.5), (60, 1000, 100, 0.0)])
    func pathsWithMoreFeaturesThanSamplesAreCertifiedInFewPasses(_ shape: (Int, Int, Int, Double)) throws {
        let (samples, features, informative, correlation) = shape
        let data = try Synthetic.regression(samples: samples, features: features, informative: informative, correlation: correlation, seed: 11)
        let solver = try PenalizedRegression(data, family: .gaussian)
        let path = try solver.path(.lasso, count: 100)
        #expect(path.gaps.allSatisfy { $0 <= SolverOptions().tolerance }, "gaps up to \(path.gaps.max()!)")
        #expect(path.fits.allSatisfy { $0.certificate.zeroKKT <= 1e-9 }, "zeros decided by optimality")
        #expect(path.nonzeroCounts.allSatisfy { $0 < samples }, "at most n − 1 nonzeros: \(path.nonzeroCounts.max()!)")
        let most = path.fits.map(\.passes).max()!
        #expect(most <= 40, "\(most) passes at one λ")
    }

    /// Along a path a warm start's support, grown by the coordinates whose conditions fail,
    /// usually lands on the certified solution with no descent: about one pass over X per λ
    /// (the certificate's), where descent took four to six.
    @Test func warmStartsAreFinishedByNewtonSteps() throws {
        let data = try Synthetic.regression(samples: 100, features: 1000, informative: 20, correlation: 0.5, seed: 12)
        let path = try PenalizedRegression(data, family: .gaussian).path(.lasso, count: 100)
        let passes = path.fits.map(\.passes).reduce(0, +)
        #expect(passes <= 2 * path.fits.count, "\(passes) passes for \(path.fits.count) λ")
        #expect(path.gaps.allSatisfy { $0 <= SolverOptions().tolerance })
    }
}
