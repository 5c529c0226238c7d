"""Every `regula` code block in docs/ runs without error, so the documentation cannot drift."""
import re
import subprocess
from pathlib import Path

import pytest

from conftest import BINARY, ROOT

BLOCK = re.compile(r"```regula\n(.*?)```", re.DOTALL)
EXAMPLES = [
    (f"{path.name}:{index}", code)
    for path in sorted((ROOT / "docs").glob("*.md"))
    for index, code in enumerate(BLOCK.findall(path.read_text()), start=1)
]


def test_the_docs_have_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("name,code", EXAMPLES, ids=[name for name, _ in EXAMPLES])
def test_doc_example_runs(tmp_path, name, code):
    script = tmp_path / "example.regula"
    script.write_text(code)
    # A line of standard input answers the examples that call input().
    result = subprocess.run([str(BINARY), "run", str(script), "--output", str(tmp_path / "out")],
                            input="Ada\n", capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"{name} failed:\n{code}\n{result.stderr}"


def test_inline_comments_in_doc_examples_state_the_true_result(tmp_path):
    """Examples whose last line ends in `// result` must show exactly that result."""
    checked = 0
    for name, code in EXAMPLES:
        last = code.strip().splitlines()[-1]
        match = re.search(r"//\s*(\[.*\]|[-\d.e]+)\s*$", last)
        if not match:
            continue
        script = tmp_path / "example.regula"
        script.write_text(code)
        result = subprocess.run([str(BINARY), "run", str(script), "--output", str(tmp_path / "out")],
                                capture_output=True, text=True, timeout=60)
        assert result.stdout.strip().splitlines()[-1] == match.group(1), name
        checked += 1
    assert checked >= 2


def test_reference_is_current():
    generated = subprocess.run([str(BINARY), "reference"], capture_output=True, text=True, check=True).stdout
    committed = (ROOT / "docs" / "reference.md").read_text()
    assert committed == generated, "docs/reference.md is stale: run `.build/release/regula reference > docs/reference.md`"
