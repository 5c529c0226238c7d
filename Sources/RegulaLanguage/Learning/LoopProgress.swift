import Synchronization
import RegulaLearning

/// Live progress for a training loop written out in a cell (`step` in a `for` loop): the
/// steps count their work, and once a cell's loop has done enough to take a while, a progress
/// line appears and follows it — the step count and batch loss, or the last row `log.add`
/// recorded — updated in place at most ten times a second. When the cell ends the line becomes
/// a summary without timings.
///
/// As with `ProgressDisplay`, whether the line appears depends on the work, not the clock, so
/// a saved notebook does not change from run to run. Each running cell has its own state, found
/// by its output sink (sessions may run cells on several threads at once, as tests do).
enum LoopProgress {
    private struct State {
        var started = monotonicSeconds()
        var units = 0.0
        var steps = 0
        var lastLoss = Double.nan
        var lastRow: String?
        var display: ProgressDisplay?

        var current: String { "step \(steps) · " + (lastRow ?? "batch loss \(short(lastLoss))") }
    }

    private static let cells = Mutex<[ObjectIdentifier: State]>([:])

    /// Called by `Session.execute` before a cell runs.
    static func beginCell(_ output: any OutputSink) {
        cells.withLock { $0[ObjectIdentifier(output)] = State() }
    }

    /// Called by `step`: `units` of work were done, ending with a batch loss of `loss`.
    static func stepped(units: Double, loss: Double, _ call: Call) {
        update(call.output) { state in
            state.units += units
            state.steps += 1
            state.lastLoss = loss
            if state.display == nil, state.units >= ProgressDisplay.threshold {
                state.display = ProgressDisplay(call, units: state.units, startedAt: state.started)
            }
        }
    }

    /// Called by `log.add`: the row just recorded, as "epoch 3 · loss 0.25".
    static func recorded(_ row: [(String, Double)], _ call: Call) {
        update(call.output) { state in
            guard state.steps > 0 else { return }
            state.lastRow = row.map { "\($0.0) \(short($0.1))" }.joined(separator: " · ")
        }
    }

    /// Called by `Session.execute` after a cell, whether it finished, failed or was interrupted.
    static func endCell(_ output: any OutputSink, failed: Bool) {
        guard let state = cells.withLock({ $0.removeValue(forKey: ObjectIdentifier(output)) }), let display = state.display else { return }
        let last = state.lastRow.map { ": last recorded \($0)" } ?? ": last batch loss \(short(state.lastLoss))"
        display.finish((failed ? "stopped after \(state.steps) steps" : "\(state.steps) steps") + last)
    }

    /// Changes the cell's state, then reports it (outside the lock: reporting writes to the sink).
    private static func update(_ output: any OutputSink, _ change: (inout State) -> Void) {
        let state = cells.withLock { cells -> State? in
            guard var state = cells[ObjectIdentifier(output)] else { return nil }
            change(&state)
            cells[ObjectIdentifier(output)] = state
            return state
        }
        if let state { state.display?.report(state.current) }
    }
}
