import Foundation

/// Runs a redraw on a thread of its own while the shell thread, which alone may read comm
/// messages (`CommManager` refuses every other thread), stays free to read them when the redraw
/// asks. The language runs code on a large-stack thread and the shell thread would otherwise wait
/// in `pthread_join`, unable to see a newer change. Only one side runs at a time: the redraw waits
/// while the shell thread serves its request, so the two never touch shared state at once.
final class ShellTrampoline: @unchecked Sendable {
    private let condition = NSCondition()
    private var isAsking = false
    private var isFinished = false

    /// Runs `body` on a new thread and, on this one, `serve` each time `body` calls `ask()`;
    /// returns `body`'s result once it ends.
    func run<T>(_ body: @escaping () -> T, serve: () -> Void) -> T {
        let work = Work(body)
        let thread = Thread { [self] in
            work.run()
            condition.lock()
            isFinished = true
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
        condition.lock()
        while !isFinished {
            if isAsking {
                condition.unlock()
                serve()
                condition.lock()
                isAsking = false
                condition.broadcast()
            } else {
                condition.wait()
            }
        }
        condition.unlock()
        return work.result!
    }

    /// From `body`'s thread: has the shell thread `serve`, and waits until it has.
    func ask() {
        condition.lock()
        isAsking = true
        condition.broadcast()
        while isAsking { condition.wait() }
        condition.unlock()
    }

    /// The work and its result, handed between the threads; only one of them touches it at a time.
    private final class Work<T>: @unchecked Sendable {
        let body: () -> T
        var result: T?
        init(_ body: @escaping () -> T) { self.body = body }
        func run() { result = body() }
    }
}
