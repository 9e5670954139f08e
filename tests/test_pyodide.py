"""The same flow tests, run inside real Pyodide (the pinned npm package) under Node.js, and the
precomputed answers checked against Python's answers in Pyodide, state by state."""

import json
import re
import shutil
import subprocess
from pathlib import Path

from guides import registry
from guides.api import all_states
from guides.web import write_wheels
from tests.flowcases import load_cases

ROOT = Path(__file__).resolve().parent.parent


def test_flow_cases_pass_inside_pyodide(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "run 'make setup' (npm ci) first"
    wheels = [str(w) for w in write_wheels(tmp_path)]  # what the site ships: Jinja2, MarkupSafe, guides
    expected = tmp_path / "states.json"  # what the build precomputes in CPython, per guide
    expected.write_text(json.dumps({g: all_states(g) for g in registry.guides()}), encoding="utf-8")
    stdlib = tmp_path / "python_stdlib.min.zip"  # the trimmed, pre-compiled stdlib the site ships
    built = subprocess.run([node, "site_src/stdlib.mjs", str(stdlib), *wheels], cwd=ROOT, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    result = subprocess.run(
        [node, "tests/pyodide/run.mjs", str(stdlib), str(expected), *wheels],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    out = (result.stdout + result.stderr)[-3000:]
    assert "on emscripten" in out, out
    counts = re.search(r"(\d+) passed, (\d+) failed", out)
    assert counts, out
    assert result.returncode == 0, out
    expected_count = len(load_cases()) + len(registry.guides())
    assert int(counts.group(1)) == expected_count, f"Pyodide passed {counts.group(1)}, expected {expected_count}"
