/// Hands freed memory back to the system, so a kernel that once held a large message or ran a
/// large cell does not keep that memory for the rest of its life.
///
/// glibc's malloc raises its mmap threshold after each large free (up to 32 MiB), so blocks of a
/// few megabytes, such as ZeroMQ frames, end up on the heap, where freeing them returns nothing.
/// A fixed threshold keeps large blocks in their own mappings, unmapped when freed, and
/// `malloc_trim` returns the free pages left inside the heaps of every thread's arena.
enum MemoryRelease {
    /// Blocks of at least this many bytes get mappings of their own.
    static let mappingThreshold: Int32 = 1 << 20

    /// Sets the allocator up; call once at start, before other threads allocate.
    static func configure() {
        #if os(Linux)
        _ = glibc_mallopt(mallocMmapThreshold, mappingThreshold)
        #endif
    }

    /// Returns the free pages of every malloc arena to the system.
    static func returnFreePages() {
        #if os(Linux)
        _ = glibc_malloc_trim(0)
        #endif
    }

    #if os(Linux)
    /// `M_MMAP_THRESHOLD` from glibc's <malloc.h>, which Swift's Glibc module does not import.
    private static let mallocMmapThreshold: Int32 = -3
    #endif
}

#if os(Linux)
// <malloc.h> is not part of Swift's Glibc module; these two functions have plain C signatures.
@_silgen_name("malloc_trim") private func glibc_malloc_trim(_ pad: Int) -> Int32
@_silgen_name("mallopt") private func glibc_mallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
