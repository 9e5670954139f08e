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

from . import __version__, api, assets
from .engine import Flow
from .html import fallback_html, step_html
from .templating import render
from .model import Model

WHEEL = f"guides-{__version__}-py3-none-any.whl"
# Pure-Python packages the guides import (pins: pyproject.toml). The build makes a wheel of each
# from the installed distribution and compiles them into the trimmed library zip the worker loads,
# beside the standard library (site_src/stdlib.mjs), so the browser imports them as bytecode.
VENDORED = ("markupsafe", "jinja2")
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


# How the browser's standard library is made (a checkout's build scripts, absent from the wheel).
ENGINE_BUILD = [Path(__file__).resolve().parent.parent / "site_src" / n for n in ("stdlib.py", "stdlib.mjs")]


@cache
def version() -> str:
    """A hash of the package's code and data and of how the engine's library is built: changes
    whenever a guide could answer differently or the engine's files could differ."""
    h = hashlib.sha256()
    for name in vendored_wheels():
        h.update(name.encode() + b"\0")
    for script in ENGINE_BUILD:
        if script.is_file():
            h.update(script.name.encode() + b"\0" + script.read_bytes())
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


def write_vendored(directory: Path) -> list[Path]:
    """The vendored packages as pure-Python wheels, dependencies first: what the build compiles
    into the trimmed library zip the browser loads (``site_src/stdlib.mjs``)."""
    paths = []
    for name, file in zip(VENDORED, vendored_wheels()):
        info, files = _vendored_files(name)
        _write_wheel(directory / file, info, files)
        paths.append(directory / file)
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
        states=root_prefix(page_url) + assets.ASSETS + assets.states_path(version(), flow.id), version=version(),
        first=step_html(flow, flow.resolve([])), fallback=fallback_html(flow),
    )


def source_html(model: Model) -> str:
    d = model.doc
    return render("source.j2", model.package, doc={"id": d.id, "title": d.title, "publisher": d.publisher, "dated": d.dated})


def pages(docs_dir) -> dict[str, dict[str, str]]:
    """Which page holds each guide (its ``{{ guide("id") }}``) and each model's front page (the
    ``index.md`` that names its source with ``{{ source("id") }}``), as docs paths."""
    import re

    docs = Path(docs_dir)
    found: dict[str, dict[str, str]] = {"guides": {}, "models": {}}
    for page in sorted(docs.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        src = page.relative_to(docs).as_posix()
        for guide_id in re.findall(r"""{{\s*guide\(\s*["']([^"']+)["']\s*\)\s*}}""", text):
            found["guides"].setdefault(guide_id, src)
        if page.name == "index.md":
            for model_id in re.findall(r'{{\s*source\(\s*"([^"]+)"\s*\)\s*}}', text):
                found["models"].setdefault(model_id, src)
    return found


def relative(from_page: str, to_page: str) -> str:
    """A docs path relative to another page's folder (what a Markdown link on that page needs)."""
    import posixpath

    return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")


def models_markdown(page: str, docs_dir) -> str:
    """The home page's table of models (Markdown, so the build checks every link), from the data."""
    from . import registry

    found = pages(docs_dir)
    rows = []
    for model in sorted(registry.models().values(), key=lambda m: m.doc.id):
        guides = [f for f in registry.guides().values() if f.model is model]
        front = found["models"].get(model.id)
        if front is None:
            raise ValueError(f"model {model.id!r}: no index.md names its source with {{{{ source(\"{model.id}\") }}}}")
        links = []
        for flow in guides:
            where = flow.page or found["guides"].get(flow.id)
            if where is None:
                raise ValueError(f"guide {flow.id!r} is on no page")
            links.append({"title": flow.title, "href": relative(page, where)})
        rows.append({"title": model.title, "href": relative(page, front), "summary": model.summary,
                     "municipality": model.municipality, "guides": links})
    return render("models.md.j2", rows=rows)
