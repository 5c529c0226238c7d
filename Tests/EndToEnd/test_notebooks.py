"""Every notebook in notebooks/ runs through nbclient with the real kernel and no error output."""
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_without_errors(path: Path):
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, kernel_name="regula", timeout=600).execute()
    errors = [
        output for cell in notebook.cells if cell.cell_type == "code"
        for output in cell.outputs if output.output_type == "error"
    ]
    assert not errors, errors
    assert any(cell.outputs for cell in notebook.cells if cell.cell_type == "code")


def test_there_is_a_notebook():
    assert NOTEBOOKS
