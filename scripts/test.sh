#!/usr/bin/env bash
# Every test: the Swift unit tests, then the end-to-end tests that start the real kernel
# through jupyter_client (jupyter_kernel_test, protocol edge cases, notebooks, the command line)
# and through Jupyter Enterprise Gateway (from .venv-gateway).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
setup_all
ensure_gateway_venv

say "Embedded datasets against data/"
"$VENV/bin/python" "$ROOT/scripts/embed_datasets.py" --check \
    || fail "Sources/RegulaLearning/Datasets/BundledData.swift does not match data/*.csv: run python3 scripts/embed_datasets.py and commit the result"

say "Swift unit tests"
(cd "$ROOT" && swift test 2>&1 | quiet_build_output) || fail "swift test failed"

say "Fuzzing the parser (libFuzzer, 15 s)"
bash "$ROOT/scripts/fuzz.sh" 15

say "End-to-end tests through jupyter_client"
cd "$ROOT"
REGULA_BINARY="$BINARY" REGULA_GATEWAY_VENV="$GATEWAY_VENV" "$VENV/bin/python" -m pytest -q -p no:cacheprovider Tests/EndToEnd "$@"
