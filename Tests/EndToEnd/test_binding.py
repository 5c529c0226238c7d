"""The kernel listens where its connection file says, as a launcher on a cluster (Enterprise
Gateway) needs: another loopback address, every interface, IPv6, a host name. Each case starts
the real binary, runs a cell over the address and checks what the kernel listens on."""
from __future__ import annotations

import socket
import subprocess

import pytest

from conftest import BINARY, RawKernel, execute, write_connection_file


def accepts(host: str, port: int) -> bool:
    """True when a plain TCP connection to host:port is accepted."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.settimeout(5)
        return probe.connect_ex((host, port)) == 0


@pytest.mark.parametrize(
    ("ip", "client_ip", "also_listening", "not_listening"),
    [
        ("127.0.0.2", None, [], ["127.0.0.1"]),
        ("0.0.0.0", "127.0.0.1", ["127.0.0.2"], []),
        ("::1", None, [], ["127.0.0.1"]),
        ("[::1]", "::1", [], ["127.0.0.1"]),
        ("localhost", None, ["127.0.0.1"], ["127.0.0.2"]),
    ],
)
def test_a_cell_runs_over_the_connection_files_ip(tmp_path, ip, client_ip, also_listening, not_listening):
    kernel = RawKernel(tmp_path, ip=ip, client_ip=client_ip)
    try:
        reply, outputs = execute(kernel.client, "1 + 2")
        assert reply["content"]["status"] == "ok"
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        assert results == ["3"]
        for channel in ("shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"):
            port = kernel.info[channel]
            for host in also_listening:
                assert accepts(host, port), f"{channel} not reachable on {host}"
            for host in not_listening:
                assert not accepts(host, port), f"{channel} reachable on {host}, beyond {ip}"
    finally:
        kernel.stop()


def test_an_unresolvable_ip_stops_the_kernel_with_its_name(tmp_path):
    path, _ = write_connection_file(tmp_path, ip="no-such-host.invalid")
    finished = subprocess.run([str(BINARY), "kernel", "--connection-file", str(path)], capture_output=True, text=True, timeout=30)
    assert finished.returncode != 0
    assert "cannot listen on ip 'no-such-host.invalid' of the connection file" in finished.stderr
