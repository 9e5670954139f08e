"""MkDocs build hook: writes the assets a guide page needs next to the built site.

* ``assets/guides/<guide>.json``: every reachable state's answer, from ``guides.api`` (CPython),
  so the page answers at once, before Pyodide has loaded;
* ``assets/guides/guides-*.whl``: the ``guides`` package for Pyodide;
* ``assets/pyodide/``: the self-hosted Pyodide runtime, from the pinned npm package, with
  ``python_stdlib.min.zip``: only the standard-library modules the guides use, pre-compiled by
  ``site_src/stdlib.mjs`` (cached in ``build/`` per version of the package), and the pure-Python
  packages the guides import (Jinja2, MarkupSafe; wheels made by ``guides.web.write_vendored``), compiled.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

from guides import registry
from guides.web import WHEEL, build_wheel, version, write_states, write_vendored

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
# The runtime files a worker needs (no extra packages; the standard library comes pre-compiled).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "pyodide-lock.json")
STDLIB = "python_stdlib.min.zip"


def on_post_build(config, **_):
    site = Path(config["site_dir"])
    out = site / "assets" / "guides"
    out.mkdir(parents=True, exist_ok=True)
    for flow in registry.guides().values():
        write_states(flow, out / f"{flow.id}.json")
    build_wheel(out / WHEEL)

    missing = [f for f in PYODIDE_FILES if not (PYODIDE / f).is_file()]
    if missing:
        raise PluginError(
            f"Pyodide runtime missing in {PYODIDE} ({', '.join(missing)}). Run 'make setup' (npm ci) first."
        )
    runtime = site / "assets" / "pyodide"
    runtime.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        shutil.copy2(PYODIDE / name, runtime / name)
    shutil.copy2(min_stdlib(out / WHEEL), runtime / STDLIB)


def min_stdlib(wheel: Path) -> Path:
    """The pre-compiled, trimmed standard library for this version of the guides (built once)."""
    cached = ROOT / "build" / f"python_stdlib-{version()}.min.zip"
    if not cached.is_file():
        cached.parent.mkdir(exist_ok=True)
        for old in cached.parent.glob("python_stdlib-*.min.zip"):
            old.unlink()
        result = subprocess.run(
            ["node", str(ROOT / "site_src" / "stdlib.mjs"), str(cached), *map(str, write_vendored(cached.parent)), str(wheel)],
            cwd=ROOT, capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise PluginError(f"building the pre-compiled standard library failed:\n{result.stderr[-3000:]}")
    return cached
