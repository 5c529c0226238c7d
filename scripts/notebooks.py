"""Executes the notebooks in notebooks/ with the Regula kernel, the way the README's main
command and the tests do.

    python scripts/notebooks.py --output output/notebooks   # executed .ipynb and .html there
    python scripts/notebooks.py --update                    # write the outputs back into notebooks/

Cells run in order with the installed `regula` kernelspec; a cell with an error output (a
failed `check`, say) stops the run with the error printed. Execution leaves no timestamps,
so the same notebook gives the same bytes run after run, which is why the notebooks can be
committed with their outputs and a test can compare them.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parents[1]


def execute(path: Path) -> nbformat.NotebookNode:
    """The notebook at `path` with fresh outputs; raises with the error text when a cell fails."""
    notebook = nbformat.read(path, as_version=4)
    # Streams are coalesced: the kernel sends printed text every 50 ms, so how a cell's lines
    # split into messages depends on timing; joined, the saved outputs are the same bytes each run.
    client = NotebookClient(notebook, kernel_name="regula", timeout=600, record_timing=False, coalesce_streams=True,
                            allow_errors=True, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                traceback = "\n".join(output.get("traceback", []))
                raise RuntimeError(f"{path.name}, cell {index + 1}: {output.ename}: {output.evalue}\n{traceback}")
    return notebook


def outputs_of(notebook: nbformat.NotebookNode) -> str:
    """The notebook's outputs and execution counts, as canonical JSON, for comparisons."""
    cells = [{"outputs": cell.get("outputs", []), "count": cell.get("execution_count")} for cell in notebook.cells]
    return json.dumps(cells, sort_keys=True, ensure_ascii=False, indent=1)


def html(notebook: nbformat.NotebookNode) -> str:
    # scripts/nbconvert/regula: JupyterLab's page, with alternative text on every chart.
    exporter = HTMLExporter(extra_template_basedirs=[str(ROOT / "scripts" / "nbconvert")], template_name="regula")
    body, _ = exporter.from_notebook_node(notebook)
    return body


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, help="folder for the executed notebooks and their HTML")
    parser.add_argument("--update", action="store_true", help="write the outputs back into notebooks/")
    parser.add_argument("names", nargs="*", help="notebooks to run (default: all)")
    arguments = parser.parse_args()
    paths = sorted((ROOT / "notebooks").glob("*.ipynb"))
    if arguments.names:
        paths = [path for path in paths if path.stem in arguments.names or path.name in arguments.names]
    if not paths:
        print("error: no notebooks to run", file=sys.stderr)
        return 1
    for path in paths:
        print(f"  {path.name}", flush=True)
        try:
            notebook = execute(path)
        except Exception as error:  # the kernel's error, or one starting it
            print(f"error: {error}", file=sys.stderr)
            return 1
        if arguments.update:
            nbformat.write(notebook, path)
        if arguments.output:
            arguments.output.mkdir(parents=True, exist_ok=True)
            nbformat.write(notebook, arguments.output / path.name)
            (arguments.output / f"{path.stem}.html").write_text(html(notebook))
    return 0


if __name__ == "__main__":
    sys.exit(main())
