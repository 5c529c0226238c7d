// A libFuzzer target for the lexer and parser (`scripts/fuzz.sh` builds it with
// -sanitize=fuzzer,address and -DFUZZING and runs it). Built normally, it replays inputs
// instead: `regula-fuzz FILE...` parses each file.
import RegulaFuzzSupport
import RegulaLanguage

#if FUZZING
/// One input: the lexer and the parser must return, whatever the bytes.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let source = source(data, size) else { return 0 }
    _ = Session().completeness(of: source)
    return 0
}

// SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
@_cdecl("regula_fuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzDriver(argc, argv) { data, size in fuzzParser(data, size) }
}
#else
@main
struct Replay {
    static func main() { replay { "\(Session().completeness(of: $0))" } }
}
#endif
