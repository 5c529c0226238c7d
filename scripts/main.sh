#!/usr/bin/env bash
# The main job: install what is needed, build, register the kernel, and execute every notebook,
# writing HTML (and the executed notebooks) to output/notebooks.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
setup_all

say "Executing the notebooks"
"$VENV/bin/python" "$ROOT/scripts/notebooks.py" --output "$OUTPUT/notebooks" || fail "a notebook failed to execute (the error is above)"
say "Done: open $OUTPUT/notebooks/*.html, or run '$VENV/bin/jupyter lab' and pick the Regula kernel"
