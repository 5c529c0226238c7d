#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import JupyterKernel

/// Runs a redraw on a thread of its own while the shell thread, which alone may read comm
/// messages (`CommManager` refuses every other thread), stays free to read them when the redraw
/// asks. The language runs code on a large-stack thread and the shell thread would otherwise wait
/// in `pthread_join`, unable to see a newer change. Only one side runs at a time: the redraw waits
/// while the shell thread serves its request, so the two never touch shared state at once.
///
/// A POSIX thread and the kernel core's `Monitor`, not Foundation's `Thread` and `NSCondition`:
/// the kernel stays off Foundation, which costs resident memory (docs/developing.md).
final class ShellTrampoline: @unchecked Sendable {
    private let monitor = Monitor()
    private var isAsking = false
    private var isFinished = false
    /// What `ask()` calls when `body` runs on the serving thread itself.
    private var fallback: (() -> Void)?

    /// Runs `body` on a new thread and, on this one, `serve` each time `body` calls `ask()`;
    /// returns `body`'s result once it ends. Without a new thread (none can be made), `body`
    /// runs here and `ask()` serves at once.
    func run<T>(_ body: @escaping () -> T, serve: @escaping () -> Void) -> T {
        var result: T?
        // The result is written before `isFinished` under the lock, and read after: the lock
        // orders the two threads' accesses.
        let job = Job { [self] in
            let value = body()
            monitor.withLock {
                result = value
                isFinished = true
                monitor.broadcast()
            }
        }
        guard start(job) else {
            fallback = serve
            defer { fallback = nil }
            job.run()
            return result!
        }
        while monitor.withLock({ () -> Bool in
            while !isFinished, !isAsking { monitor.wait() }
            return !isFinished
        }) {
            serve()
            monitor.withLock {
                isAsking = false
                monitor.broadcast()
            }
        }
        return monitor.withLock { result! }
    }

    /// From `body`'s thread: has the shell thread `serve`, and waits until it has.
    func ask() {
        if let fallback { return fallback() }
        monitor.withLock {
            isAsking = true
            monitor.broadcast()
            while isAsking { monitor.wait() }
        }
    }

    /// Starts a detached thread running `job`; false if none could be made.
    private func start(_ job: Job) -> Bool {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        #if canImport(Glibc)
        var thread = pthread_t()
        #else
        var thread: pthread_t?
        #endif
        let context = Unmanaged.passRetained(job)
        let created = pthread_create(&thread, &attributes, { context in
            #if canImport(Glibc)
            Unmanaged<Job>.fromOpaque(context!).takeRetainedValue().run()
            #else
            Unmanaged<Job>.fromOpaque(context).takeRetainedValue().run()
            #endif
            return nil
        }, context.toOpaque())
        if created != 0 { context.release() }
        return created == 0
    }

    /// The work handed to the thread.
    private final class Job: @unchecked Sendable {
        let run: () -> Void
        init(_ run: @escaping () -> Void) { self.run = run }
    }
}
