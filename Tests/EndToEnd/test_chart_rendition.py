"""Every chart carries, beside its SVG and its description, an HTML rendition that untrusted
notebooks show: an <img> whose data URI is the SVG itself, byte for byte, the same every run."""
from __future__ import annotations

import base64
import re

from conftest import execute

CHARTS = [
    "plot(l1(1), l2(1), from: -2, to: 2)",
    'plot(lassoPath(load("diabetes"), lambdas: 30))',
    "geometry(l1, l2, loss: quadratic(center: [2, 0.5], correlation: 0))",
    'plot(load("diabetes"))',
    'plot([1, 2, 3], title: "<b>&\\"quoted\\"")',
]


def chart_data(client, code: str) -> dict:
    reply, outputs = execute(client, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    return next(m for m in outputs if m["msg_type"] in ("execute_result", "display_data"))["content"]["data"]


def test_every_chart_has_an_image_of_its_own_svg_with_its_description(kernel):
    _, client = kernel
    for code in CHARTS:
        data = chart_data(client, code)
        match = re.fullmatch(r'<img src="data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="([^"<>]*)">', data["text/html"])
        assert match, data["text/html"][:200]
        assert base64.b64decode(match.group(1)).decode() == data["image/svg+xml"]
        alt = match.group(2).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'").replace("&amp;", "&")
        assert alt == data["text/plain"]


def test_the_rendition_is_the_same_bytes_every_run(kernel):
    _, client = kernel
    for code in CHARTS:
        assert chart_data(client, code)["text/html"] == chart_data(client, code)["text/html"]


def test_tables_keep_their_own_html(kernel):
    _, client = kernel
    data = chart_data(client, "table(a: [1, 2], b: [3, 4])")
    assert data["text/html"].startswith("<table")
    assert "image/svg+xml" not in data
