import RegulaLearning

/// Live progress for a training loop written out in a cell (`step` in a `for` loop): the
/// steps count their work, and once a cell's loop has done enough to take a while, a progress
/// line appears and follows it — the step count and batch loss, or the last row `log.add`
/// recorded — updated in place at most ten times a second. When the cell ends the line becomes
/// a summary without timings.
///
/// As with `ProgressDisplay`, whether the line appears depends on the work, not the clock, so
/// a saved notebook does not change from run to run. Cells run one at a time (the session's
/// thread), which is what makes the static state sound.
enum LoopProgress {
    private struct State {
        var units = 0.0
        var steps = 0
        var lastLoss = Double.nan
        var lastRow: String?
        var display: ProgressDisplay?
    }

    nonisolated(unsafe) private static var state = State()

    /// Called by `Session.execute` before a cell runs.
    static func beginCell() { state = State() }

    /// Called by `step`: `units` of work were done, ending with a batch loss of `loss`.
    static func stepped(units: Double, loss: Double, _ call: Call) {
        state.units += units
        state.steps += 1
        state.lastLoss = loss
        if state.display == nil, state.units >= ProgressDisplay.threshold {
            state.display = ProgressDisplay(call, units: state.units)
        }
        state.display?.report(current)
    }

    /// Called by `log.add`: the row just recorded, as "epoch 3 · loss 0.25".
    static func recorded(_ row: [(String, Double)]) {
        guard state.steps > 0 else { return }
        state.lastRow = row.map { "\($0.0) \(short($0.1))" }.joined(separator: " · ")
        state.display?.report(current)
    }

    /// Called by `Session.execute` after a cell, whether it finished, failed or was interrupted.
    static func endCell(failed: Bool) {
        guard let display = state.display else { return }
        let summary = (failed ? "stopped after \(state.steps) steps" : "\(state.steps) steps") + (state.lastRow.map { ": last recorded \($0)" } ?? ": last batch loss \(short(state.lastLoss))")
        display.finish(summary)
        state = State()
    }

    private static var current: String {
        "step \(state.steps) · " + (state.lastRow ?? "batch loss \(short(state.lastLoss))")
    }
}
