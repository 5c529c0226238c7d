#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs work on a thread of its own with a large stack, and waits for it.
///
/// The evaluator and the parser are recursive. Their depth is bounded (`Parser.maximumDepth`,
/// `Evaluator.maximumDepth`, `Evaluator.maximumCallDepth`), and this stack is what makes those
/// bounds, not the caller's stack, the limit: the kernel's main thread has 8 MB, Swift
/// Testing's threads 512 KB. The stack is only reserved address space; a page costs memory
/// once touched, and the whole mapping is returned when the thread ends.
enum LargeStack {
    /// 1 GiB of address space: the deepest evaluation allowed uses a small part of it even in a
    /// debug build with AddressSanitizer.
    static let size = 1 << 30

    /// Runs `body` on a thread with a `size` stack; on the current thread if none can be made
    /// (for example when the address space is limited with `ulimit -v`).
    static func run<T>(_ body: () -> T) -> T {
        withoutActuallyEscaping(body) { body in
            var result: T?
            let work = LargeStackWork { result = body() }
            var attributes = pthread_attr_t()
            pthread_attr_init(&attributes)
            defer { pthread_attr_destroy(&attributes) }
            #if canImport(Glibc)
            var thread = pthread_t()
            #else
            var thread: pthread_t?
            #endif
            let context = Unmanaged.passRetained(work)
            guard pthread_attr_setstacksize(&attributes, size) == 0,
                  pthread_create(&thread, &attributes, { context in
                      #if canImport(Glibc)
                      Unmanaged<LargeStackWork>.fromOpaque(context!).takeUnretainedValue().body()
                      #else
                      Unmanaged<LargeStackWork>.fromOpaque(context).takeUnretainedValue().body()
                      #endif
                      return nil
                  }, context.toOpaque()) == 0
            else {
                context.release()
                return body()
            }
            #if canImport(Glibc)
            pthread_join(thread, nil)
            #else
            pthread_join(thread!, nil)
            #endif
            context.release()
            return result!
        }
    }
}

/// The work handed to the thread; the caller waits for it, so nothing runs concurrently.
private final class LargeStackWork: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
