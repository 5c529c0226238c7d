"""save(value, "path.ext") through the real kernel: every form is written into a temporary
folder and read back with Python's own readers (ElementTree, csv, json, html.parser), with the
same numbers the kernel prints; refused saves leave no file and keep the variables. And
`jupyter run --kernel regula script.regula`, which passes the script's name to the kernel."""
import csv
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

from conftest import BINARY, execute

VENV_BIN = Path(sys.executable).parent


def ok(client, code):
    reply, outputs = execute(client, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    return outputs


def result_text(outputs):
    return [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]


def printed(outputs):
    return "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")


def numbers(text):
    return [float(x) for x in text.strip().strip("[]").split(", ")]


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as file:
        return list(csv.reader(file))


def test_every_form_reads_back(raw_kernel, tmp_path):
    client = raw_kernel.client
    tmp_path = tmp_path / "saved"  # the kernel's connection and log files are in tmp_path
    tmp_path.mkdir()
    ok(client, 'let data = load("diabetes")\nlet f = fit(linear, data, penalty: l1(1))\n'
               'let path = lassoPath(data, lambdas: 8)\nlet cv = crossValidate(path, folds: 3, seed: 1)\n'
               'let log = record()\nlog.add(epoch: 1, loss: 0.5)\nlog.add(epoch: 2, loss: 0.25)\n'
               'let chart = plot([1, 4, 9], title: "squares")')
    saved = {}
    for name, value in [("chart.svg", "chart"), ("t.csv", 'table(x: [1, 0.1, 1e-300], name: ["a,b", "say \\"hi\\"", "λ"])'),
                        ("t.html", 'table(x: [1, 2], name: ["<b>", "c"])'), ("f.csv", "f"), ("f.json", "f"),
                        ("p.csv", "path"), ("p.json", "path"), ("cv.csv", "cv"), ("cv.json", "cv"),
                        ("log.csv", "log"), ("d.csv", "data")]:
        target = tmp_path / name
        [text] = result_text(ok(client, f'save({value}, "{target}")'))
        assert text == json.dumps(str(target), ensure_ascii=False)
        saved[name] = target

    # The SVG parses as XML and is the chart's own text, byte for byte.
    root = ElementTree.parse(saved["chart.svg"]).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    svg_text = printed(ok(client, "print(chart.svg)"))
    assert saved["chart.svg"].read_text(encoding="utf-8") + "\n" == svg_text

    assert read_csv(saved["t.csv"]) == [["x", "name"], ["1", "a,b"], ["0.1", 'say "hi"'], ["1e-300", "λ"]]

    class Cells(HTMLParser):
        cells = []
        def handle_data(self, data):
            if data.strip(): self.cells.append(data)
    parser = Cells()
    parser.feed(saved["t.html"].read_text(encoding="utf-8"))
    assert parser.cells[:6] == ["table", "x", "name", "1", "<b>", "2"]

    coefficients = numbers(printed(ok(client, "print(f.coefficients)")))
    intercept = float(printed(ok(client, "print(f.intercept)")))
    rows = read_csv(saved["f.csv"])
    assert rows[0] == ["feature", "coefficient"] and rows[1][0] == "(intercept)"
    assert float(rows[1][1]) == intercept and [float(r[1]) for r in rows[2:]] == coefficients
    document = json.loads(saved["f.json"].read_text())
    assert list(document["coefficients"]) == [r[0] for r in rows[2:]]
    assert list(document["coefficients"].values()) == coefficients and document["intercept"] == intercept
    assert document["penalty"] == "l1(1)" and document["zeros"] == coefficients.count(0)

    rows = read_csv(saved["p.csv"])
    assert rows[0][:3] == ["lambda", "intercept", "age"] and len(rows) == 9
    assert [float(r[0]) for r in rows[1:]] == numbers(printed(ok(client, "print(path.lambdas)")))
    assert [float(x) for x in rows[-1][2:]] == numbers(printed(ok(client, "print(path.coefficients[7])")))
    assert json.loads(saved["p.json"].read_text())["coefficients"][7] == [float(x) for x in rows[-1][2:]]

    rows = read_csv(saved["cv.csv"])
    assert rows[0] == ["lambda", "meanError", "standardError", "nonzeros"]
    assert [float(r[1]) for r in rows[1:]] == numbers(printed(ok(client, "print(cv.meanError)")))
    assert json.loads(saved["cv.json"].read_text())["lambdaMin"] == float(printed(ok(client, "print(cv.lambdaMin)")))

    assert read_csv(saved["log.csv"]) == [["epoch", "loss"], ["1", "0.5"], ["2", "0.25"]]

    rows = read_csv(saved["d.csv"])
    assert rows[0][-1] == "y" and len(rows) == 443
    assert [float(r[-1]) for r in rows[1:]] == numbers(printed(ok(client, "print(data.target)")))
    [text] = result_text(ok(client, f'csv("{saved["d.csv"]}", target: "y").samples'))
    assert text == "442"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "a temporary file was left"


def test_a_refused_save_leaves_no_file_and_keeps_the_variables(raw_kernel, tmp_path):
    client = raw_kernel.client
    tmp_path = tmp_path / "saved"
    tmp_path.mkdir()
    ok(client, 'let f = fit(linear, load("diabetes"), penalty: l1(1))')
    for target, words in [(tmp_path / "f.txt", "its forms are '.csv', '.json'"),
                          (tmp_path / "missing" / "f.csv", "does not exist")]:
        reply, _ = execute(client, f'save(f, "{target}")')
        assert reply["content"]["status"] == "error"
        assert reply["content"]["ename"] == "ValueError" and words in reply["content"]["evalue"]
    assert list(tmp_path.iterdir()) == []
    assert result_text(ok(client, "f.zeros")) == ["3"]


def test_jupyter_run_runs_a_script(tmp_path):
    prefix = tmp_path / "prefix"
    subprocess.run([str(BINARY), "install", "--prefix", str(prefix)], check=True, capture_output=True, timeout=60)
    script = tmp_path / "script.regula"
    script.write_text('let f = fit(linear, load("diabetes"), penalty: l1(1))\nprint("zeros:", f.zeros)\nf.zeros + 1\n')
    environment = dict(os.environ, JUPYTER_PATH=str(prefix / "share" / "jupyter"))
    result = subprocess.run([str(VENV_BIN / "jupyter"), "run", "--kernel", "regula", str(script)],
                            capture_output=True, text=True, timeout=120, env=environment, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "zeros: 3" in result.stdout
    assert "Unexpected argument" not in result.stderr
