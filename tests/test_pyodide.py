"""The same flow tests, run inside real Pyodide (the pinned npm package) under Node.js."""

import re
import shutil
import subprocess
from pathlib import Path

from guides.web import WHEEL, build_wheel
from tests.flowcases import load_cases

ROOT = Path(__file__).resolve().parent.parent


def test_flow_cases_pass_inside_pyodide(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "run 'make setup' (npm ci) first"
    wheel = tmp_path / WHEEL
    build_wheel(wheel)
    result = subprocess.run(
        [node, "tests/pyodide/run.mjs", str(wheel)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    out = (result.stdout + result.stderr)[-3000:]
    assert "on emscripten" in out, out
    counts = re.search(r"(\d+) passed, (\d+) failed", out)
    assert counts, out
    assert result.returncode == 0, out
    assert int(counts.group(1)) == len(load_cases()), f"Pyodide ran {counts.group(1)} cases, CPython has {len(load_cases())}"
