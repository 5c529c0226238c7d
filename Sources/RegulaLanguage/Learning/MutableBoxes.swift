import RegulaLearning

// Training loops written out in cells mutate a model, an optimizer's state and a log that are
// bound with `let`, as objects are in Python; so these three are references. Cells run on one
// thread at a time, which is what makes the unchecked Sendable conformances sound.

/// An optimizer as the language holds it: its settings (what `fit` starts from) and the state
/// that `step` carries from call to call.
public final class OptimizerBox: @unchecked Sendable {
    public let initial: Optimizer
    public var current: Optimizer
    init(_ optimizer: Optimizer) {
        initial = optimizer
        current = optimizer
    }
}

/// A model instance that `step` trains in place.
public final class NetworkBox: @unchecked Sendable {
    public var network: Network
    public let kind: String
    init(_ network: Network, kind: String) {
        self.network = network
        self.kind = kind
    }
}

/// A log of named numbers, one row per `add`, for plots and tables of training curves.
public final class TrainingLog: @unchecked Sendable {
    public private(set) var columns: [String] = []
    public private(set) var values: [String: [Double]] = [:]
    public private(set) var rowCount = 0

    /// Appends a row; a column first seen now is empty (nan) in earlier rows, and a column
    /// missing from this row gets nan.
    func add(_ row: [(String, Double)]) {
        for (name, _) in row where values[name] == nil {
            columns.append(name)
            values[name] = Array(repeating: .nan, count: rowCount)
        }
        for name in columns { values[name]!.append(row.first { $0.0 == name }?.1 ?? .nan) }
        rowCount += 1
    }
}
