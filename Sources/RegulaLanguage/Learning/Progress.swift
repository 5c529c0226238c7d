import RegulaLearning

/// A live progress line for long work (training, paths, cross-validation): shown as a display
/// and updated in place at most ten times a second, ending with a summary.
///
/// Whether it appears depends only on the amount of work (`units`), never on how long it
/// takes, and the summary has no timings: the same notebook then saves the same bytes.
final class ProgressDisplay: @unchecked Sendable {
    /// Work below this many units (multiply-adds, roughly) finishes too fast to need a display.
    static let threshold = 20_000_000.0
    nonisolated(unsafe) private static var counter = 0

    private let output: any OutputSink
    private let id: String
    private let enabled: Bool
    private let started: Double
    private var lastUpdate = -Double.infinity

    /// `startedAt` is when the work began, for the elapsed time (now, unless said otherwise).
    init(_ call: Call, units: Double, startedAt: Double = monotonicSeconds()) {
        output = call.output
        started = startedAt
        enabled = units >= Self.threshold
        Self.counter += 1
        id = "regula-progress-\(Self.counter)"
    }

    /// Shows `text` with the elapsed time, unless the last update was under 0.1 s ago.
    func report(_ text: String) {
        guard enabled else { return }
        let now = monotonicSeconds()
        guard now - lastUpdate >= 0.1 else { return }
        let bundle = DisplayBundle(plainText: "\(text) · \(formatted(((now - started) * 10).rounded() / 10)) s")
        if lastUpdate == -.infinity { output.display(bundle, id: id) } else { output.update(bundle, id: id) }
        lastUpdate = now
    }

    /// Replaces the progress line with `summary` (shown even if no update was due, so the
    /// display always ends the same way).
    func finish(_ summary: String) {
        guard enabled else { return }
        let bundle = DisplayBundle(plainText: summary)
        if lastUpdate == -.infinity { output.display(bundle, id: id) } else { output.update(bundle, id: id) }
    }
}

/// Four significant digits, for progress lines.
func short(_ value: Double) -> String {
    guard value.isFinite, value != 0 else { return formatted(value) }
    let digits = max(0, 3 - Int(log10(Swift.abs(value)).rounded(.down)))
    let scale = pow(10, Double(min(digits, 12)))
    return formatted((value * scale).rounded() / scale)
}
