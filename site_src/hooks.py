"""MkDocs build hook: writes what a guide page, the service worker and a web server need.

Where each file goes is defined once, in ``guides.assets``; this hook writes the files there and
the same layout as ``assets/layout.json`` for the browser:

* ``assets/guides/<version>/``: every reachable state's answer per guide (from ``guides.api`` in
  CPython, so a page answers before Pyodide has loaded), the ``guides`` wheel, and
  ``python_stdlib.min.zip``: only the standard-library modules the guides use and the pure-Python
  packages they import (Jinja2, MarkupSafe; wheels made by ``guides.web.write_vendored``), all
  pre-compiled by ``site_src/stdlib.mjs`` (cached in ``build/`` per version);
* ``assets/pyodide/<pyodide version>/``: the self-hosted runtime from the pinned npm package, its
  modules renamed ``.js`` (a default nginx serves ``.mjs`` as ``application/octet-stream``);
* the theme's inline scripts moved into ``assets/js/inline/<hash>.js`` files, so the site holds
  under a Content-Security-Policy without ``'unsafe-inline'`` (``deploy/``);
* ``manifest.webmanifest`` and its icons, and ``sw.js`` (the service worker: every page, the search
  index, every guide's answers, CSS, JS and icons precached under a cache named by the build hash);
* ``.br`` and ``.gz`` beside every compressible file of 1 KB or more, for the web server to send
  as they are (``gzip_static`` / ``brotli_static``, or the ``.htaccess`` rewrite rules).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from guides import assets, registry
from guides.web import WHEEL, build_wheel, version, write_states, write_vendored

ROOT = Path(__file__).resolve().parent.parent
PYODIDE = ROOT / "node_modules" / "pyodide"
CACHE = ROOT / "build"
COMPRESSIBLE = {".html", ".js", ".css", ".json", ".wasm", ".zip", ".whl", ".svg", ".xml", ".webmanifest", ".txt", ".map"}
THEME_COLOR = "#009485"  # Material's "teal" primary


_COMMAND = {"name": "build"}


def on_startup(command, **_):
    _COMMAND["name"] = command  # "serve" skips the pre-compressed copies (no web server reads them)


def on_post_build(config, **_):
    site = Path(config["site_dir"])
    out = site / assets.ASSETS.rstrip("/")
    pyodide_version = json.loads((PYODIDE / "package.json").read_text())["version"] if (PYODIDE / "package.json").is_file() else None
    missing = [f for f in assets.PYODIDE_FILES if not (PYODIDE / f).is_file()]
    if missing or not pyodide_version:
        raise PluginError(
            f"Pyodide runtime missing in {PYODIDE} ({', '.join(missing) or 'package.json'}). Run 'make setup' (npm ci) first."
        )

    gdir = out / assets.guides_dir(version())
    gdir.mkdir(parents=True, exist_ok=True)
    for flow in registry.guides().values():
        write_states(flow, out / assets.states_path(version(), flow.id))
    wheel = CACHE / WHEEL
    CACHE.mkdir(exist_ok=True)
    build_wheel(wheel)
    wheels = [WHEEL]
    stored(wheel, gdir / WHEEL)
    # Jinja2 and MarkupSafe are compiled into the trimmed stdlib zip, so the browser needs no wheel of theirs.
    vendored = write_vendored(CACHE)
    stored(min_stdlib(wheel, vendored), gdir / assets.STDLIB)

    runtime = out / assets.pyodide_dir(pyodide_version)
    runtime.mkdir(parents=True, exist_ok=True)
    for source, name in assets.PYODIDE_FILES.items():
        if source == "pyodide-lock.json":  # no packages are loaded: keep the lock file's "info" only
            info = json.loads((PYODIDE / source).read_text())["info"]
            (runtime / name).write_text(json.dumps({"info": info, "packages": {}}))
        else:
            shutil.copy2(PYODIDE / source, runtime / name)

    base = urlsplit(config.get("site_url") or "").path or "/"
    externalise_inline_scripts(site, base)
    icons = write_icons(out / "images")
    write_manifest(site, config, icons)

    layout = assets.layout(version(), pyodide_version, wheels, build="")
    engine = set(assets.engine_files(layout))
    precache = precache_list(site, engine)
    h = hashlib.sha256()
    for rel in precache + sorted(engine):
        path = site / (rel or "index.html")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            h.update(rel.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    layout["build"] = h.hexdigest()[:12]
    (out / assets.LAYOUT).write_text(json.dumps(layout, indent=1))
    write_service_worker(site, layout, precache + [assets.ASSETS + assets.LAYOUT], sorted(engine))
    if _COMMAND["name"] != "serve":
        precompress(site)


def stored(src: Path, dest: Path) -> None:
    """A copy of a zip with every member stored, not deflated: the web server's brotli or gzip
    then compresses across files (smaller on the wire), and the browser unpacks without inflating."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            new = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            new.external_attr = info.external_attr
            zout.writestr(new, zin.read(info))


def min_stdlib(wheel: Path, vendored: list[Path]) -> Path:
    """The pre-compiled, trimmed standard library for this version of the guides and of the
    vendored wheels (built once)."""
    key = hashlib.sha256("\0".join([version(), *(w.name for w in vendored)]).encode()).hexdigest()[:12]
    cached = CACHE / f"python_stdlib-{key}.min.zip"
    if not cached.is_file():
        for old in CACHE.glob("python_stdlib-*.min.zip"):
            old.unlink()
        result = subprocess.run(
            ["node", str(ROOT / "site_src" / "stdlib.mjs"), str(cached), *map(str, vendored), str(wheel)],
            cwd=ROOT, capture_output=True, text=True,
        )
        if result.returncode != 0:
            raise PluginError(f"building the pre-compiled standard library failed:\n{result.stderr[-3000:]}")
    return cached


# --- Content-Security-Policy: no inline script -------------------------------------------------

_INLINE = re.compile(r"<script>(.*?)</script>", re.S)
_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.I)


def externalise_inline_scripts(site: Path, base: str) -> None:
    """Every inline ``<script>`` becomes ``<script src=…>`` (same place, same order, still blocking),
    named by its content's hash; JSON data blocks (``type="application/json"``) stay, as a CSP
    does not apply to them. An inline event handler stops the build: no CSP could allow it."""
    folder = site / "assets" / "js" / "inline"
    folder.mkdir(parents=True, exist_ok=True)
    for page in site.rglob("*.html"):
        rel = page.relative_to(site)
        text = page.read_text(encoding="utf-8")
        if _HANDLER.search(text):
            raise PluginError(f"{rel}: inline event handler ({_HANDLER.search(text).group(0)}…): the CSP forbids it")
        if rel.as_posix() == "404.html":  # served at any address: absolute, from site_url
            prefix = base if base.endswith("/") else base + "/"
        else:
            prefix = "../" * (len(rel.parts) - 1)

        def replace(match):
            code = match.group(1)
            name = hashlib.sha256(code.encode()).hexdigest()[:12] + ".js"
            target = folder / name
            if not target.exists():
                target.write_text(code, encoding="utf-8")
            return f'<script src="{prefix}assets/js/inline/{name}"></script>'

        new = _INLINE.sub(replace, text)
        if new != text:
            page.write_text(new, encoding="utf-8")


# --- Home screen: manifest and icons ----------------------------------------------------------

def _png(size: int) -> bytes:
    """A plain icon: a teal square with a white open book (drawn here, no image tool needed)."""
    teal = (0x00, 0x94, 0x85)
    white = (0xFF, 0xFF, 0xFF)
    rows = []
    for y in range(size):
        row = bytearray([0])
        fy = y / size
        for x in range(size):
            fx = x / size
            page_y = 0.30 + 0.06 * abs(fx - 0.5) * 2  # the pages dip towards the spine
            on = 0.18 <= fx <= 0.82 and page_y <= fy <= 0.74 and abs(fx - 0.5) > 0.015
            row += bytes(white if on else teal)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def write_icons(folder: Path) -> list[dict]:
    folder.mkdir(parents=True, exist_ok=True)
    icons = []
    for size in (192, 512):
        cached = CACHE / f"icon-{size}.png"
        if not cached.is_file():
            cached.write_bytes(_png(size))
        shutil.copy2(cached, folder / f"icon-{size}.png")
        icons.append({"src": f"assets/images/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png", "purpose": "any maskable"})
    return icons


def write_manifest(site: Path, config, icons: list[dict]) -> None:
    manifest = {
        "name": config["site_name"],
        "short_name": "Håndbogen",
        "description": config.get("site_description") or "",
        "lang": "da",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME_COLOR,
        "icons": icons,
    }
    (site / assets.MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


# --- Offline: the service worker --------------------------------------------------------------

def precache_list(site: Path, engine: set[str]) -> list[str]:
    """Every page (as its directory URL), the search index, every guide's answers, CSS, JS, icons
    and the manifest; not the engine (cached when fetched), nor other languages' search stemmers."""
    out = []
    engine_paths = {assets.ASSETS + e for e in engine}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        if rel in engine_paths or rel.endswith((".br", ".gz", ".map")) or rel == assets.SERVICE_WORKER:
            continue
        if rel.startswith("assets/javascripts/lunr/") and not re.search(r"lunr\.(stemmer\.support|da|multi)\.min\.js$", rel):
            continue
        if rel.endswith("index.html"):
            rel = rel[: -len("index.html")]
        out.append(rel)
    return out


def write_service_worker(site: Path, layout: dict, precache: list[str], engine: list[str]) -> None:
    template = (ROOT / "site_src" / "sw.js").read_text(encoding="utf-8")
    data = {"build": layout["build"], "precache": precache, "engine": [assets.ASSETS + e for e in engine]}
    code = template.replace("self.__HANDBOOK__", json.dumps(data, separators=(",", ":")), 1)
    if code == template:
        raise PluginError("site_src/sw.js: the placeholder self.__HANDBOOK__ is missing")
    (site / assets.SERVICE_WORKER).write_text(code, encoding="utf-8")


# --- Pre-compressed copies --------------------------------------------------------------------

def _brotli(data: bytes) -> bytes:
    """Brotli at its best quality; large results are kept in build/ by content hash (the wasm
    alone takes a minute or two)."""
    import brotli

    if len(data) < 200_000:
        return brotli.compress(data, quality=11)
    cached = CACHE / "br" / (hashlib.sha256(data).hexdigest() + ".q11.br")
    if cached.is_file():
        return cached.read_bytes()
    out = brotli.compress(data, quality=11)  # (a larger window, lgwin=24, came out larger for the wasm)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(out)
    return out


def _compress(path: Path) -> None:
    data = path.read_bytes()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as z:
        z.write(data)
    gz = buf.getvalue()
    if len(gz) < len(data):
        path.with_name(path.name + ".gz").write_bytes(gz)
    br = _brotli(data)
    if len(br) < len(data):
        path.with_name(path.name + ".br").write_bytes(br)


def precompress(site: Path) -> None:
    files = [p for p in site.rglob("*") if p.is_file() and p.suffix in COMPRESSIBLE and p.stat().st_size >= 1024]
    files.sort(key=lambda p: -p.stat().st_size)  # the wasm first, while the rest run beside it
    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        list(pool.map(_compress, files))
