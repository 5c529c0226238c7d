"""The kernel's protocol behaviour, end to end, against the real binary."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import zmq
from jupyter_client.session import Session

from conftest import BINARY, RawKernel, collect_iopub, execute, write_connection_file


def shell_socket(kernel: RawKernel) -> zmq.Socket:
    sock = zmq.Context.instance().socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"tcp://127.0.0.1:{kernel.info['shell_port']}")
    return sock


def receive_reply(sock: zmq.Socket, session: Session, timeout_ms: int):
    if not sock.poll(timeout_ms):
        return None
    frames = sock.recv_multipart()
    _, frames = session.feed_identities(frames)
    return session.deserialize(frames)


def test_wrong_key_gets_no_reply_and_the_kernel_keeps_serving(raw_kernel):
    sock = shell_socket(raw_kernel)
    forged = Session(key=b"not-the-key")
    forged.send(sock, forged.msg("kernel_info_request", {}))
    good = Session(key=raw_kernel.info["key"].encode())
    assert receive_reply(sock, good, 1000) is None
    good.send(sock, good.msg("kernel_info_request", {}))
    reply = receive_reply(sock, good, 5000)
    assert reply is not None and reply["msg_type"] == "kernel_info_reply"


def test_replayed_message_is_ignored(raw_kernel):
    sock = shell_socket(raw_kernel)
    session = Session(key=raw_kernel.info["key"].encode())
    message = session.msg("execute_request", {"code": "1 + 1", "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    frames = session.serialize(message)
    sock.send_multipart(frames)
    first = receive_reply(sock, session, 5000)
    assert first["content"]["status"] == "ok"
    sock.send_multipart(frames)  # the very same signed bytes again
    assert not sock.poll(1000), "a replayed message was answered"
    reply, _ = execute(raw_kernel.client, "2 + 2")
    assert reply["content"]["status"] == "ok"


@pytest.mark.parametrize("frames", [
    [b"no delimiter here"],
    [b"<IDS|MSG>", b"sig"],
    [b"<IDS|MSG>", b"", b"{not json", b"{}", b"{}", b"{}"],
    [b"<IDS|MSG>", b"", b"[]", b"{}", b"{}", b"{}"],
    [b"<IDS|MSG>", b"zz" * 32, b"{}", b"{}", b"{}", b"{}"],
    [b"\xff\xfe", b"<IDS|MSG>", b"", b"\xff", b"\xff", b"\xff", b"\xff"],
])
def test_malformed_frames_are_dropped_and_the_kernel_keeps_serving(raw_kernel, frames):
    sock = shell_socket(raw_kernel)
    sock.send_multipart(frames)
    time.sleep(0.2)
    assert raw_kernel.process.poll() is None, "the kernel died on malformed input"
    reply, _ = execute(raw_kernel.client, "40 + 2")
    assert reply["content"]["status"] == "ok"
    assert "dropped a message on shell:" in raw_kernel.stderr()


def test_random_frames_on_every_channel_never_crash_the_kernel(raw_kernel):
    rng = random.Random(7)
    context = zmq.Context.instance()
    sockets = []
    for port, kind in (("shell_port", zmq.DEALER), ("control_port", zmq.DEALER), ("stdin_port", zmq.DEALER)):
        sock = context.socket(kind)
        sock.linger = 0
        sock.connect(f"tcp://127.0.0.1:{raw_kernel.info[port]}")
        sockets.append(sock)
    pieces = [b"<IDS|MSG>", b"", b"{}", b"[]", b"null", b'{"msg_id": 1}', b"\x00\xff", b"{" * 50]
    for _ in range(500):
        frames = [rng.choice(pieces) if rng.random() < 0.6 else rng.randbytes(rng.randint(0, 64))
                  for _ in range(rng.randint(1, 9))]
        rng.choice(sockets).send_multipart(frames)
    time.sleep(0.5)
    assert raw_kernel.process.poll() is None
    reply, _ = execute(raw_kernel.client, "1 + 1")
    assert reply["content"]["status"] == "ok"


def test_heartbeat_echoes(raw_kernel):
    sock = zmq.Context.instance().socket(zmq.REQ)
    sock.linger = 0
    sock.connect(f"tcp://127.0.0.1:{raw_kernel.info['hb_port']}")
    sock.send(b"ping-123")
    assert sock.poll(5000)
    assert sock.recv() == b"ping-123"


def test_unsigned_kernel_accepts_unsigned_messages(tmp_path):
    kernel = RawKernel(tmp_path, key="")
    try:
        reply, outputs = execute(kernel.client, "6 * 7")
        assert reply["content"]["status"] == "ok"
        result = [m for m in outputs if m["msg_type"] == "execute_result"][0]
        assert result["content"]["data"]["text/plain"] == "42"
    finally:
        kernel.stop()


def test_ipc_transport(tmp_path):
    kernel = RawKernel(tmp_path, transport="ipc")
    try:
        reply, outputs = execute(kernel.client, 'print("over ipc")')
        assert reply["content"]["status"] == "ok"
        assert any(m["msg_type"] == "stream" and "over ipc" in m["content"]["text"] for m in outputs)
    finally:
        kernel.stop()


def interrupt_running_cell(client, code: str):
    """Starts `code`, interrupts it through the control channel after 0.5 s, and checks that
    the cell ends with an Interrupted error within a second of the interrupt."""
    msg_id = client.execute(code)
    time.sleep(0.5)
    started = time.monotonic()
    client.control_channel.send(client.session.msg("interrupt_request", {}))
    control_reply = client.control_channel.get_msg(timeout=5)
    assert control_reply["msg_type"] == "interrupt_reply"
    reply = client.get_shell_msg(timeout=5)
    elapsed = time.monotonic() - started
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    assert elapsed < 1.0, f"the interrupt took {elapsed:.2f} s"


@pytest.mark.parametrize("before,running,after,expected", [
    ("let kept = 42", "let inside = 1\nsleep(60)", "kept + inside", "43"),
    ("var before = 1", "var last = 0\nfor i in 1...100_000_000 { last = i }", "before + last * 0 + 1", "2"),
], ids=["sleep", "busy-loop"])
def test_interrupt_message_stops_a_running_cell_and_keeps_variables(raw_kernel, before, running, after, expected):
    client = raw_kernel.client
    execute(client, before)
    interrupt_running_cell(client, running)
    reply, outputs = execute(client, after)
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == [expected]


def test_sigint_interrupts_too(raw_kernel):
    client = raw_kernel.client
    msg_id = client.execute("sleep(60)")
    time.sleep(0.5)
    raw_kernel.process.send_signal(signal.SIGINT)
    reply = client.get_shell_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["ename"] == "Interrupted"
    reply, _ = execute(client, "1")
    assert reply["content"]["status"] == "ok"


def test_shutdown_exits_cleanly(raw_kernel):
    client = raw_kernel.client
    client.control_channel.send(client.session.msg("shutdown_request", {"restart": False}))
    reply = client.control_channel.get_msg(timeout=5)
    assert reply["msg_type"] == "shutdown_reply"
    assert reply["content"] == {"status": "ok", "restart": False}
    assert raw_kernel.process.wait(timeout=5) == 0


def test_shutdown_during_a_running_cell_exits_cleanly(raw_kernel):
    client = raw_kernel.client
    client.execute("sleep(60)")
    time.sleep(0.3)
    client.control_channel.send(client.session.msg("shutdown_request", {"restart": True}))
    reply = client.control_channel.get_msg(timeout=5)
    assert reply["content"]["restart"] is True
    assert raw_kernel.process.wait(timeout=5) == 0


def process_is_gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/status").read_text()
    except FileNotFoundError:
        return True
    return "State:\tZ" in state  # a zombie has exited; only its reaping is pending


def test_kernel_exits_when_its_parent_dies(tmp_path):
    path, _ = write_connection_file(tmp_path)
    launcher = (
        "import os, subprocess, sys, time\n"
        f"p = subprocess.Popen([{str(BINARY)!r}, 'kernel', '--connection-file', {str(path)!r}],\n"
        "                     env=dict(os.environ, JPY_PARENT_PID=str(os.getpid())))\n"
        "print(p.pid, flush=True)\n"
        "time.sleep(120)\n"
    )
    parent = subprocess.Popen([sys.executable, "-c", launcher], stdout=subprocess.PIPE, text=True)
    kernel_pid = int(parent.stdout.readline())
    time.sleep(0.5)
    assert not process_is_gone(kernel_pid)
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not process_is_gone(kernel_pid):
        time.sleep(0.1)
    assert process_is_gone(kernel_pid), "the kernel outlived its parent"


def replies_to(client, count: int) -> dict[str, dict]:
    """The contents of the next `count` shell replies, by the id of the request they answer."""
    replies = {}
    while len(replies) < count:
        msg = client.get_shell_msg(timeout=10)
        replies[msg["parent_header"]["msg_id"]] = msg["content"]
    return replies


def test_stop_on_error_aborts_queued_executions(raw_kernel):
    client = raw_kernel.client
    first = client.execute("sleep(0.5)\n1 / 0")
    second = client.execute("let never = 1")
    third = client.execute("never")
    replies = replies_to(client, 3)
    assert replies[first]["status"] == "error"
    assert replies[first]["ename"] == "ZeroDivisionError"
    assert replies[second]["status"] == "aborted"
    assert replies[third]["status"] == "aborted"
    reply, _ = execute(client, "never")
    assert reply["content"]["ename"] == "NameError", "an aborted cell must not have run"


def test_stop_on_error_false_keeps_the_queue(raw_kernel):
    client = raw_kernel.client
    first = client.execute("sleep(0.3)\n1 / 0", stop_on_error=False)
    second = client.execute("let ran = 1")
    replies = replies_to(client, 2)
    assert replies[first]["status"] == "error"
    assert replies[second]["status"] == "ok"


def test_execution_count_rules(raw_kernel):
    client = raw_kernel.client
    reply, outputs = execute(client, "1")
    count = reply["content"]["execution_count"]
    inputs = [m for m in outputs if m["msg_type"] == "execute_input"]
    assert inputs[0]["content"]["execution_count"] == count
    reply, _ = execute(client, "2", store_history=False)
    assert reply["content"]["execution_count"] == count
    reply, outputs = execute(client, 'print("quiet")', silent=True)
    assert reply["content"]["execution_count"] == count
    assert [m["msg_type"] for m in outputs] == ["status", "status"], "a silent cell published output"
    reply, _ = execute(client, "undefined_thing")
    assert reply["content"]["execution_count"] == count + 1
    reply, _ = execute(client, "3")
    assert reply["content"]["execution_count"] == count + 2


def test_update_display_data_uses_the_display_id(raw_kernel):
    reply, outputs = execute(raw_kernel.client, 'show("starting", id: "progress")\nupdate("done", id: "progress")')
    assert reply["content"]["status"] == "ok"
    display = [m for m in outputs if m["msg_type"] == "display_data"][0]
    update = [m for m in outputs if m["msg_type"] == "update_display_data"][0]
    assert display["content"]["transient"] == {"display_id": "progress"}
    assert update["content"]["transient"] == {"display_id": "progress"}
    assert update["content"]["data"]["text/plain"] == '"done"'


def test_every_request_is_wrapped_in_busy_and_idle(raw_kernel):
    client = raw_kernel.client
    for send in (client.kernel_info, lambda: client.complete("pr", 2), lambda: client.is_complete("1 +"),
                 lambda: client.inspect("plot", 2), lambda: client.history(hist_access_type="tail", n=1),
                 client.comm_info):
        msg_id = send()
        client.get_shell_msg(timeout=5)
        states = [m["content"]["execution_state"] for m in collect_iopub(client, msg_id, 5) if m["msg_type"] == "status"]
        assert states == ["busy", "idle"]


def test_kernel_info_on_control(raw_kernel):
    client = raw_kernel.client
    client.control_channel.send(client.session.msg("kernel_info_request", {}))
    reply = client.control_channel.get_msg(timeout=5)
    info = reply["content"]
    assert info["protocol_version"] >= "5.3"
    language = info["language_info"]
    assert language["name"] == "regula"
    assert language["file_extension"] == ".regula"
    assert language["pygments_lexer"] == "swift"
    assert language["codemirror_mode"] == "swift"
    assert language["mimetype"] and language["version"]
    assert info["banner"] and info["help_links"]


def test_completion_counts_code_points(raw_kernel):
    code = '"😀 naïve" + prin'
    reply_id = raw_kernel.client.complete(code, len(code))
    reply = raw_kernel.client.get_shell_msg(timeout=5)
    assert reply["parent_header"]["msg_id"] == reply_id
    content = reply["content"]
    assert content["matches"] == ["print"]
    assert content["cursor_end"] == len(code)
    assert content["cursor_start"] == len(code) - 4


def test_error_shows_the_line_with_a_caret_and_keeps_variables(raw_kernel):
    client = raw_kernel.client
    execute(client, "let weight = 0.5")
    reply, outputs = execute(client, "let bias = 1\nweigth * 2")
    assert reply["content"]["ename"] == "NameError"
    traceback = "\n".join(reply["content"]["traceback"])
    assert "Did you mean 'weight'?" in traceback
    assert "weigth * 2" in traceback and "^^^^^^" in traceback
    assert "line 2, column 1" in traceback
    reply, outputs = execute(client, "weight + bias")
    assert [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"] == ["1.5"]
