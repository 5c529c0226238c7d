#!/usr/bin/env python3
"""Make the hard reference problems for Regula's exactness tests (issue 11).

Writes ``Tests/RegulaLearningTests/Fixtures/hard.json``: problems on which glmnet's stopping
rule at its default leaves coefficients visibly off — n < p, equicorrelated features with
rho = 0.9, duplicated columns, a constant column, columns on scales from 1e-3 to 1e4 — for the
lasso, the elastic net at three mixes, ridge and logistic regression. The Swift tests fit them
at Regula's *default* settings and compare coefficients (1e-6 relative), objectives (1e-10
relative), exact-zero patterns and certificates.

Every reference is scikit-learn 1.9.1 run to convergence (tol 1e-14, huge max_iter) and, where
its KKT violation is above 1e-10, polished by the active-set Newton method of
``make_sklearn_fixtures.py`` (which also supplies the objective, the KKT check, the data
generators and the case format). Every stored solution satisfies the KKT conditions of its
problem to 1e-9 (absolute, gradient units) or the script fails.

Two kinds of case:

* ``"standardize": false`` -- the features are used exactly as stored (the Swift side sets
  ``standardize = false``), as in ``gaussian.json``.
* ``"standardize": true`` -- Regula's default: the Swift side standardizes the stored features
  (centering, population sd; a constant column keeps scale 1). The reference is computed here
  on the features standardized the same way and reported in the original units
  (coef / sd, intercept - sum(coef * mean / sd)); ``objective`` is the objective of the
  standardized problem, which is what ``fit.objective`` reports.

Duplicated columns make the lasso's solution non-unique, so they are used only with a ridge
part (elastic net, ridge), whose solution is unique.

How to rerun (same scratch venv as make_sklearn_fixtures.py)::

    /tmp/fixvenv/bin/python scripts/make_exact_fixtures.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_sklearn_fixtures as base  # noqa: E402


def standardize(X):
    means = X.mean(axis=0)
    sds = X.std(axis=0, ddof=0)
    sds = np.where(sds > 0, sds, 1.0)
    return (X - means) / sds, means, sds


def case(name, family, X, y, alpha, lam=None, frac=None, standardized=False, notes=""):
    Xw, means, sds = standardize(X) if standardized else (X, np.zeros(X.shape[1]), np.ones(X.shape[1]))
    if lam is None:
        lam = frac * base.lambda_max(Xw, y, alpha)
        notes += f"; lambda = {frac:g} * lambda_max"
    solved = base.solve_case(name, family, Xw, y, lam, alpha, notes.lstrip("; "))
    coef = np.asarray(solved["coef"]) / sds
    solved["X"] = X.tolist()
    solved["coef"] = [float(v) for v in coef]
    solved["intercept"] = float(solved["intercept"] - np.sum(coef * means))
    solved["standardize"] = standardized
    return solved


def duplicated(X, count):
    X = X.copy()
    X[:, -count:] = X[:, :count]
    return X


def gaussian_cases():
    cases = []
    # n < p, equicorrelated rho = 0.9, standardized as a user's fit is.
    X, y = base.gaussian_data(1101, 50, 200, 5, corr="equi", rho=0.9)
    for alpha, frac in ((1.0, 0.1), (1.0, 0.02), (0.9, 0.05), (0.5, 0.05), (0.2, 0.05)):
        cases.append(case(f"equi0.9_n50_p200_a{alpha:g}_f{frac:g}", "gaussian", X, y, alpha, frac=frac, standardized=True,
                          notes="n < p (50 x 200), equicorrelated rho = 0.9, 5 true nonzero, standardized"))
    cases.append(case("equi0.9_n50_p200_ridge", "gaussian", X, y, 0.0, lam=0.01, standardized=True,
                      notes="ridge, n < p, rho = 0.9, standardized"))
    # The ridge: 60 x 300, l2(0.01, half: true) = glmnet alpha 0, lambda 0.01.
    X, y = base.gaussian_data(1102, 60, 300, 10, corr="equi", rho=0.5)
    cases.append(case("ridge_n60_p300", "gaussian", X, y, 0.0, lam=0.01, standardized=True,
                      notes="ridge with n < p (60 x 300), equicorrelated rho = 0.5, standardized"))
    # Duplicated columns (the last 10 repeat the first 10): unique only with a ridge part.
    X, y = base.gaussian_data(1103, 60, 40, 6)
    X = duplicated(X, 10)
    for alpha in (0.9, 0.5):
        cases.append(case(f"duplicated_a{alpha:g}", "gaussian", X, y, alpha, frac=0.05, standardized=True,
                          notes="60 x 40, columns 31-40 duplicate columns 1-10, standardized"))
    cases.append(case("duplicated_ridge", "gaussian", X, y, 0.0, lam=0.05, standardized=True,
                      notes="ridge, duplicated columns, standardized"))
    # A constant column (the fourth), standardized (it stays 0).
    X, y = base.gaussian_data(1104, 40, 12, 4, corr="ar1", rho=0.9)
    X[:, 3] = 5.0
    for alpha, frac in ((1.0, 0.05), (0.5, 0.05)):
        cases.append(case(f"constant_column_a{alpha:g}", "gaussian", X, y, alpha, frac=frac, standardized=True,
                          notes="40 x 12, AR(1) rho = 0.9, column 4 constant, standardized"))
    cases.append(case("constant_column_ridge", "gaussian", X, y, 0.0, lam=0.1, standardized=True,
                      notes="ridge, column 4 constant, standardized"))
    # Columns on scales from 1e-3 to 1e4, used as they are.
    scales = [1e-3, 1e4, 1.0, 10.0, 1e-2, 1e3, 0.1, 100.0, 3e-3, 3e3]
    means = [1.0, -50.0, 0.0, 5.0, 0.01, 2e3, -1.0, 0.0, 0.0, 100.0]
    X, y = base.gaussian_data(1105, 80, 10, 5, scales=scales, means=means, b0=2.0)
    for alpha, frac in ((1.0, 0.05), (0.5, 0.05)):
        cases.append(case(f"scales_1e-3_1e4_a{alpha:g}", "gaussian", X, y, alpha, frac=frac,
                          notes="80 x 10, column sd from 1e-3 to 1e4, not standardized"))
    cases.append(case("scales_1e-3_1e4_a{alpha:g}_standardized".format(alpha=0.5), "gaussian", X, y, 0.5, frac=0.05, standardized=True,
                      notes="80 x 10, column sd from 1e-3 to 1e4, standardized"))
    return cases


def logistic_cases():
    cases = []
    X, y = base.logistic_data(1201, 40, 100, 4, corr="equi", rho=0.9)
    for alpha, frac in ((1.0, 0.2), (0.5, 0.2)):
        cases.append(case(f"logit_equi0.9_n40_p100_a{alpha:g}", "logistic", X, y, alpha, frac=frac, standardized=True,
                          notes="n < p (40 x 100), rho = 0.9, standardized"))
    cases.append(case("logit_equi0.9_n40_p100_ridge", "logistic", X, y, 0.0, lam=0.05, standardized=True,
                      notes="L2 logistic, n < p, rho = 0.9, standardized"))
    X, y = base.logistic_data(1202, 120, 12, 4)
    X = duplicated(X, 3)
    cases.append(case("logit_duplicated_a0.5", "logistic", X, y, 0.5, frac=0.1, standardized=True,
                      notes="120 x 12, columns 10-12 duplicate columns 1-3, standardized"))
    return cases


def main():
    import sklearn
    if sklearn.__version__ != base.SKLEARN_VERSION:
        raise SystemExit(f"scikit-learn {base.SKLEARN_VERSION} is required, found {sklearn.__version__}")
    print("gaussian:")
    g = gaussian_cases()
    print("logistic:")
    lg = logistic_cases()
    base.write("hard.json", g + lg)


if __name__ == "__main__":
    main()
