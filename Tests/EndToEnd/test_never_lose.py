"""The kernel never loses output, a session or its memory, and never runs a message twice:
stream buffering, output limits, input() over stdin, signatures and replays, memory that goes
back, bounded history, and ipc files removed at shutdown. Every test talks to the real binary."""
from __future__ import annotations

import queue
import re
import time
from pathlib import Path

import nbformat
import pytest
import zmq
from jupyter_client.session import Session
from nbclient import NotebookClient

from conftest import RawKernel, collect_iopub, execute


def streams(outputs: list[dict], name: str = "stdout") -> list[str]:
    return [m["content"]["text"] for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == name]


def result_text(outputs: list[dict]) -> str:
    return next(m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result")


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


# --- Streams -------------------------------------------------------------------------------

def test_twenty_thousand_prints_arrive_whole_in_order_in_a_few_messages(kernel):
    _, client = kernel
    reply, outputs = execute(client, "for i in 1...20000 { print(i) }", timeout=120)
    assert reply["content"]["status"] == "ok"
    texts = streams(outputs)
    assert "".join(texts) == "".join(f"{i}\n" for i in range(1, 20001))
    assert len(texts) <= 40, f"{len(texts)} stream messages for one loop"


def test_output_order_is_kept_around_displays_and_errors(kernel):
    _, client = kernel
    reply, outputs = execute(client, 'print("a")\nshow(1)\nprint("b")\nwarn("c")\nprint("d")\nlet x = [1][5]')
    assert reply["content"]["status"] == "error"
    seen = []
    for m in outputs:
        if m["msg_type"] == "stream":
            seen.append(m["content"]["text"])
        elif m["msg_type"] in ("display_data", "error"):
            seen.append(m["msg_type"])
    # As in ipykernel, stdout and stderr are buffered apart: between two other messages each is
    # one message, in the order of its first write; displays and errors keep their place.
    assert seen == ["a\n", "display_data", "b\nd\n", "c\n", "error"]


def test_interleaved_prints_and_warnings_all_arrive_and_the_cell_goes_idle(kernel):
    _, client = kernel
    reply, outputs = execute(client, 'for i in 1...20000 {\n  print("out \\(i)")\n  warn("err \\(i)")\n}\nprint("END")', timeout=120)
    assert reply["content"]["status"] == "ok"
    assert "".join(streams(outputs)) == "".join(f"out {i}\n" for i in range(1, 20001)) + "END\n"
    assert "".join(streams(outputs, "stderr")) == "".join(f"err {i}\n" for i in range(1, 20001))
    assert len([m for m in outputs if m["msg_type"] == "stream"]) <= 80


def test_twenty_thousand_display_updates_lose_neither_the_last_one_nor_the_error(kernel):
    """Past ZeroMQ's default high-water mark of 1000 queued messages, IOPub used to drop
    messages silently: the last updates, the error and the idle never came."""
    _, client = kernel
    reply, outputs = execute(client, 'show(0, id: "p")\nfor i in 1...20000 { update(i, id: "p") }\nlet x = nope', timeout=120)
    assert reply["content"]["status"] == "error"
    updates = [m for m in outputs if m["msg_type"] == "update_display_data"]
    assert len(updates) == 20000
    assert updates[-1]["content"]["data"]["text/plain"] == "20000"
    assert outputs[-2]["msg_type"] == "error"


def test_a_line_printed_before_a_long_computation_arrives_while_it_runs(kernel):
    _, client = kernel
    msg_id = client.execute('print("started")\nsleep(3)')
    deadline = time.monotonic() + 2.5
    arrived = None
    while time.monotonic() < deadline:
        try:
            msg = client.get_iopub_msg(timeout=0.5)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            arrived = msg["content"]["text"]
            break
    assert arrived == "started\n", "the printed line waited for the cell to end"
    assert not client.shell_channel.msg_ready(), "the cell ended before its line was seen"
    collect_iopub(client, msg_id, timeout=30)
    client.get_shell_msg(timeout=30)


def test_nbclient_keeps_every_line_of_a_long_loop(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("for i in 1...20000 { print(i) }"), nbformat.v4.new_code_cell("1 + 1")]
    NotebookClient(notebook, kernel_name="regula", timeout=120, iopub_timeout=10).execute()
    text = "".join(o["text"] for o in notebook.cells[0].outputs if o["output_type"] == "stream")
    assert text == "".join(f"{i}\n" for i in range(1, 20001))
    assert len(notebook.cells[0].outputs) <= 40
    assert notebook.cells[1].outputs[0]["data"]["text/plain"] == "2"


def test_a_cell_printing_past_the_limit_is_cut_with_a_note_and_its_last_lines(kernel):
    _, client = kernel
    reply, outputs = execute(client, 'var n = 0\nfor i in 1...200000 { print("line \\(i) of the loop"); n += 1 }', timeout=120)
    assert reply["content"]["status"] == "ok"
    shown = "".join(streams(outputs))
    notes = "".join(streams(outputs, "stderr"))
    assert len(shown) < 700_000
    assert shown.startswith("line 1 of the loop\nline 2 of the loop\n")
    assert shown.endswith("line 200000 of the loop\n"), "the last lines are shown after the note"
    match = re.search(r"… ([\d,]+) characters \(([\d,]+) lines\) of output not shown", notes)
    assert match, notes
    total = sum(len(f"line {i} of the loop\n") for i in range(1, 200001))
    assert int(match.group(1).replace(",", "")) + len(shown) == total
    assert "outputLimits(stream:" in notes
    tail = shown[500_000:]
    assert tail.startswith("line ") and 45_000 <= len(tail) <= 50_000 + 30, len(tail)
    # Nothing of the session was lost: the loop ran to its end.
    _, outputs = execute(client, "n")
    assert result_text(outputs) == "200000"


def test_stream_limit_can_be_changed_from_the_language(kernel):
    _, client = kernel
    _, outputs = execute(client, "outputLimits(stream: 1000)")
    assert "stream: 1000" in result_text(outputs)
    reply, outputs = execute(client, 'for i in 1...2000 { print(i) }')
    assert reply["content"]["status"] == "ok"
    assert len("".join(streams(outputs))) < 1000 + 400
    assert "limit of 1,000 characters" in "".join(streams(outputs, "stderr"))
    execute(client, "outputLimits(stream: 500000)")


# --- Output limits ---------------------------------------------------------------------------

def test_a_long_list_result_is_elided_but_the_value_stays_whole(kernel):
    _, client = kernel
    _, outputs = execute(client, "let big = linspace(0, 99999, count: 100000)\nbig")
    text = result_text(outputs)
    assert len(text) <= 10_100
    assert text.startswith("[0, 1, 2, 3")
    assert text.endswith("99998, 99999]")
    assert re.search(r"… [\d,]+ more characters …", text)
    _, outputs = execute(client, "big.count")
    assert result_text(outputs) == "100000"
    _, outputs = execute(client, "big[99999]")
    assert result_text(outputs) == "99999"


def test_a_500_column_dataset_shows_a_small_table_with_its_size(kernel):
    _, client = kernel
    _, outputs = execute(client, "let wide = synthetic(samples: 50, features: 500, informative: 5, noise: 0.5, seed: 1)\nwide")
    result = next(m for m in outputs if m["msg_type"] == "execute_result")
    html = result["content"]["data"]["text/html"]
    assert len(html) < 60_000, len(html)
    assert "more columns" in html and "<th>…</th>" in html
    _, outputs = execute(client, "wide.features")
    assert result_text(outputs) == "500"


def test_html_past_its_limit_falls_back_to_plain_text_with_a_note(kernel):
    _, client = kernel
    execute(client, "outputLimits(html: 1000)")
    _, outputs = execute(client, "table(a: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20], b: linspace(0, 1, count: 20))")
    result = next(m for m in outputs if m["msg_type"] == "execute_result")["content"]["data"]
    execute(client, "outputLimits(html: 300000)")
    assert "text/html" not in result
    assert "outputLimits(html:" in result["text/plain"]


# --- input() ---------------------------------------------------------------------------------

def answer_input(client, msg_id: str, answer: str, timeout: float = 30) -> dict:
    request = client.get_stdin_msg(timeout=timeout)
    assert request["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    client.input(answer)
    return request


def test_input_round_trips_through_the_stdin_channel(kernel):
    _, client = kernel
    msg_id = client.execute('let name = input("Your name: ")\nprint("hello, \\(name)")', allow_stdin=True)
    request = answer_input(client, msg_id, "Ada")
    assert request["content"] == {"prompt": "Your name: ", "password": False}
    outputs = collect_iopub(client, msg_id)
    assert "".join(streams(outputs)) == "hello, Ada\n"
    _, outputs = execute(client, "name")
    assert result_text(outputs) == '"Ada"'


def test_text_printed_before_input_is_sent_before_the_prompt(kernel):
    _, client = kernel
    for _ in range(3):
        msg_id = client.execute('print("Question follows")\nlet a = input("Name: ")', allow_stdin=True)
        client.get_stdin_msg(timeout=30)
        # The stream must already be on IOPub when the prompt is: read what has arrived.
        seen = []
        while True:
            try:
                seen.append(client.get_iopub_msg(timeout=0.2))
            except queue.Empty:
                break
        assert any(m["msg_type"] == "stream" and m["content"]["text"] == "Question follows\n" for m in seen), seen
        client.input("x")
        collect_iopub(client, msg_id)


def test_password_input_asks_the_front_end_to_hide_it(kernel):
    _, client = kernel
    msg_id = client.execute('let secret = input("Key: ", password: true)\nsecret.count', allow_stdin=True)
    request = answer_input(client, msg_id, "hunter2")
    assert request["content"]["password"] is True
    outputs = collect_iopub(client, msg_id)
    assert result_text(outputs) == "7"


def test_input_without_stdin_is_a_clear_error_and_keeps_the_session(kernel):
    _, client = kernel
    execute(client, "let kept = 41")
    reply, outputs = execute(client, 'let answer = input("? ")', allow_stdin=False)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "InputError"
    assert "does not accept input" in reply["content"]["evalue"]
    _, outputs = execute(client, "kept + 1")
    assert result_text(outputs) == "42"


def test_an_interrupt_ends_a_wait_for_input(kernel):
    manager, client = kernel
    msg_id = client.execute('let never = input("waiting: ")', allow_stdin=True)
    client.get_stdin_msg(timeout=30)
    manager.interrupt_kernel()
    reply = client.get_shell_msg(timeout=10)
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted"
    collect_iopub(client, msg_id)
    _, outputs = execute(client, "1 + 2")
    assert result_text(outputs) == "3"


# --- Signatures and replays -------------------------------------------------------------------

def respellings(signature: str) -> list[str]:
    """Every spelling of one MAC that the old guard took for a new message."""
    return sorted({
        signature.upper(), signature[:32].upper() + signature[32:], signature[:32] + signature[32:].upper(),
        "".join(c.upper() if i % 2 else c for i, c in enumerate(signature)),
    } - {signature})


def test_a_captured_message_never_runs_again_in_any_spelling(raw_kernel):
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"tcp://127.0.0.1:{raw_kernel.info['shell_port']}")
    session = Session(key=raw_kernel.info["key"].encode())
    execute(raw_kernel.client, "var runs = 0")
    message = session.msg("execute_request", {"code": "runs += 1", "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    frames = session.serialize(message)
    sock.send_multipart(frames)
    assert sock.poll(5000)
    sock.recv_multipart()
    delimiter = frames.index(b"<IDS|MSG>")
    signature = frames[delimiter + 1].decode()
    for spelling in respellings(signature) + [signature]:
        replay = list(frames)
        replay[delimiter + 1] = spelling.encode()
        sock.send_multipart(replay)
    assert not sock.poll(1500), "a replayed message was answered"
    _, outputs = execute(raw_kernel.client, "runs")
    assert result_text(outputs) == "1"
    log = raw_kernel.stderr()
    assert log.count("bad or missing signature") == len(respellings(signature))
    assert "replayed signature" in log


# --- Memory and history ---------------------------------------------------------------------

def test_junk_frames_on_stdin_do_not_keep_the_memory(raw_kernel):
    pid = raw_kernel.process.pid
    execute(raw_kernel.client, "1 + 1")
    start = rss_kib(pid)
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 1000
    sock.connect(f"tcp://127.0.0.1:{raw_kernel.info['stdin_port']}")
    junk = b"\x00" * (30 * 1024 * 1024)
    for _ in range(30):
        sock.send_multipart([b"junk", junk])
    time.sleep(1)
    execute(raw_kernel.client, "2 + 2")  # the shell thread has drained stdin by the time it answers
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and rss_kib(pid) > start + 20 * 1024:
        time.sleep(0.25)
    end = rss_kib(pid)
    sock.close()
    assert end < start + 20 * 1024, f"RSS went from {start} KiB to {end} KiB"
    assert "dropped a message that does not decode on stdin" in raw_kernel.stderr()
    reply, _ = execute(raw_kernel.client, "3 + 3")
    assert reply["content"]["status"] == "ok"


def test_big_cells_give_their_memory_back(raw_kernel):
    pid = raw_kernel.process.pid
    execute(raw_kernel.client, "let small = 1")
    start = rss_kib(pid)
    for _ in range(5):
        reply, _ = execute(raw_kernel.client, (
            "let tmp = synthetic(samples: 30000, features: 100, informative: 5, noise: 0.5, seed: 2)\n"
            "let grid = linspace(0, 1, count: 1000000) * 2\ntmp.samples"), timeout=60)
        assert reply["content"]["status"] == "ok"
    execute(raw_kernel.client, "let tmp = 0")
    end = rss_kib(pid)
    assert end < start + 30 * 1024, f"RSS went from {start} KiB to {end} KiB"


def test_history_keeps_a_bounded_part_of_each_output(kernel):
    _, client = kernel
    execute(client, "linspace(0, 1, count: 50000)")
    msg_id = client.history(hist_access_type="tail", n=1, output=True)
    reply = client.get_shell_msg(timeout=10)
    while reply["parent_header"]["msg_id"] != msg_id:
        reply = client.get_shell_msg(timeout=10)
    _, _, (source, output) = reply["content"]["history"][-1]
    assert source.startswith("linspace")
    assert len(output.encode()) <= 4096 + 100


# --- ipc ------------------------------------------------------------------------------------

def test_ipc_socket_files_are_removed_after_a_clean_shutdown(tmp_path):
    kernel = RawKernel(tmp_path, transport="ipc")
    prefix = kernel.info["ip"]
    files = [Path(f"{prefix}-{kernel.info[k]}") for k in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port")]
    assert all(f.exists() for f in files)
    kernel.client.shutdown()
    kernel.process.wait(timeout=15)
    kernel.client.stop_channels()
    assert kernel.process.returncode == 0
    assert [f for f in files if f.exists()] == []
