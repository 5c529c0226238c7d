"""What the HTML rendition of a chart (the SVG as a base64 `<img>`, which untrusted notebooks
show) costs: bytes and time per chart, Regula with the rendition against Regula without it
(`REGULA_CHART_HTML=0`), side by side in one run.

Run it with the project's environment:  .venv/bin/python bench/chart_rendition_bench.py
Times are medians of round trips (execute sent to idle received); printed, never asserted.
"""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from kernel_bench import Kernel  # noqa: E402

SETUP = ('let d = load("diabetes")\nlet path = lassoPath(d, lambdas: 100)\n'
         'let w = linspace(-2, 2, count: 201)')
CHARTS = {
    "penalties": "plot(l1(1), l2(1), from: -2, to: 2)",
    "lasso path": "plot(path)",
    "geometry": "geometry(l1, l2, loss: quadratic(center: [2, 0.5], correlation: 0))",
    "heatmap": "plot(d)",
}
REPEATS = 60


def start(enabled: bool, folder: Path) -> Kernel:
    os.environ["REGULA_CHART_HTML"] = "1" if enabled else "0"
    try:
        kernel = Kernel("regula", folder)
    finally:
        os.environ.pop("REGULA_CHART_HTML", None)
    kernel.first_kernel_info()
    kernel.wait_for_iopub()
    kernel.execute(SETUP)
    return kernel


def main():
    with tempfile.TemporaryDirectory() as folder:
        kernels = {True: start(True, Path(folder)), False: start(False, Path(folder))}
        try:
            print(f"{'chart':14}{'SVG bytes':>11}{'HTML bytes':>12}{'with (ms)':>11}{'without (ms)':>14}{'added (ms)':>12}")
            for name, code in CHARTS.items():
                times = {True: [], False: []}
                for round in range(REPEATS + 3):  # alternating, so both see the same machine
                    for enabled, kernel in kernels.items():
                        elapsed = kernel.execute(code)
                        if round >= 3:
                            times[enabled].append(elapsed)
                sizes = kernels[True].last_result_sizes(code)
                svg, html = sizes.get("image/svg+xml", 0), sizes.get("text/html", 0)
                assert svg > 0, f"{name} drew no chart"
                with_html, without = statistics.median(times[True]), statistics.median(times[False])
                print(f"{name:14}{svg:11d}{html:12d}{with_html * 1e3:11.2f}{without * 1e3:14.2f}{(with_html - without) * 1e3:12.2f}")
        finally:
            for kernel in kernels.values():
                kernel.stop()
    print("(HTML bytes are what the rendition adds to a saved notebook: 4/3 of the SVG, as base64 is)")


if __name__ == "__main__":
    main()
