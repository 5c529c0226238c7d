"""Multilayer-perceptron training benchmark: Regula against scikit-learn's MLPClassifier, side by
side in one run, on the same data with the same architecture and optimizer. Prints samples per
second, their ratio and both final training losses; speed is printed, never asserted.

Run it from the repository root:  python bench/mlp_bench.py [--quick] [--repeats N] [--epochs E]
It needs numpy and scikit-learn, and the release build of regula-bench
(.build/release/regula-bench; override with REGULA_BENCH=path).

What it measures, and how:
* Data: a binary classification problem, n = 10,000 samples of p = 20 independent standard
  Gaussian features (numpy generator seeded 20240), standardized (columns centered and divided
  by their population sd). Labels come from a fixed random nonlinear rule: a random
  20-16-1 tanh network (weights N(0, 1/p), biases N(0, 0.25), output weights N(0, 1), from the
  same generator), thresholded at its median output so the classes are balanced. --quick uses
  n = 2,000, 2 epochs and one repeat.
* Both train a 20-64-64-1 network with relu hidden layers and a sigmoid output on the logistic
  (binary cross-entropy) loss, with Adam (learning rate 1e-3, β1 0.9, β2 0.999, ε 1e-8),
  batches of 32 reshuffled every epoch, no penalty, for EPOCHS epochs (default 5).
* Regula: the problem goes to a temporary binary file (path_bench.py's layout, with k = 0) that
  `regula-bench mlp FILE EPOCHS REPEATS` reads; it reports the best-of-repeats wall time of the
  training alone (inside the process, so start-up and file reading are excluded) and the mean
  logistic loss on the whole training set after the last epoch. Its training loop also evaluates
  that whole-data loss after every epoch (one forward pass), which is inside its time.
* scikit-learn: MLPClassifier(hidden_layer_sizes=(64, 64), activation="relu", solver="adam",
  learning_rate_init=1e-3, beta_1=0.9, beta_2=0.999, epsilon=1e-8, batch_size=32, alpha=0 (no L2),
  max_iter=EPOCHS, tol=0, n_iter_no_change=EPOCHS+1 (never stops early), shuffle=True,
  random_state=0), timed around .fit with time.perf_counter, best of the same repeats (a fresh
  estimator each time). Its ConvergenceWarning (max_iter reached) is expected and suppressed.
* Speed: samples per second = n·EPOCHS / seconds, for each, and Regula's over scikit-learn's
  (the issue's target is at least 2).
* Losses, printed not asserted: Regula's final whole-data training loss; scikit-learn's
  loss_curve_[-1], which is the mean of the batch losses during the last epoch (the weights move
  while it is summed; with alpha = 0 it has no penalty term); and, for a like-for-like figure,
  scikit-learn's whole-data log loss after training (from predict_proba, outside the timing).
  The two networks start from different random weights (Regula: He-uniform, zero biases;
  scikit-learn: Glorot-uniform weights and biases) and see the batches in different orders,
  so the losses agree only roughly; a WARNING is printed when Regula's whole-data loss and
  scikit-learn's differ by more than a factor of WARN_FACTOR.
* Single-threaded: OPENBLAS_NUM_THREADS and OMP_NUM_THREADS default to 1 here and in the child
  process (both sides call BLAS for the layer products). Set them in the environment to override.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

# Single-threaded BLAS for both sides unless the caller says otherwise; before numpy loads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.metrics import log_loss  # noqa: E402
from sklearn.neural_network import MLPClassifier  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REGULA_BENCH = Path(os.environ.get("REGULA_BENCH", ROOT / ".build" / "release" / "regula-bench"))

HIDDEN = (64, 64)
BATCH = 32
LEARNING_RATE = 1e-3
SEED = 20240
TARGET_RATIO = 2.0
# The two sides start from different weights and shuffle differently; losses further apart than
# this factor suggest the two are not training the same model.
WARN_FACTOR = 1.5


def make_problem(n: int, p: int, seed: int):
    """Standardized Gaussian features; labels from a fixed random tanh network, split at the median."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, p))
    x = x - x.mean(axis=0)
    x = np.asfortranarray(x / x.std(axis=0))  # population sd (ddof = 0)
    hidden = 16
    w1 = rng.standard_normal((p, hidden)) / np.sqrt(p)
    b1 = 0.5 * rng.standard_normal(hidden)
    w2 = rng.standard_normal(hidden)
    score = np.tanh(x @ w1 + b1) @ w2
    y = (score > np.median(score)).astype(np.float64)
    return x, y


def write_problem(path: Path, x: np.ndarray, y: np.ndarray) -> None:
    """path_bench.py's layout: n, p, k as little-endian int64, X column-major, y, then k λ (none)."""
    n, p = x.shape
    with open(path, "wb") as out:
        out.write(np.array([n, p, 0], dtype="<i8").tobytes())
        out.write(np.asarray(x, dtype="<f8").tobytes(order="F"))
        out.write(np.asarray(y, dtype="<f8").tobytes())


def run_regula(problem: Path, epochs: int, repeats: int):
    result = subprocess.run(
        [str(REGULA_BENCH), "mlp", str(problem), str(epochs), str(repeats)],
        capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"regula-bench mlp failed ({result.returncode}): {result.stderr.strip()}")
    report = json.loads(result.stdout)
    return report["seconds"], report["loss"]


def run_sklearn(x, y, epochs: int, repeats: int):
    best, model = float("inf"), None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for _ in range(repeats):
            model = MLPClassifier(
                hidden_layer_sizes=HIDDEN, activation="relu", solver="adam", learning_rate_init=LEARNING_RATE,
                beta_1=0.9, beta_2=0.999, epsilon=1e-8, batch_size=BATCH, alpha=0.0, max_iter=epochs,
                tol=0.0, n_iter_no_change=epochs + 1, shuffle=True, random_state=0)
            start = time.perf_counter()
            model.fit(x, y)
            best = min(best, time.perf_counter() - start)
    whole_data = log_loss(y, model.predict_proba(x)[:, 1])
    return best, model.loss_curve_[-1], whole_data, model.n_iter_


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="n 2000, 2 epochs, one repeat")
    parser.add_argument("--repeats", type=int, default=None, help="best of N runs (default 3; 1 with --quick)")
    parser.add_argument("--epochs", type=int, default=None, help="epochs per run (default 5; 2 with --quick)")
    options = parser.parse_args()
    repeats = options.repeats if options.repeats is not None else (1 if options.quick else 3)
    epochs = options.epochs if options.epochs is not None else (2 if options.quick else 5)
    n, p = (2_000 if options.quick else 10_000), 20

    if not REGULA_BENCH.exists():
        print(f"{REGULA_BENCH} is missing: build the release products first", file=sys.stderr)
        return 1

    x, y = make_problem(n, p, SEED)
    print(f"MLP {p}-{HIDDEN[0]}-{HIDDEN[1]}-1 relu, sigmoid output, logistic loss; Adam lr {LEARNING_RATE:g}, "
          f"batch {BATCH}, {epochs} epochs, n {n}, class 1 share {y.mean():.3f}; best of {repeats}; "
          f"scikit-learn {sklearn.__version__}, numpy {np.__version__}; BLAS threads {os.environ['OPENBLAS_NUM_THREADS']}")
    with tempfile.TemporaryDirectory() as folder:
        problem = Path(folder) / "problem.bin"
        write_problem(problem, x, y)
        regula_s, regula_loss = run_regula(problem, epochs, repeats)
    sklearn_s, sklearn_curve_loss, sklearn_loss, sklearn_epochs = run_sklearn(x, y, epochs, repeats)

    samples = n * epochs
    regula_rate, sklearn_rate = samples / regula_s, samples / sklearn_s
    ratio = regula_rate / sklearn_rate
    print(f"\n{'':<13} {'seconds':>9} {'samples/s':>11} | {'final training log loss':>24}")
    print(f"{'Regula':<13} {regula_s:>9.4f} {regula_rate:>11,.0f} | {regula_loss:>12.4f} (whole data, after the last epoch)")
    print(f"{'scikit-learn':<13} {sklearn_s:>9.4f} {sklearn_rate:>11,.0f} | {sklearn_loss:>12.4f} (whole data, after the last epoch)")
    print(f"{'':<13} {'':>9} {'':>11} | {sklearn_curve_loss:>12.4f} (loss_curve_[-1]: mean batch loss during it)")
    print(f"\nRegula/scikit-learn samples per second: {ratio:.2f}×")

    if sklearn_epochs != epochs:
        print(f"WARNING: scikit-learn ran {sklearn_epochs} epochs, not {epochs}")
    larger, smaller = max(regula_loss, sklearn_loss), min(regula_loss, sklearn_loss)
    if not larger <= WARN_FACTOR * smaller:
        print(f"WARNING: the final whole-data losses differ by {larger / smaller:.2f}× (Regula {regula_loss:.4f}, "
              f"scikit-learn {sklearn_loss:.4f}), above {WARN_FACTOR:g}×: the two may not be training the same model")
    print(f"\ntarget: Regula at least {TARGET_RATIO:g}× scikit-learn's samples per second: "
          f"{'MET' if ratio >= TARGET_RATIO else 'NOT MET'} ({ratio:.2f}×)"
          + ("  [--quick: partial run]" if options.quick else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
