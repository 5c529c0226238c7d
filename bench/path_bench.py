"""Lasso path benchmark: Regula against R's glmnet, scikit-learn, celer and skglm in one run, on
the same data and the same λ grid. Prints two tables, times and passes over the data beside
accuracy; speed is printed, never asserted.

Run it from the repository root:
    .venv/bin/python bench/path_bench.py [--quick] [--repeats N] [--shape NxP ...] [--rho R ...]
It needs numpy and scikit-learn (scripts/requirements.txt), `Rscript` with the glmnet package on
PATH (Debian: apt-get install r-cran-glmnet), the release build of regula-bench
(.build/release/regula-bench; override with REGULA_BENCH=path), and for two of the columns celer
and skglm: `.venv/bin/pip install -r bench/requirements.txt` (pinned, against the numpy and
scikit-learn pins; a missing one is named and its column skipped). The whole run takes about
5-10 minutes on this machine; --quick runs the two smallest problems with one repeat, --shape
and --rho pick problems (e.g. --shape 100x5000 --rho 0.5).

What it measures, and how:
* Problems follow Friedman, Hastie & Tibshirani (2010, J. Stat. Softw. 33(1), section 5):
  Gaussian features with equal pairwise correlation ρ, X_ij = sqrt(1-ρ) Z_ij + sqrt(ρ) U_i,
  β_j = (-1)^j exp(-2(j-1)/20), y = Xβ + k·ε with k chosen so that the signal-to-noise ratio
  βᵀΣβ / k² is 3 (Σ = (1-ρ)I + ρ11ᵀ). Shapes (n, p) = (1000, 100), (5000, 100), (100, 1000),
  (100, 5000) at ρ = 0 and 0.5, each from its own seeded numpy generator.
* Every solver gets the same standardized data (columns centered and divided by their
  population sd, y centered) and the same grid, glmnet's: λ_max = max_j |x_jᵀy| / n, 100
  values log-spaced down to λ_max·0.01 if n < p, else λ_max·1e-4; the problem is
  1/(2n)||y - Xb - b0||² + λ||b||₁ at each λ. All run single-threaded: OPENBLAS_NUM_THREADS and
  OMP_NUM_THREADS default to 1 here and in the child processes.
* The solvers and their tolerance knobs (bench/path_solvers.py runs them):
  Regula: `regula-bench path` (SolverOptions.tolerance: duality gap over the null objective,
  default 1e-12; every fit also certified by its KKT residual). glmnet: bench/glmnet_path.R,
  thresh (default 1e-7, on the last pass's largest change), standardize = FALSE, intercept.
  scikit-learn: lasso_path, tol (gap ≤ tol·||y||²/n), max_iter 1e5, precompute "auto" (the
  Gram matrix when n > p). celer: celer_path, tol (the same gap rule), dual extrapolation and
  working sets. skglm: AndersonCD (skglm.Lasso's solver) along the path, tol (largest distance
  of the gradient to the subdifferential). Times are wall clock of the path alone, best of
  REPEATS (default 3): inside regula-bench and inside R for those two, perf_counter here for
  the Python ones (skglm's numba kernels are compiled before anything is timed).
* The reference path, per problem: at each λ the smallest objective any run reached (every run
  of every solver counts, among them a tight run of each: Regula 1e-14, scikit-learn 1e-12,
  celer 1e-13, skglm 1e-10, glmnet down to 1e-16). It is certified by duality: each run's
  coefficients give a dual point (the rescaled residual, path_solvers.dual_objectives), every
  dual value is a lower bound on the minimum, and the "certified" column prints the largest
  (reference - best dual) / reference over λ: the reference is at most that far above the
  optimum. All objectives are computed here from the coefficients, the same way for all.
* Table 1, at defaults: Regula at its defaults, glmnet at thresh 1e-7 (its default) and
  scikit-learn at tol 1e-4 (n > p) or 1e-5 (p > n): the loosest decades whose objectives were
  at least as accurate as glmnet's at 1e-7 (measured before; see SKLEARN_MATCHED). Ratios
  other/Regula (> 1: Regula faster) and each one's largest relative excess over the reference.
* Table 2, accuracy-matched: per solver, the fastest run over its ladder of tolerances (LADDERS,
  decades from loose to tight) whose objective is within 1e-9 (relative) of the reference at
  every λ. A ladder is walked from its loose end and stops one rung after the first qualifying
  one (tighter rungs only cost more); a rung that fails (an error, a path cut short) does not
  qualify. Beside each time: the tolerance and the passes per λ (coordinate sweeps over all
  coordinates or a working set, summed over the path and divided by 100; see path_solvers for
  each solver's count). The ratio is the fastest other solver's time over Regula's.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

# Single-threaded BLAS for every solver unless the caller says otherwise; before numpy loads.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import numpy as np  # noqa: E402
import sklearn  # noqa: E402

import path_solvers as solvers  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
REGULA_BENCH = Path(os.environ.get("REGULA_BENCH", ROOT / ".build" / "release" / "regula-bench"))
GLMNET_SCRIPT = Path(__file__).resolve().parent / "glmnet_path.R"

SHAPES = [(1000, 100), (5000, 100), (100, 1000), (100, 5000)]
RHOS = [0.0, 0.5]
NLAMBDA = 100
SNR = 3.0
# The accuracy of table 2: a run's objective within this (relative) of the reference at every λ.
ACCURACY = 1e-9
SOLVERS = ["Regula", "glmnet", "scikit-learn", "celer", "skglm"]

# Each solver's own tolerance, loose to tight (Regula's "default" is 1e-12). glmnet's ladder runs
# whole in one Rscript call; its tightest rungs stop at glmnet's cap of 1e5 passes on the hard
# problems, which cuts their paths short (they then only add λ to the reference).
LADDERS = {
    "Regula": ["1e-6", "1e-8", "1e-10", "default", "1e-14"],
    "glmnet": [10.0**-e for e in range(7, 17)],
    "scikit-learn": [10.0**-e for e in range(4, 13)],
    "celer": [10.0**-e for e in range(5, 14)],
    "skglm": [10.0**-e for e in range(4, 12)],
}
# One tight run each, for the reference only (timed once; not a candidate in table 2).
TIGHT = {"Regula": "1e-14", "scikit-learn": 1e-12, "celer": 1e-13, "skglm": 1e-10}

# glmnet's default thresh, and scikit-learn's tol matched to it for table 1. Against reference
# paths (scikit-learn at tol 1e-13) on exactly these eight problems, the largest relative
# objective error over λ was
#                         glmnet 1e-7   sklearn 1e-3   sklearn 1e-4   sklearn 1e-5
#   n > p, ρ = 0            5e-8, 7e-9    4e-4, 5e-5     2e-9, 3e-9     3e-11, 7e-12
#   n > p, ρ = 0.5          1e-5, 1e-5    6e-6, 3e-6     9e-8, 8e-8     1e-9, 1e-9
#   p > n, ρ = 0            3e-4, 3e-4    2e-2, 4e-2     1e-3, 2e-3     6e-5, 2e-4
#   p > n, ρ = 0.5          9e-4, 4e-4    2e-2, 2e-2     5e-4, 8e-4     4e-7, 1e-7
# (pairs: p = 100 or 1000 first, then n = 5000 or p = 5000). The loosest decade at least as
# accurate as glmnet on every problem of its kind is 1e-4 (the default) when n > p and 1e-5 when
# p > n.
GLMNET_DEFAULT = 1e-7


def sklearn_matched(n: int, p: int) -> float:
    return 1e-4 if n > p else 1e-5


@dataclass
class Problem:
    n: int
    p: int
    rho: float
    seed: int
    runs: list = field(default_factory=list)  # every Run, in the order made
    reference: np.ndarray | None = None
    certified: float = float("nan")            # max over λ of (reference - best dual)/reference
    matched: dict = field(default_factory=dict)  # solver -> fastest qualifying Run


def make_problem(n: int, p: int, rho: float, seed: int):
    """Friedman, Hastie & Tibshirani (2010) design, standardized, with glmnet's λ grid."""
    rng = np.random.default_rng(seed)
    z = rng.standard_normal((n, p))
    u = rng.standard_normal((n, 1))
    x = np.sqrt(1 - rho) * z + np.sqrt(rho) * u
    j = np.arange(1, p + 1)
    beta = (-1.0) ** j * np.exp(-2 * (j - 1) / 20)
    signal = (1 - rho) * beta @ beta + rho * beta.sum() ** 2  # βᵀΣβ
    k = np.sqrt(signal / SNR)
    y = x @ beta + k * rng.standard_normal(n)

    x = x - x.mean(axis=0)
    x = np.asfortranarray(x / x.std(axis=0))  # population sd (ddof = 0)
    y = y - y.mean()
    lambda_max = np.max(np.abs(x.T @ y)) / n
    ratio = 0.01 if n < p else 1e-4
    grid = np.geomspace(lambda_max, lambda_max * ratio, NLAMBDA)
    return x, y, grid


def write_problem(path: Path, x: np.ndarray, y: np.ndarray, grid: np.ndarray) -> None:
    n, p = x.shape
    with open(path, "wb") as out:
        out.write(np.array([n, p, len(grid)], dtype="<i8").tobytes())
        out.write(np.asarray(x, dtype="<f8").tobytes(order="F"))
        out.write(np.asarray(y, dtype="<f8").tobytes())
        out.write(np.asarray(grid, dtype="<f8").tobytes())


def excess(objectives: np.ndarray, reference: np.ndarray) -> float:
    """The largest relative distance over λ from the reference (inf where a λ is missing)."""
    distance = np.abs(objectives - reference) / reference
    return float(np.max(np.where(np.isfinite(distance), distance, np.inf)))


class Bench:
    """Runs the solvers on one problem, keeping every run and the best dual value per λ."""

    def __init__(self, problem: Problem, x, y, grid, folder: Path, repeats: int, available):
        self.problem, self.x, self.y, self.grid = problem, x, y, grid
        self.folder, self.repeats, self.available = folder, repeats, available
        self.problem_file = folder / "problem.bin"
        write_problem(self.problem_file, x, y, grid)
        self.best_dual = np.full(len(grid), -np.inf)
        self.glmnet_version = None

    def keep(self, run):
        """Scores the run's dual point, then drops its coefficients."""
        if run.coefs is not None:
            dual = solvers.dual_objectives(self.x, self.y, self.grid, run.coefs, run.intercepts)
            self.best_dual = np.fmax(self.best_dual, np.where(np.isfinite(run.objectives), dual, -np.inf))
            run.coefs = run.intercepts = None
        self.problem.runs.append(run)
        return run

    def run(self, solver: str, tolerance, repeats: int, count_passes: bool = False):
        x, y, grid = self.x, self.y, self.grid
        if solver == "Regula":
            made = solvers.run_regula(REGULA_BENCH, self.problem_file, self.folder / "regula.bin",
                                      tolerance, repeats, x, y, grid)
        elif solver == "scikit-learn":
            made = solvers.run_sklearn(tolerance, repeats, x, y, grid)
        elif solver == "celer":
            made = solvers.run_celer(tolerance, repeats, x, y, grid, count_passes)
        else:
            made = solvers.run_skglm(tolerance, repeats, x, y, grid, count_passes)
        return self.keep(made)

    def glmnet_ladder(self):
        runs, self.glmnet_version = solvers.run_glmnet(
            GLMNET_SCRIPT, self.problem_file, self.folder / "glmnet.bin", LADDERS["glmnet"],
            self.repeats, self.x, self.y, self.grid)
        return [self.keep(run) for run in runs]

    def reference(self):
        objectives = np.array([run.objectives for run in self.problem.runs])
        with np.errstate(invalid="ignore"):
            reference = np.nanmin(np.where(np.isfinite(objectives), objectives, np.nan), axis=0)
        return reference

    def walk(self, solver: str, reference):
        """Loose to tight; stops one rung after the first that qualifies."""
        qualifying, after = [], None
        for tolerance in LADDERS[solver]:
            run = self.run(solver, tolerance, self.repeats)
            if excess(run.objectives, reference) <= ACCURACY:
                qualifying.append(run)
            if after is not None:
                break
            if qualifying:
                after = run
        return qualifying

    def measure(self):
        """Tight runs, then each ladder; the reference and its certificate from all of them."""
        problem = self.problem
        glmnet_runs = self.glmnet_ladder()
        for solver, tolerance in TIGHT.items():
            if solver in self.available:
                self.run(solver, tolerance, 1)
        provisional = self.reference()
        walked = {"glmnet": [r for r in glmnet_runs if excess(r.objectives, provisional) <= ACCURACY]}
        for solver in SOLVERS:
            if solver != "glmnet" and solver in self.available:
                walked[solver] = self.walk(solver, provisional)
        if not any(r.solver == "Regula" and r.tolerance == "default" and np.isfinite(r.seconds)
                   for r in problem.runs):
            self.run("Regula", "default", self.repeats)
        problem.reference = self.reference()
        problem.certified = float(np.max((problem.reference - self.best_dual) / problem.reference))
        for solver, runs in walked.items():
            runs = [r for r in runs if excess(r.objectives, problem.reference) <= ACCURACY]
            if runs:
                fastest = min(runs, key=lambda r: r.seconds)
                if fastest.passes is None:
                    # celer's and skglm's epochs are counted in an untimed repeat of the same run.
                    fastest.passes = self.run(solver, fastest.tolerance, 1, count_passes=True).passes
                problem.matched[solver] = fastest


def find(problem: Problem, solver: str, tolerance):
    for run in problem.runs:
        if run.solver == solver and run.tolerance == tolerance and np.isfinite(run.seconds):
            return run
    return None


def label(p: Problem) -> str:
    return f"{p.n:>5} {p.p:>5} {p.rho:>4.1f}"


def title(p: Problem) -> str:
    return f"{p.n}x{p.p} ρ={p.rho}"


# Column headings.
SHORT = {"scikit-learn": "sklearn"}


def print_defaults(problems) -> list:
    print("\nTable 1, at defaults: Regula at its defaults, glmnet at thresh 1e-7, scikit-learn at tol "
          "1e-4 (n > p) / 1e-5 (p > n); ratios other/Regula (> 1: Regula faster); excess: the largest "
          "relative distance over λ from the reference path")
    header = (f"{'n':>5} {'p':>5} {'ρ':>4} | {'Regula s':>9} {'sklearn s':>9} {'glmnet s':>9} | "
              f"{'skl/Reg':>7} {'glm/Reg':>7} | {'excess Reg':>10} {'skl':>8} {'glm':>8} | "
              f"{'passes/λ Reg':>12} {'skl':>6} {'glm':>6}")
    print(header)
    print("-" * len(header))
    notes, slower = [], []
    for p in problems:
        runs = [find(p, "Regula", "default"), find(p, "scikit-learn", sklearn_matched(p.n, p.p)),
                find(p, "glmnet", GLMNET_DEFAULT)]
        if any(r is None for r in runs):
            notes.append(f"{label(p)}: a run is missing (" + ", ".join(
                solver for solver, r in zip(("Regula", "scikit-learn", "glmnet"), runs) if r is None) + ")")
            continue
        regula, skl, glm = runs
        errors = [excess(r.objectives, p.reference) for r in runs]
        per = [r.passes / NLAMBDA for r in runs]
        print(f"{label(p)} | {regula.seconds:>9.4f} {skl.seconds:>9.4f} {glm.seconds:>9.4f} | "
              f"{skl.seconds / regula.seconds:>7.2f} {glm.seconds / regula.seconds:>7.2f} | "
              f"{errors[0]:>10.1e} {errors[1]:>8.1e} {errors[2]:>8.1e} | "
              f"{per[0]:>12.1f} {per[1]:>6.0f} {per[2]:>6.0f}")
        notes += [f"{label(p)}: {r.solver} {r.tolerance}: {r.error}" for r in runs if r.error]
        if glm.seconds < regula.seconds:
            slower.append(p)
    for note in notes:
        print("  note:", note)
    return slower


def print_matched(problems, available) -> list:
    shown = [s for s in SOLVERS if s in available]
    print(f"\nTable 2, accuracy-matched: each solver's fastest run whose objective is within {ACCURACY:g} "
          "(relative) of the reference at every λ; ratio: the fastest other solver's time / Regula's "
          "(> 1: Regula faster); certified: how far the reference can be above the optimum (relative)")
    header = (f"{'n':>5} {'p':>5} {'ρ':>4} | {'certified':>9} | "
              + " ".join(f"{SHORT.get(solver, solver) + ' s':>11}" for solver in shown)
              + f" | {'ratio':>5} {'fastest other':>13}")
    print(header)
    print("-" * len(header))
    behind = []
    for p in problems:
        cells = []
        for solver in shown:
            run = p.matched.get(solver)
            cells.append(f"{run.seconds:>11.4f}" if run else f"{'none':>11}")
        regula = p.matched.get("Regula")
        others = [p.matched[s] for s in shown if s != "Regula" and s in p.matched]
        fastest = min(others, key=lambda r: r.seconds) if others else None
        ratio = f"{fastest.seconds / regula.seconds:>5.2f}" if regula and fastest else f"{'-':>5}"
        if regula and fastest and fastest.seconds < regula.seconds:
            behind.append(p)
        print(f"{label(p)} | {p.certified:>9.1e} | " + " ".join(cells)
              + f" | {ratio} {fastest.solver if fastest else '-':>13}")
    print("\nthe same runs: tolerance, passes per λ (coordinate sweeps, full or working set)")
    header = f"{'n':>5} {'p':>5} {'ρ':>4} | " + " ".join(f"{SHORT.get(solver, solver):>16}" for solver in shown)
    print(header)
    print("-" * len(header))
    for p in problems:
        cells = []
        for solver in shown:
            run = p.matched.get(solver)
            if run is None:
                cells.append(f"{'none':>16}")
            else:
                passes = f"{run.passes / NLAMBDA:.1f}" if run.passes is not None else "?"
                cells.append(f"{str(run.tolerance):>8} {passes:>7}")
        print(f"{label(p)} | " + " ".join(cells))
    for p in problems:
        if not p.certified <= ACCURACY / 100:
            print(f"  WARNING: {label(p)}: the reference is certified only to {p.certified:.1e}, "
                  f"too loose to judge {ACCURACY:g}")
        for solver in shown:
            if solver not in p.matched:
                tried = [r for r in p.runs if r.solver == solver and r.tolerance in LADDERS[solver]]
                best = min((excess(r.objectives, p.reference) for r in tried), default=float("nan"))
                print(f"  note: {label(p)}: no {solver} run qualified (closest {best:.1e})")
    return behind


def missing_packages() -> dict:
    return {name: module for name, module in (("celer", "celer"), ("skglm", "skglm"))
            if importlib.util.find_spec(module) is None}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the two smallest problems, one repeat")
    parser.add_argument("--repeats", type=int, default=None, help="best of N runs (default 3; 1 with --quick)")
    parser.add_argument("--shape", action="append", default=[], help="only NxP (repeatable), e.g. 100x5000")
    parser.add_argument("--rho", action="append", type=float, default=[], help="only this ρ (repeatable)")
    options = parser.parse_args()
    repeats = options.repeats if options.repeats is not None else (1 if options.quick else 3)

    if not REGULA_BENCH.exists():
        print(f"{REGULA_BENCH} is missing: build the release products first", file=sys.stderr)
        return 1
    if shutil.which("Rscript") is None:
        print("Rscript is missing: install R and glmnet (Debian: apt-get install r-cran-glmnet)", file=sys.stderr)
        return 1
    missing = missing_packages()
    for solver in missing:
        print(f"note: {solver} is not installed, its column is skipped "
              "(install it with .venv/bin/pip install -r bench/requirements.txt)")
    available = [s for s in SOLVERS if s not in missing]

    problems = [Problem(n, p, rho, 20100 + 10 * index + int(rho * 2))
                for index, (n, p) in enumerate(SHAPES) for rho in RHOS]
    if options.quick:
        problems = sorted(problems, key=lambda item: item.n * item.p)[:2]
    if options.shape:
        wanted = {tuple(int(v) for v in shape.lower().split("x")) for shape in options.shape}
        problems = [p for p in problems if (p.n, p.p) in wanted]
    if options.rho:
        problems = [p for p in problems if p.rho in options.rho]
    if not problems:
        print("no problem matches --shape/--rho", file=sys.stderr)
        return 2

    versions = [f"scikit-learn {sklearn.__version__}", f"numpy {np.__version__}"]
    for solver in ("celer", "skglm"):
        if solver in available:
            versions.append(f"{solver} {__import__(solver).__version__}")
    if "skglm" in available:
        solvers.warm_up_skglm()
    load = os.getloadavg()
    print(f"lasso path, {NLAMBDA} λ, best of {repeats}; {', '.join(versions)}; BLAS threads "
          f"{os.environ['OPENBLAS_NUM_THREADS']}; load average at start {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    glmnet_version = None
    with tempfile.TemporaryDirectory() as folder:
        for problem in problems:
            x, y, grid = make_problem(problem.n, problem.p, problem.rho, problem.seed)
            bench = Bench(problem, x, y, grid, Path(folder), repeats, available)
            bench.measure()
            glmnet_version = bench.glmnet_version
            times = ", ".join(f"{s} {problem.matched[s].seconds:.4f}s" for s in available if s in problem.matched)
            print(f"  done n={problem.n} p={problem.p} ρ={problem.rho}: {len(problem.runs)} runs; "
                  f"matched: {times}", flush=True)
    load = os.getloadavg()
    print(f"{glmnet_version}; load average at end {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} "
          f"(2 cores shared with other work: ratios are noisy)")

    slow_default = print_defaults(problems)
    behind = print_matched(problems, available)
    print(f"\ntargets: at defaults no slower than glmnet at 1e-7: {'MET' if not slow_default else 'NOT MET'}"
          + ("" if not slow_default else f" (slower on {', '.join(map(title, slow_default))})")
          + f"; accuracy-matched, at least the fastest other: {'MET' if not behind else 'NOT MET'}"
          + ("" if not behind else f" (behind on {', '.join(map(title, behind))})")
          + ("  [partial run]" if len(problems) < len(SHAPES) * len(RHOS) else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
