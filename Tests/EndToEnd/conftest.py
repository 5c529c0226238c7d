"""Shared helpers for the end-to-end tests: they start the real `regula` binary through
jupyter_client (or by hand, to break the rules on purpose) and talk to it over ZeroMQ."""
from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest
import zmq
from jupyter_client import BlockingKernelClient, KernelManager
from jupyter_client.session import Session

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("REGULA_BINARY", ROOT / ".build" / "release" / "regula"))


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def write_connection_file(folder: Path, key: str = None, transport: str = "tcp", ip: str | None = None) -> tuple[Path, dict]:
    """`ip`: where the kernel is told to listen (default 127.0.0.1, or a socket path for ipc)."""
    key = uuid.uuid4().hex if key is None else key
    shell, iopub, stdin, control, hb = free_ports(5)
    if ip is None:
        ip = str(folder / "regula-ipc") if transport == "ipc" else "127.0.0.1"
    info = {
        "transport": transport, "ip": ip, "key": key, "signature_scheme": "hmac-sha256",
        "shell_port": shell, "iopub_port": iopub, "stdin_port": stdin, "control_port": control, "hb_port": hb,
    }
    path = folder / f"kernel-{uuid.uuid4().hex[:8]}.json"
    path.write_text(json.dumps(info))
    return path, info


class RawKernel:
    """A kernel process started by hand with its own connection file, plus a client for it."""

    def __init__(
        self, folder: Path, transport: str = "tcp", key: str | None = None, data_limit: int | None = None,
        ip: str | None = None, client_ip: str | None = None,
    ):
        """`data_limit`: bytes of data (RLIMIT_DATA) the kernel may map, as a smaller machine would have.
        `ip`: the connection file's ip; `client_ip`: where the client connects instead (for a
        wildcard such as 0.0.0.0). An IPv6 address gets a client with ZeroMQ's IPv6 enabled."""
        self.path, self.info = write_connection_file(folder, key=key, transport=transport, ip=ip)
        self.log = folder / f"{self.path.stem}.stderr"

        def limit_data():
            if data_limit is not None:
                resource.setrlimit(resource.RLIMIT_DATA, (data_limit, data_limit))

        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [str(BINARY), "kernel", "--connection-file", str(self.path)],
                stdout=subprocess.DEVNULL, stderr=log, preexec_fn=limit_data,
            )
        connect_to = client_ip or self.info["ip"]
        # ZeroMQ's sockets are IPv4-only unless told otherwise; the shared context stays as it is.
        self.ipv6_context = None
        if transport == "tcp" and ":" in connect_to:
            self.ipv6_context = zmq.Context()
            self.ipv6_context.setsockopt(zmq.IPV6, 1)
        self.client = BlockingKernelClient(context=self.ipv6_context) if self.ipv6_context else BlockingKernelClient()
        self.client.load_connection_info({**self.info, "ip": connect_to})
        # A client without a KernelManager judges the kernel by its heartbeat, and counts it dead
        # when the first reply takes over time_to_dead (1 s by default) after the channels start,
        # which is right after the launch: a cold first start on a busy CI machine can take that
        # long (a fresh clone's first end-to-end test failed so, the kernel alive). A dead kernel
        # still fails wait_for_ready.
        self.client.hb_channel.time_to_dead = 3.0
        self.client.start_channels()
        self.client.wait_for_ready(timeout=30)

    def interrupt(self):
        """Interrupts the running cell, as Jupyter's signal interrupt mode does."""
        self.process.send_signal(signal.SIGINT)

    def stop(self):
        self.client.stop_channels()
        if self.ipv6_context is not None:
            self.ipv6_context.destroy(linger=0)
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)

    def stderr(self) -> str:
        """What the kernel has logged so far (one line per dropped message, among others)."""
        return self.log.read_text()


@pytest.fixture
def raw_kernel(tmp_path):
    kernel = RawKernel(tmp_path)
    yield kernel
    kernel.stop()


@pytest.fixture(scope="module")
def kernel():
    """A kernel started the way Jupyter starts it: from the installed kernelspec."""
    manager = KernelManager(kernel_name="regula")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    client.wait_for_ready(timeout=30)
    yield manager, client
    client.stop_channels()
    manager.shutdown_kernel(now=False)


def execute(client: BlockingKernelClient, code: str, timeout: float = 30, **options):
    """Runs `code`; returns the reply and the IOPub messages of that request, up to its idle."""
    msg_id = client.execute(code, **options)
    reply = client.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = client.get_shell_msg(timeout=timeout)
    outputs = collect_iopub(client, msg_id, timeout)
    return reply, outputs


def collect_iopub(client: BlockingKernelClient, msg_id: str, timeout: float = 30) -> list[dict]:
    messages = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        msg = client.get_iopub_msg(timeout=timeout)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return messages
    raise AssertionError(f"no idle for {msg_id}")
