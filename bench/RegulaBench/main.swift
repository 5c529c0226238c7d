// regula-bench: times the learning engine on problems the Python benchmarks write, so the same
// data and λ grid go to Regula, scikit-learn and glmnet in one run. Not part of the product.
//
//   regula-bench path PROBLEM.bin [tolerance] [repeats] [COEFFICIENTS.bin]
//   regula-bench mlp PROBLEM.bin EPOCHS [repeats]
//   regula-bench penalty-cost SIZE [repeats]
//
// PROBLEM.bin, little-endian: n, p, k as Int64; X column-major (n·p doubles); y (n doubles);
// λ (k doubles). The features are used as given (the script standardizes them). `path` prints
// one JSON object: seconds for the whole path (best of the repeats), and per λ the objective,
// the coordinate passes and the duality gap; tolerance sets `SolverOptions.tolerance` ("default"
// keeps it). With COEFFICIENTS.bin it also writes the last repeat's fit there, little-endian
// doubles: the k intercepts, then the p × k coefficients column-major, for the script to score.
// `mlp` reads the same layout (k = 0, y holds class labels 0/1) and trains a 64-64 relu network
// with Adam (learning rate 1e-3, batches of 32) for EPOCHS epochs; it prints the seconds and the
// final training loss. `penalty-cost` times the L1 and L2 (sub)gradients of SIZE weights.
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

func best(of repeats: Int, _ body: () throws -> Void) rethrows -> Double {
    var fastest = Double.infinity
    for _ in 0..<repeats {
        let start = seconds()
        try body()
        fastest = min(fastest, seconds() - start)
    }
    return fastest
}

func runPath(_ arguments: [String]) throws {
    let (data, lambdas) = readProblem(arguments[2])
    var options = SolverOptions()
    options.standardize = false
    // The certificate's tolerance (the duality gap over the null objective); "default" keeps it.
    if arguments.count > 3, let tolerance = Double(arguments[3]) { options.tolerance = tolerance }
    var fits: [PenalizedFit] = []
    let time = try best(of: arguments.count > 4 ? Int(arguments[4])! : 3) {
        let solver = try PenalizedRegression(data, family: .gaussian, options: options)
        fits = try solver.path(.lasso, lambdas: lambdas).fits
    }
    if arguments.count > 5 { writeFits(fits, to: arguments[5]) }
    func list(_ values: [some CustomStringConvertible]) -> String {
        "[" + values.map(\.description).joined(separator: ", ") + "]"
    }
    print("{\"seconds\": \(time), \"objectives\": \(list(fits.map(\.objective))), "
          + "\"passes\": \(list(fits.map(\.passes))), \"gaps\": \(list(fits.map(\.gap)))}")
}

func writeFits(_ fits: [PenalizedFit], to path: String) {
    guard let file = fopen(path, "wb") else { fail("cannot write \(path)") }
    defer { fclose(file) }
    var values = fits.map(\.intercept)
    for fit in fits { values += fit.coefficients }
    guard fwrite(values, 8, values.count, file) == values.count else { fail("cannot write \(path)") }
}

func runNetwork(_ arguments: [String]) throws {
    guard arguments.count > 3, let epochs = Int(arguments[3]) else { fail("usage: regula-bench mlp PROBLEM.bin EPOCHS [repeats]", status: 2) }
    let (data, _) = readProblem(arguments[2])
    var options = TrainingOptions()
    options.epochs = epochs
    options.batchSize = 32
    options.recordsWeights = false
    var loss = 0.0
    let time = try best(of: arguments.count > 4 ? Int(arguments[4])! : 3) {
        let network = try Network(inputs: data.featureCount, hidden: [64, 64], activation: .relu, loss: .logistic, seed: 0)
        let optimizer = try Optimizer(.adam(beta1: 0.9, beta2: 0.999, epsilon: 1e-8), learningRate: 1e-3)
        let outcome = try Trainer.train(network, on: data, penalty: TrainingPenalty(), optimizer: optimizer, options: options)
        if let failure = outcome.failure { throw failure }
        loss = outcome.history.last!.trainLoss
    }
    print("{\"seconds\": \(time), \"loss\": \(loss)}")
}

func runPenaltyCost(_ arguments: [String]) throws {
    guard arguments.count > 2, let size = Int(arguments[2]) else { fail("usage: regula-bench penalty-cost SIZE [repeats]", status: 2) }
    let repeats = arguments.count > 3 ? Int(arguments[3])! : 20
    var random = RandomSource(seed: 1)
    let weights = (0..<size).map { _ in random.normal() }
    var gradient = [Double](repeating: 0, count: size)
    var times: [String] = []
    let penalties: [(String, any Penalty)] = [("l1", try L1Penalty(0.1)), ("l2", try L2Penalty(0.1, convention: .squared))]
    for (name, penalty) in penalties {
        let time = best(of: repeats) { penalty.addDerivative(of: weights, factors: nil, to: &gradient) }
        times.append("\"\(name)\": \(time)")
    }
    // The same L1 subgradient written with nested branches, as a textbook would: with weights of
    // random sign the branch is mispredicted half the time. Kept to show what the select costs.
    let strength = 0.1
    let branchy = best(of: repeats) {
        weights.withUnsafeBufferPointer { w in
            gradient.withUnsafeMutableBufferPointer { g in
                for j in 0..<size {
                    if w[j] > 0 { g[j] += strength } else if w[j] < 0 { g[j] -= strength }
                }
            }
        }
    }
    times.append("\"l1_branches\": \(branchy)")
    // A checksum keeps the work from being optimized away.
    print("{\(times.joined(separator: ", ")), \"checksum\": \(gradient.total)}")
}

let arguments = CommandLine.arguments
do {
    switch arguments.count > 2 ? arguments[1] : "" {
    case "path": try runPath(arguments)
    case "mlp": try runNetwork(arguments)
    case "penalty-cost": try runPenaltyCost(arguments)
    default: fail("usage: regula-bench path|mlp|penalty-cost ...", status: 2)
    }
} catch {
    fail("\(error)")
}
