"""What the site needs from the package at build time: the guide element, the precomputed
answers and the wheel that Pyodide installs."""

from __future__ import annotations

import base64
import hashlib
import json
import zipfile
from functools import cache
from importlib import metadata, resources
from pathlib import Path

from . import __version__, api
from .engine import Flow
from .html import fallback_html, step_html
from .templating import render
from .model import Model

WHEEL = f"guides-{__version__}-py3-none-any.whl"
# Pure-Python packages the guides import, shipped as wheels beside the guides' own (pins: pyproject.toml).
VENDORED = ("markupsafe", "jinja2")
# The file beside the wheels that lists them in the order the worker installs them.
WHEELS_LIST = "wheels.json"
# Compiled parts a pure-Python wheel leaves out (MarkupSafe falls back to its _native module).
_COMPILED = (".so", ".pyd", ".c", ".h", ".pyc")


def _package_files() -> list[tuple[str, bytes]]:
    root = resources.files("guides")
    out = []

    def visit(node, prefix):
        for child in sorted(node.iterdir(), key=lambda p: p.name):
            name = f"{prefix}{child.name}"
            if child.is_dir():
                if child.name != "__pycache__":
                    visit(child, name + "/")
            elif child.name.endswith((".py", ".toml", ".j2")):
                out.append((name, child.read_bytes()))

    visit(root, "guides/")
    return out


@cache
def version() -> str:
    """A hash of the package's code and data: changes whenever a guide could answer differently."""
    h = hashlib.sha256()
    for name in vendored_wheels():
        h.update(name.encode() + b"\0")
    for name, data in _package_files():
        h.update(name.encode() + b"\0" + data)
    return h.hexdigest()[:12]


def build_wheel(path: Path) -> None:
    """A pure-Python wheel of the package, with fixed timestamps so the same code gives the same bytes."""
    dist = f"guides-{__version__}.dist-info"
    files = _package_files()
    files.append((f"{dist}/METADATA", f"Metadata-Version: 2.1\nName: guides\nVersion: {__version__}\n".encode()))
    _write_wheel(path, dist, files)


def _vendored_files(name: str) -> tuple[str, list[tuple[str, bytes]]]:
    """The pure-Python files of an installed distribution, and its dist-info folder name."""
    dist = metadata.distribution(name)
    info = f"{dist.metadata['Name'].lower().replace('-', '_')}-{dist.version}.dist-info"
    files = []
    for f in sorted(dist.files or [], key=str):
        path = str(f)
        if path.startswith("..") or "__pycache__" in path or path.endswith(_COMPILED):
            continue
        if ".dist-info/" in path:
            base = path.split("/", 1)[1]
            if base in ("RECORD", "INSTALLER", "REQUESTED", "WHEEL", "direct_url.json"):
                continue
            path = f"{info}/{base}"
        files.append((path, f.locate().read_bytes()))
    return info, files


def vendored_wheels() -> list[str]:
    """The file names of the vendored wheels, dependencies first (installed versions = the pins)."""
    return [f"{metadata.distribution(n).metadata['Name'].lower()}-{metadata.version(n)}-py3-none-any.whl" for n in VENDORED]


def write_wheels(directory: Path) -> list[Path]:
    """Every wheel the browser installs, and ``wheels.json`` listing them in install order."""
    paths = []
    for name, file in zip(VENDORED, vendored_wheels()):
        info, files = _vendored_files(name)
        _write_wheel(directory / file, info, files)
        paths.append(directory / file)
    build_wheel(directory / WHEEL)
    paths.append(directory / WHEEL)
    (directory / WHEELS_LIST).write_text(json.dumps([p.name for p in paths]), encoding="utf-8")
    return paths


def _write_wheel(path: Path, dist: str, files: list[tuple[str, bytes]]) -> None:
    files = list(files)
    files.append((f"{dist}/WHEEL", b"Wheel-Version: 1.0\nGenerator: guides.web\nRoot-Is-Purelib: true\nTag: py3-none-any\n"))
    record = []
    for name, data in files:
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{name},sha256={digest},{len(data)}")
    record.append(f"{dist}/RECORD,,")
    files.append((f"{dist}/RECORD", ("\n".join(record) + "\n").encode()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)


def write_states(flow: Flow, path: Path) -> None:
    path.write_text(json.dumps(api.all_states(flow.id), ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def root_prefix(page_url: str) -> str:
    """The relative path from a page (``randers/guide/``) to the site root (``../../``)."""
    depth = page_url.strip("/").count("/") + 1 if page_url.strip("/") else 0
    return "../" * depth


def guide_html(flow: Flow, page_url: str) -> str:
    """The guide's element: the first question ready to use, and every path as static HTML."""
    return render(
        "guide.j2", flow.model.package, guide={"id": flow.id, "intro": flow.intro},
        assets=root_prefix(page_url) + "assets/", version=version(), wheel=WHEEL,
        first=step_html(flow, flow.resolve([])), fallback=fallback_html(flow),
    )


def source_html(model: Model) -> str:
    d = model.doc
    return render("source.j2", model.package, doc={"id": d.id, "title": d.title, "publisher": d.publisher, "dated": d.dated})
