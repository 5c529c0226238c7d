"""papermill runs Regula notebooks with parameters (issue 12): the translator in python/
(installed into the environment by scripts/lib.sh) turns each parameter type into a Regula
binding in the injected cell, and the real kernel runs it."""
from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill
import pytest
from papermill.translators import papermill_translators

# The parameters cell binds every name with a default of another type, so the injected
# cell must rebind `let` and `var` names alike.
PARAMETERS = """let lam = 0.1 // the penalty's strength
var steps = 3
let name = "default"
let flag = false
let weights = [0]
let settings = (train: 0.5, test: 0.5)
let missing = 1
"""
# Each value's text, one a line, between markers (a string parameter may hold line breaks).
SHOW = """print("lam:", lam)
print("steps:", steps)
print("name:<" + name + ">")
print("flag:", flag)
print("weights:", weights)
print("settings:", settings)
print("missing is nothing:", missing == nothing)
steps += 1
print("steps + 1:", steps)
"""


def notebook(path: Path) -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "regula", "display_name": "Regula", "language": "regula"}
    nb.metadata["language_info"] = {"name": "regula"}
    cell = nbformat.v4.new_code_cell(PARAMETERS)
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell, nbformat.v4.new_code_cell(SHOW)]
    nbformat.write(nb, path)
    return path


def printed(nb) -> str:
    errors = [output for cell in nb.cells for output in cell.outputs if output.get("output_type") == "error"]
    assert not errors, errors
    return "".join(output["text"] for output in nb.cells[-1].outputs if output.get("name") == "stdout")


def expected(lam, steps, name, flag, weights, settings, missing):
    return (
        f"lam: {lam}\nsteps: {steps}\nname:<{name}>\nflag: {flag}\nweights: {weights}\n"
        f"settings: {settings}\nmissing is nothing: {missing}\nsteps + 1: {steps + 1}\n"
    )


def run(tmp_path, **parameters):
    source = notebook(tmp_path / "in.ipynb")
    out = tmp_path / "out.ipynb"
    return papermill.execute_notebook(str(source), str(out), parameters=parameters, kernel_name="regula", progress_bar=False)


def test_the_translator_is_registered_for_the_kernel_and_the_language():
    from regula_papermill.translator import RegulaTranslator

    assert papermill_translators.find_translator("regula", "regula") is RegulaTranslator
    assert papermill_translators.find_translator("other-kernel", "regula") is RegulaTranslator


def test_defaults_run_when_no_parameter_is_given(tmp_path):
    nb = run(tmp_path)
    assert printed(nb) == expected("0.1", 3, "default", "false", "[0]", "(train: 0.5, test: 0.5)", "false")


# A string with quotes, backslashes, line breaks, a carriage return, a tab, letters beyond
# ASCII, a combining mark (also right after the opening quote), a joined emoji, a line
# separator and an interpolation's spelling, which must stay text.
TEXT = '\u0301lead, say "hi" \\ back\nnext\ttab\r λ é e\u0301 👨\u200d👩\u200d👧 \u2028 \\(lam) end\u0301'


def test_every_parameter_type_reaches_the_kernel(tmp_path):
    nb = run(
        tmp_path,
        lam=-2.5e-7,
        steps=12,
        name=TEXT,
        flag=True,
        weights=[1, -2, [3.5, "x", None], [], False, 10**20],
        settings={"train": 0.8, "test": {"inner": [1, 2]}},
        missing=None,
    )
    injected = [cell for cell in nb.cells if "injected-parameters" in cell.metadata.get("tags", [])]
    assert len(injected) == 1
    assert injected[0].source.splitlines()[:3] == ["// Parameters", "var lam = -2.5e-07", "var steps = 12"]
    assert printed(nb) == expected(
        "-2.5e-07", 12, TEXT, "true", '[1, -2, [3.5, "x", nothing], [], false, 1e+20]',
        "(train: 0.8, test: (inner: [1, 2]))", "true",
    )


@pytest.mark.parametrize(
    ("value", "shown"),
    [(math.inf, "inf"), (-math.inf, "-inf"), (math.nan, "nan"), (-0.0, "0"), (1e308, "1e+308"), (5e-324, "5e-324"), (0.1 + 0.2, "0.30000000000000004")],
)
def test_numbers_keep_their_value(tmp_path, value, shown):
    nb = run(tmp_path, lam=value)
    assert printed(nb).splitlines()[0] == f"lam: {shown}"


def test_the_command_line_takes_p_and_y(tmp_path):
    source = notebook(tmp_path / "in.ipynb")
    out = tmp_path / "out.ipynb"
    command = [sys.executable, "-m", "papermill", str(source), str(out), "-k", "regula", "--no-progress-bar",
               "-p", "lam", "0.5", "-p", "flag", "True", "-p", "missing", "None", "-p", "name", "from the shell",
               "-y", "weights: [1, 2.5, null]\nsettings: {train: 0.7, test: 0.3}"]
    subprocess.run(command, check=True, capture_output=True, text=True, timeout=300)
    assert printed(nbformat.read(out, as_version=4)) == expected(
        "0.5", 3, "from the shell", "true", "[1, 2.5, nothing]", "(train: 0.7, test: 0.3)", "true")


def test_help_notebook_lists_the_parameters(tmp_path):
    source = notebook(tmp_path / "in.ipynb")
    result = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(source)],
                            check=True, capture_output=True, text=True, timeout=120)
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "lam: Number (default 0.1)       the penalty's strength" in lines
    assert "steps: Number (default 3)" in lines
    assert 'name: String (default "default")' in lines
    assert "flag: Bool (default false)" in lines
    assert "weights: List (default [0])" in lines
    assert "settings: Tuple (default (train: 0.5, test: 0.5))" in lines
    assert "missing: Number (default 1)" in lines
    parameters = papermill.inspect_notebook(str(source))
    assert list(parameters) == ["lam", "steps", "name", "flag", "weights", "settings", "missing"]
    assert parameters["lam"]["help"] == "the penalty's strength"


@pytest.mark.parametrize(
    ("parameters", "message"),
    [({"my name": 1}, "is not a Regula name"), ({"nothing": 1}, "is a Regula keyword"),
     ({"lam": {}}, "an empty dict"), ({"lam": {"a b": 1}}, "tuple label")],
)
def test_what_has_no_regula_form_is_a_clear_error(tmp_path, parameters, message):
    with pytest.raises(ValueError, match=message):
        run(tmp_path, **parameters)
