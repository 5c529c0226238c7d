"""Regula against ipykernel, side by side in one run: start-up time, trivial-cell round trip,
resident memory, and memory growth over a soak of executes.

Run it with the project's environment:  .venv/bin/python bench/kernel_bench.py
(scripts/main.sh or scripts/test.sh create .venv and build the release binary first).

How it measures, and why:
* Start-up is timed with a raw ZeroMQ DEALER socket whose reconnect interval is 1 ms, sending
  kernel_info_request at once and waiting for the reply. jupyter_client's wait_for_ready ends with
  a 0.2 s quiet wait and ZeroMQ retries a connection every 100 ms by default; either would swamp
  a fast kernel's start.
* The round trip of a trivial execute is request sent to `idle` received on IOPub, over a raw
  DEALER and SUB pair, signed with jupyter_client's Session (the same client cost for both kernels).
* Memory is VmRSS from /proc. Speed is printed, never asserted.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import zmq
from jupyter_client.session import Session

ROOT = Path(__file__).resolve().parents[1]
REGULA = Path(os.environ.get("REGULA_BINARY", ROOT / ".build" / "release" / "regula"))


# The end-to-end tests' helper writes the connection files, so both use the same conventions.
sys.path.insert(0, str(ROOT / "Tests" / "EndToEnd"))
from conftest import write_connection_file  # noqa: E402


KERNELS = {
    "regula": lambda path: [str(REGULA), "kernel", "--connection-file", str(path)],
    "ipykernel": lambda path: [sys.executable, "-m", "ipykernel_launcher", "-f", str(path)],
}
TRIVIAL = {"regula": "1", "ipykernel": "1"}
PRINTS = {"regula": "for i in 1...20000 { print(i) }", "ipykernel": "for i in range(1, 20001): print(i)"}


class Kernel:
    def __init__(self, name: str, folder: Path):
        self.name = name
        self.path, self.info = write_connection_file(folder)
        self.session = Session(key=self.info["key"].encode())
        self.context = zmq.Context.instance()
        self.shell = self.context.socket(zmq.DEALER)
        self.shell.setsockopt(zmq.RECONNECT_IVL, 1)
        self.shell.linger = 0
        self.iopub = self.context.socket(zmq.SUB)
        self.iopub.setsockopt(zmq.RECONNECT_IVL, 1)
        self.iopub.setsockopt(zmq.SUBSCRIBE, b"")
        self.iopub.linger = 0
        self.started = time.perf_counter()
        self.process = subprocess.Popen(KERNELS[name](self.path), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.shell.connect(f"tcp://127.0.0.1:{self.info['shell_port']}")
        self.iopub.connect(f"tcp://127.0.0.1:{self.info['iopub_port']}")

    def first_kernel_info(self, timeout=60.0) -> float:
        """Seconds from launch to the first kernel_info_reply."""
        self.session.send(self.shell, "kernel_info_request", {})
        if not self.shell.poll(int(timeout * 1000)):
            raise RuntimeError(f"{self.name} did not answer kernel_info within {timeout} s")
        self.shell.recv_multipart()
        return time.perf_counter() - self.started

    def wait_for_iopub(self):
        """Sends kernel_info until IOPub is known to deliver (its status messages arrive)."""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            self.session.send(self.shell, "kernel_info_request", {})
            self.shell.poll(5000)
            self.shell.recv_multipart()
            if self.iopub.poll(200):
                while self.iopub.poll(50):
                    self.iopub.recv_multipart()
                return
        raise RuntimeError(f"{self.name}: IOPub never delivered")

    def execute(self, code: str) -> float:
        """Seconds from sending execute_request until both its reply and its idle status arrived."""
        return self.execute_counting_streams(code)[0]

    def execute_counting_streams(self, code: str) -> tuple[float, int, int]:
        """Seconds until reply and idle, with the number of stream messages and their characters."""
        streams = characters = 0
        started = time.perf_counter()
        message = self.session.send(self.shell, "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        msg_id = message["header"]["msg_id"]
        replied = idle = False
        poller = zmq.Poller()
        poller.register(self.shell, zmq.POLLIN)
        poller.register(self.iopub, zmq.POLLIN)
        while not (replied and idle):
            ready = dict(poller.poll(30_000))
            if not ready:
                raise RuntimeError(f"{self.name}: no reply to an execute within 30 s")
            if self.shell in ready:
                self.shell.recv_multipart()
                replied = True
            if self.iopub in ready:
                frames = self.iopub.recv_multipart()
                _, frames = self.session.feed_identities(frames)
                status = self.session.deserialize(frames, content=True)
                if status["msg_type"] == "stream" and status["parent_header"].get("msg_id") == msg_id:
                    streams += 1
                    characters += len(status["content"]["text"])
                idle = idle or (status["msg_type"] == "status" and status["parent_header"].get("msg_id") == msg_id
                                and status["content"]["execution_state"] == "idle")
        return time.perf_counter() - started, streams, characters

    def last_result_sizes(self, code: str) -> dict[str, int]:
        """Runs `code` once more; the size in bytes of each MIME type of its result."""
        message = self.session.send(self.shell, "execute_request", {
            "code": code, "silent": False, "store_history": False, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": True})
        msg_id = message["header"]["msg_id"]
        sizes = None
        while True:
            if not self.iopub.poll(30_000):
                raise RuntimeError(f"{self.name}: no output within 30 s")
            _, frames = self.session.feed_identities(self.iopub.recv_multipart())
            output = self.session.deserialize(frames, content=True)
            if output["parent_header"].get("msg_id") != msg_id:
                continue
            if output["msg_type"] in ("execute_result", "display_data"):
                sizes = {kind: len(text.encode()) for kind, text in output["content"]["data"].items()}
            if output["msg_type"] == "status" and output["content"]["execution_state"] == "idle":
                self.shell.recv_multipart()
                return sizes or {}

    def rss_mib(self) -> float:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        return float("nan")

    def stop(self):
        self.process.kill()
        self.process.wait()
        self.shell.close()
        self.iopub.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--starts", type=int, default=10, help="launches per kernel for start-up time")
    parser.add_argument("--executes", type=int, default=300, help="trivial executes per kernel for the round trip")
    parser.add_argument("--soak", type=int, default=10_000, help="executes in Regula's memory soak (0 to skip)")
    args = parser.parse_args()
    if not REGULA.exists():
        sys.exit(f"no Regula binary at {REGULA}: run scripts/main.sh (or swift build -c release) first")

    results = {}
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        for name in KERNELS:
            starts = []
            for _ in range(args.starts):
                kernel = Kernel(name, folder)
                starts.append(kernel.first_kernel_info())
                kernel.stop()
            kernel = Kernel(name, folder)
            kernel.first_kernel_info()
            kernel.wait_for_iopub()
            for _ in range(20):
                kernel.execute(TRIVIAL[name])
            trips = [kernel.execute(TRIVIAL[name]) for _ in range(args.executes)]
            prints = [kernel.execute_counting_streams(PRINTS[name]) for _ in range(3)]
            results[name] = {
                "prints": min(prints),
                "start": statistics.median(starts),
                "median": statistics.median(trips),
                "p99": percentile(trips, 0.99),
                "rss": kernel.rss_mib(),
            }
            if name == "regula" and args.soak:
                before = kernel.rss_mib()
                for _ in range(args.soak):
                    kernel.execute(TRIVIAL[name])
                after = kernel.rss_mib()
                results[name]["soak"] = (before, after)
            kernel.stop()

    regula, python = results["regula"], results["ipykernel"]
    print(f"{'':28}{'Regula':>12}{'ipykernel':>12}{'ratio':>10}")
    print(f"{'start to kernel_info (ms)':28}{regula['start'] * 1e3:12.1f}{python['start'] * 1e3:12.1f}"
          f"{python['start'] / regula['start']:9.1f}x   (target ≥ 10x)")
    print(f"{'trivial execute median (ms)':28}{regula['median'] * 1e3:12.3f}{python['median'] * 1e3:12.3f}"
          f"{python['median'] / regula['median']:9.1f}x   (target ≥ 3x)")
    print(f"{'trivial execute p99 (ms)':28}{regula['p99'] * 1e3:12.3f}{python['p99'] * 1e3:12.3f}"
          f"{python['p99'] / regula['p99']:9.1f}x")
    print(f"{'resident memory (MiB)':28}{regula['rss']:12.1f}{python['rss']:12.1f}"
          f"{regula['rss'] / python['rss']:9.2f}    (target ≤ 0.33)")
    for name in ("regula", "ipykernel"):
        seconds, streams, characters = results[name]["prints"]
        print(f"20,000 prints, {name:10}: {seconds:.3f} s to idle, {streams} stream messages, {characters} characters")
    if "soak" in regula:
        before, after = regula["soak"]
        growth = (after - before) / before * 100
        print(f"soak of {args.soak} executes: Regula RSS {before:.1f} MiB -> {after:.1f} MiB "
              f"({growth:+.1f}%, target < 5%)")


if __name__ == "__main__":
    main()
