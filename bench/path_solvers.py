"""The five lasso-path solvers of bench/path_bench.py, each run at one of its own tolerances on
one problem, and the scoring every run gets the same way: the objective and the duality gap at
each λ, computed here from the solver's coefficients.

Every runner returns `Run`s. `passes` counts coordinate-descent sweeps as each solver defines
them, summed over the path: Regula's `fit.passes` and glmnet's `npasses` count sweeps over all
coordinates and over the active set alike; scikit-learn's `n_iter_` counts full sweeps; celer
and skglm sweep working sets, and report no epoch count, so their epochs are counted in an extra
untimed run (`count_passes=True`) that repeats the timed one exactly (both are deterministic).
"""
from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import lasso_path

# The default 1000 passes per λ is too few for the hardest problems (ρ = 0.5, p > n) at tight
# tolerances; glmnet's own cap is 1e5 passes.
SKLEARN_MAX_ITER = 100_000
# celer's and skglm's outer iterations (working-set rounds) per λ; their defaults (20, 50) end
# the tightest rungs early.
OUTER_ITERATIONS = 1000
# Best of at least `repeats` runs, and of more while they add up to less than this many seconds
# (at most MOST_REPEATS): a 10 ms path timed three times on a shared machine is mostly noise.
TIME_BUDGET = 0.3
# celer_path's default cap on the epochs of one working-set round (counted when a round hits it).
CELER_MAX_EPOCHS = 50_000
MOST_REPEATS = 25


@dataclass
class Run:
    """One path of one solver at one tolerance."""
    solver: str
    tolerance: float | str
    seconds: float
    objectives: np.ndarray      # per λ (NaN where the solver returned no fit)
    passes: int | None = None   # summed over the path; None if unknown
    coefs: np.ndarray | None = None       # p × k
    intercepts: np.ndarray | None = None  # k
    error: str | None = None    # why the run is not a whole path


def objectives(x, y, grid, coefs, intercepts=None):
    """1/(2n)||y - Xb - b0||² + λ||b||₁ per λ; coefs is p × k."""
    n = len(y)
    fitted = x @ coefs
    if intercepts is not None:
        fitted = fitted + intercepts
    residual = y[:, None] - fitted
    return (residual**2).sum(axis=0) / (2 * n) + grid * np.abs(coefs).sum(axis=0)


def dual_objectives(x, y, grid, coefs, intercepts=None):
    """The dual objective per λ at the rescaled-residual dual point (scikit-learn's and celer's
    primary one): u = s·(r - mean r), s = min(1, nλ/||Xᵀu||∞), D = 1/(2n)(||y||² - ||y - u||²).
    u is feasible for the problem with an intercept (Σu = 0, ||Xᵀu||∞ ≤ nλ), so every D is a
    lower bound on the minimum, whichever solver's coefficients it came from."""
    n = len(y)
    fitted = x @ coefs
    if intercepts is not None:
        fitted = fitted + intercepts
    residual = y[:, None] - fitted
    centered = residual - residual.mean(axis=0)
    correlation = np.max(np.abs(x.T @ centered), axis=0)
    scale = np.minimum(1.0, n * grid / np.maximum(correlation, np.finfo(float).tiny))
    dual_point = centered * scale
    return ((y**2).sum() - ((y[:, None] - dual_point) ** 2).sum(axis=0)) / (2 * n)


def failed(solver: str, tolerance, message: str, k: int) -> Run:
    return Run(solver, tolerance, float("inf"), np.full(k, np.nan), error=message)


def run_regula(executable: Path, problem: Path, coefs_file: Path, tolerance, repeats: int,
               x, y, grid) -> Run:
    """regula-bench at SolverOptions.tolerance = `tolerance` ("default" keeps Regula's)."""
    k, p = len(grid), x.shape[1]
    def call(count: int):
        return subprocess.run(
            [str(executable), "path", str(problem), str(tolerance), str(count), str(coefs_file)],
            capture_output=True, text=True)
    result = call(repeats)
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit status {result.returncode}"]
        return failed("Regula", tolerance, lines[-1], k)
    report = json.loads(result.stdout)
    if report["seconds"] * repeats < TIME_BUDGET:
        count = min(MOST_REPEATS, int(np.ceil(TIME_BUDGET / max(report["seconds"], 1e-6))))
        again = call(count)
        if again.returncode == 0:
            report = json.loads(again.stdout)
    values = np.fromfile(coefs_file, dtype="<f8")
    intercepts, coefs = values[:k], values[k:].reshape((p, k), order="F")
    return Run("Regula", tolerance, report["seconds"], objectives(x, y, grid, coefs, intercepts),
               int(sum(report["passes"])), coefs, intercepts)


def run_glmnet(script: Path, problem: Path, result_file: Path, thresholds, repeats: int,
               x, y, grid) -> tuple[list[Run], str]:
    """All of `thresholds` in one Rscript (R and glmnet load once); returns the runs and a line
    naming the R and glmnet versions."""
    k, p = len(grid), x.shape[1]
    run = subprocess.run(
        ["Rscript", str(script), str(problem), str(result_file),
         ",".join(repr(float(t)) for t in thresholds), str(repeats), str(TIME_BUDGET), str(MOST_REPEATS)],
        capture_output=True, text=True, check=True)
    values, at, runs = np.fromfile(result_file, dtype="<f8"), 0, []
    for thresh in thresholds:
        seconds, passes, jerr, m = values[at:at + 4]
        m = int(m)
        a0 = values[at + 4:at + 4 + m]
        beta = values[at + 4 + m:at + 4 + m + p * m].reshape((p, m), order="F")
        at += 4 + m + p * m
        obj = np.full(k, np.nan)
        obj[:m] = objectives(x, y, grid[:m], beta, a0)
        coefs, intercepts = np.zeros((p, k)), np.zeros(k)
        coefs[:, :m], intercepts[:m] = beta, a0
        error = None if jerr == 0 and m == k else f"glmnet jerr {int(jerr)}, {m} of {k} λ fitted"
        runs.append(Run("glmnet", thresh, float(seconds), obj, int(passes), coefs, intercepts, error))
    return runs, run.stdout.strip()


def timed(repeats: int, body):
    """The best wall time of body() over at least `repeats` calls (more within TIME_BUDGET), its
    last result, and how many ConvergenceWarnings one call raised."""
    best, spent, count, result = float("inf"), 0.0, 0, None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        while count < repeats or (spent < TIME_BUDGET and count < MOST_REPEATS):
            start = time.perf_counter()
            result = body()
            elapsed = time.perf_counter() - start
            best, spent, count = min(best, elapsed), spent + elapsed, count + 1
    unconverged = sum(issubclass(w.category, ConvergenceWarning) for w in caught) // count
    return best, result, unconverged


def run_sklearn(tol: float, repeats: int, x, y, grid) -> Run:
    """lasso_path at `tol`, defaults otherwise (precompute="auto": the Gram matrix when n > p)."""
    seconds, (_, coefs, _, n_iter), unconverged = timed(repeats, lambda: lasso_path(
        x, y, alphas=grid, tol=tol, max_iter=SKLEARN_MAX_ITER, return_n_iter=True))
    error = f"{unconverged} λ did not converge" if unconverged else None
    return Run("scikit-learn", tol, seconds, objectives(x, y, grid, coefs), int(np.sum(n_iter)),
               coefs, None, error)


def run_celer(tol: float, repeats: int, x, y, grid, count_passes: bool = False) -> Run:
    """celer_path at `tol` (its gap rule: gap ≤ tol·||y||²/n, as scikit-learn's). With
    count_passes, one untimed run that counts the epochs instead (seconds NaN)."""
    from celer import celer_path

    def path(verbose=0):
        return celer_path(x, y, "lasso", alphas=grid, tol=tol, max_iter=OUTER_ITERATIONS,
                          verbose=verbose)
    if not count_passes:
        seconds, (_, coefs, _), unconverged = timed(repeats, path)
        error = f"{unconverged} λ did not converge" if unconverged else None
        return Run("celer", tol, seconds, objectives(x, y, grid, coefs), None, coefs, None, error)
    # verbose=2 prints each working-set round ("N feats in subpb") and the epoch its inner
    # solver left at ("Exit epoch E": E epochs done); a round without one ran max_epochs.
    text = io.StringIO()
    with contextlib.redirect_stdout(text), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        _, coefs, _ = path(verbose=2)
    passes, open_round = 0, False
    for line in text.getvalue().splitlines():
        if "feats in subpb" in line:
            passes += CELER_MAX_EPOCHS if open_round else 0
            open_round = True
        elif (match := re.match(r"Exit epoch (\d+)", line)) and open_round:
            passes += int(match.group(1))
            open_round = False
    passes += CELER_MAX_EPOCHS if open_round else 0
    return Run("celer", tol, float("nan"), objectives(x, y, grid, coefs), passes, coefs)


def run_skglm(tol: float, repeats: int, x, y, grid, count_passes: bool = False) -> Run:
    """skglm's AndersonCD (the solver of skglm.Lasso) along the path at `tol` (its rule: the
    largest distance of the gradient to the subdifferential, in the objective's units). With
    count_passes, one untimed run that counts the epochs instead (seconds NaN)."""
    from skglm.datafits import Quadratic
    from skglm.penalties import L1
    from skglm.solvers import AndersonCD, anderson_cd

    def path():
        solver = AndersonCD(tol=tol, max_iter=OUTER_ITERATIONS, fit_intercept=False)
        return solver.path(x, y, Quadratic(), L1(alpha=grid[0]), alphas=grid)
    if not count_passes:
        seconds, (_, coefs, stop), _ = timed(repeats, path)
        over = int(np.sum(stop > tol))
        error = f"{over} λ did not reach tol" if over else None
        return Run("skglm", tol, seconds, objectives(x, y, grid, coefs), None, coefs, None, error)
    # _solve calls the module's compiled _cd_epoch once per epoch over the working set.
    epoch, calls = anderson_cd._cd_epoch, [0]

    def counting(*arguments):
        calls[0] += 1
        return epoch(*arguments)
    anderson_cd._cd_epoch = counting
    try:
        _, coefs, _ = path()
    finally:
        anderson_cd._cd_epoch = epoch
    return Run("skglm", tol, float("nan"), objectives(x, y, grid, coefs), calls[0], coefs)


def warm_up_skglm() -> None:
    """numba compiles skglm's kernels on first use: do it before anything is timed."""
    rng = np.random.default_rng(0)
    x = np.asfortranarray(rng.standard_normal((20, 5)))
    y = rng.standard_normal(20)
    run_skglm(1e-6, 1, x, y, np.array([0.1, 0.05]), count_passes=False)
