#!/usr/bin/env bash
# The main job: install what is needed, build, register the kernel, and execute every notebook,
# writing HTML (and the executed notebooks) to output/notebooks.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
setup_all

say "Executing the notebooks"
mkdir -p "$OUTPUT/notebooks"
shopt -s nullglob
notebooks=("$ROOT"/notebooks/*.ipynb)
[ ${#notebooks[@]} -gt 0 ] || fail "no notebooks in notebooks/"
for notebook in "${notebooks[@]}"; do
    name="$(basename "$notebook" .ipynb)"
    "$VENV/bin/jupyter" nbconvert --to notebook --execute "$notebook" \
        --ExecutePreprocessor.kernel_name=regula --ExecutePreprocessor.timeout=600 \
        --output-dir "$OUTPUT/notebooks" --output "$name" --log-level=WARN \
        || fail "notebook $name failed to execute"
    "$VENV/bin/jupyter" nbconvert --to html "$OUTPUT/notebooks/$name.ipynb" \
        --output-dir "$OUTPUT/notebooks" --log-level=WARN || fail "notebook $name could not be converted to HTML"
done
say "Done: open $OUTPUT/notebooks/*.html, or run '$VENV/bin/jupyter lab' and pick the Regula kernel"
