#!/usr/bin/env bash
# Fuzzes the lexer and parser with libFuzzer (and AddressSanitizer) for SECONDS seconds
# (default 60), starting from the golden files. A crash leaves its input in output/fuzz/;
# `.build/debug/regula-fuzz FILE` replays one without the fuzzer.
#
#   bash scripts/fuzz.sh [SECONDS]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_apt_packages
ensure_swift
seconds="${1:-60}"
corpus="$OUTPUT/fuzz/corpus"
mkdir -p "$corpus"
cp "$ROOT"/Tests/RegulaLanguageTests/Golden/*.regula "$corpus/"

say "Building the parser's fuzz target (libFuzzer, AddressSanitizer)"
(cd "$ROOT" && swift build --scratch-path .build-fuzz --product regula-fuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING -Xswiftc -parse-as-library 2>&1 | quiet_build_output) \
    || fail "building the fuzz target failed"

say "Fuzzing the parser for $seconds s"
cd "$OUTPUT/fuzz"
"$ROOT/.build-fuzz/debug/regula-fuzz" -max_total_time="$seconds" -max_len=4096 -print_final_stats=1 "$corpus" 2>&1 \
    | grep -E "^(stat::number_of_executed_units|Done|==[0-9]+==ERROR)|crash-" \
    || true
[ -z "$(ls "$OUTPUT/fuzz" | grep -E '^(crash|leak|timeout|oom)-' || true)" ] \
    || fail "the fuzzer found a failing input: see output/fuzz/ (replay with .build/debug/regula-fuzz FILE)"
