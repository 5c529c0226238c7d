#!/usr/bin/env python3
"""Make the glmnet reference paths for the solver options the language exposes (issue 11).

Writes ``Tests/RegulaLearningTests/Fixtures/glmnet-options.json``: small Gaussian and binomial
problems fitted by R's glmnet (Debian's r-cran-glmnet) with ``intercept = FALSE``,
``standardize = FALSE`` or ``TRUE``, and ``penalty.factor`` (including a 0), each a whole path on
glmnet's own grid. The Swift tests (``OptionsTests.swift``) fit the same data at Regula's
default tolerances with ``fitsIntercept``, ``standardize`` and glmnet's rescaling of the factors
(``SolverOptions.glmnetPenaltyFactors``), and compare the λ grid, the coefficients (1e-6
relative) and the exact-zero pattern at every λ.

glmnet runs to convergence: ``thresh = 1e-30`` (it bounds a squared change, so this is about
1e-15 in the coefficients) and a huge ``maxit``. The script recomputes every solution's KKT
conditions in R and fails if any is above 1e-9 (gradient units) -- so a glmnet answer stopped by
its own rule is never stored.

Convention differences removed here rather than in the test:

* glmnet's Gaussian family divides y by its norm ys and λ by ys; for the ridge part of an
  elastic net that changes the problem (the ridge term is divided by ys), so the elastic-net
  cases scale y beforehand to ys = 1 (for ``intercept = FALSE``, ys = sqrt(mean(y²))).
* glmnet drops constant columns even without an intercept; no case has one.

Run (needs numpy and Rscript with glmnet)::

    .venv/bin/python scripts/make_glmnet_options_fixtures.py
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import numpy as np

OUT = Path(__file__).resolve().parent.parent / "Tests/RegulaLearningTests/Fixtures/glmnet-options.json"

R_SCRIPT = r"""
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
d <- as.matrix(read.csv(args[1], header = FALSE))
y <- d[, 1]; x <- d[, -1, drop = FALSE]
family <- args[2]; alpha <- as.numeric(args[3])
standardize <- args[4] == "true"; intercept <- args[5] == "true"
vp <- as.numeric(strsplit(args[6], ",")[[1]])
nlambda <- as.integer(args[7])
fit <- glmnet(x, y, family = family, alpha = alpha, standardize = standardize, intercept = intercept,
              penalty.factor = vp, nlambda = nlambda, thresh = 1e-30, maxit = 1e8)
# KKT of every solution, in glmnet's units (factors rescaled to sum to the number of features).
f <- vp * length(vp) / sum(vp)
n <- nrow(x)
sds <- if (standardize) apply(x, 2, function(v) sqrt(mean((v - mean(v))^2))) else rep(1, ncol(x))
worst <- 0
for (k in seq_along(fit$lambda)) {
  b <- as.numeric(fit$beta[, k]); a0 <- fit$a0[k]; lam <- fit$lambda[k]
  eta <- as.numeric(x %*% b) + a0
  r <- if (family == "gaussian") y - eta else y - 1 / (1 + exp(-eta))
  g <- as.numeric(t(x) %*% r) / n / sds          # gradient for the standardized coefficient
  bs <- b * sds
  for (j in seq_along(b)) {
    v <- if (bs[j] != 0) abs(g[j] - f[j] * lam * ((1 - alpha) * bs[j] + alpha * sign(bs[j])))
         else max(0, abs(g[j]) - f[j] * lam * alpha)
    worst <- max(worst, v)
  }
  if (intercept) worst <- max(worst, abs(mean(r)))
}
cat("KKT", format(worst, digits = 3), "\n")
if (worst > 1e-9) stop("glmnet did not converge: KKT violation ", worst)
cat("LAMBDA", sprintf("%.17g", fit$lambda), "\n")
cat("A0", sprintf("%.17g", as.numeric(fit$a0)), "\n")
for (k in seq_along(fit$lambda)) cat("BETA", sprintf("%.17g", as.numeric(fit$beta[, k])), "\n")
"""


def run_glmnet(X, y, family, alpha, standardize, intercept, factors, nlambda):
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "data.csv"
        np.savetxt(data, np.column_stack([y, X]), delimiter=",", fmt="%.17g")
        script = Path(folder) / "fit.R"
        script.write_text(R_SCRIPT)
        output = subprocess.run(
            ["Rscript", str(script), str(data), family, repr(alpha), str(standardize).lower(),
             str(intercept).lower(), ",".join(repr(f) for f in factors), str(nlambda)],
            check=True, capture_output=True, text=True).stdout
    rows = {}
    for line in output.splitlines():
        key, *values = line.split()
        rows.setdefault(key, []).append([float(v) for v in values])
    return {
        "kkt": rows["KKT"][0][0],
        "lambdas": rows["LAMBDA"][0],
        "intercepts": rows["A0"][0],
        "coefs": rows["BETA"],
    }


def case(name, X, y, family, alpha, standardize, intercept, factors, nlambda=12, notes=""):
    result = run_glmnet(X, y, family, alpha, standardize, intercept, factors, nlambda)
    print(f"{name}: {len(result['lambdas'])} lambdas, KKT {result['kkt']:.3g}")
    return {
        "name": name, "family": family, "alpha": alpha, "standardize": standardize,
        "intercept": intercept, "factors": factors, "notes": notes,
        "X": X.tolist(), "y": y.tolist(), **{k: result[k] for k in ("lambdas", "intercepts", "coefs")},
    }


def main():
    rng = np.random.default_rng(20261202)
    cases = []

    # Features with nonzero means and a target with an offset, so leaving out the intercept matters.
    X = rng.normal(size=(40, 8)) + rng.uniform(-2, 2, size=8)
    y = X @ np.array([1.5, 0, -2, 0, 0.7, 0, 0, 1]) + 3 + rng.normal(size=40)
    cases.append(case("gaussian lasso, no intercept, raw features, factors", X, y, "gaussian", 1.0,
                      False, False, [0, 1, 1, 2, 1, 0.5, 1, 1]))
    cases.append(case("gaussian lasso, intercept, raw features, factors", X, y, "gaussian", 1.0,
                      False, True, [0, 1, 1, 2, 1, 0.5, 1, 1]))

    X = rng.normal(size=(30, 12)) * rng.uniform(0.1, 5, size=12) + rng.uniform(-3, 3, size=12)
    y = X[:, :4] @ np.array([1.0, -0.5, 0.3, 0.8]) + 2 + rng.normal(size=30)
    y = y / np.sqrt(np.mean(y ** 2))  # glmnet's ys = 1 without an intercept
    cases.append(case("gaussian elastic net 0.5, no intercept, standardized", X, y, "gaussian", 0.5,
                      True, False, [1.0] * 12, notes="y scaled to sqrt(mean(y^2)) = 1"))

    X = rng.normal(size=(20, 40)) + 1
    y = X[:, :3] @ np.array([2.0, -1.0, 1.0]) + rng.normal(size=20)
    cases.append(case("gaussian lasso n < p, no intercept, standardized", X, y, "gaussian", 1.0,
                      True, False, [1.0] * 40))

    X = rng.normal(size=(80, 6)) + rng.uniform(-1, 1, size=6)
    eta = X @ np.array([1.2, 0, -0.8, 0, 0.5, 0]) + 0.5
    y = (rng.uniform(size=80) < 1 / (1 + np.exp(-eta))).astype(float)
    cases.append(case("binomial lasso, no intercept, raw features, factors", X, y, "binomial", 1.0,
                      False, False, [1, 0, 1, 1, 2, 1]))
    cases.append(case("binomial elastic net 0.5, no intercept, standardized", X * [1, 10, 0.1, 1, 3, 1], y,
                      "binomial", 0.5, True, False, [1.0] * 6))

    OUT.write_text(json.dumps(cases, indent=1) + "\n")
    print(f"wrote {OUT} ({len(cases)} cases)")


if __name__ == "__main__":
    main()
