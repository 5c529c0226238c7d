"""A seeded fuzz of the real kernel: thousands of mutated cells, built from the golden files,
the notebooks and the language guide, run one after another in one kernel. It fails on any
death of the process, any cell that neither ends nor stops at an interrupt, and any growth of
memory past a bound. Seeded, so a failure is the same failure on every run: the message names
the seed and the cell."""
from __future__ import annotations

import json
import os
import queue
import random
import re
import time
from pathlib import Path

import pytest

from conftest import ROOT, RawKernel

CELLS = int(os.environ.get("REGULA_FUZZ_CELLS", "2000"))
SEED = int(os.environ.get("REGULA_FUZZ_SEED", "20261201"))
#: A cell gets this long before it is interrupted, and as long again to stop after that.
PATIENCE = 20.0
#: The kernel's resident memory may grow this much over the whole run.
GROWTH_KIB = 512 * 1024
#: The kernel runs with this much address space for data, so that a mutated size that the
#: machine could hold (a 10 GB list) is refused by the kernel's budget, not by the test machine.
DATA_LIMIT = 6 * 1024 ** 3

EXTREMES = ["0", "-1", "1e308", "-1e308", "5e-324", "1e12", "999999999999999", "1e9", "1e6", "0.5",
            "(0 / 1)", "-0", "2147483648", "4400"]
TOKENS = ["(", ")", "[", "]", "{", "}", ",", ".", ":", "+", "-", "*", "/", "==", "&&", "!", "...", "..<",
          "\\(", "\"", "let ", "var ", "func ", "for ", "in ", "while ", "if ", "return ", "{ x in x }",
          "print", "plot", "fit", "l1", "l2", "linspace", "synthetic", "histogram", "show", "table",
          "abs", "csv", "geometry", "lassoPath", "crossValidate", "mlp", "linear", "logistic", "adam"]


def seed_cells() -> list[str]:
    cells: list[str] = []
    for path in sorted((ROOT / "Tests" / "RegulaLanguageTests" / "Golden").glob("*.regula")):
        text = "\n".join(line for line in path.read_text().splitlines() if not line.lstrip().startswith("// expect"))
        cells.append(text)
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for cell in json.loads(path.read_text())["cells"]:
            if cell["cell_type"] == "code":
                cells.append("".join(cell["source"]))
    for block in re.findall(r"```regula\n(.*?)```", (ROOT / "docs" / "language.md").read_text(), re.S):
        cells.append(block)
    return [cell for cell in cells if cell.strip()]


def mutate(cell: str, rng: random.Random, corpus: list[str]) -> str:
    for _ in range(rng.randint(1, 3)):
        choice = rng.randrange(8)
        if choice == 0:
            numbers = list(re.finditer(r"\b\d+(\.\d+)?(e-?\d+)?\b", cell))
            if numbers:
                match = rng.choice(numbers)
                cell = cell[:match.start()] + rng.choice(EXTREMES) + cell[match.end():]
        elif choice == 1 and cell:
            start = rng.randrange(len(cell))
            cell = cell[:start] + cell[start + rng.randint(1, 20):]
        elif choice == 2:
            lines = cell.splitlines() or [""]
            index = rng.randrange(len(lines))
            lines.insert(index, lines[index])
            cell = "\n".join(lines)
        elif choice == 3:
            position = rng.randrange(len(cell) + 1)
            cell = cell[:position] + rng.choice(TOKENS) + cell[position:]
        elif choice == 4:
            cell = f"for fuzz in 1...{rng.choice([2, 3, 50])} {{\n{cell}\n}}"
        elif choice == 5:
            cell = cell + "\n" + rng.choice(corpus)
        elif choice == 6:
            term = rng.choice(["1", "x", "[1]", "abs(1)", "\"s\""])
            operator = rng.choice([" + ", " == ", " * ", "[0]", ".count", "(1)"])
            cell = f"let x = 1\n{term}" + operator.join([""] * rng.choice([10, 500, 5000])) + f"{term}"
        else:
            lines = cell.splitlines()
            if len(lines) > 1:
                rng.shuffle(lines)
                cell = "\n".join(lines)
    return cell


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def run_cell(kernel: RawKernel, manager_interrupt, code: str) -> str:
    """Runs one cell; returns its status, or raises with what went wrong."""
    client = kernel.client
    msg_id = client.execute(code, stop_on_error=False, allow_stdin=False)
    deadline = time.monotonic() + PATIENCE
    interrupted = False
    while True:
        if kernel.process.poll() is not None:
            raise AssertionError(f"the kernel died (exit {kernel.process.returncode})")
        try:
            reply = client.get_shell_msg(timeout=0.5)
        except queue.Empty:
            if time.monotonic() > deadline:
                if interrupted:
                    raise AssertionError("the cell neither ended nor stopped at an interrupt")
                manager_interrupt()
                interrupted = True
                deadline = time.monotonic() + PATIENCE
            continue
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"]["status"]


def test_thousands_of_mutated_cells_never_kill_hang_or_bloat_the_kernel(tmp_path):
    rng = random.Random(SEED)
    corpus = seed_cells()
    assert len(corpus) > 50
    kernel = RawKernel(tmp_path, data_limit=DATA_LIMIT)
    try:
        def interrupt():
            kernel.interrupt()

        run_cell(kernel, interrupt, "let warm = synthetic(samples: 50, features: 5, informative: 2, noise: 0.5, seed: 1)")
        start = rss_kib(kernel.process.pid)
        statuses: dict[str, int] = {}
        for number in range(CELLS):
            code = mutate(rng.choice(corpus), rng, corpus)
            try:
                status = run_cell(kernel, interrupt, code)
            except AssertionError as failure:
                raise AssertionError(f"cell {number} (seed {SEED}): {failure}\n--- cell ---\n{code[:400]}\n--- log ---\n"
                                     f"{kernel.stderr()[-3000:]}") from None
            statuses[status] = statuses.get(status, 0) + 1
            if number % 200 == 0:
                while True:  # the iopub queue of this client is not needed; keep it small
                    try:
                        kernel.client.get_iopub_msg(timeout=0)
                    except queue.Empty:
                        break
        end = rss_kib(kernel.process.pid)
        assert end - start < GROWTH_KIB, f"RSS grew from {start} KiB to {end} KiB over {CELLS} cells"
        # The session still works, with what it bound before the fuzz.
        assert run_cell(kernel, interrupt, "warm.samples") == "ok"
        assert statuses.get("ok", 0) > CELLS // 20, statuses
        assert statuses.get("error", 0) > CELLS // 20, statuses
    finally:
        kernel.stop()
