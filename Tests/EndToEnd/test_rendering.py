"""Charts from the real kernel, rendered by headless Chromium: each is well-formed XML, draws
something (not a blank or broken image), and is kept as PNG under output/charts/ for a person
to look at."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

import pytest

from browser import OUTPUT, chromium, ink_fraction
from conftest import execute

SETUP = """
let diabetes = load("diabetes")
let path = lassoPath(diabetes, lambdas: 100)
let cv = crossValidate(path, folds: 10, seed: 0)
let data = synthetic(samples: 200, features: 20, informative: 5, noise: 0.5, correlation: 0.5, seed: 42)
let sub = fit(linear, data, penalty: l1(0.1), optimizer: sgd(lr: 0.01), epochs: 60)
let prox = fit(linear, data, penalty: l1(0.1), optimizer: proximal(lr: 0.01), epochs: 60)
let xor = playground("xor", samples: 200, noise: 0.1, seed: 1)
let net = fit(mlp(hidden: [8, 8], activation: relu), xor, penalty: l1(0.01), optimizer: proximal(lr: 0.1), epochs: 30)
"""

# One cell per kind of picture the issue names.
CHARTS = {
    "penalties": "plot(l1(1), l2(1), l2(1, half: true), from: -3, to: 3)",
    "gradients": "plot(l1(1).gradient, l2(1).gradient, l2(1, half: true).gradient, from: -3, to: 3)",
    "thresholding": "plot(l1(1).threshold, l0(1).threshold, l2(1).threshold, from: -3, to: 3)",
    "penalty": "l1(0.5)",
    "path": "plot(path, cv: cv)",
    "path-by-norm": 'plot(path, x: "norm")',
    "cross-validation": "cv",
    "fit": "prox",
    "zeros": 'plot(sub, prox, show: "zeros")',
    "trajectories": 'plot(sub, prox, show: "trajectories")',
    "coefficients": 'plot(fit(linear, data, penalty: l1(0.1), optimizer: coordinateDescent()), show: "coefficients")',
    "histograms": 'histogram(sub.weights, prox.weights, bins: 30, names: ["subgradient", "proximal"])',
    "geometry": "geometry(l1, l2, loss: quadratic(center: [1.5, 0.6], correlation: 0.4))",
    "priors": "plot(prior(l1(1)), prior(l2(1)), from: -4, to: 4)",
    "correlations": "plot(diabetes)",
    "classes": "plot(xor)",
    "network": 'plot(net, show: "network")',
    "log-scales": 'plot([1, 10, 100, 1000], over: [0.001, 0.01, 0.1, 1], kind: "scatter", xScale: "log", yScale: "log")',
    "bars": 'plot([3, 1, 2], [1, 2, 2.5], kind: "bar", names: ["a", "b"])',
}


@pytest.fixture(scope="module")
def svgs(tmp_path_factory):
    from conftest import RawKernel
    kernel = RawKernel(tmp_path_factory.mktemp("rendering"))
    try:
        reply, _ = execute(kernel.client, SETUP, timeout=120)
        assert reply["content"]["status"] == "ok", reply["content"]
        result = {}
        for name, code in CHARTS.items():
            reply, outputs = execute(kernel.client, code, timeout=60)
            assert reply["content"]["status"] == "ok", (name, reply["content"])
            [data] = [m["content"]["data"] for m in outputs if m["msg_type"] == "execute_result"]
            result[name] = data["image/svg+xml"]
        yield result
    finally:
        kernel.stop()


@pytest.fixture(scope="module")
def browser():
    driver = chromium()
    yield driver
    driver.quit()


@pytest.mark.parametrize("name", list(CHARTS))
def test_chart_is_valid_svg_and_renders(name, svgs, browser):
    svg = svgs[name]
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    width, height = int(float(root.get("width"))), int(float(root.get("height")))
    assert root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    namespace = "{http://www.w3.org/2000/svg}"
    assert root.find(f"{namespace}title").text and root.find(f"{namespace}desc").text
    assert len(svg.encode()) < 150_000
    assert not re.search(r'\bid="', svg)

    folder = OUTPUT / "charts"
    folder.mkdir(parents=True, exist_ok=True)
    source, png = folder / f"{name}.svg", folder / f"{name}.png"
    source.write_text(svg)
    browser.set_window_size(width, height + 200)
    browser.get(source.as_uri())
    browser.find_element("tag name", "svg").screenshot(str(png))
    inked, colours = ink_fraction(png)
    assert inked > 0.01, f"{name} rendered almost blank ({inked:.4f} of the pixels inked)"
    assert colours >= 3, f"{name} rendered in {colours} colours"

    # With the browser's real font metrics: no two pieces of text overlap, and all of them
    # lie inside the picture.
    boxes = browser.execute_script("""
        return [...document.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
            const r = t.getBoundingClientRect();
            return [t.textContent, r.left, r.top, r.right, r.bottom];
        });
    """)
    inset = 1.5  # glyph boxes include a little leading; touching is not overlapping
    for index, (text, left, top, right, bottom) in enumerate(boxes):
        assert left >= -0.5 and top >= -0.5 and right <= width + 0.5 and bottom <= height + 0.5, f"{name}: '{text}' leaves the picture"
        for other, left2, top2, right2, bottom2 in boxes[index + 1:]:
            overlap = min(right, right2) - max(left, left2) > inset and min(bottom, bottom2) - max(top, top2) > inset
            assert not overlap, f"{name}: '{text}' overlaps '{other}'"
