"""The notebooks in notebooks/ run through nbclient with the real kernel, without an error and
with every claim they check holding; a second run gives byte-identical outputs, and so does
the run that produced the outputs committed with them."""
from __future__ import annotations

import importlib.util
import logging
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_and_matches_its_committed_outputs(path: Path, executed):
    notebook = run(path, executed)  # raises on an error output, a failed check() among them
    assert any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")
    committed = nbformat.read(path, as_version=4)
    assert runner.outputs_of(notebook) == runner.outputs_of(committed), (
        f"{path.name}'s committed outputs are not what it gives now: "
        "run `.venv/bin/python scripts/notebooks.py --update` and review the diff")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_a_second_run_gives_the_same_bytes(path: Path, executed):
    first = runner.outputs_of(run(path, executed))
    second = runner.outputs_of(runner.execute(path))
    assert first == second


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
