"""The `regula` command line: run, install, and the kernel's start-up errors."""
import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import BINARY, ROOT

VENV_BIN = Path(sys.executable).parent


def regula(*args, **kwargs):
    return subprocess.run([str(BINARY), *args], capture_output=True, text=True, timeout=60, **kwargs)


def test_help_lists_the_subcommands():
    result = regula("--help")
    assert result.returncode == 0
    for command in ("kernel", "install", "run"):
        assert command in result.stdout


def test_run_prints_text_and_writes_svg_and_html(tmp_path):
    script = tmp_path / "demo.regula"
    script.write_text('print("hello from a script")\nshow(plot([1, 4, 9]))\ntable(x: [1, 2], y: [0, 3])\n')
    out = tmp_path / "out"
    result = regula("run", str(script), "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "hello from a script" in result.stdout
    svgs, htmls = sorted(out.glob("*.svg")), sorted(out.glob("*.html"))
    assert len(svgs) == 1 and len(htmls) == 1
    assert svgs[0].read_text().startswith("<svg xmlns=")
    assert "<table" in htmls[0].read_text()


def test_run_keeps_printed_lines_and_shown_values_in_order_when_piped(tmp_path):
    """Output to a pipe, as CI and `| tee` see it: what `show` and `interact` write comes where the
    script wrote it, not after every printed line."""
    script = tmp_path / "order.regula"
    script.write_text('print("one")\nshow(table(x: [1]))\nprint("two")\n'
                      'interact(x: slider(0, 1, value: 0.5), draw: { x in "drew \\(x)" })\nprint("three")\n')
    result = regula("run", str(script), "--output", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    marks = [next(i for i, line in enumerate(lines) if mark in line)
             for mark in ("one", "[saved", "two", "x: slider", "drew 0.5", "three")]
    assert marks == sorted(marks), lines


def test_run_fails_when_an_interact_cannot_draw_its_first_picture(tmp_path):
    script = tmp_path / "draw.regula"
    script.write_text('interact(x: slider(0, 1, value: 0.5), draw: { x in\n  check(x > 0.7, "x is large")\n  x })\nprint("after")\n')
    result = regula("run", str(script), "--output", str(tmp_path / "out"))
    assert result.returncode == 1 and "after" not in result.stdout
    assert "CheckError: this claim does not hold: x is large" in result.stderr
    assert "in interact's draw: at line 1, with x = 0.5" in result.stderr


def test_run_reports_an_error_with_its_line_and_exits_nonzero(tmp_path):
    script = tmp_path / "broken.regula"
    script.write_text("let a = 1\nplot([1, 2], titel: \"x\")\n")
    result = regula("run", str(script), "--output", str(tmp_path / "out"))
    assert result.returncode == 1
    assert "ArgumentError" in result.stderr
    assert "Did you mean 'title:'?" in result.stderr
    assert "2 | plot([1, 2], titel: \"x\")" in result.stderr


def test_install_with_a_prefix_writes_an_absolute_argv_and_logos(tmp_path):
    result = regula("install", "--prefix", str(tmp_path))
    assert result.returncode == 0, result.stderr
    spec_dir = tmp_path / "share" / "jupyter" / "kernels" / "regula"
    spec = json.loads((spec_dir / "kernel.json").read_text())
    assert Path(spec["argv"][0]).is_absolute() and Path(spec["argv"][0]).exists()
    assert spec["argv"][1:] == ["kernel", "--connection-file", "{connection_file}"]
    assert spec["language"] == "regula" and spec["interrupt_mode"] == "message"
    for logo in ("logo-32x32.png", "logo-64x64.png", "logo-svg.svg"):
        assert (spec_dir / logo).exists()
    listing = subprocess.run(
        [str(VENV_BIN / "jupyter"), "kernelspec", "list", "--json"], capture_output=True, text=True,
        env=dict(os.environ, JUPYTER_PATH=str(tmp_path / "share" / "jupyter")),
    )
    specs = json.loads(listing.stdout)["kernelspecs"]
    assert "regula" in specs


def test_install_user_honours_jupyter_data_dir(tmp_path):
    result = regula("install", "--user", env=dict(os.environ, JUPYTER_DATA_DIR=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "kernels" / "regula" / "kernel.json").exists()


def test_install_rejects_two_destinations(tmp_path):
    result = regula("install", "--user", "--prefix", str(tmp_path))
    assert result.returncode != 0
    assert "choose one of" in result.stderr


def test_kernel_with_a_bad_connection_file_says_why(tmp_path):
    missing = regula("kernel", "--connection-file", str(tmp_path / "nope.json"))
    assert missing.returncode == 1 and "cannot be read" in missing.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = regula("kernel", "--connection-file", str(bad))
    assert result.returncode == 1 and "not a valid connection file: it is not JSON" in result.stderr
    # The system's reason and what is missing, in words, not an error type's dump.
    assert "cannot be read: No such file or directory" in missing.stderr and "CocoaError" not in missing.stderr
    folder = regula("kernel", "--connection-file", str(tmp_path))
    assert folder.returncode == 1 and "cannot be read: Is a directory" in folder.stderr
    bad.write_text('{"shell_port": 1, "iopub_port": "x"}')
    result = regula("kernel", "--connection-file", str(bad))
    assert result.returncode == 1 and 'its "iopub_port" is not a port number' in result.stderr
    bad.write_text('{"shell_port": 1}')
    result = regula("kernel", "--connection-file", str(bad))
    assert result.returncode == 1 and 'it has no "iopub_port"' in result.stderr


def test_install_sys_prefix_uses_the_active_virtual_environment(tmp_path):
    result = regula("install", "--sys-prefix", env=dict(os.environ, VIRTUAL_ENV=str(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "share" / "jupyter" / "kernels" / "regula" / "kernel.json").exists()


def test_reference_subcommand_prints_every_builtin():
    result = regula("reference")
    assert result.returncode == 0
    for name in ("plot", "table", "print", "linspace", "help"):
        assert f"## `{name}`" in result.stdout


def test_the_kernel_does_not_link_foundation():
    """The modules use FoundationEssentials: Foundation costs the kernel about 3 MiB of resident
    memory at start (docs/developing.md). One `import Foundation` anywhere brings it back."""
    image = BINARY.read_bytes()
    assert b"$s20FoundationEssentials" in image, "no Swift symbols to look through: is the binary stripped?"
    assert b"$s10Foundation" not in image, "something links Foundation: look for `import Foundation` in Sources/"
