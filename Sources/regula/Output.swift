#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes text to a file descriptor (1 for standard output, 2 for standard error) without
/// Foundation's FileHandle, which would bring all of Foundation into the kernel's memory.
func writeText(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
        let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if result <= 0 { return }
        written += result
    }
}

let standardOutput: Int32 = 1
let standardError: Int32 = 2
