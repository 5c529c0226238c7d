"""The live controls of the notebooks, in a real JupyterLab in headless Chromium: each notebook
with an `interact` cell runs, its sliders render from the kernel's widget models, the keyboard
moves the first slider, and the drawing beside them is redrawn for the new value, with no
error. Screenshots go to output/browser/<notebook>-controls*.png."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from browser import OUTPUT, wait_for_script
# JupyterLab on a copy of the notebooks and the browser, as test_jupyterlab.py starts them.
from test_jupyterlab import browser, lab, open_and_run  # noqa: F401 (fixtures)

from conftest import ROOT

WITH_CONTROLS = sorted(path for path in (ROOT / "notebooks").glob("*.ipynb")
                       if "application/vnd.jupyter.widget-view+json" in path.read_text(encoding="utf-8"))

# The cell that calls interact: its sliders, its drawing's description, errors in it.
CONTROLS = """
const panel = window.jupyterapp.shell.currentWidget;
const cell = panel.content.widgets.find(cell => cell.model.type === 'code' && cell.model.sharedModel.getSource().includes('interact('));
const outputs = cell.model.outputs.toJSON();
const drawing = outputs.find(o => o.data && o.data['image/svg+xml']);
return {
  sliders: cell.node.querySelectorAll('.widget-slider .noUi-handle, .widget-hslider .noUi-handle').length,
  readouts: [...cell.node.querySelectorAll('.widget-readout')].map(r => r.textContent),
  description: drawing ? drawing.data['text/plain'] : null,
  views: outputs.filter(o => o.data && o.data['application/vnd.jupyter.widget-view+json']).length,
  drawn: [...cell.node.querySelectorAll('img[src^="data:image/svg+xml"]')].filter(i => i.naturalWidth > 0).length,
  errors: cell.node.querySelectorAll('.jp-OutputArea-output [data-mime-type="application/vnd.jupyter.stderr"]').length
    + outputs.filter(o => o.output_type === 'error').length
    + (cell.node.textContent.includes('Error displaying widget') ? 1 : 0),
};
"""

# Where a drawing's description names the first slider's value.
NAMED_VALUE = {"03-feature-selection": r"marked at λ = ([-\d.e]+)", "02-does-l1-penalize-more": r"at w = ([-\d.e]+)"}


def shows_its_value(path: Path, seen: dict) -> bool:
    """Whether the drawing is of the value the first slider shows (its readout has 2–3 digits)."""
    pattern = NAMED_VALUE.get(path.stem)
    if pattern is None:
        return True
    drawn, shown = float(re.search(pattern, seen["description"]).group(1)), float(seen["readouts"][0])
    return abs(drawn - shown) <= 0.01 * max(abs(shown), 0.01)


def test_three_notebooks_have_controls():
    assert len(WITH_CONTROLS) >= 3


@pytest.mark.parametrize("path", WITH_CONTROLS, ids=[p.name for p in WITH_CONTROLS])
def test_a_notebooks_slider_redraws_its_picture_in_jupyterlab(path: Path, lab, browser):  # noqa: F811
    from selenium.webdriver.common.keys import Keys

    state = open_and_run(browser, lab, path, f"controls-{path.stem}")
    assert state["errors"] == [], state["errors"]

    def controls(condition, what: str, timeout: float = 30) -> dict:
        return wait_for_script(browser, CONTROLS, condition, what, timeout)

    first = controls(lambda c: c["sliders"] >= 1 and c["drawn"] == 1, "the sliders and the drawing")
    assert first["views"] == 1 and first["errors"] == 0, first
    time.sleep(1)
    first = browser.execute_script(CONTROLS)
    folder = OUTPUT / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    handle = browser.find_elements("css selector", ".widget-slider .noUi-handle, .widget-hslider .noUi-handle")[-first["sliders"]]
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'})", handle)
    time.sleep(0.3)
    browser.save_screenshot(str(folder / f"{path.stem}-controls.png"))
    handle.click()
    for _ in range(15):
        handle.send_keys(Keys.ARROW_LEFT)
    moved = controls(lambda c: c["readouts"][0] != first["readouts"][0] and c["description"] != first["description"]
                     and shows_its_value(path, c), "the first slider to move and the drawing to follow it")
    # Settled: the last redraw has landed (two looks a second apart agree), of the value shown.
    settled, deadline = moved, time.monotonic() + 30
    while time.monotonic() < deadline:
        time.sleep(1)
        previous, settled = settled, browser.execute_script(CONTROLS)
        if settled == previous:
            break
    assert settled["errors"] == 0 and settled["drawn"] == 1 and settled["views"] == 1, settled
    assert settled["description"] != first["description"] and shows_its_value(path, settled), settled
    browser.save_screenshot(str(folder / f"{path.stem}-controls-moved.png"))
