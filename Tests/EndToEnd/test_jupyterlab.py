"""Each notebook in a real JupyterLab, in headless Chromium driven by Selenium: all cells run
with the Regula kernel, the SVG charts and HTML tables render, no error appears, and a
screenshot of each notebook is kept under output/browser/. Opened as a colleague opens them,
without running or trusting them, the committed notebooks show every chart as a picture."""
from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from browser import OUTPUT, chromium, ink_fraction, wait_for_script
from conftest import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
# A chart's output is its SVG, shown through its HTML rendition: an <img> of the SVG itself.
CHART_IMAGES = '.jp-OutputArea-output img[src^="data:image/svg+xml"]'

# The notebook's state, read through JupyterLab's own model (the app is exposed to the page).
STATE = """
const CHART_IMAGES = '""" + CHART_IMAGES + """';
if (!window.jupyterapp) return null;
const panel = window.jupyterapp.shell.currentWidget;
if (!panel || !panel.content || !panel.sessionContext || !panel.sessionContext.session) return null;
const kernel = panel.sessionContext.session.kernel;
const cells = panel.content.widgets.filter(cell => cell.model.type === 'code');
return {
  path: panel.context.path,
  kernel: kernel ? kernel.status : 'none',
  kernelName: kernel ? kernel.name : '',
  pending: cells.filter(cell => cell.model.executionCount === null).length,
  trusted: cells.filter(cell => cell.model.trusted).length,
  rendered: {
    charts: panel.node.querySelectorAll(CHART_IMAGES).length,
    drawn: [...panel.node.querySelectorAll(CHART_IMAGES)].filter(image => image.getBoundingClientRect().width > 100 && image.naturalWidth > 0).length,
    sizes: [...panel.node.querySelectorAll(CHART_IMAGES)].map(image => [image.naturalWidth, image.naturalHeight]),
    descriptionsOnly: [...panel.node.querySelectorAll('.jp-OutputArea-output.jp-RenderedText pre')].filter(pre => /chart|diagram/.test(pre.textContent) && pre.textContent.length < 300).length,
    tables: panel.node.querySelectorAll('.jp-RenderedHTMLCommon table').length,
    stderr: panel.node.querySelectorAll('[data-mime-type="application/vnd.jupyter.stderr"]').length,
  },
  errors: cells.flatMap(cell => cell.model.outputs.toJSON()).filter(o => o.output_type === 'error').map(o => o.ename + ': ' + o.evalue),
  svgs: cells.flatMap(cell => cell.model.outputs.toJSON()).filter(o => o.data && o.data['image/svg+xml']).length,
  svgSizes: cells.flatMap(cell => cell.model.outputs.toJSON()).filter(o => o.data && o.data['image/svg+xml'])
    .map(o => { const m = /width="([\\d.]+)" height="([\\d.]+)"/.exec(o.data['image/svg+xml']); return [Math.round(+m[1]), Math.round(+m[2])]; }),
  tables: cells.flatMap(cell => cell.model.outputs.toJSON()).filter(o => o.data && o.data['text/html'] && o.data['text/html'].includes('<table')).length,
};
"""


LAB_LOG: list[Path] = [Path()]


def lab_log_path() -> Path:
    return LAB_LOG[0]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab serving a copy of the notebooks (autosave must not touch the committed ones)."""
    root = tmp_path_factory.mktemp("lab")
    for path in NOTEBOOKS:
        shutil.copy(path, root / path.name)
        # Pristine copies for the untrusted view: the others are run, and so trusted, by the tests.
        shutil.copy(path, root / f"untrusted-{path.name}")
    loop = nbformat.v4.new_notebook()
    loop.metadata["kernelspec"] = {"name": "regula", "display_name": "Regula", "language": "regula"}
    loop.cells = [nbformat.v4.new_code_cell("for i in 1...20000 { print(i) }"), nbformat.v4.new_code_cell("let after = 1")]
    nbformat.write(loop, root / "print-loop.ipynb")
    controls = nbformat.v4.new_notebook()
    controls.metadata["kernelspec"] = loop.metadata["kernelspec"]
    controls.cells = [nbformat.v4.new_code_cell(
        'func penalty(_ kind, _ lambda) {\n    if kind == "l1" { return l1(lambda) }\n    return l2(lambda)\n}\n'
        'interact(lambda: slider(0.01, 10, value: 1, log: true), kind: choice(["l1", "l2"]),\n'
        '         draw: { lambda, kind in print("drew \\(kind) at \\(round(lambda, digits: 4))")\n plot(penalty(kind, lambda)) })')]
    nbformat.write(controls, root / "controls.ipynb")
    nbformat.write(controls, root / "controls-notebook7.ipynb")
    slow = nbformat.v4.new_notebook()
    slow.metadata["kernelspec"] = loop.metadata["kernelspec"]
    # Drawing at x = 1 takes ten minutes: only a change that supersedes it draws in time.
    slow.cells = [nbformat.v4.new_code_cell(
        'interact(x: slider(0, 10, value: 0, step: 1), draw: { x in if x == 1 { sleep(600) }\n plot(l1(x + 1)) })'),
        nbformat.v4.new_code_cell('interact(x: slider(0, 1), theStrengthOfThePenalty: slider(0, 1), draw: { x, strength in x + strength })')]
    nbformat.write(slow, root / "slow-controls.ipynb")
    # Every cell in the page at once (JupyterLab otherwise renders only what is on screen), and
    # no notifications popping over the notebook.
    settings = root / ".settings"
    (settings / "@jupyterlab" / "notebook-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings").write_text('{"windowingMode": "none"}')
    (settings / "@jupyterlab" / "apputils-extension").mkdir(parents=True)
    (settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings").write_text('{"fetchNews": "false", "checkForUpdates": false}')
    port = free_port()
    log = open(root / "jupyterlab.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
         f"--ServerApp.root_dir={root}", "--IdentityProvider.token=", "--ServerApp.password=",
         "--LabApp.expose_app_in_browser=True", "--JupyterNotebookApp.expose_app_in_browser=True", "--ServerApp.disable_check_xsrf=True",
         f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={root / '.workspaces'}",
         "--ServerApp.port_retries=0", "--allow-root"],
        stdout=log, stderr=subprocess.STDOUT, cwd=root)
    url = f"http://127.0.0.1:{port}"
    LAB_LOG[0] = root / "jupyterlab.log"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{url}/api", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("JupyterLab did not start:\n" + (root / "jupyterlab.log").read_text())
            time.sleep(0.3)
    yield url
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
    log.close()


@pytest.fixture(scope="module")
def browser():
    driver = chromium(1400, 1000)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


def wait_for(browser, condition, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = browser.execute_script(STATE)
        if state is not None and condition(state):
            return state
        time.sleep(0.25)
    raise AssertionError(f"timed out waiting for {what}; last state {state}")


def open_and_run(browser, lab: str, path: Path, workspace: str) -> dict:
    """Opens `path` alone in a fresh workspace, clears it and runs every cell; the final state."""
    # A workspace of its own, reset: only this notebook is open, and it is the current one.
    browser.get(f"{lab}/lab/workspaces/{workspace}/tree/{path.name}?reset")
    wait_for(browser, lambda s: s["path"] == path.name and s["kernel"] == "idle" and s["kernelName"] == "regula", 90,
             "the notebook to open with the Regula kernel ready")
    # Start the run and return: `wait_for` follows it, and stops early if a cell fails.
    started = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        const commands = window.jupyterapp.commands;
        commands.execute('notebook:clear-all-cell-outputs')
          .then(() => { commands.execute('notebook:run-all-cells'); done(true); }, error => done(String(error)));
    """)
    assert started is True, started
    return wait_for(browser, lambda s: s["errors"] or (s["pending"] == 0 and s["kernel"] == "idle"), 600, "every cell to run")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs_and_renders_in_jupyterlab(path: Path, lab, browser):
    state = open_and_run(browser, lab, path, path.stem)
    assert state["errors"] == [], state["errors"]
    assert state["svgs"] > 0, "no chart came back"

    # What the page shows: every chart drawn with a size, every table as a table, no stderr.
    rendered = state["rendered"]
    assert rendered["charts"] == state["svgs"], rendered
    assert rendered["drawn"] == rendered["charts"], rendered
    assert rendered["tables"] >= state["tables"], rendered
    assert rendered["stderr"] == 0, rendered

    folder = OUTPUT / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    browser.execute_script("window.jupyterapp.shell.currentWidget.node.querySelector('.jp-OutputArea-output img').scrollIntoView({block: 'start'})")
    time.sleep(0.3)
    browser.save_screenshot(str(folder / f"{path.stem}.png"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_a_colleague_sees_every_chart_without_running_or_trusting(path: Path, lab, browser):
    """The committed notebook, opened as it came in a clone: untrusted, not run. Every chart
    must be a picture of its SVG's own size, not its one-line description."""
    name = f"untrusted-{path.name}"
    browser.get(f"{lab}/lab/workspaces/untrusted-{path.stem}/tree/{name}?reset")
    state = wait_for(browser, lambda s: s["path"] == name and s["svgs"] > 0 and s["rendered"]["drawn"] == s["svgs"], 60,
                     "every committed chart to be drawn")
    assert state["trusted"] == 0, "the notebook was trusted; this test is about untrusted ones"
    assert state["rendered"]["sizes"] == state["svgSizes"], "a chart is not drawn at its SVG's size"
    assert state["rendered"]["descriptionsOnly"] == 0, "a chart shows only its text description"
    folder = OUTPUT / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    browser.execute_script("window.jupyterapp.shell.currentWidget.node.querySelector(arguments[0]).scrollIntoView({block: 'center'})", CHART_IMAGES)
    time.sleep(0.3)
    browser.save_screenshot(str(folder / f"{path.stem}-untrusted.png"))


def test_twenty_thousand_prints_arrive_whole_in_jupyterlab(lab, browser):
    """Once 20,000 prints were 20,000 messages: JupyterLab's server throttled them ("IOPub
    message rate exceeded"), the cell stayed busy for minutes and lines 3001 to ~13900 never came."""
    state = open_and_run(browser, lab, Path("print-loop.ipynb"), "print-loop")
    assert state["errors"] == []
    outputs = browser.execute_script("""
        const cell = window.jupyterapp.shell.currentWidget.content.widgets[0];
        return cell.model.outputs.toJSON();
    """)
    text = "".join("".join(o["text"]) if isinstance(o["text"], list) else o["text"] for o in outputs if o["output_type"] == "stream")
    assert text == "".join(f"{i}\n" for i in range(1, 20001))
    assert len(outputs) <= 40
    log = Path(lab_log_path()).read_text()
    assert "IOPub message rate exceeded" not in log and "IOPub data rate exceeded" not in log


def test_charts_read_the_same_in_the_dark_theme(lab, browser):
    """Charts carry their own white background, so JupyterLab's dark theme cannot swallow
    their dark ink: the chart keeps a light background with marks on it."""
    path = next(p for p in NOTEBOOKS if p.name.startswith("02-"))
    open_and_run(browser, lab, path, "dark")
    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Dark'}).then(() => done(true), e => done(String(e)));
    """)
    deadline = time.monotonic() + 30
    while browser.execute_script("return document.body.dataset.jpThemeLight") != "false":
        assert time.monotonic() < deadline, "the dark theme did not apply"
        time.sleep(0.2)
    time.sleep(0.5)
    folder = OUTPUT / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    chart = browser.execute_script("return window.jupyterapp.shell.currentWidget.node.querySelector(arguments[0])", CHART_IMAGES)
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
    time.sleep(0.3)
    browser.save_screenshot(str(folder / f"{path.stem}-dark.png"))
    chart.screenshot(str(folder / f"{path.stem}-dark-chart.png"))
    inked, colours = ink_fraction(folder / f"{path.stem}-dark-chart.png")
    assert 0.01 < inked < 0.5, f"the chart's background is not light in the dark theme ({inked:.3f} of it is not white)"
    assert colours >= 3
    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.jupyterapp.commands.execute('apputils:change-theme', {theme: 'JupyterLab Light'}).then(() => done(true), e => done(String(e)));
    """)


# What a live control's cell shows: the widget's own elements, and the drawing beside them.
CONTROLS = """
const panel = window.jupyterapp.shell.currentWidget;
const cell = panel.content.widgets[0];
const outputs = cell.model.outputs.toJSON();
const drawing = outputs.find(o => o.data && o.data['image/svg+xml']);
return {
  sliders: cell.node.querySelectorAll('.widget-slider .noUi-handle, .widget-hslider .noUi-handle').length,
  dropdowns: cell.node.querySelectorAll('.widget-dropdown select').length,
  readout: (cell.node.querySelector('.widget-readout') || {}).textContent || null,
  description: drawing ? drawing.data['text/plain'] : null,
  views: outputs.filter(o => o.data && o.data['application/vnd.jupyter.widget-view+json']).length,
  drawn: [...cell.node.querySelectorAll('img[src^="data:image/svg+xml"]')].filter(i => i.naturalWidth > 0).length,
  printed: (cell.node.querySelector('.widget-output') || {}).textContent || '',
  live: (cell.node.querySelector('.widget-output img') || {}).alt || null,
  errors: cell.node.querySelectorAll('.jp-OutputArea-output [data-mime-type="application/vnd.jupyter.stderr"]').length
    + (cell.node.textContent.includes('Error displaying widget') ? 1 : 0),
};
"""


def lam(controls: dict, key: str = "description") -> float:
    """The λ a drawing's description names: "line chart of l1(0.5); …"."""
    return float(re.match(r"line chart of l[12]\(([^)]+)\)", controls[key]).group(1))


def test_a_live_slider_renders_and_redraws_in_jupyterlab(lab, browser):
    """The widget extension draws interact's controls from the kernel's models; the keyboard moves
    the slider, the kernel redraws, and the chart's description follows the new value."""
    from selenium.webdriver.common.keys import Keys

    state = open_and_run(browser, lab, Path("controls.ipynb"), "controls")
    assert state["errors"] == [], state["errors"]

    def controls(condition, what: str, timeout: float = 30) -> dict:
        return wait_for_script(browser, CONTROLS, condition, what, timeout)

    first = controls(lambda c: c["sliders"] == 1 and c["dropdowns"] == 1 and c["drawn"] == 1, "the slider, the drop-down and the drawing")
    assert first["views"] == 1 and first["errors"] == 0, first
    # The slider shows the value the cell drew with, and settling on its stop is not a change.
    time.sleep(1)
    first = browser.execute_script(CONTROLS)
    assert lam(first) == 1 and float(first["readout"]) == 1, first

    folder = OUTPUT / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    handle = browser.find_element("css selector", ".widget-slider .noUi-handle, .widget-hslider .noUi-handle")
    handle.click()
    for _ in range(20):
        handle.send_keys(Keys.ARROW_RIGHT)
    # Drawn for the value the slider shows (its readout has three digits), not a stale one.
    settled = controls(lambda c: lam(c) > 1 and abs(lam(c) / float(c["readout"]) - 1) < 0.01, "the drawing to follow the slider")
    assert settled["errors"] == 0 and settled["drawn"] == 1, settled
    # What the redraw printed shows under the controls (the cell's own output area has stopped listening).
    printed = controls(lambda c: "drew l1 at " in c["printed"], "the redraw's print")["printed"]
    assert abs(float(printed.split("drew l1 at ")[-1].split()[0]) / lam(settled) - 1) < 1e-3, printed
    browser.save_screenshot(str(folder / "controls-slider.png"))

    # Saved, the notebook keeps the last drawing as an ordinary output: nbconvert shows that one.
    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.jupyterapp.commands.execute('docmanager:save').then(() => done(true), e => done(String(e)));
    """)
    saved = lab_log_path().parent / "controls.ipynb"
    deadline = time.monotonic() + 20
    while f"l1({lam(settled)})" not in saved.read_text():
        assert time.monotonic() < deadline, "the notebook was not saved with its last drawing"
        time.sleep(0.2)
    page = subprocess.run([sys.executable, "-m", "jupyter", "nbconvert", "--to", "html", "--stdout", str(saved)],
                          capture_output=True, text=True, check=True).stdout
    assert f"line chart of l1({lam(settled)})" in page and "line chart of l1(1);" not in page

    select = browser.find_element("css selector", ".widget-dropdown select")
    from selenium.webdriver.support.ui import Select
    Select(select).select_by_visible_text("l2")
    switched = controls(lambda c: c["description"].startswith("line chart of l2("), "the drawing to follow the drop-down")
    assert switched["errors"] == 0, switched
    browser.save_screenshot(str(folder / "controls-dropdown.png"))

    # A reloaded page asks the kernel for its models again (comm_info, then request_state):
    # the controls come back live.
    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.jupyterapp.commands.execute('docmanager:save').then(() => done(true), e => done(String(e)));
    """)
    browser.refresh()
    wait_for(browser, lambda s: s["path"] == "controls.ipynb" and s["kernel"] == "idle", 90, "the page to come back")
    back = controls(lambda c: c["sliders"] == 1 and c["drawn"] == 1, "the controls after a reload")
    assert back["errors"] == 0 and back["description"].startswith("line chart of l2("), back
    handle = browser.find_element("css selector", ".widget-slider .noUi-handle, .widget-hslider .noUi-handle")
    handle.click()
    before = lam(back)
    for _ in range(3):
        handle.send_keys(Keys.ARROW_LEFT)
    # The reloaded page has lost the saved drawing's display id: the drawing now comes under the controls.
    live = controls(lambda c: c["live"] and lam(c, "live") < before and abs(lam(c, "live") / float(c["readout"]) - 1) < 0.01,
                    "a redraw after the reload")
    assert live["errors"] == 0, live
    browser.save_screenshot(str(folder / "controls-reloaded.png"))

    # After a restart the cell runs again with new models (the ids repeat from the start): the
    # new slider still redraws.
    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.restart().then(() => done(true), e => done(String(e)));
    """)
    state = wait_for(browser, lambda s: s["kernel"] == "idle", 60, "the kernel to restart")
    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.jupyterapp.commands.execute('notebook:run-all-cells').then(() => done(true), e => done(String(e)));
    """)
    again = controls(lambda c: c["sliders"] == 1 and c["drawn"] == 1 and lam(c) == 1, "the controls after a restart")
    handle = browser.find_element("css selector", ".widget-slider .noUi-handle, .widget-hslider .noUi-handle")
    handle.click()
    for _ in range(5):
        handle.send_keys(Keys.ARROW_LEFT)
    moved = controls(lambda c: lam(c) < 1 and abs(lam(c) / float(c["readout"]) - 1) < 0.01, "a redraw after the restart")
    assert moved["errors"] == 0 and again["views"] == 1, moved


def test_a_change_in_jupyterlab_supersedes_a_slow_redraw_and_a_re_run_replaces_the_models(lab, browser):
    """JupyterLab's widgets send a model's next change only after the last one's idle; the kernel
    publishes that idle as a redraw starts, so the next change reaches the running redraw and
    supersedes it. A re-run cell's old models are closed (JupyterLab names the cell it runs)."""
    from selenium.webdriver.common.keys import Keys

    state = open_and_run(browser, lab, Path("slow-controls.ipynb"), "slow-controls")
    assert state["errors"] == [], state["errors"]
    wait_for_script(browser, CONTROLS, lambda c: c["sliders"] == 1 and c["drawn"] == 1, "the slider")
    # A long label gets its whole width, and the slider's track stays as long as a short label's.
    sliders = wait_for_script(browser, """
        const cell = window.jupyterapp.shell.currentWidget.content.widgets[1];
        return [...cell.node.querySelectorAll('.widget-slider, .widget-hslider')].map(s => ({
            track: s.querySelector('.noUi-target').getBoundingClientRect().width,
            label: s.querySelector('.widget-label'), text: s.querySelector('.widget-label').textContent}))
          .map(s => ({track: s.track, cut: s.label.scrollWidth > s.label.clientWidth, text: s.text}));
    """, lambda found: len(found) == 2, "the second cell's sliders")
    assert abs(sliders[0]["track"] - sliders[1]["track"]) < 1 and sliders[0]["track"] > 200, sliders
    assert not any(s["cut"] for s in sliders), sliders
    handle = browser.find_element("css selector", ".widget-slider .noUi-handle, .widget-hslider .noUi-handle")
    handle.click()
    handle.send_keys(Keys.ARROW_RIGHT)
    time.sleep(2)  # the change to 1 has reached the kernel, whose drawing of it would take 600 s
    handle.send_keys(Keys.ARROW_RIGHT)
    moved = wait_for_script(browser, CONTROLS, lambda c: c["description"].startswith("line chart of l1(3)"),
                            "the change to 2 to supersede the drawing at 1", 60)
    assert moved["readout"] == "2" and moved["errors"] == 0, moved

    count_models = """
        const done = arguments[arguments.length - 1];
        const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
        kernel.requestCommInfo({target_name: 'jupyter.widget'}).then(r => done(Object.keys(r.content.comms).length), e => done(String(e)));
    """
    models = browser.execute_async_script(count_models)
    browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.jupyterapp.commands.execute('notebook:run-all-cells').then(() => done(true), e => done(String(e)));
    """)
    wait_for_script(browser, CONTROLS, lambda c: c["sliders"] == 1 and c["drawn"] == 1 and c["readout"] == "0", "the re-run's slider")
    assert browser.execute_async_script(count_models) == models


def test_the_live_slider_works_in_notebook_7(lab, browser):
    """Notebook 7 (the same server, its own page at /notebooks/) draws the controls with the same
    widget front end, and the slider redraws."""
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(f"{lab}/notebooks/controls-notebook7.ipynb")
    wait_for(browser, lambda s: s["path"] == "controls-notebook7.ipynb" and s["kernel"] == "idle" and s["kernelName"] == "regula", 90,
             "Notebook 7 to open the notebook with the Regula kernel ready")
    started = browser.execute_async_script("""
        const done = arguments[arguments.length - 1];
        window.jupyterapp.commands.execute('notebook:run-all-cells').then(() => done(true), e => done(String(e)));
    """)
    assert started is True, started
    seen = wait_for_script(browser, CONTROLS, lambda c: c["sliders"] == 1 and c["drawn"] == 1 and c["description"],
                           "the controls in Notebook 7", 60)
    assert seen["sliders"] == 1 and lam(seen) == 1 and seen["errors"] == 0, seen
    handle = browser.find_element("css selector", ".widget-slider .noUi-handle, .widget-hslider .noUi-handle")
    # With the mouse this time: drag the handle to the right.
    ActionChains(browser).click_and_hold(handle).move_by_offset(30, 0).pause(0.2).release().perform()
    seen = wait_for_script(browser, CONTROLS, lambda c: lam(c) > 1 and abs(lam(c) / float(c["readout"]) - 1) < 0.01,
                           "the drawing to follow the drag")
    folder = OUTPUT / "browser"
    folder.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(folder / "controls-notebook7.png"))
