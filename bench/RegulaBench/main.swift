// regula-bench: times the learning engine on problems the Python benchmarks write, so the same
// data and λ grid go to Regula, scikit-learn and glmnet in one run. Not part of the product.
//
//   regula-bench path PROBLEM.bin [tolerance]
//
// PROBLEM.bin, little-endian: n, p, k as Int64; X column-major (n·p doubles); y (n doubles);
// λ (k doubles). The features are used as given (the script standardizes them). Prints one
// JSON object: seconds for the whole path (best of the repeats), and the objective per λ.
import RegulaLearning

#if canImport(Glibc)
import Glibc
#endif

func readProblem(_ path: String) -> (Dataset, [Double]) {
    guard let file = fopen(path, "rb") else { fail("cannot open \(path)") }
    defer { fclose(file) }
    func integers(_ count: Int) -> [Int64] {
        var values = [Int64](repeating: 0, count: count)
        guard fread(&values, 8, count, file) == count else { fail("\(path) is too short") }
        return values
    }
    func doubles(_ count: Int) -> [Double] {
        var values = [Double](repeating: 0, count: count)
        guard fread(&values, 8, count, file) == count else { fail("\(path) is too short") }
        return values
    }
    let sizes = integers(3)
    let n = Int(sizes[0]), p = Int(sizes[1]), k = Int(sizes[2])
    let x = Matrix(rows: n, columns: p, columnMajor: doubles(n * p))
    let y = doubles(n)
    return (Dataset(features: x, target: y), doubles(k))
}

func fail(_ message: String, status: Int32 = 1) -> Never {
    var text = "regula-bench: " + message + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
    exit(status)
}

func seconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, arguments[1] == "path" else {
    fail("usage: regula-bench path PROBLEM.bin [tolerance] [repeats]", status: 2)
}
let (data, lambdas) = readProblem(arguments[2])
var options = SolverOptions()
options.standardize = false
options.tolerance = arguments.count > 3 ? Double(arguments[3])! : 1e-7
let repeats = arguments.count > 4 ? Int(arguments[4])! : 3
var best = Double.infinity
var objectives: [Double] = []
do {
    for _ in 0..<repeats {
        let start = seconds()
        let solver = try PenalizedRegression(data, family: .gaussian, options: options)
        let path = try solver.path(.lasso, lambdas: lambdas)
        best = min(best, seconds() - start)
        objectives = path.fits.map(\.objective)
    }
} catch {
    fail("\(error)")
}
print("{\"seconds\": \(best), \"objectives\": [\(objectives.map { "\($0)" }.joined(separator: ", "))]}")
