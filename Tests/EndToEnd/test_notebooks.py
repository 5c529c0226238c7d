"""The notebooks in notebooks/ run through nbclient with the real kernel, without an error and
with every claim they check holding; a second run gives a byte-identical file (outputs and the
widget state nbclient keeps in the metadata), and so does the run that produced the committed
files. Exported to HTML, a notebook with live controls shows the last picture drawn."""
from __future__ import annotations

import base64
import html
import importlib.util
import logging
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
QUESTIONS = [path for path in NOTEBOOKS if not path.name.startswith("00-")]

spec = importlib.util.spec_from_file_location("notebooks_script", ROOT / "scripts" / "notebooks.py")
runner = importlib.util.module_from_spec(spec)
spec.loader.exec_module(runner)


@pytest.fixture(scope="module")
def executed():
    """Each notebook executed once, shared by the tests below."""
    return {}


def run(path: Path, executed: dict) -> nbformat.NotebookNode:
    if path.name not in executed:
        executed[path.name] = runner.execute(path)
    return executed[path.name]


def saved(notebook: nbformat.NotebookNode) -> str:
    """The file `scripts/notebooks.py --update` would write: outputs, ids and metadata (with
    `metadata.widgets`, the widget models nbclient saw), as `nbformat.write` ends it."""
    text = nbformat.writes(notebook)
    return text if text.endswith("\n") else text + "\n"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_and_matches_its_committed_outputs(path: Path, executed):
    notebook = run(path, executed)  # raises on an error output, a failed check() among them
    assert any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    committed = nbformat.read(path, as_version=4)
    assert runner.outputs_of(notebook) == runner.outputs_of(committed), (
        f"{path.name}'s committed outputs are not what it gives now: "
        "run `.venv/bin/python scripts/notebooks.py --update` and review the diff")
    assert saved(notebook) == path.read_text(encoding="utf-8"), (
        f"{path.name}'s committed file (its metadata, widget state among it) is not what a run writes: "
        "run `.venv/bin/python scripts/notebooks.py --update` and review the diff")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_a_second_run_gives_the_same_bytes(path: Path, executed):
    first = run(path, executed)
    second = runner.execute(path)
    assert runner.outputs_of(first) == runner.outputs_of(second)
    assert saved(first) == saved(second)


@pytest.mark.parametrize("path", QUESTIONS, ids=[p.name for p in QUESTIONS])
def test_each_question_draws_checked_conclusions_with_pictures(path: Path, executed):
    notebook = run(path, executed)
    sources = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert sources.count("check(") >= 2
    texts = [output.get("text", "") for cell in notebook.cells for output in cell.get("outputs", []) if output.output_type == "stream"]
    assert sum(text.count("✓") for text in texts) >= 2
    mimes = [key for cell in notebook.cells for output in cell.get("outputs", []) for key in output.get("data", {})]
    assert "image/svg+xml" in mimes


def test_html_export_gives_every_chart_its_description_as_alternative_text(executed, caplog):
    notebook = run(NOTEBOOKS[1], executed)
    with caplog.at_level(logging.WARNING):
        page = runner.html(notebook)
    assert "Alternative text is missing" not in caplog.text
    charts = [output for cell in notebook.cells for output in cell.get("outputs", []) if "image/svg+xml" in output.get("data", {})]
    assert page.count('data:image/svg+xml;base64,') >= len(charts) > 0
    assert 'alt="One weight under the penalty alone: line chart of subgradient, proximal, ridge' in page


def test_there_are_the_six_questions():
    assert len(QUESTIONS) == 6


# The notebooks whose cells show live controls (`interact`), as committed.
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WITH_CONTROLS = [path for path in NOTEBOOKS if WIDGET_VIEW in path.read_text(encoding="utf-8")]


def test_three_notebooks_have_live_controls():
    assert {path.name for path in WITH_CONTROLS} >= {
        "02-does-l1-penalize-more.ipynb", "03-feature-selection.ipynb", "06-geometry.ipynb"}


def drawings(notebook: nbformat.NotebookNode) -> list[tuple[str, dict]]:
    """Each widget view's model id and the drawing after it in its cell (the last one drawn)."""
    found = []
    for cell in notebook.cells:
        outputs = cell.get("outputs", [])
        for index, output in enumerate(outputs):
            if WIDGET_VIEW in output.get("data", {}):
                drawing = next(later for later in outputs[index + 1:] if "image/svg+xml" in later.get("data", {}))
                found.append((output.data[WIDGET_VIEW]["model_id"], drawing.data))
    return found


def pictures(page: str) -> dict[str, str]:
    """Every SVG drawn as an image in an HTML page: its alternative text → the SVG's text."""
    found = {}
    for tag in re.findall(r"<img\b[^>]*>", page):
        alt = re.search(r'\balt="([^"]*)"', tag)
        source = re.search(r'\bsrc="data:image/svg\+xml;base64,([^"]*)"', tag)
        if alt and source:
            found[html.unescape(alt.group(1))] = base64.b64decode(source.group(1)).decode("utf-8")
    return found


@pytest.mark.parametrize("path", WITH_CONTROLS, ids=[p.name for p in WITH_CONTROLS])
def test_html_export_of_live_controls_shows_the_last_drawing(path: Path, executed, tmp_path, caplog):
    """Read without a kernel, a notebook with controls still shows each drawing: nbconvert's HTML
    (the repository's template, and plain `jupyter nbconvert --to html`) and its Markdown hold
    the last drawn SVG as an image with its description as alternative text, and no error or
    bare "Loading widget..." in its place. The widget view stays, with the widget state beside
    it, for a page that loads the widget manager to draw the controls."""
    notebook = run(path, executed)
    shown = drawings(notebook)
    assert shown, f"{path.name} has no drawing after its controls"
    file = tmp_path / path.name
    nbformat.write(notebook, file)
    with caplog.at_level(logging.WARNING):
        ours = runner.html(notebook)
    assert "Alternative text is missing" not in caplog.text
    plain = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--stdout", str(file)],
                           capture_output=True, text=True, check=True).stdout
    markdown = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "markdown", "--stdout", str(file)],
                              capture_output=True, text=True, check=True).stdout
    for name, page in [("scripts/notebooks.py's HTML", ours), ("jupyter nbconvert --to html", plain), ("jupyter nbconvert --to markdown", markdown)]:
        images = pictures(page)
        for model, drawing in shown:
            description = "".join(drawing["text/plain"])
            assert images.get(description) == "".join(drawing["image/svg+xml"]), (
                f"{name} of {path.name} does not show the last drawing, {description!r}, as an image")
            if name != "jupyter nbconvert --to markdown":
                assert f'"model_id": "{model}"' in page, f"{name} of {path.name} lost the widget view of {model}"
                assert "application/vnd.jupyter.widget-state+json" in page and f'"{model}"' in page
        assert "Loading widget" not in page, f"{name} of {path.name}"
        assert "Traceback" not in page and "Error:" not in page, f"{name} of {path.name} shows an error"
        assert 'data-mime-type="application/vnd.jupyter.stderr"' not in page, f"{name} of {path.name} shows standard error"
