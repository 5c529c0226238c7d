/// Small vector helpers on `[Double]`, the engine's vector type.
extension Array where Element == Double {
    /// The inner product with `other`, which must have the same length.
    public func dot(_ other: [Double]) -> Double {
        precondition(count == other.count, "dot product of vectors of \(count) and \(other.count)")
        return BLAS.dot(count, self, other)
    }

    /// The sum of the elements.
    public var total: Double { reduce(0, +) }

    /// The arithmetic mean (0 for an empty vector).
    public var average: Double { isEmpty ? 0 : total / Double(count) }

    /// Σ|xᵢ|.
    public var l1Norm: Double { reduce(0) { $0 + Swift.abs($1) } }

    /// √Σxᵢ².
    public var l2Norm: Double { (reduce(0) { $0 + $1 * $1 }).squareRoot() }

    /// The number of elements that are exactly 0.0 (never "small").
    public var exactZeroCount: Int { reduce(0) { $1 == 0 ? $0 + 1 : $0 } }
}
