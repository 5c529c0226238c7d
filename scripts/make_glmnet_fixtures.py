#!/usr/bin/env python3
"""Make R glmnet reference fits, whole paths and cv.glmnet results for Regula's tests (issue 11).

Writes ``Tests/RegulaLearningTests/Fixtures/glmnet.json``, read by ``GlmnetTests.swift``, which
fits every problem at Regula's *default* ``SolverOptions()`` and compares.

What is in it
-------------
Seeded problems (numpy ``default_rng`` with a seed per problem; the data are written into the
fixture, so the tests never regenerate them) and the bundled real data (``data/diabetes.csv``,
``data/prostate.csv``): n < p, equicorrelated rho = 0.9, duplicated columns, a constant column,
features on scales from 1e-3 to 1e4 (standardized and not), a nearly separable logistic
problem. Models: the lasso, the elastic net at alpha 0.8, 0.5 and 0.2, ridge; logistic L1,
elastic net (0.5) and L2. Duplicated columns make the lasso's solution non-unique, so they get
only models with a ridge part. For each problem and model:

* ``fits``: single fits, one glmnet call with a one-value ``lambda`` each, at three lambdas
  (geometric midpoints between grid values at 20 %, 50 % and 85 % along the path);
* ``paths``: the whole path over a given decreasing ``lambda`` (glmnet's own grid formula:
  25 (n < p) or 40 values from lambda_max, times 1 + 1e-5 so that the first solution is
  clearly 0, down to lambda_max * ratio, ratio 0.01 when n < p and 1e-4 otherwise, lambda_max
  computed with max(alpha, 1e-3) as glmnet does), with every lambda's coefficients,
  intercept, objective and the order of entry;
* ``cv``: ``cv.glmnet`` with ``foldid`` given (drawn here: a seeded permutation, sample
  ``perm[i]`` in fold ``i mod k``, stored 0-based, passed to R 1-based) over the path's lambdas:
  ``cvm``, ``cvsd``, ``lambda.min``, ``lambda.1se`` and their indices. Gaussian CV uses the
  lasso only (see the y standardization below: with alpha < 1 each fold has its own).

glmnet's conventions, and how the fixture states them in Regula's
-----------------------------------------------------------------
* Objective (``standardize = TRUE``, glmnet's and Regula's default): on the features
  standardized internally (centered, divided by the *population* sd; a constant column is
  dropped by glmnet and stays 0 in Regula), with the unpenalized intercept b0,
  ``1/(2n) ||y - b0 - X~b~||^2 + lambda (alpha ||b~||_1 + (1 - alpha)/2 ||b~||^2)`` (Gaussian) or
  ``-(1/n) loglik + the same penalty`` (binomial, y in {0, 1}); coefficients are returned in
  the original units (b = b~ / sd). ``standardize = FALSE``: the features as given.
* **glmnet's Gaussian family also standardizes y**: it fits y/ys with lambda/ys (ys the
  population sd of y) and scales the coefficients back, so its ridge part is really
  ``lambda (1 - alpha) / (2 ys) ||b~||^2``. The lasso is unaffected; for alpha < 1 glmnet's
  (lambda, alpha) is Regula's literal elastic net at ``penalty_lambda = c * lambda`` and
  ``penalty_mix = alpha / c`` with ``c = alpha + (1 - alpha) / ys``. c does not depend on
  lambda, so a glmnet path is a Regula path at one mix over lambdas scaled by c. (glmnet's
  documentation says so: "if you wish to reproduce/compare results with other software, best
  to supply a standardized y".) Binomial: no such scaling, c = 1.
* ``objective`` is that literal objective at (``penalty_lambda``, ``penalty_mix``) on the
  features Regula works on (standardized or only centered): what ``fit.objective`` reports.
* cv.glmnet (4.1-6) with its defaults ``grouped = TRUE``, type.measure "mse" (Gaussian) or
  "deviance" (binomial): per fold the mean of the held-out errors, then ``cvm`` is the mean of
  the fold means weighted by fold size and ``cvsd = sqrt(weighted mean of (fold mean - cvm)^2
  / (k - 1))``. The binomial deviance clips the held-out probabilities to [1e-5, 1 - 1e-5].
  ``lambda.min`` is the largest lambda with the smallest cvm, ``lambda.1se`` the largest
  with cvm <= cvm[min] + cvsd[min]. This script recomputes cvm and cvsd from its own fold
  fits (each KKT-checked) by those formulas and fails unless cv.glmnet's agree to 1e-12.

Run to convergence, and checked
-------------------------------
glmnet runs with ``thresh = 1e-30`` (it stops when the largest v_j * (change of b_j)^2 of a pass
is below thresh, so its default 1e-7 bounds a pass's movement by about 3e-4, not the distance
to the optimum), ``maxit = 1e9`` and ``pmin = 1e-100`` (its default 1e-9 clamps fitted
probabilities while fitting, which moves nearly separable solutions); see
``glmnet_fixtures.R``. Every stored solution (and every fold fit of a CV) is checked here, in
extended precision (numpy longdouble), against the KKT conditions of the literal objective
above in the working coordinates: the largest violation (the intercept's condition included)
divided by ``penalty_lambda`` is stored as ``kkt`` and must be below ``KKT_LIMIT`` (1e-9,
Regula's own kktTolerance) plus ``ROUNDING`` (1e-14) of max |gradient at b = 0| (the floor that
rounding puts under glmnet's gradients, which matters at the smallest lambdas). glmnet's
fixed point in double precision reaches 3e-14 to 8.5e-10 of lambda (the worst: columns with
mean/sd up to 1e3 at lambda_max * 1e-4); coefficient errors are then below about
kkt / (1 - alpha) relative for a ridge part, far inside the tests' 1e-6. Every exact zero must
be clearly a zero (its |gradient| at most (1 - MARGIN) * lambda * mix) and every nonzero
clearly nonzero (v_j |b~_j| >= MARGIN * lambda * mix, v_j its coordinate's curvature: about how
far from the zero's edge it puts the gradient), MARGIN = 1e-6, so that comparing exact-zero
patterns without a tolerance is well defined. The script refuses to write a fixture otherwise.

Format (one JSON object; floats written by Python's json, shortest round-trip repr, except
coefficients and intercepts, rounded to 12 significant digits to keep the file small; KKT and
objectives are those of the unrounded solution)::

    {"glmnet": version, "R": version,
     "problems": [{"name", "family": "gaussian"|"binomial", "X" (rows), "y", "notes"}],
     "fits":  [{"name", "problem", "alpha", "lambda", "standardize", "penalty_lambda",
                "penalty_mix", "intercept", "coef", "objective", "kkt"}],
     "paths": [{"name", "problem", "alpha", "standardize", "lambdas", "penalty_lambdas",
                "penalty_mix", "intercepts", "coefs" (per lambda), "objectives",
                "order_of_entry" (0-based, ties at one lambda by index), "kkt" (max)}],
     "cv":    [{"name", "problem", "alpha", "standardize", "lambdas", "penalty_lambdas",
                "penalty_mix", "foldid" (0-based), "folds", "cvm", "cvsd", "lambda_min",
                "lambda_1se", "index_min", "index_1se" (0-based)}]}

How to rerun
------------
R's glmnet from Debian (``apt-get install r-base-core r-cran-glmnet``; made with glmnet 4.1-6),
then from the repository root, with the project's venv (numpy; ``make_sklearn_fixtures.py``,
whose objective, KKT check and data generators this reuses, imports scikit-learn)::

    .venv/bin/python scripts/make_glmnet_fixtures.py

It is deterministic: a rerun rewrites the same file (up to the last bits of BLAS reductions).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_sklearn_fixtures as base  # noqa: E402

R_SCRIPT = Path(__file__).resolve().parent / "glmnet_fixtures.R"
GLMNET_VERSION = "4.1.6"
KKT_LIMIT = 1e-9    # largest KKT violation of a stored solution, relative to penalty_lambda
ROUNDING = 1e-14    # ... plus this much of max |gradient at 0| (rounding)
MARGIN = 1e-6       # how clearly a zero is a zero and a nonzero nonzero (relative)
CV_AGREEMENT = 1e-12


# --------------------------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------------------------

class Problem:
    def __init__(self, name, family, X, y, notes, standardize=True):
        self.name, self.family, self.notes, self.standardize = name, family, notes, standardize
        self.X, self.y = np.asarray(X, float), np.asarray(y, float)

    @property
    def regula_family(self):
        return "gaussian" if self.family == "gaussian" else "logistic"


def read_csv(name):
    lines = (base.REPO / "data" / f"{name}.csv").read_text().splitlines()
    header = lines[0].split(",")
    return header, np.array([[float(v) for v in line.split(",")] for line in lines[1:] if line])


def gaussian(seed, n, p, k, name, notes, standardize=True, duplicate=0, constant=None, **design):
    X, y = base.gaussian_data(seed, n, p, k, **design)
    return finish(Problem(name, "gaussian", X, y, notes, standardize), duplicate, constant)


def binomial(seed, n, p, k, name, notes, duplicate=0, scale=1.0, **design):
    rng = np.random.default_rng(seed)
    X = base.design(rng, n, p, **design)
    beta = scale * base.sparse_truth(rng, p, k)
    y = (rng.uniform(size=n) < base.sigmoid(X @ beta)).astype(float)
    return finish(Problem(name, "binomial", X, y, notes), duplicate, None)


def finish(problem, duplicate, constant):
    if duplicate:
        problem.X[:, -duplicate:] = problem.X[:, :duplicate]
    if constant is not None:
        problem.X[:, constant] = 5.0
    return problem


def problems():
    scales = np.array([1e-3, 1e4, 1.0, 10.0, 1e-2, 1e3, 0.1, 100.0, 3e-3, 3e3])
    means = np.array([1.0, -50.0, 0.0, 5.0, 0.01, 2e3, -1.0, 0.0, 0.0, 100.0])
    rng = np.random.default_rng(3105)
    Z = base.design(rng, 80, 10)
    Xs = Z * scales + means  # every column as informative as a standard normal one
    ys = np.round(2.0 + Z @ base.sparse_truth(rng, 10, 5) + rng.standard_normal(80), 3)
    header, diabetes = read_csv("diabetes")
    _, prostate = read_csv("prostate")
    high = (diabetes[:, 10] > np.median(diabetes[:, 10])).astype(float)
    return [
        gaussian(3101, 40, 120, 5, "n40_p120", "n < p (40 x 120), independent features, 5 true nonzero"),
        gaussian(3102, 80, 40, 6, "equi0.9_n80_p40", "80 x 40, equicorrelated rho = 0.9", corr="equi", rho=0.9),
        gaussian(3103, 60, 30, 6, "duplicated_n60_p30", "60 x 30, columns 23-30 duplicate columns 1-8", duplicate=8),
        gaussian(3104, 50, 15, 4, "constant_column_n50_p15", "50 x 15, AR(1) rho = 0.5, column 4 constant (5.0)",
                 constant=3, corr="ar1", rho=0.5),
        Problem("scales_n80_p10", "gaussian", Xs, ys, "80 x 10, column sd from 1e-3 to 1e4, means to 2e3"),
        Problem("scales_n80_p10_raw", "gaussian", Xs, ys, "the same, not standardized", standardize=False),
        Problem("diabetes", "gaussian", diabetes[:, :10], diabetes[:, 10], "data/diabetes.csv, 442 x 10, raw units"),
        Problem("prostate", "gaussian", prostate[:, :8], prostate[:, 8], "data/prostate.csv, lpsa on 8 features, all 97 rows"),
        binomial(3201, 50, 100, 4, "logit_n50_p100", "n < p (50 x 100), equicorrelated rho = 0.5", corr="equi", rho=0.5),
        binomial(3202, 120, 20, 4, "logit_equi0.9_n120_p20", "120 x 20, equicorrelated rho = 0.9", corr="equi", rho=0.9),
        binomial(3203, 80, 10, 3, "logit_separable_n80_p10", "80 x 10, nearly separable (true |b| 5 to 20)", scale=10.0),
        binomial(3204, 100, 12, 4, "logit_duplicated_n100_p12", "100 x 12, columns 10-12 duplicate columns 1-3", duplicate=3),
        Problem("logit_diabetes", "binomial", diabetes[:, :10], high, "data/diabetes.csv, y above its median"),
    ]


GAUSSIAN_MIXES = (1.0, 0.8, 0.5, 0.2, 0.0)
BINOMIAL_MIXES = (1.0, 0.5, 0.0)
# (problem, alpha, folds, seed)
CV_CASES = [("diabetes", 1.0, 10, 4101), ("prostate", 1.0, 10, 4102), ("n40_p120", 1.0, 5, 4103),
            ("equi0.9_n80_p40", 1.0, 10, 4104), ("logit_diabetes", 0.5, 10, 4105),
            ("logit_separable_n80_p10", 1.0, 5, 4106), ("logit_n50_p100", 1.0, 5, 4107),
            ("logit_equi0.9_n120_p20", 0.0, 10, 4108)]


def mixes(problem):
    all_mixes = GAUSSIAN_MIXES if problem.family == "gaussian" else BINOMIAL_MIXES
    duplicated = "duplicated" in problem.name
    return [a for a in all_mixes if not (duplicated and a == 1.0)]


# --------------------------------------------------------------------------------------------
# glmnet's conventions in Regula's terms
# --------------------------------------------------------------------------------------------

def working(problem, X=None, dtype=float):
    """The features Regula works on: centered and (if standardized) divided by the population sd."""
    X = problem.X if X is None else X
    X = X.astype(dtype)
    means = X.mean(axis=0)
    sds = X.std(axis=0, ddof=0) if problem.standardize else np.ones(X.shape[1])
    sds = np.where(sds > 0, sds, 1.0)
    return (X - means) / sds, means, sds


def penalty_scale(problem, alpha, y=None):
    """c with Regula's (lambda, mix) = (c * glmnet lambda, alpha / c): glmnet's Gaussian ridge part is over ys."""
    if problem.family != "gaussian":
        return 1.0
    y = problem.y if y is None else y
    ys = float(np.sqrt(np.mean((y - y.mean()) ** 2)))
    return alpha + (1 - alpha) / ys


def lambda_grid(problem, alpha, count):
    Xw, _, _ = working(problem)
    # Just above lambda_max, so that the first solution is clearly 0 (at lambda_max, rounding decides).
    top = (1 + 1e-5) * float(np.max(np.abs(Xw.T @ (problem.y - problem.y.mean())))) / (len(problem.y) * max(alpha, 1e-3))
    ratio = 0.01 if Xw.shape[0] < Xw.shape[1] else 1e-4
    return top * ratio ** (np.arange(count) / (count - 1))


def check(problem, alpha, lam, a0, beta, label, X=None, y=None):
    """The solution in working coordinates, its objective and KKT violation; refuses a bad one."""
    X = problem.X if X is None else X
    y = problem.y if y is None else y
    c = penalty_scale(problem, alpha, y)
    lam_r, mix = c * lam, alpha / c
    # In extended precision, so that the check's own rounding is well below what it checks
    # (columns with mean/sd up to 1e3 lose three digits when centered in double).
    Xw, means, sds = working(problem, X, np.longdouble)
    y, beta = y.astype(np.longdouble), beta.astype(np.longdouble)
    bw, b0w = beta * sds, a0 + beta @ means
    family = problem.regula_family
    kkt = base.kkt_violation(family, Xw, y, lam_r, mix, b0w, bw) / lam_r
    # Rounding bounds the gradient's accuracy by a few ulps of its size at 0, whatever lambda.
    floor = ROUNDING * float(np.max(np.abs(Xw.T @ (y - y.mean())))) / len(y) / lam_r
    if not kkt <= KKT_LIMIT + floor:
        raise SystemExit(f"{label}: KKT violation {kkt:.3g} of lambda (limit {KKT_LIMIT:g} + {floor:.3g})")
    g = Xw.T @ base.residual(family, Xw, y, b0w, bw) / len(y) - lam_r * (1 - mix) * bw
    live = np.any(Xw != 0, axis=0)
    zeros, nonzeros = (bw == 0) & live, bw != 0
    if zeros.any() and np.max(np.abs(g[zeros])) > (1 - MARGIN) * lam_r * mix:
        raise SystemExit(f"{label}: a zero on the edge of entering (|g| = {np.max(np.abs(g[zeros])) / lam_r:.12g} lambda)")
    # A nonzero moves its gradient by about v_j |b~_j| away from the zero's edge (v_j its curvature).
    weights = 1.0 if family == "gaussian" else (lambda q: q * (1 - q))(base.sigmoid(b0w + Xw @ bw))
    curvature = (weights * Xw.T ** 2).sum(axis=1) / len(y)
    if mix > 0 and nonzeros.any() and np.min(curvature[nonzeros] * np.abs(bw[nonzeros])) < MARGIN * lam_r * mix:
        j = np.argmin(np.where(nonzeros, curvature * np.abs(bw), np.inf))
        raise SystemExit(f"{label}: a nonzero next to its zero's edge: b~ = {float(bw[j]):.3g}, v = {float(curvature[j]):.3g}")
    objective = base.objective(family, Xw, y, lam_r, mix, b0w, bw)
    return {"penalty_lambda": lam_r, "penalty_mix": mix, "objective": float(objective), "kkt": float(kkt)}


def short(values):
    """Coefficients to 12 significant digits (5e-13 relative, far below the tests' 1e-6): a smaller file."""
    return [float(f"{v:.12g}") for v in values]


def order_of_entry(coefs):
    order = []
    for row in coefs:
        order += [j for j, v in enumerate(row) if v != 0 and j not in order]
    return order


# --------------------------------------------------------------------------------------------
# Jobs for R
# --------------------------------------------------------------------------------------------

class Jobs:
    def __init__(self, directory):
        self.dir, self.count, self.written = Path(directory), 0, set()

    def data(self, key, X, y):
        if key not in self.written:
            np.savetxt(self.dir / f"{key}.x", X, fmt="%.17g")
            np.savetxt(self.dir / f"{key}.y", y, fmt="%.17g")
            self.written.add(key)

    def add(self, kind, problem, alpha, lambdas, foldid=None, key=None, X=None, y=None):
        key = key or problem.name
        self.data(key, problem.X if X is None else X, problem.y if y is None else y)
        self.count += 1
        job = f"job{self.count:04d}"
        lines = [f"kind {kind}", f"x {key}.x", f"y {key}.y", f"family {problem.family}",
                 f"alpha {alpha!r}", f"standardize {int(problem.standardize)}",
                 "lambda " + " ".join(repr(float(v)) for v in lambdas)]
        if foldid is not None:
            lines.append("foldid " + " ".join(str(int(f) + 1) for f in foldid))
        (self.dir / f"{job}.spec").write_text("\n".join(lines) + "\n")
        return job

    def run(self):
        done = subprocess.run(["Rscript", str(R_SCRIPT), str(self.dir)], check=True, capture_output=True, text=True)
        print(done.stdout.strip())
        return done.stdout.strip()

    def answer(self, job):
        fields, beta = {}, []
        for line in (self.dir / f"{job}.out").read_text().splitlines():
            name, *values = line.split()
            if name == "beta":
                beta.append([float(v) for v in values])
            else:
                fields[name] = values
        if fields["jerr"] != ["0"]:
            raise SystemExit(f"{job}: glmnet jerr {fields['jerr']}")
        a0 = np.array([float(v) for v in fields["a0"]])
        return fields, a0, np.array(beta).T  # beta: one row per lambda


# --------------------------------------------------------------------------------------------
# cv.glmnet, recomputed
# --------------------------------------------------------------------------------------------

def fold_assignment(n, folds, seed):
    foldid = np.empty(n, dtype=int)
    foldid[np.random.default_rng(seed).permutation(n)] = np.arange(n) % folds
    return foldid


def held_out_errors(problem, a0, beta, X, y):
    """Per lambda, the mean held-out error of one fold, as cv.glmnet measures it."""
    eta = a0[:, None] + beta @ X.T
    if problem.family == "gaussian":
        return np.mean((y - eta) ** 2, axis=1)
    prob = np.clip(base.sigmoid(eta), 1e-5, 1 - 1e-5)
    return np.mean(-2 * (y * np.log(prob) + (1 - y) * np.log(1 - prob)), axis=1)


def cv_statistics(errors, sizes):
    errors, weights = np.array(errors), np.array(sizes, float)
    cvm = weights @ errors / weights.sum()
    cvsd = np.sqrt(weights @ (errors - cvm) ** 2 / weights.sum() / (len(sizes) - 1))
    return cvm, cvsd


def cv_case(jobs, answers, problem, alpha, folds, seed, lambdas):
    n = len(problem.y)
    foldid = fold_assignment(n, folds, seed)
    name = f"cv_{problem.name}_a{alpha:g}_k{folds}"
    errors, sizes = [], []
    for k in range(folds):
        train, test = foldid != k, foldid == k
        _, a0, beta = jobs.answer(answers[(name, k)])
        for i, lam in enumerate(lambdas):
            check(problem, alpha, lam, a0[i], beta[i], f"{name} fold {k} lambda[{i}]",
                  problem.X[train], problem.y[train])
        errors.append(held_out_errors(problem, a0, beta, problem.X[test], problem.y[test]))
        sizes.append(int(test.sum()))
    cvm, cvsd = cv_statistics(errors, sizes)
    fields, _, _ = jobs.answer(answers[(name, "cv")])
    r_cvm, r_cvsd = (np.array([float(v) for v in fields[key]]) for key in ("cvm", "cvsd"))
    for label, ours, theirs in (("cvm", cvm, r_cvm), ("cvsd", cvsd, r_cvsd)):
        worst = float(np.max(np.abs(ours - theirs) / np.abs(theirs)))
        if not worst <= CV_AGREEMENT:
            raise SystemExit(f"{name}: {label} recomputed differs from cv.glmnet's by {worst:.3g} (relative)")
    index_min, index_1se = int(fields["index.min"][0]) - 1, int(fields["index.1se"][0]) - 1
    c = penalty_scale(problem, alpha)
    print(f"  {name}: {fields['measure'][0]}, lambda.min index {index_min}, 1se index {index_1se}")
    return {"name": name, "problem": problem.name, "alpha": alpha, "standardize": problem.standardize,
            "lambdas": list(map(float, lambdas)), "penalty_lambdas": [float(c * v) for v in lambdas],
            "penalty_mix": alpha / c, "foldid": foldid.tolist(), "folds": folds,
            "cvm": r_cvm.tolist(), "cvsd": r_cvsd.tolist(),
            "lambda_min": float(fields["lambda.min"][0]), "lambda_1se": float(fields["lambda.1se"][0]),
            "index_min": index_min, "index_1se": index_1se}


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def path_count(problem):
    n, p = problem.X.shape
    return 25 if n < p else 40


def single_lambdas(grid):
    last = len(grid) - 1
    return [float(np.sqrt(grid[i] * grid[i + 1])) for i in (round(0.2 * last), round(0.5 * last), round(0.85 * last))]


def main():
    every = problems()
    by_name = {p.name: p for p in every}
    with tempfile.TemporaryDirectory(prefix="glmnet-fixtures-") as tmp:
        jobs = Jobs(tmp)
        answers = {}
        for problem in every:
            for alpha in mixes(problem):
                grid = lambda_grid(problem, alpha, path_count(problem))
                answers[(problem.name, alpha, "path")] = (grid, jobs.add("path", problem, alpha, grid))
                for lam in single_lambdas(grid):
                    answers[(problem.name, alpha, lam)] = jobs.add("path", problem, alpha, [lam])
        for problem_name, alpha, folds, seed in CV_CASES:
            problem = by_name[problem_name]
            grid = answers[(problem_name, alpha, "path")][0]
            foldid = fold_assignment(len(problem.y), folds, seed)
            name = f"cv_{problem.name}_a{alpha:g}_k{folds}"
            answers[(name, "cv")] = jobs.add("cv", problem, alpha, grid, foldid=foldid)
            for k in range(folds):
                train = foldid != k
                answers[(name, k)] = jobs.add("path", problem, alpha, grid, key=f"{name}_fold{k}",
                                              X=problem.X[train], y=problem.y[train])
        versions = jobs.run()
        if f"glmnet {GLMNET_VERSION}" not in versions:
            print(f"warning: made with glmnet {GLMNET_VERSION}, found: {versions}")

        fits, paths, cvs = [], [], []
        for problem in every:
            for alpha in mixes(problem):
                grid, job = answers[(problem.name, alpha, "path")]
                _, a0, beta = jobs.answer(job)
                checked = [check(problem, alpha, lam, a0[i], beta[i], f"{problem.name} a{alpha:g} path lambda[{i}]")
                           for i, lam in enumerate(grid)]
                coefs = [short(row) for row in beta]
                paths.append({
                    "name": f"{problem.name}_a{alpha:g}_path", "problem": problem.name, "alpha": alpha,
                    "standardize": problem.standardize, "lambdas": grid.tolist(),
                    "penalty_lambdas": [c["penalty_lambda"] for c in checked], "penalty_mix": checked[0]["penalty_mix"],
                    "intercepts": short(a0), "coefs": coefs, "objectives": [c["objective"] for c in checked],
                    "order_of_entry": order_of_entry(coefs), "kkt": max(c["kkt"] for c in checked)})
                for lam in single_lambdas(grid):
                    _, a0, beta = jobs.answer(answers[(problem.name, alpha, lam)])
                    label = f"{problem.name}_a{alpha:g}_l{lam:.4g}"
                    checked = check(problem, alpha, lam, a0[0], beta[0], label)
                    fits.append({"name": label, "problem": problem.name, "alpha": alpha, "lambda": lam,
                                 "standardize": problem.standardize, "intercept": short(a0)[0],
                                 "coef": short(beta[0]), **checked})
            print(f"  {problem.name}: {len(mixes(problem))} models, worst KKT "
                  f"{max(p['kkt'] for p in paths if p['problem'] == problem.name):.2g} of lambda along the paths")
        for problem_name, alpha, folds, seed in CV_CASES:
            grid = answers[(problem_name, alpha, "path")][0]
            cvs.append(cv_case(jobs, answers, by_name[problem_name], alpha, folds, seed, grid))

    R_version = versions.split(", ", 1)[1].split(":")[0] if ", " in versions else versions
    fixture = {"glmnet": GLMNET_VERSION, "R": R_version,
               "problems": [{"name": p.name, "family": p.family, "X": p.X.tolist(), "y": p.y.tolist(), "notes": p.notes}
                            for p in every],
               "fits": fits, "paths": paths, "cv": cvs}
    base.write("glmnet.json", fixture)
    print(f"{len(every)} problems, {len(fits)} fits, {len(paths)} paths, {len(cvs)} cross-validations")


if __name__ == "__main__":
    main()
