#!/usr/bin/env bash
# Fuzzes with libFuzzer (and AddressSanitizer) for SECONDS seconds in all (default 60), starting
# from the golden files: a third of the time the lexer and parser (regula-fuzz), the rest the
# evaluator with the real built-ins under a step budget (regula-fuzz-eval). A crash leaves its
# input in output/fuzz/; `.build/debug/regula-fuzz FILE` or `.build/debug/regula-fuzz-eval FILE`
# replays one without the fuzzer.
#
#   bash scripts/fuzz.sh [SECONDS]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_apt_packages
ensure_swift
seconds="${1:-60}"
parser_seconds=$(( seconds / 3 > 0 ? seconds / 3 : 1 ))
evaluator_seconds=$(( seconds - parser_seconds > 0 ? seconds - parser_seconds : 1 ))
mkdir -p "$OUTPUT/fuzz"

say "Building the fuzz targets (libFuzzer, AddressSanitizer)"
for product in regula-fuzz regula-fuzz-eval; do
    (cd "$ROOT" && swift build --scratch-path .build-fuzz --product "$product" \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library 2>&1 | quiet_build_output) \
        || fail "building $product failed"
done

# fuzz NAME PRODUCT SECONDS [libFuzzer options]: runs one target on its own corpus.
fuzz() {
    local name="$1" product="$2" time="$3"
    shift 3
    local corpus="$OUTPUT/fuzz/corpus-$name"
    mkdir -p "$corpus"
    cp "$ROOT"/Tests/RegulaLanguageTests/Golden/*.regula "$corpus/"
    say "Fuzzing the $name for $time s"
    (cd "$OUTPUT/fuzz" && "$ROOT/.build-fuzz/debug/$product" -max_total_time="$time" -print_final_stats=1 "$@" "$corpus" 2>&1 \
        | grep -E "^(stat::number_of_executed_units|Done|==[0-9]+==ERROR)|crash-|timeout-|oom-") || true
}
fuzz parser regula-fuzz "$parser_seconds" -max_len=4096
# The evaluator: a memory budget under libFuzzer's RSS limit, so that a request too large is
# the language's MemoryError rather than the fuzzer's out-of-memory report; a cell that takes
# more than 10 s despite the step budget is reported as a timeout.
REGULA_MEMORY_BUDGET=500000000 OPENBLAS_NUM_THREADS=1 \
    fuzz evaluator regula-fuzz-eval "$evaluator_seconds" -max_len=1024 -timeout=10 -rss_limit_mb=3072

[ -z "$(ls "$OUTPUT/fuzz" | grep -E '^(crash|leak|timeout|oom)-' || true)" ] \
    || fail "the fuzzer found a failing input: see output/fuzz/ (replay with .build/debug/regula-fuzz FILE or regula-fuzz-eval FILE)"
