// A libFuzzer target for the lexer and parser (`scripts/fuzz.sh` builds it with
// -sanitize=fuzzer,address and -DFUZZING and runs it). Built normally, it replays inputs
// instead: `regula-fuzz FILE...` parses each file, which is how a crash found by the fuzzer
// becomes a regression check.
import RegulaLanguage
#if canImport(Glibc)
import Glibc
#endif

#if FUZZING
/// One input: the lexer and the parser must return, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = Session().completeness(of: source)
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzer(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

// SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
@_cdecl("regula_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runFuzzer(&count, &arguments) { data, size in fuzzParser(data, size) }
}
#else
@main
struct Replay {
    static func main() {
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
            print(path, Session().completeness(of: String(decoding: bytes, as: UTF8.self)))
        }
    }
}
#endif
