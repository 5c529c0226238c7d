// A libFuzzer target that runs each input as a cell, with the real built-ins, in a fresh
// session (`scripts/fuzz.sh` builds it with -sanitize=fuzzer,address and -DFUZZING). Every
// input must come back as a value or a RegulaError: no trap, no stack overflow, no hang.
//
// A step budget stands in for a person pressing stop: the interrupt check (made before every
// statement, every loop iteration and inside long built-ins) answers "interrupted" after
// `stepBudget` checks, a deterministic count, so a crash replays the same way. Built normally
// it replays inputs: `regula-fuzz-eval FILE...` prints each cell's outcome.
import RegulaFuzzSupport
import RegulaLanguage

/// Interrupt checks allowed per input.
let stepBudget = 20_000

func evaluate(_ source: String) -> String {
    var steps = 0
    let outcome = Session().execute(source, output: DiscardingSink(), isInterrupted: {
        steps += 1
        return steps > stepBudget
    })
    switch outcome {
    case let .success(result): return result.value?.plainText.prefix(80).description ?? "nothing"
    case let .failure(error): return "\(error.kind.rawValue): \(error.message.prefix(80))"
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzEvaluator(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let source = source(data, size) else { return 0 }
    _ = evaluate(source)
    return 0
}

// SwiftPM links an executable's entry point under this name; hand control to libFuzzer's driver.
@_cdecl("regula_fuzz_eval_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    fuzzDriver(argc, argv) { data, size in fuzzEvaluator(data, size) }
}
#else
@main
struct Replay {
    static func main() { replay(evaluate) }
}
#endif
