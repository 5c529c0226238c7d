import Dispatch

/// Starts `body` on a new thread and returns a semaphore signalled when it ends; `name` is
/// used in the error if the thread cannot start. POSIX threads directly: the kernel avoids Foundation,
/// which would add megabytes of resident memory for this alone.
@discardableResult
func startThread(_ name: String, _ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
    let done = DispatchSemaphore(value: 0)
    final class Work: @unchecked Sendable {
        let name: String
        let body: () -> Void
        init(name: String, body: @escaping () -> Void) {
            self.name = name
            self.body = body
        }
    }
    let work = Unmanaged.passRetained(Work(name: name, body: {
        body()
        done.signal()
    }))
    var thread = pthread_t()
    let result = pthread_create(&thread, nil, { context in
        let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
        work.body()
        return nil
    }, work.toOpaque())
    precondition(result == 0, "cannot start the \(name) thread: pthread_create returned \(result)")
    pthread_detach(thread)
    return done
}
