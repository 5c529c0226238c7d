"""A user's own file through the real kernel: csv() reads it as a spreadsheet writes it, the
encoded matrix is the one Python builds from the same file, and a lasso on it agrees with
scikit-learn run to convergence on that matrix."""
import json
import random

import numpy as np
from sklearn.linear_model import Lasso

from conftest import execute


def results(outputs):
    return [m["content"]["data"] for m in outputs if m["msg_type"] == "execute_result"]


def streamed(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def write_houses(path, rows=80, seed=5):
    """A ';'-separated file with a byte-order mark, decimal commas, an id, a date, a text column and missing cells."""
    rng = random.Random(seed)
    lines = ["id;sold;sqft;rooms;region;price"]
    table = []
    for i in range(rows):
        sqft = round(rng.uniform(600, 3000), 1)
        rooms = rng.randint(1, 6)
        region = rng.choice(["north", "south", "east"])
        price = round(50 + 0.12 * sqft + 9 * rooms + {"north": 30, "south": 0, "east": -15}[region] + rng.gauss(0, 20), 2)
        cells = [str(i + 1), f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", str(sqft).replace(".", ","), str(rooms), region, str(price).replace(".", ",")]
        if i % 9 == 4:
            cells[2] = "NA"
        if i % 13 == 7:
            cells[3] = ""
        if i == 11:
            cells[3] = '"4"'  # a quoted number
        lines.append(";".join(cells))
        table.append(cells)
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode())
    return table


def encode_with_python(table):
    """The expected matrix, built independently: median fill of sqft and rooms, region as indicators (east is the reference)."""
    def number(cell):
        cell = cell.strip('"')
        return None if cell in ("", "NA") else float(cell.replace(",", "."))
    sqft = [number(r[2]) for r in table]
    rooms = [number(r[3]) for r in table]
    fill = lambda column: float(np.median([v for v in column if v is not None]))
    sqft_fill, rooms_fill = fill(sqft), fill(rooms)
    X = [[s if s is not None else sqft_fill, r if r is not None else rooms_fill, float(row[4] == "north"), float(row[4] == "south")]
         for s, r, row in zip(sqft, rooms, table)]
    y = [number(r[5]) for r in table]
    return np.array(X), np.array(y)


def test_a_spreadsheet_file_is_read_encoded_and_fitted_as_scikit_learn_fits_it(raw_kernel, tmp_path):
    client = raw_kernel.client
    path = tmp_path / "houses.csv"
    table = write_houses(path)
    reply, outputs = execute(client, f'let houses = csv("{path}", target: "price", drop: ["id", "sold"], missing: "median")\nhouses')
    assert reply["content"]["status"] == "ok", reply["content"]
    [shown] = results(outputs)
    assert shown["text/plain"].splitlines()[0] == "houses.csv: 80 samples × 4 features, target price"
    assert "filled 15 missing values with the column's median" in shown["text/plain"]
    assert "reference level &quot;east&quot;" in shown["text/html"]

    _, outputs = execute(client, "print(houses.names)\nprint(houses.rows)\nprint(houses.target)")
    names, rows, target = streamed(outputs).splitlines()
    assert json.loads(names) == ["sqft", "rooms", "region=north", "region=south"]
    X, y = encode_with_python(table)
    assert np.array_equal(np.array(json.loads(rows)), X)
    assert np.array_equal(np.array(json.loads(target)), y)

    # The user's default fit (standardized features, intercept) against scikit-learn on the
    # same matrix standardized the way glmnet does (population standard deviation).
    lam = 2.0
    _, outputs = execute(client, f"let f = fit(linear, houses, penalty: l1({lam}))\nprint(f.coefficients)\nprint(f.intercept)")
    coefficients, intercept = streamed(outputs).splitlines()
    mean, scale = X.mean(axis=0), X.std(axis=0)
    reference = Lasso(alpha=lam, tol=1e-14, max_iter=1_000_000).fit((X - mean) / scale, y)
    expected = reference.coef_ / scale
    ours = np.array(json.loads(coefficients))
    assert np.allclose(ours, expected, rtol=1e-6, atol=1e-8), (ours, expected)
    assert [c == 0 for c in ours] == [c == 0 for c in expected]
    assert abs(float(intercept) - (reference.intercept_ - expected @ mean)) <= 1e-6 * abs(float(intercept))


def test_every_problem_of_a_file_is_one_error_and_the_kernel_keeps_its_variables(raw_kernel, tmp_path):
    client = raw_kernel.client
    path = tmp_path / "houses.csv"
    write_houses(path)
    execute(client, "let kept = 41")
    reply, _ = execute(client, f'csv("{path}", target: "price")')
    content = reply["content"]
    assert content["status"] == "error" and content["ename"] == "ValueError"
    assert content["evalue"].startswith("the data has 2 problems:\n  1. column \"sold\" holds dates")
    assert "15 missing values: line 6 in \"sqft\"" in content["evalue"]
    assert "and 5 more; choose missing:" in content["evalue"]
    _, outputs = execute(client, "kept + 1")
    assert [d["text/plain"] for d in results(outputs)] == ["42"]


def test_a_dataset_from_lists_round_trips(raw_kernel):
    client = raw_kernel.client
    code = """
let d = dataset(sqft: [1100, 1400, 2100, 1750, 990], area: ["n", "s", "n", "e", "s"], price: [199, 245, 365, 290, 180], target: "price")
let again = dataset(sqft: d.column("sqft"), north: d.column("area=n"), price: d.target, target: "price")
print(d.rows)
print(again.rows == [[1100, 1], [1400, 0], [2100, 1], [1750, 0], [990, 0]])
print(d.column("price") == d.target)
"""
    reply, outputs = execute(client, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    assert streamed(outputs).splitlines() == ["[[1100, 1, 0], [1400, 0, 1], [2100, 1, 0], [1750, 0, 0], [990, 0, 1]]", "true", "true"]
