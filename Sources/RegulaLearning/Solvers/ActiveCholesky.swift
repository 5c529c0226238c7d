/// The Cholesky factor of the Newton step's system on the active set, G_AA + diag(sⱼ) with
/// G the products x̃ᵢᵀx̃ⱼ/n, kept from one step to the next and updated when the set changes
/// by a few coordinates: O(k²) a change (a column appended, or deleted and the factor restored
/// by Givens rotations), where factoring from scratch is O(k³). Along a lasso path the support
/// changes by a coordinate or two per λ, and factoring afresh was a quarter of a 100×1000
/// path. Used by one solver at a time.
final class ActiveCholesky {
    /// The coordinates in the factor's order.
    private var order: [Int] = []
    /// Upper triangular, column-major, `capacity` rows and columns allocated.
    private var factor: [Double] = []
    private var capacity = 0
    /// What the diagonal shift was made of (c of the elastic form): another one means another matrix.
    private var shiftKey = Double.nan
    private var updates = 0
    /// Per coordinate: whether it is in the factor (scratch marks for `solve`).
    private var held: [Bool]
    private var scratch: [Int32]

    init(coordinates: Int) {
        held = Array(repeating: false, count: coordinates)
        scratch = Array(repeating: -1, count: coordinates)
    }
    /// Rounding accumulates through updates: the factor is rebuilt after this many.
    static let refreshInterval = 32
    /// Larger changes of the set are factored afresh.
    static let largestChange = 4

    /// Solves (G_AA + diag(shift(j)))·x = rhs for the active coordinates `active` (rhs and x in
    /// that order), or nil when the system is not positive definite to working precision.
    /// `products(j, rows)` gives x̃ⱼᵀx̃ᵢ/n for i in rows; `shiftKey` identifies the shifts.
    func solve(
        _ active: [Int], rhs: [Double], shiftKey: Double, shift: (Int) -> Double,
        products: (Int, [Int]) -> [Double]?
    ) -> [Double]? {
        // Marks instead of sets: a solve per round must cost O(k), not hashing.
        for (index, j) in active.enumerated() { scratch[j] = Int32(index) }
        let removed = order.filter { scratch[$0] < 0 }
        let added = active.filter { !held[$0] }
        var updated = false
        if shiftKey.bitPattern == self.shiftKey.bitPattern, !order.isEmpty,
           removed.count + added.count <= Self.largestChange, updates + removed.count + added.count <= Self.refreshInterval {
            updated = true
            for j in removed { remove(j) }
            for j in added where !append(j, shift: shift(j), products: products) {
                updated = false
                break
            }
            if updated { updates += removed.count + added.count }
        }
        if !updated {
            self.shiftKey = shiftKey
            guard factorize(active, shift: shift, products: products) else {
                for j in active { scratch[j] = -1 }
                return nil
            }
        }
        var x = order.map { rhs[Int(scratch[$0])] }
        let k = order.count
        factor.withUnsafeBufferPointer { u in
            x.withUnsafeMutableBufferPointer { b in
                BLAS.triangularSolve(k, u.baseAddress!, leading: capacity, b.baseAddress!, transposed: true)
                BLAS.triangularSolve(k, u.baseAddress!, leading: capacity, b.baseAddress!, transposed: false)
            }
        }
        var solution = [Double](repeating: 0, count: k)
        for (index, j) in order.enumerated() { solution[Int(scratch[j])] = x[index] }
        for j in active { scratch[j] = -1 }
        return solution.allSatisfy(\.isFinite) ? solution : nil
    }

    private func factorize(_ active: [Int], shift: (Int) -> Double, products: (Int, [Int]) -> [Double]?) -> Bool {
        for j in order { held[j] = false }
        order = []
        updates = 0
        let k = active.count
        reserve(k + Self.largestChange)
        for (column, j) in active.enumerated() {
            guard let entries = products(j, active) else { return false }
            for row in 0...column { factor[row + column * capacity] = entries[row] }
            factor[column + column * capacity] += shift(j)
        }
        guard BLAS.choleskyFactor(k, &factor, leading: capacity) else { return false }
        order = active
        for j in order { held[j] = true }
        return true
    }

    /// Appends coordinate j: w = U⁻ᵀg, d = √(gⱼⱼ + sⱼ − wᵀw); false when d vanishes to rounding.
    private func append(_ j: Int, shift: Double, products: (Int, [Int]) -> [Double]?) -> Bool {
        let k = order.count
        guard let entries = products(j, order + [j]) else { return false }
        reserve(k + 1)
        var w = Array(entries[0..<k])
        factor.withUnsafeBufferPointer { u in
            w.withUnsafeMutableBufferPointer { b in
                BLAS.triangularSolve(k, u.baseAddress!, leading: capacity, b.baseAddress!, transposed: true)
            }
        }
        let diagonal = entries[k] + shift
        let square = diagonal - w.dot(w)
        guard square > 1e-13 * diagonal, square.isFinite else { return false }
        for row in 0..<k { factor[row + k * capacity] = w[row] }
        factor[k + k * capacity] = square.squareRoot()
        order.append(j)
        held[j] = true
        return true
    }

    /// Deletes coordinate j's column; the Hessenberg part after it is made triangular again.
    private func remove(_ j: Int) {
        guard let t = order.firstIndex(of: j) else { return }
        let k = order.count, c = capacity
        // Out of the class for the loops: element access to a class's array checks exclusivity.
        var storage = factor
        factor = []
        storage.withUnsafeMutableBufferPointer { buffer in
            let u = buffer.baseAddress!
            for column in t..<(k - 1) {
                for row in 0...(column + 1) { u[row + column * c] = u[row + (column + 1) * c] }
            }
            for column in t..<(k - 1) {
                let a = u[column + column * c], b = u[column + 1 + column * c]
                let r = (a * a + b * b).squareRoot()
                guard r > 0 else { continue }
                let cosine = a / r, sine = b / r
                u[column + column * c] = r
                u[column + 1 + column * c] = 0
                for later in (column + 1)..<(k - 1) {
                    let x = u[column + later * c], y = u[column + 1 + later * c]
                    u[column + later * c] = cosine * x + sine * y
                    u[column + 1 + later * c] = cosine * y - sine * x
                }
            }
        }
        factor = storage
        order.remove(at: t)
        held[j] = false
    }

    /// Room for `count` rows and columns, keeping the factor.
    private func reserve(_ count: Int) {
        guard count > capacity else { return }
        let grown = max(count, 2 * capacity, 16)
        var larger = [Double](repeating: 0, count: grown * grown)
        let k = order.count
        for column in 0..<k {
            for row in 0...column { larger[row + column * grown] = factor[row + column * capacity] }
        }
        factor = larger
        capacity = grown
    }
}
