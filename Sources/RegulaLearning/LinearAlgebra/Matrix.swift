/// A dense matrix of doubles, stored column by column: a feature's values are contiguous,
/// which is what coordinate descent reads most.
public struct Matrix: Equatable, Sendable {
    /// The number of rows (samples, for a design matrix).
    public let rows: Int
    /// The number of columns (features, for a design matrix).
    public let columns: Int
    /// The elements, column-major: element (i, j) is at `i + j * rows`.
    public internal(set) var storage: [Double]

    /// A matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "a matrix cannot have a negative size")
        self.rows = rows
        self.columns = columns
        storage = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over column-major elements.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) {
        precondition(elements.count == rows * columns, "\(elements.count) elements cannot fill \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        storage = elements
    }

    /// A matrix from its rows, which must all have the same length.
    public init(rowArrays: [[Double]]) {
        let columns = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columns }, "rows of different lengths")
        self.init(rows: rowArrays.count, columns: columns)
        for (i, row) in rowArrays.enumerated() {
            for (j, value) in row.enumerated() { storage[i + j * rows] = value }
        }
    }

    public subscript(row: Int, column: Int) -> Double {
        get { storage[row + column * rows] }
        set { storage[row + column * rows] = newValue }
    }

    /// A copy of column `j`.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// A copy of row `i`.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The rows at `indices`, in that order.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        storage.withUnsafeBufferPointer { source in
            result.storage.withUnsafeMutableBufferPointer { target in
                for j in 0..<columns {
                    let from = j * rows, to = j * indices.count
                    for (position, i) in indices.enumerated() { target[to + position] = source[from + i] }
                }
            }
        }
        return result
    }

    /// The columns at `indices`, in that order.
    public func selectingColumns(_ indices: [Int]) -> Matrix {
        var elements: [Double] = []
        elements.reserveCapacity(indices.count * rows)
        for j in indices { elements.append(contentsOf: storage[(j * rows)..<((j + 1) * rows)]) }
        return Matrix(rows: rows, columns: indices.count, columnMajor: elements)
    }

    /// A·x.
    public func times(_ vector: [Double]) -> [Double] {
        precondition(vector.count == columns, "a \(rows)×\(columns) matrix times a vector of \(vector.count)")
        var result = [Double](repeating: 0, count: rows)
        BLAS.gemv(transposed: false, rows: rows, columns: columns, alpha: 1, storage, vector, beta: 0, &result)
        return result
    }

    /// Aᵀ·x.
    public func transposedTimes(_ vector: [Double]) -> [Double] {
        precondition(vector.count == rows, "the transpose of a \(rows)×\(columns) matrix times a vector of \(vector.count)")
        var result = [Double](repeating: 0, count: columns)
        BLAS.gemv(transposed: true, rows: rows, columns: columns, alpha: 1, storage, vector, beta: 0, &result)
        return result
    }

    /// The matrix product A·B.
    public static func * (a: Matrix, b: Matrix) -> Matrix {
        precondition(a.columns == b.rows, "cannot multiply \(a.rows)×\(a.columns) by \(b.rows)×\(b.columns)")
        var result = Matrix(rows: a.rows, columns: b.columns)
        BLAS.gemm(
            transposeA: false, transposeB: false, m: a.rows, n: b.columns, k: a.columns, alpha: 1,
            a.storage, leadingA: max(a.rows, 1), b.storage, leadingB: max(b.rows, 1), beta: 0,
            &result.storage, leadingC: max(a.rows, 1))
        return result
    }

    /// AᵀA, the Gram matrix of the columns.
    public func gram() -> Matrix {
        var result = Matrix(rows: columns, columns: columns)
        BLAS.gemm(
            transposeA: true, transposeB: false, m: columns, n: columns, k: rows, alpha: 1,
            storage, leadingA: max(rows, 1), storage, leadingB: max(rows, 1), beta: 0,
            &result.storage, leadingC: max(columns, 1))
        return result
    }
}
