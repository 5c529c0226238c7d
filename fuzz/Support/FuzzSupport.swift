// What the two libFuzzer targets share (`scripts/fuzz.sh`): the hand-over to libFuzzer's driver
// in a fuzz build (-DFUZZING), and otherwise the replay of input files, which is how a crash
// the fuzzer found becomes a regression check.
import RegulaLanguage
#if canImport(Glibc)
import Glibc
#endif

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with `callback` for each input; the target's `<name>_main` calls it.
public func fuzzDriver(
    _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzer(&count, &arguments, callback)
}
#endif

/// An input's bytes as source text (invalid UTF-8 replaced, as the kernel would receive it).
public func source(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String? {
    guard let data else { return nil }
    return String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

/// Runs `body` on each file named on the command line and prints what it returns.
public func replay(_ body: (String) -> String) {
    for path in CommandLine.arguments.dropFirst() {
        guard let file = fopen(path, "rb") else { continue }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            bytes += buffer[..<count]
            if count < buffer.count { break }
        }
        fclose(file)
        print(path, body(String(decoding: bytes, as: UTF8.self)))
    }
}

/// Discards a cell's output: the fuzzers only care that evaluation returns.
public final class DiscardingSink: OutputSink {
    public init() {}
    public func write(_ text: String, toStandardError: Bool) {}
    public func display(_ bundle: DisplayBundle, id: String?) {}
    public func update(_ bundle: DisplayBundle, id: String) {}
    public func clearOutput(wait: Bool) {}
}
