"""The build: strict, and stopped by a malformed model file with a message naming file, field and problem."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ("guides", "docs", "macros", "site_src", "mkdocs.yml")


def test_strict_build_writes_every_guide_asset(built_site):
    import json

    from guides import assets, registry
    from guides.web import WHEEL

    out = built_site / "assets"
    layout = json.loads((out / assets.LAYOUT).read_text(encoding="utf-8"))  # where the engine's worker looks
    # Each guide's element names its precomputed answers, relative to its page (where guide.js looks).
    found = {}
    for page in built_site.rglob("index.html"):
        for guide_id, states in re.findall(r'class="g-guide" data-guide="([^"]+)" data-states="([^"]+)"', page.read_text(encoding="utf-8")):
            found[guide_id] = (page.parent / states).resolve()
    assert set(found) == set(registry.guides())
    for guide_id, states in found.items():
        assert states.is_file() and states.name == f"{guide_id}.json", states
    assert any(w.endswith("/" + WHEEL) for w in layout["wheels"])
    for rel in assets.engine_files(layout):
        assert (out / rel).is_file(), rel
    assert (out / layout["pyodide"] / "pyodide.asm.wasm.br").is_file()  # pre-compressed beside it


def test_build_stops_on_a_malformed_model(tmp_path):
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, tmp_path / name)
    os.symlink(ROOT / "node_modules", tmp_path / "node_modules")
    model = tmp_path / "guides" / "models" / "randers" / "model.toml"
    model.write_text(model.read_text(encoding="utf-8").replace('[forms.gult]\nname =', '[forms.gult]\nnavn =', 1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}  # the broken copy shadows the installed package
    mkdocs = Path(sys.executable).with_name("mkdocs")
    result = subprocess.run([str(mkdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert "guides/models/randers/model.toml: forms.gult.navn: unknown field" in out, out[-2000:]
    assert "forms.gult.name: required field is missing" in out
    assert "Traceback" not in out or "ModelError" in out
