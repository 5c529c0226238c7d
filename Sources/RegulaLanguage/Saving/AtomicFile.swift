#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written.
enum FileWriteError: Error, Equatable {
    /// The folder the file would go in does not exist (or is not a folder).
    case missingFolder(path: String, folder: String)
    /// The file could not be created, written or put in place: which, and the system's reason.
    case cannotWrite(path: String, reason: String)

    var description: String {
        switch self {
        case let .missingFolder(path, folder): "cannot save \"\(path)\": the folder \"\(folder)\" does not exist"
        case let .cannotWrite(path, reason): "cannot save \"\(path)\": \(reason)"
        }
    }
}

/// Writes whole files or nothing: the text goes to a temporary file in the same folder, which
/// is renamed over the target only once every byte is written and flushed. rename(2) replaces
/// the name in one step, so a reader, a failed write or a killed kernel never sees half a file,
/// and an existing file stays as it was until the new one is complete.
enum AtomicFile {
    /// Writes `text` to `path` (relative paths are relative to the process's working directory,
    /// the notebook's folder in a kernel). The file gets the permissions a new file gets
    /// (0666 less the umask); an existing file is replaced.
    /// Returns nil when the file was written, else why it was not (and no file was left).
    static func write(_ text: String, to path: String) -> FileWriteError? {
        do throws(FileWriteError) {
            try writeWhole(text, to: path)
            return nil
        } catch {
            return error
        }
    }

    private static func writeWhole(_ text: String, to path: String) throws(FileWriteError) {
        let folder = Self.folder(of: path)
        var status = stat()
        guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            throw .missingFolder(path: path, folder: folder)
        }
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw .cannotWrite(path: path, reason: "it is a folder")
        }
        let (temporary, descriptor) = try createTemporary(besides: path, in: folder)
        var finished = false
        defer { if !finished { unlink(temporary) } }
        do throws(FileWriteError) {
            try writeAll(Array(text.utf8), to: descriptor, path: path)
            guard fsync(descriptor) == 0 else { throw .cannotWrite(path: path, reason: reason()) }
        } catch {
            close(descriptor)
            throw error
        }
        guard close(descriptor) == 0 else { throw .cannotWrite(path: path, reason: reason()) }
        guard rename(temporary, path) == 0 else { throw .cannotWrite(path: path, reason: reason()) }
        finished = true
    }

    /// The folder `path` is in: "." for a bare name.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// A new file named after the target (`.name.pid.n.tmp`, hidden, so a folder listing or a
    /// glob for `*.csv` does not pick it up), opened for writing.
    private static func createTemporary(besides path: String, in folder: String) throws(FileWriteError) -> (String, Int32) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        for attempt in 0..<100 {
            let temporary = folder + "/.\(name).\(getpid()).\(attempt).tmp"
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if descriptor >= 0 { return (temporary, descriptor) }
            if errno != EEXIST { throw .cannotWrite(path: path, reason: reason()) }
        }
        throw .cannotWrite(path: path, reason: "no temporary file could be created beside it")
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(FileWriteError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: reason())
            }
            offset += written
        }
    }

    /// The system's words for the last error, in lower case as the language's messages are.
    private static func reason() -> String {
        let text = String(cString: strerror(errno))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
