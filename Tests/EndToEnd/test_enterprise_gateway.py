"""Remote kernels: Jupyter Enterprise Gateway (pinned, in .venv-gateway) starts a Regula kernel
from its kernelspec, writes it a connection file and talks to it over that file's ip; a client
reaches the kernel only through the gateway's REST API and websocket, as JupyterLab or Notebook
do with `--gateway-url`.

`scripts/test.sh` sets REGULA_GATEWAY_VENV; without it (a quick local pytest run) the module is
skipped, and with it a missing gateway is a failure, not a skip."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from datetime import datetime, timezone
from pathlib import Path

import pytest
from tornado.websocket import websocket_connect

from conftest import BINARY, free_ports

GATEWAY_VENV = os.environ.get("REGULA_GATEWAY_VENV")
if not GATEWAY_VENV:
    pytest.skip("REGULA_GATEWAY_VENV is not set (scripts/test.sh sets it)", allow_module_level=True)

# Enterprise Gateway refuses to start kernels for the users in its `unauthorized_users`, which is
# {"root"} by default, and the user is KERNEL_USERNAME or else the gateway's own (root in CI).
KERNEL_ENV = {"KERNEL_USERNAME": "regula-user"}


class Gateway:
    """`jupyter enterprisegateway` on a free localhost port, with only the Regula kernelspec and
    folders of its own for connection files and configuration."""

    def __init__(self, folder: Path):
        executable = Path(GATEWAY_VENV) / "bin" / "jupyter-enterprisegateway"
        if not executable.exists():
            pytest.fail(f"{executable} is missing: scripts/test.sh creates it (ensure_gateway_venv)")
        prefix = folder / "prefix"
        subprocess.run([str(BINARY), "install", "--prefix", str(prefix)], check=True, capture_output=True)
        self.runtime = folder / "runtime"
        (self.port,) = free_ports(1)
        self.url = f"http://127.0.0.1:{self.port}"
        env = {
            **os.environ,
            "JUPYTER_PATH": str(prefix / "share" / "jupyter"),
            "JUPYTER_DATA_DIR": str(folder / "data"),
            "JUPYTER_CONFIG_DIR": str(folder / "config"),
            "JUPYTER_RUNTIME_DIR": str(self.runtime),
        }
        self.log = folder / "gateway.log"
        with open(self.log, "w") as log:
            self.process = subprocess.Popen(
                [str(executable), "--ip=127.0.0.1", f"--port={self.port}", "--port_retries=0",
                 "--EnterpriseGatewayApp.default_kernel_name=regula"],
                stdout=log, stderr=subprocess.STDOUT, env=env,
            )
        self.wait_until_serving()

    def wait_until_serving(self, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"Enterprise Gateway exited with {self.process.returncode}:\n{self.log.read_text()}")
            try:
                self.request("GET", "/api/kernelspecs")
                return
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        pytest.fail(f"Enterprise Gateway did not answer within {timeout} s:\n{self.log.read_text()}")

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, dict | None]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + path, data=data, method=method, headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                text = response.read()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def gateway(tmp_path_factory):
    gateway = Gateway(tmp_path_factory.mktemp("gateway"))
    yield gateway
    gateway.stop()


def execute_request(code: str) -> dict:
    """An execute_request as JupyterLab sends it over a kernel's websocket (the JSON protocol)."""
    return {
        "header": {
            "msg_id": uuid.uuid4().hex, "msg_type": "execute_request", "session": uuid.uuid4().hex,
            "username": "regula-user", "version": "5.3", "date": datetime.now(timezone.utc).isoformat(),
        },
        "parent_header": {}, "metadata": {}, "buffers": [], "channel": "shell",
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }


async def run_cell(url: str, code: str, timeout: float = 60) -> tuple[dict, list[dict]]:
    """Runs `code` over the websocket at `url`: its execute_reply and its IOPub messages up to idle."""
    connection = await websocket_connect(url)
    try:
        request = execute_request(code)
        await connection.write_message(json.dumps(request))
        reply, outputs, idle = None, [], False
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            text = await asyncio.wait_for(connection.read_message(), max(deadline - time.monotonic(), 0.1))
            assert text is not None, "the gateway closed the websocket"
            message = json.loads(text)
            if message["parent_header"].get("msg_id") != request["header"]["msg_id"]:
                continue
            if message["channel"] == "shell":
                reply = message
            elif message["channel"] == "iopub":
                outputs.append(message)
                idle = message["msg_type"] == "status" and message["content"]["execution_state"] == "idle"
        return reply, outputs
    finally:
        connection.close()


def test_the_gateway_lists_the_regula_kernelspec(gateway):
    status, specs = gateway.request("GET", "/api/kernelspecs")
    assert status == 200
    assert specs["kernelspecs"]["regula"]["spec"]["language"] == "regula"


def test_a_cell_runs_in_a_kernel_the_gateway_started(gateway):
    status, kernel = gateway.request("POST", "/api/kernels", {"name": "regula", "env": KERNEL_ENV})
    assert status == 201, kernel
    kernel_id = kernel["id"]
    try:
        connection_files = list(gateway.runtime.glob(f"kernel-{kernel_id}*.json"))
        assert len(connection_files) == 1, list(gateway.runtime.iterdir())
        # The ip the gateway connects over: the kernel must listen there for anything below to work.
        assert json.loads(connection_files[0].read_text())["ip"] == "127.0.0.1"

        url = f"ws://127.0.0.1:{gateway.port}/api/kernels/{kernel_id}/channels"
        reply, outputs = asyncio.run(run_cell(url, 'print("over the gateway")\nl1(0.5).prox(3, step: 1)'))
        assert reply["msg_type"] == "execute_reply"
        assert reply["content"]["status"] == "ok", reply["content"]
        streams = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        assert streams == "over the gateway\n"
        results = [m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result"]
        assert results == ["2.5"]  # soft thresholding: 3 − 0.5
    finally:
        status, _ = gateway.request("DELETE", f"/api/kernels/{kernel_id}")
    assert status == 204
    # (Listing every kernel is forbidden by default: EG's list_kernels is off.)
    assert gateway.request("GET", f"/api/kernels/{kernel_id}")[0] == 404
    # jupyter_client removes the connection file once the kernel has shut down.
    assert not list(gateway.runtime.glob(f"kernel-{kernel_id}*.json"))
