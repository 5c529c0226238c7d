"""Is L1's gradient more expensive than L2's? Regula's penalty (sub)gradients over a million
weights against numpy's equivalents, side by side in one run. Prints nanoseconds per weight and
the L1/L2 ratios; speed is printed, never asserted.

Run it from the repository root:  python bench/penalty_cost.py [--quick] [--repeats N]
It needs numpy and the release build of regula-bench (.build/release/regula-bench; override with
REGULA_BENCH=path).

What it measures, and how:
* Regula: `regula-bench penalty-cost 1000000 REPEATS` draws 10^6 weights from a seeded standard
  normal (so their signs are random) and times, best of REPEATS, adding to a gradient vector of
  the same size: the L1 subgradient λ·sign(w) as L1Penalty computes it (written as two selects
  rather than branches), the L2 gradient 2λw (L2Penalty, λ·w² convention), both through the
  penalty's vector method addDerivative on an `any Penalty`, and the same L1 subgradient written
  as nested if/else branches in a plain loop over the arrays. The times are taken inside the
  process (start-up and set-up excluded). λ = 0.1.
* numpy: `g += lam * np.sign(w)` and `g += 2 * lam * w` on 10^6 standard normal weights (their
  own seeded generator), each timed with time.perf_counter, best of the same repeats. Both
  expressions build temporaries, as written code would.
* Per-weight time = best seconds / 10^6. The L1/L2 ratios are printed for Regula's branch-free
  L1, Regula's branching L1 and numpy; the closing lines are computed from them. The effective
  bandwidth column counts 24 bytes per weight (read w, read g, write g); a loop that runs near
  the machine's memory bandwidth is limited by memory, not by the arithmetic of the penalty.
* Single-threaded: OPENBLAS_NUM_THREADS and OMP_NUM_THREADS default to 1 (numpy's elementwise
  operations do not use them anyway). --quick runs 3 repeats.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REGULA_BENCH = Path(os.environ.get("REGULA_BENCH", ROOT / ".build" / "release" / "regula-bench"))

SIZE = 1_000_000
LAMBDA = 0.1
BYTES_PER_WEIGHT = 24
# Ratios within this of 1 are reported as "about the same".
SAME_WITHIN = 0.10


def run_regula(repeats: int) -> dict:
    result = subprocess.run(
        [str(REGULA_BENCH), "penalty-cost", str(SIZE), str(repeats)], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"regula-bench penalty-cost failed ({result.returncode}): {result.stderr.strip()}")
    return json.loads(result.stdout)


def best_of(repeats: int, body) -> float:
    fastest = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        body()
        fastest = min(fastest, time.perf_counter() - start)
    return fastest


def run_numpy(repeats: int) -> dict:
    w = np.random.default_rng(1).standard_normal(SIZE)
    g = np.zeros(SIZE)
    lam = LAMBDA

    def l1():
        nonlocal g
        g += lam * np.sign(w)

    def l2():
        nonlocal g
        g += 2 * lam * w

    times = {"l1": best_of(repeats, l1), "l2": best_of(repeats, l2)}
    times["checksum"] = float(g.sum())
    return times


def describe(ratio: float) -> str:
    if abs(ratio - 1) <= SAME_WITHIN:
        return f"about the same as L2 ({ratio:.2f}×)"
    return f"{ratio:.2f}× L2" + (" (cheaper)" if ratio < 1 else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 repeats")
    parser.add_argument("--repeats", type=int, default=None, help="best of N runs (default 20; 3 with --quick)")
    options = parser.parse_args()
    repeats = options.repeats if options.repeats is not None else (3 if options.quick else 20)

    if not REGULA_BENCH.exists():
        print(f"{REGULA_BENCH} is missing: build the release products first", file=sys.stderr)
        return 1

    regula = run_regula(repeats)
    numpy_times = run_numpy(repeats)

    rows = [
        ("Regula L1, branch-free", regula["l1"]),
        ("Regula L1, branches", regula["l1_branches"]),
        ("Regula L2", regula["l2"]),
        ("numpy L1", numpy_times["l1"]),
        ("numpy L2", numpy_times["l2"]),
    ]
    print(f"penalty gradient added to a gradient vector of {SIZE:,} weights (random normal), λ {LAMBDA:g}, "
          f"best of {repeats}; numpy {np.__version__}")
    header = f"{'':<24} {'ns/weight':>10} {'GB/s':>7}"
    print("\n" + header)
    print("-" * len(header))
    for name, seconds in rows:
        per_weight = seconds / SIZE
        print(f"{name:<24} {per_weight * 1e9:>10.3f} {BYTES_PER_WEIGHT / per_weight / 1e9:>7.1f}")

    ratios = {
        "Regula (branch-free)": regula["l1"] / regula["l2"],
        "Regula (branches)": regula["l1_branches"] / regula["l2"],
        "numpy": numpy_times["l1"] / numpy_times["l2"],
    }
    print(f"\n{'L1/L2 time':<24}")
    for name, ratio in ratios.items():
        print(f"{name:<24} {ratio:>10.2f}")

    print(f"\nRegula: L1 costs {describe(ratios['Regula (branch-free)'])}; written with branches it "
          f"costs {describe(ratios['Regula (branches)'])}, {regula['l1_branches'] / regula['l1']:.2f}× the "
          f"branch-free form.")
    print(f"numpy: L1 costs {describe(ratios['numpy'])}. Regula's time over numpy's: L1 (branch-free) "
          f"{regula['l1'] / numpy_times['l1']:.2f}×, L2 {regula['l2'] / numpy_times['l2']:.2f}× (below 1: Regula faster).")
    # One pass over w and g should not be slower than numpy's two (a temporary, then g +=): if it
    # is, Regula's loop is not running at memory speed, and overhead per weight, not the penalty's
    # arithmetic, sets the times above (and their ratio).
    if regula["l2"] > numpy_times["l2"]:
        print(f"NOTE: Regula's L2 takes {regula['l2'] / numpy_times['l2']:.1f}× numpy's time, although numpy makes "
              f"two passes (a temporary, then g +=) and Regula one: Regula's loop is not limited by memory, so "
              f"overhead per weight, rather than the penalty's arithmetic, sets its times and its L1/L2 ratio.")
    print(f"(checksums: Regula {regula['checksum']:.6g}, numpy {numpy_times['checksum']:.6g}; they keep the work "
          f"from being optimized away and need not match)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
