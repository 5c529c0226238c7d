import CBLAS

/// Thin, bounds-checked wrappers over the CBLAS routines the engine uses. Everything else in
/// the module goes through these, so the C interface appears in one file.
enum BLAS {
    /// Below this length a plain loop (which the compiler vectorizes) beats the cost of the
    /// call into OpenBLAS: coordinate descent with few samples makes millions of short calls.
    static let shortVector = 256

    /// xᵀy over `count` elements.
    static func dot(_ count: Int, _ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>) -> Double {
        guard count >= shortVector else {
            // Four partial sums: independent chains the CPU can overlap.
            var sums = (0.0, 0.0, 0.0, 0.0)
            var i = 0
            while i + 4 <= count {
                sums.0 += x[i] * y[i]
                sums.1 += x[i + 1] * y[i + 1]
                sums.2 += x[i + 2] * y[i + 2]
                sums.3 += x[i + 3] * y[i + 3]
                i += 4
            }
            while i < count {
                sums.0 += x[i] * y[i]
                i += 1
            }
            return (sums.0 + sums.1) + (sums.2 + sums.3)
        }
        return cblas_ddot(blasint(count), x, 1, y, 1)
    }

    /// y ← a·x + y.
    static func axpy(_ count: Int, _ a: Double, _ x: UnsafePointer<Double>, _ y: UnsafeMutablePointer<Double>) {
        guard count >= shortVector else {
            for i in 0..<count { y[i] += a * x[i] }
            return
        }
        cblas_daxpy(blasint(count), a, x, 1, y, 1)
    }

    /// y ← alpha·op(A)·x + beta·y for a column-major `rows`×`columns` A.
    static func gemv(
        transposed: Bool, rows: Int, columns: Int, alpha: Double, _ a: UnsafePointer<Double>,
        _ x: UnsafePointer<Double>, beta: Double, _ y: UnsafeMutablePointer<Double>
    ) {
        guard rows > 0, columns > 0 else {
            // BLAS leaves y alone for empty A only when beta is 1; make the empty case exact.
            let count = transposed ? columns : rows
            for index in 0..<count { y[index] = beta == 0 ? 0 : beta * y[index] }
            return
        }
        cblas_dgemv(
            CblasColMajor, transposed ? CblasTrans : CblasNoTrans, blasint(rows), blasint(columns),
            alpha, a, blasint(rows), x, 1, beta, y, 1)
    }

    /// C ← alpha·op(A)·op(B) + beta·C, all column-major; C is m×n, the inner size is k.
    static func gemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int, alpha: Double,
        _ a: UnsafePointer<Double>, leadingA: Int, _ b: UnsafePointer<Double>, leadingB: Int,
        beta: Double, _ c: UnsafeMutablePointer<Double>, leadingC: Int
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            for index in 0..<(leadingC * (n - 1) + m) { c[index] = beta == 0 ? 0 : beta * c[index] }
            return
        }
        cblas_dgemm(
            CblasColMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(leadingA), b, blasint(leadingB),
            beta, c, blasint(leadingC))
    }
}

extension BLAS {
    /// Solves A·x = b in place for a symmetric positive-definite k×k A (column-major, its
    /// upper triangle read and overwritten by the Cholesky factor, LAPACK's dpotrf) and
    /// `count` right-hand sides in `b` (k×count, column-major). False when A is not positive
    /// definite to working precision (then `b` is left unchanged).
    static func choleskySolve(_ k: Int, _ a: inout [Double], _ b: inout [Double], count: Int = 1) -> Bool {
        precondition(a.count >= k * k && b.count >= k * count)
        guard k > 0 else { return true }
        var uplo = CChar(UInt8(ascii: "U")), order = blasint(k), leading = blasint(k), info: blasint = 0
        _ = a.withUnsafeMutableBufferPointer { dpotrf_(&uplo, &order, $0.baseAddress!, &leading, &info) }
        guard info == 0 else { return false }
        // Uᵀ·U·x = b: two triangular solves.
        a.withUnsafeBufferPointer { factor in
            b.withUnsafeMutableBufferPointer { rhs in
                cblas_dtrsm(
                    CblasColMajor, CblasLeft, CblasUpper, CblasTrans, CblasNonUnit, blasint(k), blasint(count),
                    1, factor.baseAddress!, blasint(k), rhs.baseAddress!, blasint(k))
                cblas_dtrsm(
                    CblasColMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, blasint(k), blasint(count),
                    1, factor.baseAddress!, blasint(k), rhs.baseAddress!, blasint(k))
            }
        }
        return true
    }
}

extension BLAS {
    /// The Cholesky factor U (A = UᵀU) of a symmetric positive-definite k×k matrix in
    /// place, its upper triangle read and overwritten (LAPACK's dpotrf), with leading dimension
    /// `leading`. False when A is not positive definite to working precision.
    static func choleskyFactor(_ k: Int, _ a: inout [Double], leading: Int) -> Bool {
        precondition(leading >= k && a.count >= leading * k)
        guard k > 0 else { return true }
        var uplo = CChar(UInt8(ascii: "U")), order = blasint(k), lda = blasint(leading), info: blasint = 0
        _ = a.withUnsafeMutableBufferPointer { dpotrf_(&uplo, &order, $0.baseAddress!, &lda, &info) }
        return info == 0
    }

    /// Solves U·x = b (or Uᵀ·x = b when `transposed`) in place for an upper triangular k×k U.
    static func triangularSolve(_ k: Int, _ u: UnsafePointer<Double>, leading: Int, _ b: UnsafeMutablePointer<Double>, transposed: Bool) {
        guard k > 0 else { return }
        cblas_dtrsv(CblasColMajor, CblasUpper, transposed ? CblasTrans : CblasNoTrans, CblasNonUnit, blasint(k), u, blasint(leading), b, 1)
    }
}

extension BLAS {
    /// A basis of the null space of a symmetric positive semi-definite k×k A (column-major),
    /// by LAPACK's pivoted Cholesky (dpstrf, rank decided at its default tolerance): with
    /// PᵀAP = UᵀU and U = [U₁₁ U₁₂] of rank r, the columns P·[−U₁₁⁻¹U₁₂; I] (k×(k − r),
    /// column-major). Empty when A has full rank; nil when the factorization fails.
    static func nullSpace(_ k: Int, of matrix: [Double]) -> [Double]? {
        precondition(matrix.count >= k * k)
        guard k > 0 else { return [] }
        var a = matrix
        var uplo = CChar(UInt8(ascii: "U")), order = blasint(k), leading = blasint(k), rank: blasint = 0, info: blasint = 0
        var tolerance = -1.0
        var pivots = [blasint](repeating: 0, count: k), work = [Double](repeating: 0, count: 2 * k)
        a.withUnsafeMutableBufferPointer { factor in
            dpstrf_(&uplo, &order, factor.baseAddress!, &leading, &pivots, &rank, &tolerance, &work, &info, 1)
        }
        guard info >= 0 else { return nil }
        let r = Int(rank), free = k - r
        guard free > 0 else { return [] }
        // −U₁₁⁻¹U₁₂ by one triangular solve with the k − r columns of U₁₂ as right-hand sides.
        var block = [Double](repeating: 0, count: r * free)
        for column in 0..<free {
            for row in 0..<r { block[row + column * r] = -a[row + (r + column) * k] }
        }
        if r > 0 {
            a.withUnsafeBufferPointer { factor in
                block.withUnsafeMutableBufferPointer { rhs in
                    cblas_dtrsm(
                        CblasColMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, blasint(r), blasint(free),
                        1, factor.baseAddress!, blasint(k), rhs.baseAddress!, blasint(r))
                }
            }
        }
        var basis = [Double](repeating: 0, count: k * free)
        for column in 0..<free {
            for row in 0..<r { basis[Int(pivots[row]) - 1 + column * k] = block[row + column * r] }
            basis[Int(pivots[r + column]) - 1 + column * k] = 1
        }
        return basis.allSatisfy(\.isFinite) ? basis : nil
    }
}

/// How many threads OpenBLAS uses.
public enum BLASThreads {
    /// Sets the number of OpenBLAS threads. With more than one, idle OpenBLAS workers spin
    /// (sched_yield) after start-up and after every call, which costs a kernel CPU time on the
    /// other core while it waits; the engine's matrices are small enough that one thread loses
    /// little (bench/).
    public static func set(_ count: Int) {
        openblas_set_num_threads(Int32(max(1, count)))
    }
}
