"""Issue 13, "no cell kills the kernel": each cell that once crashed or hung the kernel gives a
clear error (or a value), through the real kernel, and the next cell still sees a variable bound
before it. One kernel serves the whole module, so it must survive every cell in turn."""
from __future__ import annotations

import os
import time

import pytest

from conftest import execute

CHAIN = 4_400


def interpolations(depth: int) -> str:
    text = "1"
    for _ in range(depth):
        text = '"\\(' + text + ')"'
    return text


# (id, cell, expected: an error name, or "ok" for a value)
HOSTILE = [
    ("sum-chain", "1" + " + 1" * CHAIN, "ParseError"),
    ("equality-chain", "var x = 1\nx" + " == x" * CHAIN, "ParseError"),
    ("index-chain", "let q = [[1]]\nq" + "[0]" * CHAIN, "ParseError"),
    ("member-chain", 'let d = load("diabetes")\nd.title' + ".count" * CHAIN, "ParseError"),
    ("call-chain", "abs(1)" + "(1)" * 2_300, "ParseError"),
    ("interpolation", interpolations(920), "ParseError"),
    ("recursion-through-plot", "func r(_ w) { show(plot({ x in r(x) }, from: 0, to: 1)); return w }\nr(1)", "ValueError"),
    ("nested-values", "var deep = []\nfor i in 1...100000 { deep = [deep] }\nprint(deep == deep)", "ValueError"),
    ("linear-features", "linear(features: 999999999999999)", "MemoryError"),
    ("logistic-features", "logistic(features: 1e9)", "MemoryError"),
    ("l1-subnormal", "l1(5e-324)", "ok"),
    ("histogram-infinite", "histogram([exp(1000), 0])", "ValueError"),
    ("histogram-huge-span", "histogram([1e308, -1e308])", "ok"),
    ("log-plot-subnormal", 'plot([5e-324, 1], yScale: "log")', "ok"),
    ("fit-epochs", 'fit(linear, load("diabetes"), optimizer: sgd(lr: 0.01), epochs: 1e12)', "MemoryError"),
    ("path-lambdas", 'lassoPath(load("diabetes"), lambdas: 999999999999999)', "MemoryError"),
    ("plot-huge-span", "plot([1e308, -1e308])", "ok"),
    ("geometry-radius", "geometry(l1, l2, loss: quadratic(center: [1.5, 0.6]), radius: 1e308)", "ValueError"),
    ("huge-model-display", "logistic(features: 1e6)", "ok"),
    ("huge-identifier", "x" * 2_000_000, "NameError"),
    ("csv-dev-zero", 'csv("/dev/zero", target: "y")', "ValueError"),
]


@pytest.fixture(scope="module")
def client(kernel):
    _, client = kernel
    reply, _ = execute(client, "let witness = 42")
    assert reply["content"]["status"] == "ok"
    return client


def expect_outcome(client, cell: str, expected: str, timeout: float = 60):
    reply, outputs = execute(client, cell, timeout=timeout)
    content = reply["content"]
    if expected == "ok":
        assert content["status"] == "ok", content.get("evalue", "")[:300]
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        assert results, "a value was expected"
    else:
        assert content["status"] == "error", f"expected {expected}"
        assert content["ename"] == expected, content["evalue"][:300]
        # The error says where: its traceback names a line of the cell.
        assert any("line" in line for line in content["traceback"]), content["traceback"][:3]
    return reply, outputs


def expect_alive_with_state(client):
    reply, outputs = execute(client, "witness + 1")
    assert reply["content"]["status"] == "ok"
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["43"]


@pytest.mark.parametrize("cell,expected", [(cell, expected) for _, cell, expected in HOSTILE], ids=[name for name, _, _ in HOSTILE])
def test_a_hostile_cell_gives_an_error_and_the_kernel_goes_on(client, cell, expected):
    expect_outcome(client, cell, expected)
    expect_alive_with_state(client)


def test_the_huge_model_is_drawn_sampled(client):
    _, outputs = expect_outcome(client, "logistic(features: 1e6)", "ok")
    svg = [m for m in outputs if m["msg_type"] == "execute_result"][0]["content"]["data"]["image/svg+xml"]
    assert "the 200 largest of 1000000" in svg
    assert len(svg) < 200_000


def test_special_and_huge_files_are_refused_quickly(client, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    sparse = tmp_path / "sparse.csv"
    with open(sparse, "wb") as handle:
        handle.truncate(2 * 1024 ** 3)
    for cell, message in [
        (f'csv("{fifo}", target: "y")', "a FIFO (named pipe), not a regular file"),
        (f'csv("{sparse}", target: "y")', "more than the limit of 100 MB"),
        ('csv("/dev/zero", target: "y")', "a character device, not a regular file"),
        ('csv("/dev/zero", target: "y", allowSpecial: true, maxBytes: 1000)', "holds more than the limit of 1 kB"),
    ]:
        reply, _ = expect_outcome(client, cell, "ValueError", timeout=10)
        assert message in reply["content"]["evalue"]
        expect_alive_with_state(client)


def test_an_empty_while_loop_answers_an_interrupt(client):
    reply, _ = execute(client, "var m = 0")
    assert reply["content"]["status"] == "ok"
    msg_id = client.execute("while m < 1 { }")
    time.sleep(0.5)
    client.control_channel.send(client.session.msg("interrupt_request", {}))
    control_reply = client.control_channel.get_msg(timeout=10)
    assert control_reply["msg_type"] == "interrupt_reply"
    reply = client.get_shell_msg(timeout=10)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=10)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    expect_alive_with_state(client)
    reply, outputs = execute(client, "m")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["0"]
