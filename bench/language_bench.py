"""A plain interpreter loop in Regula against the same loop in Python, in one run.

    .venv/bin/python bench/language_bench.py

Both run as whole processes (`regula run` and `python -c`), so start-up is included on both
sides; the loop dominates. Each figure is the best of five runs of the child's CPU time
(user + system, from getrusage), which is steadier than wall time on a shared 2-core machine.
Printed, never asserted.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REGULA = Path(os.environ.get("REGULA_BINARY", ROOT / ".build" / "release" / "regula"))

CASES = {
    "sum loop, 1e6 iterations": (
        "var s = 0\nfor i in 1...1_000_000 { s = s + i * 0.5 }\nprint(s)\n",
        "s = 0\nfor i in range(1, 1_000_001):\n    s = s + i * 0.5\nprint(s)\n",
    ),
    "function calls, 1e5": (
        "func f(_ x) { return x * 2 }\nvar s = 0\nfor i in 1...100_000 { s += f(i) }\nprint(s)\n",
        "def f(x):\n    return x * 2\ns = 0\nfor i in range(1, 100_001):\n    s += f(i)\nprint(s)\n",
    ),
    # 10,000 proximal steps of a 10-feature linear model on batches of 32; Python does the same
    # arithmetic with numpy (gradient of ½·mean squared error, then soft thresholding).
    "step loop, 1e4 steps": (
        "let data = synthetic(samples: 320, features: 10, seed: 1)\n"
        "let batches = data.batches(32, seed: 1)\n"
        "let model = linear(features: 10)\nlet opt = proximal(lr: 0.05)\nlet lasso = l1(0.01)\n"
        "for i in 1...1000 { for batch in batches { step(model, batch, penalty: lasso, optimizer: opt) } }\n"
        "print(model.zeros)\n",
        "import numpy as np\n"
        "rng = np.random.default_rng(1)\nX = rng.standard_normal((320, 10))\ny = X @ rng.standard_normal(10) + rng.standard_normal(320)\n"
        "batches = [(X[i:i + 32], y[i:i + 32]) for i in range(0, 320, 32)]\n"
        "w = np.zeros(10)\nb = 0.0\nlr, lam = 0.05, 0.01\n"
        "for _ in range(1000):\n"
        "    for Xb, yb in batches:\n"
        "        r = Xb @ w + b - yb\n"
        "        w = w - lr * (Xb.T @ r) / len(yb)\n"
        "        b = b - lr * r.mean()\n"
        "        w = np.sign(w) * np.maximum(np.abs(w) - lr * lam, 0.0)\n"
        "print(int((w == 0).sum()))\n",
    ),
}


def child_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_of(command: list[str], runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        before = child_cpu_seconds()
        subprocess.run(command, check=True, capture_output=True)
        times.append(child_cpu_seconds() - before)
    return min(times)


def main():
    if not REGULA.exists():
        sys.exit(f"no Regula binary at {REGULA}: run scripts/main.sh first")
    print(f"{'CPU seconds':28}{'Regula':>12}{'Python':>12}{'Python/Regula':>15}")
    with tempfile.TemporaryDirectory() as folder:
        for name, (regula_code, python_code) in CASES.items():
            script = Path(folder) / "loop.regula"
            script.write_text(regula_code)
            regula = best_of([str(REGULA), "run", str(script), "--output", str(Path(folder) / "out")])
            python = best_of([sys.executable, "-c", python_code])
            print(f"{name:28}{regula:12.3f}{python:12.3f}{python / regula:14.2f}x   (target ≥ 1x)")


if __name__ == "__main__":
    main()
