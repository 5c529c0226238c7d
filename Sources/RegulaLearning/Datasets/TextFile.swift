/// Reads a text file for `Dataset(csv:options:)` without letting the file decide how long it takes or
/// how much memory it costs: a size limit, regular files only unless asked, and an interrupt
/// check between chunks.
public enum TextFile {
    /// The size limit `csv()` applies unless told otherwise: 100 MB.
    public static let defaultMaximumBytes = 100_000_000

    /// The file's text (invalid UTF-8 replaced). Errors: `unreadableFile` when it cannot be
    /// opened, is not a regular file (a FIFO, a device, a directory) and `allowSpecial` is false,
    /// or is larger than `maximumBytes`; `interrupted` when `isInterrupted` says so.
    ///
    /// The file is opened without blocking, so a FIFO with no writer does not hang the open, and
    /// reads of a special file wait at most 0.1 s at a time before checking the interrupt.
    public static func read(
        _ path: String, maximumBytes: Int = defaultMaximumBytes, allowSpecial: Bool = false,
        isInterrupted: () -> Bool = { false }
    ) throws(LearningError) -> String {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        let kind = status.st_mode & S_IFMT
        if kind == S_IFDIR { throw .unreadableFile(path: path, reason: "it is a directory") }
        let isRegular = kind == S_IFREG
        if !isRegular && !allowSpecial {
            throw .unreadableFile(path: path, reason: "it is \(describe(kind)), not a regular file (pass allowSpecial: true to read it anyway)")
        }
        let limit = max(0, maximumBytes)
        if isRegular, Int(status.st_size) > limit {
            throw .unreadableFile(path: path, reason: "it is \(formattedBytes(Double(status.st_size))), more than the limit of \(formattedBytes(Double(limit))) (maxBytes:)")
        }
        if isRegular { try MemoryBudget.check("reading \"\(path)\"", count: Int(status.st_size), bytesEach: 1) }
        var bytes: [UInt8] = []
        if isRegular { bytes.reserveCapacity(Int(status.st_size)) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if isInterrupted() { throw .interrupted }
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                guard errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR else {
                    throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
                }
                // Nothing to read yet (a FIFO or a terminal): wait a little, then look again.
                var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&waiting, 1, 100)
                continue
            }
            // A file that grew since fstat, or a special file, is held to the limit as it is read.
            guard bytes.count + count <= limit else {
                throw .unreadableFile(path: path, reason: "it holds more than the limit of \(formattedBytes(Double(limit))) (maxBytes:)")
            }
            try MemoryBudget.check("reading \"\(path)\"", count: bytes.count + count, bytesEach: 1)
            bytes.append(contentsOf: buffer[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func describe(_ kind: mode_t) -> String {
        switch kind {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a regular file"
        }
    }
}
