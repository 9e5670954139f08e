"""The same flow tests, run inside real Pyodide (the pinned npm package) under Node.js, and the
precomputed answers checked against Python's answers in Pyodide, state by state."""

import json
from importlib import metadata
import re
import shutil
import subprocess
from pathlib import Path

from guides import registry
from guides.api import all_states
from guides.web import WHEEL, build_wheel, write_vendored
from tests.flowcases import load_cases

ROOT = Path(__file__).resolve().parent.parent


def test_flow_cases_pass_inside_pyodide(tmp_path):
    node = shutil.which("node")
    assert node, "Node.js is needed to run Pyodide"
    assert (ROOT / "node_modules" / "pyodide").is_dir(), "run 'make setup' (npm ci) first"
    wheel = tmp_path / WHEEL
    build_wheel(wheel)
    vendored = [str(w) for w in write_vendored(tmp_path)]  # Jinja2, MarkupSafe: compiled into the zip
    expected = tmp_path / "states.json"  # what the build precomputes in CPython, per guide
    expected.write_text(json.dumps({g: all_states(g) for g in registry.guides()}), encoding="utf-8")
    stdlib = tmp_path / "python_stdlib.min.zip"  # the trimmed, pre-compiled stdlib the site ships
    built = subprocess.run([node, "site_src/stdlib.mjs", str(stdlib), *vendored, str(wheel)], cwd=ROOT, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr[-3000:]
    result = subprocess.run(
        [node, "tests/pyodide/run.mjs", str(stdlib), str(expected), str(wheel)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    out = (result.stdout + result.stderr)[-3000:]
    assert "on emscripten" in out, out
    # The pinned Jinja2 and MarkupSafe, imported as bytecode from the library zip the site ships.
    assert f"vendored: jinja2 {metadata.version('jinja2')} from /lib/python3" in out, out
    for name in ("jinja2", "markupsafe"):
        assert re.search(rf"vendored: {name} \S+ from /lib/python3\d+\.zip/{name}/__init__\.pyc", out), out
    counts = re.search(r"(\d+) passed, (\d+) failed", out)
    assert counts, out
    assert result.returncode == 0, out
    expected_count = len(load_cases()) + len(registry.guides())
    assert int(counts.group(1)) == expected_count, f"Pyodide passed {counts.group(1)}, expected {expected_count}"
