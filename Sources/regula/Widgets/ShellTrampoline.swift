#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a redraw on a thread of its own while the shell thread, which alone may read comm
/// messages (`CommManager` refuses every other thread), stays free to read them when the redraw
/// asks. The language runs code on a large-stack thread and the shell thread would otherwise wait
/// in `pthread_join`, unable to see a newer change. Only one side runs at a time: the redraw waits
/// while the shell thread serves its request, so the two never touch shared state at once.
///
/// POSIX threads, not Foundation's `Thread` and `NSCondition`: the kernel's modules stay off
/// Foundation, which costs resident memory (docs/developing.md).
final class ShellTrampoline: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var isAsking = false
    private var isFinished = false

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` on a new thread and, on this one, `serve` each time `body` calls `ask()`;
    /// returns `body`'s result once it ends. Without a new thread (none can be made), `body`
    /// runs here and `ask()` serves at once.
    func run<T>(_ body: @escaping () -> T, serve: @escaping () -> Void) -> T {
        var result: T?
        // The result is written before `isFinished` under the mutex, and read after: the mutex
        // orders the two threads' accesses.
        let job = Job { [self] in
            let value = body()
            pthread_mutex_lock(mutex)
            result = value
            isFinished = true
            pthread_cond_broadcast(condition)
            pthread_mutex_unlock(mutex)
        }
        guard start(job) else {
            fallback = serve
            defer { fallback = nil }
            job.run()
            return result!
        }
        pthread_mutex_lock(mutex)
        while !isFinished {
            if isAsking {
                pthread_mutex_unlock(mutex)
                serve()
                pthread_mutex_lock(mutex)
                isAsking = false
                pthread_cond_broadcast(condition)
            } else {
                pthread_cond_wait(condition, mutex)
            }
        }
        pthread_mutex_unlock(mutex)
        return result!
    }

    /// What `ask()` calls when `body` runs on the serving thread itself.
    private var fallback: (() -> Void)?

    /// From `body`'s thread: has the shell thread `serve`, and waits until it has.
    func ask() {
        if let fallback { return fallback() }
        pthread_mutex_lock(mutex)
        isAsking = true
        pthread_cond_broadcast(condition)
        while isAsking { pthread_cond_wait(condition, mutex) }
        pthread_mutex_unlock(mutex)
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
