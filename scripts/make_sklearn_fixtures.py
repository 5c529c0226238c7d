#!/usr/bin/env python3
"""Make scikit-learn reference solutions for the RegulaLearning tests.

What it makes
-------------
JSON fixtures in ``Tests/RegulaLearningTests/Fixtures/``, which the Swift tests read from the
source tree (the directory is excluded from the test target in Package.swift):

* ``gaussian.json``  -- lasso, elastic-net and ridge problems (a list of cases);
* ``logistic.json``  -- L1, L2 and elastic-net penalized logistic regression (a list of cases);
* ``lasso_path_diabetes.json`` -- ``sklearn.linear_model.lasso_path`` on the diabetes data.

Conventions (glmnet's, which the Swift side implements)
--------------------------------------------------------
For features X (n x p, used exactly as stored in the fixture: the Swift side does not
standardize), target y and an unpenalized intercept b0, with
``P(b) = alpha * ||b||_1 + (1 - alpha) / 2 * ||b||_2^2``:

* gaussian: minimize ``1/(2n) ||y - b0 - X b||^2 + lambda * P(b)``
* logistic (y in {0, 1}): minimize ``-(1/n) sum_i loglik_i + lambda * P(b)``, where
  ``loglik_i = y_i * eta_i - log(1 + exp(eta_i))`` and ``eta = b0 + X b``.

Mapping to scikit-learn 1.9.1:

* alpha = 1:      ``Lasso(alpha=lambda)``
* 0 < alpha < 1:  ``ElasticNet(alpha=lambda, l1_ratio=alpha)``
* alpha = 0:      ``Ridge(alpha=n * lambda)`` (solver "cholesky": a direct solve)
* logistic:       ``LogisticRegression(C=1/(n * lambda), l1_ratio=alpha)``; solver "saga"
  when alpha > 0 (liblinear penalizes the intercept, so it is never used), solver
  "newton-cholesky" when alpha = 0. In 1.9.1 ``penalty=`` is deprecated (since 1.8, removed
  in 1.10): the penalty is chosen by ``l1_ratio`` alone, and that is what is passed here.
* ``lasso_path``: ``alphas=100`` (an integer) instead of the deprecated ``n_alphas=100``
  (deprecated in 1.9; the default of ``alphas`` will become 10).

Every solution is checked here against the KKT conditions of the glmnet objective. With
``r = y - b0 - X b`` (gaussian) or ``r = y - sigmoid(b0 + X b)`` (logistic) and
``g_j = (1/n) X_j^T r - lambda (1 - alpha) b_j``:

* ``|g_j - lambda alpha sign(b_j)|`` for ``b_j != 0``,
* ``max(0, |g_j| - lambda alpha)`` for ``b_j == 0``,
* ``|mean(r)|`` for the intercept,

and the largest of these is stored as ``kkt_violation`` (absolute, in the units of the
gradient). The script fails unless every one is below 1e-9. When scikit-learn's own
solution is above ``POLISH_ABOVE`` (saga, for one, converges slowly), it is polished in numpy
by an active-set Newton method: Newton's method on the smooth problem restricted to the
active set with the signs fixed, then coefficients whose sign flips leave the set and
inactive ones that violate their KKT condition enter it, until none does. The ``solver``
field then says so, with scikit-learn's own KKT violation and the largest change the
polish made to a coefficient. With the versions below no case needs it: every stored
solution is scikit-learn's own (worst violations: gaussian 7.4e-12, logistic 2.4e-13,
lasso path 2.6e-12). The polish was checked separately: started from every stored solution
perturbed (coefficients moved by 1e-3, one active coefficient zeroed, one inactive set to
0.01), it returns to scikit-learn's solution within 1.3e-11, with the same support.

Case format (each element of gaussian.json / logistic.json)::

    {"name", "family": "gaussian"|"logistic", "X": [[row], ...] (row-major), "y",
     "lambda", "alpha", "intercept", "coef", "objective" (the glmnet objective at the
     solution), "kkt_violation", "solver", "notes"}

``lasso_path_diabetes.json``: ``{"X", "y", "lambdas", "coefs" (one list of p coefficients
per lambda), "kkt_violation" (max over the path), "order_of_entry" (feature indices in the
order they first become nonzero; ties at one lambda by index), "feature_names",
"data_source", "solver"}``. lasso_path fits no intercept: X is standardized and y centered,
and the KKT check has no intercept condition. sklearn's alphas are glmnet's lambdas (alpha=1).

Data
----
Synthetic problems are drawn from ``np.random.default_rng(seed)`` with a fixed seed per case;
their X and y are then rounded to 3 decimals (so the JSON stays small). The rounded values
ARE the data: the fits use exactly what is stored. Logistic y is stored as 0.0 / 1.0.
The diabetes data come from ``data/diabetes.csv`` (header age,sex,bmi,bp,s1,...,s6,y) when it
exists, else from ``sklearn.datasets.load_diabetes(scaled=False)`` (the fixture's notes /
data_source say which); X is standardized the glmnet way: centered, divided by the
population standard deviation (ddof=0). Its X is stored at full precision.

Floats are written by Python's json module (shortest repr that round-trips: full precision),
with ``sort_keys=True``, no indentation and compact separators.

How to rerun
------------
From the repository root, in a scratch virtual environment (not the project's .venv)::

    python3 -m venv /tmp/fixvenv
    /tmp/fixvenv/bin/pip install scikit-learn==1.9.1 numpy==2.4.6 scipy==1.17.1
    /tmp/fixvenv/bin/python scripts/make_sklearn_fixtures.py

Versions the fixtures were made with: scikit-learn 1.9.1, numpy 2.4.6, scipy 1.17.1,
Python 3.11.7. The script refuses another scikit-learn and warns on another numpy or scipy.
It is deterministic: a rerun with the same versions rewrites identical files (up to the last
bits of BLAS reductions on another CPU).
"""

from __future__ import annotations

import json
import math
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import scipy
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge, lasso_path

SKLEARN_VERSION = "1.9.1"
NUMPY_VERSION = "2.4.6"
SCIPY_VERSION = "1.17.1"

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "Tests" / "RegulaLearningTests" / "Fixtures"
DIABETES_CSV = REPO / "data" / "diabetes.csv"
DIABETES_COLUMNS = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]

KKT_LIMIT = 1e-9      # every stored solution must satisfy the KKT conditions to this
POLISH_ABOVE = 1e-10  # scikit-learn's solution is polished when its violation is above this

TOL = 1e-14           # scikit-learn tolerances
CD_MAX_ITER = 10**7   # coordinate descent (Lasso, ElasticNet, lasso_path)
SAGA_MAX_ITER = 10**5 # saga epochs
NEWTON_MAX_ITER = 10**4


# --------------------------------------------------------------------------------------------
# The glmnet objective, its KKT conditions, and the polish
# --------------------------------------------------------------------------------------------

def sigmoid(eta):
    return np.where(eta >= 0, 1.0 / (1.0 + np.exp(-np.abs(eta))),
                    np.exp(-np.abs(eta)) / (1.0 + np.exp(-np.abs(eta))))


def residual(family, X, y, b0, b):
    eta = b0 + X @ b
    return y - eta if family == "gaussian" else y - sigmoid(eta)


def objective(family, X, y, lam, alpha, b0, b):
    n = len(y)
    eta = b0 + X @ b
    if family == "gaussian":
        loss = 0.5 * np.sum((y - eta) ** 2) / n
    else:
        loss = np.sum(np.logaddexp(0.0, eta) - y * eta) / n
    return float(loss + lam * (alpha * np.sum(np.abs(b)) + 0.5 * (1 - alpha) * np.sum(b * b)))


def kkt_violation(family, X, y, lam, alpha, b0, b, intercept=True):
    n = len(y)
    r = residual(family, X, y, b0, b)
    g = X.T @ r / n - lam * (1 - alpha) * b
    viol = np.where(b != 0, np.abs(g - lam * alpha * np.sign(b)),
                    np.maximum(0.0, np.abs(g) - lam * alpha))
    worst = float(viol.max()) if len(viol) else 0.0
    if intercept:
        worst = max(worst, abs(float(np.mean(r))))
    return worst


def _newton_restricted(family, X, y, lam, alpha, b0, b, active, signs, intercept):
    """Newton's method on the smooth problem over (b0, b[active]) with the signs fixed."""
    n = len(y)
    cols = [np.ones(n)] if intercept else []
    Z = np.column_stack(cols + [X[:, active]]) if (intercept or active.any()) else np.zeros((n, 0))
    k0 = 1 if intercept else 0
    theta = np.concatenate(([b0] if intercept else [], b[active]))
    s = signs[active]
    ridge = np.concatenate((np.zeros(k0), np.full(active.sum(), lam * (1 - alpha))))
    lin = np.concatenate((np.zeros(k0), lam * alpha * s))

    def f(th):
        eta = Z @ th
        if family == "gaussian":
            loss = 0.5 * np.sum((y - eta) ** 2) / n
        else:
            loss = np.sum(np.logaddexp(0.0, eta) - y * eta) / n
        return loss + lin @ th + 0.5 * np.sum(ridge * th * th)

    for _ in range(200):
        eta = Z @ theta
        if family == "gaussian":
            mu, w = eta, np.ones(n)
        else:
            mu = sigmoid(eta)
            w = mu * (1 - mu)
        grad = -Z.T @ (y - mu) / n + lin + ridge * theta
        H = Z.T @ (w[:, None] * Z) / n + np.diag(ridge)
        step = np.linalg.lstsq(H, grad, rcond=None)[0]
        t, f0 = 1.0, f(theta)
        while family == "logistic" and f(theta - t * step) > f0 + 1e-15 * abs(f0) and t > 1e-8:
            t *= 0.5
        theta = theta - t * step
        if np.max(np.abs(t * step)) <= 1e-17 * max(1.0, np.max(np.abs(theta))):
            break
    nb = np.zeros_like(b)
    nb[active] = theta[k0:]
    return (float(theta[0]) if intercept else 0.0), nb


def polish(family, X, y, lam, alpha, b0, b, intercept=True):
    """Active-set Newton polish of an approximate solution of the glmnet problem."""
    b = b.astype(float).copy()
    active = b != 0
    signs = np.sign(b)
    if alpha == 0:
        active[:] = True
    for _ in range(10 * X.shape[1] + 10):
        nb0, nb = _newton_restricted(family, X, y, lam, alpha, b0, b, active, signs, intercept)
        if alpha > 0:
            flipped = active & (np.sign(nb) != signs)
            if flipped.any():
                # leave the set where the sign flipped; restart from the previous point
                active &= ~flipped
                b = np.where(active, b, 0.0)
                continue
        b0, b = nb0, nb
        if alpha == 0:
            break
        r = residual(family, X, y, b0, b)
        g = X.T @ r / len(y)
        excess = np.where(active, 0.0, np.abs(g) - lam * alpha)
        j = int(np.argmax(excess))
        if excess[j] <= 1e-13 * max(1.0, lam * alpha):
            break
        active[j] = True
        signs[j] = np.sign(g[j])
        b[j] = 0.0
    return b0, b


# --------------------------------------------------------------------------------------------
# Fitting with scikit-learn
# --------------------------------------------------------------------------------------------

def _call_quietly(fn):
    """Call fn with FutureWarning/DeprecationWarning as errors; return (result, convergence warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.simplefilter("error", FutureWarning)
        warnings.simplefilter("error", DeprecationWarning)
        result = fn()
    other = [w for w in caught if not issubclass(w.category, ConvergenceWarning)]
    if other:
        raise RuntimeError(f"unexpected warnings: {[str(w.message) for w in other]}")
    conv = [str(w.message).split("\n")[0] for w in caught if issubclass(w.category, ConvergenceWarning)]
    return result, conv


def fit_sklearn(family, X, y, lam, alpha):
    n = len(y)
    if family == "gaussian":
        if alpha == 1:
            model = Lasso(alpha=lam, tol=TOL, max_iter=CD_MAX_ITER)
            desc = f"sklearn {sklearn.__version__} Lasso(alpha=lambda, tol={TOL:g}, max_iter={CD_MAX_ITER})"
        elif alpha > 0:
            model = ElasticNet(alpha=lam, l1_ratio=alpha, tol=TOL, max_iter=CD_MAX_ITER)
            desc = (f"sklearn {sklearn.__version__} ElasticNet(alpha=lambda, l1_ratio=alpha, "
                    f"tol={TOL:g}, max_iter={CD_MAX_ITER})")
        else:
            model = Ridge(alpha=n * lam, solver="cholesky")
            desc = f"sklearn {sklearn.__version__} Ridge(alpha=n*lambda, solver='cholesky')"
    else:
        if alpha > 0:
            model = LogisticRegression(C=1.0 / (n * lam), l1_ratio=alpha, solver="saga", tol=TOL,
                                       max_iter=SAGA_MAX_ITER, random_state=0)
            desc = (f"sklearn {sklearn.__version__} LogisticRegression(C=1/(n*lambda), l1_ratio=alpha, "
                    f"solver='saga', tol={TOL:g}, max_iter={SAGA_MAX_ITER}, random_state=0)")
        else:
            model = LogisticRegression(C=1.0 / (n * lam), l1_ratio=0.0, solver="newton-cholesky",
                                       tol=TOL, max_iter=NEWTON_MAX_ITER)
            desc = (f"sklearn {sklearn.__version__} LogisticRegression(C=1/(n*lambda), l1_ratio=0, "
                    f"solver='newton-cholesky', tol={TOL:g}, max_iter={NEWTON_MAX_ITER})")
    _, conv = _call_quietly(lambda: model.fit(X, y))
    coef = np.asarray(model.coef_, dtype=float).ravel()
    b0 = float(np.asarray(model.intercept_).ravel()[0]) if np.ndim(model.intercept_) else float(model.intercept_)
    n_iter = getattr(model, "n_iter_", None)
    if n_iter is not None:
        desc += f"; n_iter_={int(np.max(n_iter))}"
    if conv:
        desc += f"; ConvergenceWarning: {conv[0]}"
    return b0, coef, desc


def solve_case(name, family, X, y, lam, alpha, notes):
    t0 = time.time()
    b0, b, desc = fit_sklearn(family, X, y, lam, alpha)
    raw = kkt_violation(family, X, y, lam, alpha, b0, b)
    desc += f"; sklearn KKT violation {raw:.3g}"
    if raw > POLISH_ABOVE:
        pb0, pb = polish(family, X, y, lam, alpha, b0, b)
        change = float(max(abs(pb0 - b0), np.max(np.abs(pb - b))))
        pol = kkt_violation(family, X, y, lam, alpha, pb0, pb)
        if pol < raw:
            same_support = bool(np.array_equal(pb != 0, b != 0))
            desc += (f"; polished in numpy (active-set Newton on the glmnet objective): KKT "
                     f"{pol:.3g}, max |change| {change:.3g}, "
                     f"{'same support' if same_support else 'support changed'}")
            b0, b = pb0, pb
    kkt = kkt_violation(family, X, y, lam, alpha, b0, b)
    if not kkt < KKT_LIMIT:
        raise SystemExit(f"{name}: KKT violation {kkt:g} >= {KKT_LIMIT:g} ({desc})")
    nz = int(np.count_nonzero(b))
    print(f"  {name:34s} n={X.shape[0]:3d} p={X.shape[1]:2d} nonzero={nz:2d} kkt={kkt:.2e} "
          f"(sklearn {raw:.2e}) {time.time() - t0:.1f}s", flush=True)
    return {
        "name": name,
        "family": family,
        "X": X.tolist(),
        "y": [float(v) for v in y],
        "lambda": float(lam),
        "alpha": float(alpha),
        "intercept": float(b0),
        "coef": [float(v) for v in b],
        "objective": objective(family, X, y, lam, alpha, b0, b),
        "kkt_violation": kkt,
        "solver": desc,
        "notes": notes,
    }


def lambda_max(X, y, alpha):
    """The smallest lambda at which all coefficients are zero (glmnet's, for alpha > 0)."""
    return float(np.max(np.abs(X.T @ (y - y.mean()))) / (len(y) * alpha))


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------

def design(rng, n, p, corr="indep", rho=0.0, scales=None, means=None):
    Z = rng.standard_normal((n, p))
    if corr == "ar1":
        S = rho ** np.abs(np.subtract.outer(np.arange(p), np.arange(p)))
        X = Z @ np.linalg.cholesky(S).T
    elif corr == "equi":
        X = math.sqrt(1 - rho) * Z + math.sqrt(rho) * rng.standard_normal((n, 1))
    else:
        X = Z
    if scales is not None:
        X = X * np.asarray(scales)
    if means is not None:
        X = X + np.asarray(means)
    return np.round(X, 3)


def sparse_truth(rng, p, k):
    beta = np.zeros(p)
    idx = rng.choice(p, size=k, replace=False)
    beta[idx] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(0.5, 2.0, size=k)
    return beta


def gaussian_data(seed, n, p, k, sigma=1.0, b0=1.0, **kw):
    rng = np.random.default_rng(seed)
    X = design(rng, n, p, **kw)
    beta = sparse_truth(rng, p, k)
    if kw.get("scales") is not None:
        beta = beta / np.asarray(kw["scales"])  # comparable signal from every column
    Xc = X - np.asarray(kw.get("means") if kw.get("means") is not None else 0.0)
    y = np.round(b0 + Xc @ beta + sigma * rng.standard_normal(n), 3)
    return X, y


def logistic_data(seed, n, p, k, b0=0.0, **kw):
    rng = np.random.default_rng(seed)
    X = design(rng, n, p, **kw)
    beta = sparse_truth(rng, p, k)
    if kw.get("scales") is not None:
        beta = beta / np.asarray(kw["scales"])
    Xc = X - np.asarray(kw.get("means") if kw.get("means") is not None else 0.0)
    prob = sigmoid(b0 + Xc @ beta)
    y = (rng.uniform(size=n) < prob).astype(float)
    return X, y


def diabetes():
    if DIABETES_CSV.exists():
        import csv
        with open(DIABETES_CSV, newline="") as fh:
            rows = list(csv.reader(fh))
        header = [h.strip() for h in rows[0]]
        if header != DIABETES_COLUMNS + ["y"]:
            raise SystemExit(f"{DIABETES_CSV}: unexpected header {header}")
        data = np.array([[float(v) for v in r] for r in rows[1:] if r], dtype=float)
        X, y = data[:, :10], data[:, 10]
        source = "data/diabetes.csv"
        from sklearn.datasets import load_diabetes
        Xs, ys = load_diabetes(return_X_y=True, scaled=False)
        same = Xs.shape == X.shape and np.array_equal(Xs, X) and np.array_equal(ys, y)
        source += ("; identical to sklearn.datasets.load_diabetes(scaled=False)" if same
                   else "; DIFFERS from sklearn.datasets.load_diabetes(scaled=False)")
    else:
        from sklearn.datasets import load_diabetes
        X, y = load_diabetes(return_X_y=True, scaled=False)
        X, y = np.asarray(X, float), np.asarray(y, float)
        source = "sklearn.datasets.load_diabetes(scaled=False); data/diabetes.csv was absent"
    Xstd = (X - X.mean(axis=0)) / X.std(axis=0, ddof=0)
    return Xstd, y, source


# --------------------------------------------------------------------------------------------
# The cases
# --------------------------------------------------------------------------------------------

SCALES8 = [0.01, 0.1, 1.0, 10.0, 100.0, 0.5, 5.0, 50.0]
MEANS8 = [3.0, -20.0, 0.0, 100.0, -5.0, 1.0, 0.5, 1000.0]
SCALES6 = [0.1, 1.0, 10.0, 0.5, 2.0, 5.0]
MEANS6 = [1.0, -3.0, 20.0, 0.0, 5.0, -2.0]


def gaussian_cases(Xd, yd, dsource):
    cases = []

    def add(name, X, y, alpha, lam=None, frac=None, notes=""):
        if lam is None:
            lam = frac * lambda_max(X, y, alpha)
            notes += f"; lambda = {frac:g} * lambda_max"
        cases.append(solve_case(name, "gaussian", X, y, lam, alpha, notes.lstrip("; ")))

    # lasso (alpha = 1)
    X, y = gaussian_data(101, 100, 10, 3)
    add("lasso_indep_sparse", X, y, 1.0, frac=0.1, notes="independent N(0,1) features, 3 of 10 true nonzero")
    X, y = gaussian_data(102, 80, 15, 4, corr="ar1", rho=0.8)
    add("lasso_ar1_rho0.8", X, y, 1.0, frac=0.3, notes="AR(1) correlated features rho=0.8, 4 of 15 true nonzero")
    X, y = gaussian_data(103, 30, 40, 5)
    add("lasso_p_gt_n", X, y, 1.0, frac=0.1, notes="p > n (30 x 40), 5 true nonzero")
    X, y = gaussian_data(104, 25, 40, 4, corr="equi", rho=0.5)
    add("lasso_p_gt_n_equicorr", X, y, 1.0, frac=0.2, notes="p > n (25 x 40), equicorrelated rho=0.5, 4 true nonzero")
    X, y = gaussian_data(105, 60, 8, 4, scales=SCALES8, means=MEANS8, b0=-7.0)
    add("lasso_unscaled_columns", X, y, 1.0, frac=0.05,
        notes="columns with sd 0.01..100 and means up to 1000 (not standardized), 4 of 8 true nonzero")
    X, y = gaussian_data(106, 50, 6, 3, sigma=0.5)
    add("lasso_near_lambda_max", X, y, 1.0, frac=0.9, notes="lambda close to lambda_max: one nonzero")
    add("lasso_diabetes", Xd, yd, 1.0, frac=0.05,
        notes=f"diabetes ({dsource}), X standardized (ddof=0), y raw")

    # elastic net
    X, y = gaussian_data(201, 100, 10, 3)
    add("enet_indep_a0.5", X, y, 0.5, frac=0.1, notes="independent features, 3 of 10 true nonzero")
    X, y = gaussian_data(202, 80, 15, 5, corr="ar1", rho=0.9)
    add("enet_ar1_rho0.9_a0.2", X, y, 0.2, frac=0.3, notes="AR(1) rho=0.9, 5 of 15 true nonzero")
    X, y = gaussian_data(203, 30, 40, 5)
    add("enet_p_gt_n_a0.5", X, y, 0.5, frac=0.1, notes="p > n (30 x 40), 5 true nonzero")
    X, y = gaussian_data(204, 60, 12, 3, corr="equi", rho=0.7)
    add("enet_equicorr_a0.8", X, y, 0.8, frac=0.2, notes="equicorrelated rho=0.7, 3 of 12 true nonzero")
    X, y = gaussian_data(205, 60, 8, 4, scales=SCALES8, means=MEANS8, b0=3.0)
    add("enet_unscaled_columns_a0.5", X, y, 0.5, frac=0.05,
        notes="columns with sd 0.01..100 and means up to 1000 (not standardized), 4 of 8 true nonzero")
    X, y = gaussian_data(206, 150, 6, 2)
    add("enet_a0.95", X, y, 0.95, frac=0.3, notes="independent features, 2 of 6 true nonzero")

    # ridge (alpha = 0)
    X, y = gaussian_data(301, 50, 5, 5)
    add("ridge_indep", X, y, 0.0, lam=0.1, notes="independent features, dense truth")
    X, y = gaussian_data(302, 100, 12, 6, corr="ar1", rho=0.95)
    add("ridge_ar1_rho0.95", X, y, 0.0, lam=1.0, notes="AR(1) rho=0.95")
    X, y = gaussian_data(303, 30, 40, 5)
    add("ridge_p_gt_n", X, y, 0.0, lam=0.5, notes="p > n (30 x 40)")
    X, y = gaussian_data(304, 60, 8, 4, scales=SCALES8, means=MEANS8, b0=10.0)
    add("ridge_unscaled_columns", X, y, 0.0, lam=0.01,
        notes="columns with sd 0.01..100 and means up to 1000 (not standardized)")
    X, y = gaussian_data(305, 50, 6, 3)
    add("ridge_large_lambda", X, y, 0.0, lam=100.0, notes="heavy shrinkage")
    X, y = gaussian_data(306, 200, 5, 3, corr="equi", rho=0.8)
    add("ridge_equicorr_small_lambda", X, y, 0.0, lam=0.001, notes="equicorrelated rho=0.8, light shrinkage")
    return cases


def logistic_cases(Xd, yd, dsource):
    cases = []

    def add(name, X, y, alpha, lam=None, frac=None, notes=""):
        if lam is None:
            lam = frac * lambda_max(X, y, alpha)
            notes += f"; lambda = {frac:g} * lambda_max"
        cases.append(solve_case(name, "logistic", X, y, lam, alpha, notes.lstrip("; ")))

    # L1
    X, y = logistic_data(401, 150, 10, 3, b0=0.5)
    add("logit_l1_indep", X, y, 1.0, frac=0.1, notes="independent features, 3 of 10 true nonzero")
    X, y = logistic_data(402, 120, 15, 4, corr="ar1", rho=0.7)
    add("logit_l1_ar1_rho0.7", X, y, 1.0, frac=0.3, notes="AR(1) rho=0.7, 4 of 15 true nonzero")
    X, y = logistic_data(403, 35, 40, 4)
    add("logit_l1_p_gt_n", X, y, 1.0, frac=0.2, notes="p > n (35 x 40), 4 true nonzero")
    X, y = logistic_data(404, 200, 8, 3, b0=-2.0)
    add("logit_l1_imbalanced", X, y, 1.0, frac=0.1, notes="intercept -2: about 1 in 6 positive")
    X, y = logistic_data(405, 100, 6, 3, scales=SCALES6, means=MEANS6)
    add("logit_l1_unscaled_columns", X, y, 1.0, frac=0.1,
        notes="columns with sd 0.1..10 and nonzero means (not standardized)")
    yb = (yd > np.median(yd)).astype(float)
    add("logit_l1_diabetes", Xd, yb, 1.0, frac=0.05,
        notes=f"diabetes ({dsource}), X standardized (ddof=0), y = 1 if progression > median")
    X, y = logistic_data(406, 80, 12, 2, corr="equi", rho=0.5)
    add("logit_l1_equicorr", X, y, 1.0, frac=0.5, notes="equicorrelated rho=0.5, 2 of 12 true nonzero")

    # L2
    X, y = logistic_data(501, 150, 10, 5)
    add("logit_l2_indep", X, y, 0.0, lam=0.01, notes="independent features")
    X, y = logistic_data(502, 120, 15, 6, corr="ar1", rho=0.9)
    add("logit_l2_ar1_rho0.9", X, y, 0.0, lam=0.1, notes="AR(1) rho=0.9")
    X, y = logistic_data(503, 35, 40, 6)
    add("logit_l2_p_gt_n", X, y, 0.0, lam=0.05, notes="p > n (35 x 40), separable without the penalty")
    X, y = logistic_data(504, 200, 8, 3, b0=-2.0)
    add("logit_l2_imbalanced", X, y, 0.0, lam=0.02, notes="intercept -2: about 1 in 6 positive")
    X, y = logistic_data(505, 100, 6, 3, scales=SCALES6, means=MEANS6)
    add("logit_l2_unscaled_columns", X, y, 0.0, lam=0.001,
        notes="columns with sd 0.1..10 and nonzero means (not standardized)")
    X, y = logistic_data(506, 60, 5, 3)
    add("logit_l2_large_lambda", X, y, 0.0, lam=1.0, notes="heavy shrinkage")

    # elastic net
    X, y = logistic_data(601, 120, 10, 3)
    add("logit_enet_a0.5", X, y, 0.5, frac=0.1, notes="independent features, 3 of 10 true nonzero")
    X, y = logistic_data(602, 100, 12, 4, corr="ar1", rho=0.8)
    add("logit_enet_ar1_a0.3", X, y, 0.3, frac=0.2, notes="AR(1) rho=0.8, 4 of 12 true nonzero")
    return cases


def path_fixture(Xd, yd, dsource):
    t0 = time.time()
    yc = yd - yd.mean()
    (alphas, coefs, gaps), conv = _call_quietly(
        lambda: lasso_path(Xd, yc, eps=1e-3, alphas=100, tol=TOL, max_iter=CD_MAX_ITER))
    desc = (f"sklearn {sklearn.__version__} lasso_path(X, y, eps=1e-3, alphas=100, tol={TOL:g}, "
            f"max_iter={CD_MAX_ITER}) (alphas=100 replaces the deprecated n_alphas=100)")
    if conv:
        desc += f"; ConvergenceWarning: {conv[0]}"
    coefs = np.asarray(coefs, float)
    raws, finals, changes, polished = [], [], [], 0
    for k, lam in enumerate(alphas):
        b = coefs[:, k]
        raw = kkt_violation("gaussian", Xd, yc, lam, 1.0, 0.0, b, intercept=False)
        raws.append(raw)
        if raw > POLISH_ABOVE:
            _, pb = polish("gaussian", Xd, yc, lam, 1.0, 0.0, b, intercept=False)
            pol = kkt_violation("gaussian", Xd, yc, lam, 1.0, 0.0, pb, intercept=False)
            if pol < raw:
                changes.append(float(np.max(np.abs(pb - b))))
                coefs[:, k] = pb
                polished += 1
                raw = pol
        finals.append(raw)
    desc += f"; sklearn KKT violation max {max(raws):.3g}"
    if polished:
        desc += (f"; {polished} of {len(alphas)} points polished in numpy (active-set Newton on the "
                 f"lasso objective): KKT max {max(finals):.3g}, max |change| {max(changes):.3g}")
    kkt = max(finals)
    if not kkt < KKT_LIMIT:
        raise SystemExit(f"lasso_path: KKT violation {kkt:g} ({desc})")
    order = []
    for k in range(len(alphas)):
        new = [j for j in range(coefs.shape[0]) if coefs[j, k] != 0 and j not in order]
        order.extend(new)
    print(f"  lasso_path_diabetes: {len(alphas)} lambdas, kkt={kkt:.2e} (sklearn {max(raws):.2e}), "
          f"order {order} {time.time() - t0:.1f}s", flush=True)
    return {
        "X": Xd.tolist(),
        "y": [float(v) for v in yc],
        "lambdas": [float(a) for a in alphas],
        "coefs": [[float(v) for v in coefs[:, k]] for k in range(len(alphas))],
        "kkt_violation": kkt,
        "order_of_entry": order,
        "feature_names": DIABETES_COLUMNS,
        "data_source": f"{dsource}; X standardized (centered, divided by the ddof=0 sd), y centered",
        "solver": desc,
    }


def write(name, obj):
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    with open(path, "w") as fh:
        json.dump(obj, fh, indent=None, sort_keys=True, separators=(",", ":"), allow_nan=False)
        fh.write("\n")
    print(f"wrote {path.relative_to(REPO)} ({path.stat().st_size} bytes)")


def main():
    if sklearn.__version__ != SKLEARN_VERSION:
        raise SystemExit(f"scikit-learn {SKLEARN_VERSION} is required, found {sklearn.__version__}")
    for lib, want in ((np, NUMPY_VERSION), (scipy, SCIPY_VERSION)):
        if lib.__version__ != want:
            print(f"warning: {lib.__name__} {lib.__version__}, the fixtures were made with {want}",
                  file=sys.stderr)
    Xd, yd, dsource = diabetes()
    print(f"diabetes: {dsource}")
    print("gaussian:")
    g = gaussian_cases(Xd, yd, dsource)
    print("logistic:")
    lg = logistic_cases(Xd, yd, dsource)
    print("path:")
    pf = path_fixture(Xd, yd, dsource)
    write("gaussian.json", g)
    write("logistic.json", lg)
    write("lasso_path_diabetes.json", pf)
    for fam, cs in (("gaussian", g), ("logistic", lg)):
        print(f"worst kkt_violation {fam}: {max(c['kkt_violation'] for c in cs):.3g}")
    print(f"worst kkt_violation lasso_path: {pf['kkt_violation']:.3g}")


if __name__ == "__main__":
    main()
