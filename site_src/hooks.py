"""MkDocs build hook: writes the assets a guide page needs next to the built site.

* ``assets/guides/<guide>.json``: every reachable state's answer, from ``guides.api`` (CPython),
  so the page answers at once, before Pyodide has loaded;
* ``assets/guides/guides-*.whl``: the ``guides`` package for Pyodide;
* ``assets/pyodide/``: the self-hosted Pyodide runtime, from the pinned npm package.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError

from guides import registry
from guides.web import WHEEL, build_wheel, write_states

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
# The runtime files a worker needs for the standard library only (no extra packages).
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


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
