"""The asset layout of a built site, defined once: where each file a guide page needs lives.

The build hook (``site_src/hooks.py``) writes the files where this module says, and writes the
same layout as ``assets/layout.json`` for the browser: the engine's worker (``guide-worker.js``)
reads it and loads the Pyodide runtime, the trimmed standard library and every wheel listed there;
each guide's element names its precomputed answers (``states_path``, as ``data-states``) so that
``guide.js`` fetches them without a round trip; the service worker's precache list is made from
the layout too. Nothing else spells these paths.

Every path in the layout is relative to the ``assets/`` folder (where ``layout.json`` lives).
Files that change with a build sit in versioned folders, so a web server may cache them for a
year and a new build never mixes with an old one:

* ``pyodide/<pyodide version>/``: the runtime, named ``.js`` (not ``.mjs``) so that a web server's
  default MIME map (e.g. Debian's nginx) serves the modules as JavaScript;
* ``guides/<guides version>/``: the precomputed answers, the trimmed standard library and the wheels.
"""

from __future__ import annotations

ASSETS = "assets/"
LAYOUT = "layout.json"  # in assets/
# The Pyodide runtime: npm package file -> the name the site ships it under.
PYODIDE_FILES = {
    "pyodide.mjs": "pyodide.js",  # ES module (the worker imports it)
    "pyodide.asm.mjs": "pyodide.asm.js",  # ES module (handed to loadPyodide as createPyodideModule)
    "pyodide.asm.wasm": "pyodide.asm.wasm",
    "pyodide-lock.json": "pyodide-lock.json",  # trimmed to its "info": the guides load no packages
}
STDLIB = "python_stdlib.min.zip"
STATES = "{guide}.json"
# Pure-Python wheels the guides import besides their own (jinja2, markupsafe), vendored in the
# repository at this path; the build copies each into the versioned guides folder.
# Cache Storage name of the guides' Python memory snapshot (guide-worker.js writes it, and
# restores Python at once when it holds this version's key, as nothing then crosses the network).
SNAPSHOT_CACHE = "guides-python"
SERVICE_WORKER = "sw.js"  # at the site root, so that its scope is the whole handbook
MANIFEST = "manifest.webmanifest"  # at the site root


def pyodide_dir(pyodide_version: str) -> str:
    return f"pyodide/{pyodide_version}/"


def guides_dir(guides_version: str) -> str:
    return f"guides/{guides_version}/"


def states_path(guides_version: str, guide: str) -> str:
    """A guide's precomputed answers, relative to ``assets/`` (each guide's element names its own)."""
    return guides_dir(guides_version) + STATES.format(guide=guide)


def layout(guides_version: str, pyodide_version: str, wheels: list[str], build: str) -> dict:
    """The layout as the browser reads it (``assets/layout.json``)."""
    py = pyodide_dir(pyodide_version)
    g = guides_dir(guides_version)
    return {
        "build": build,
        "version": guides_version,
        "pyodideVersion": pyodide_version,
        "pyodide": py,
        "pyodideModule": py + PYODIDE_FILES["pyodide.mjs"],
        "pyodideAsm": py + PYODIDE_FILES["pyodide.asm.mjs"],
        "stdlib": g + STDLIB,
        "wheels": [g + w for w in wheels],
        # Where the worker keeps Python's memory snapshot of this version (Cache Storage; the key is a URL path at the origin).
        "snapshot": {"cache": SNAPSHOT_CACHE, "key": f"/__guides-snapshot/{pyodide_version}/{guides_version}"},
    }


def engine_files(lay: dict) -> list[str]:
    """What the engine fetches (relative to ``assets/``): cached by the service worker when fetched."""
    py = lay["pyodide"]
    return [py + name for name in PYODIDE_FILES.values()] + [lay["stdlib"], *lay["wheels"]]
