"""Run inside Pyodide by ``stdlib.mjs``: exercise every guide, then zip the standard-library
modules that were imported, compiled to bytecode by this Python (same version, same magic number).

The vendored packages (Jinja2, MarkupSafe) go into the same zip, every module compiled: the zip
comes before site-packages on ``sys.path``, so Python imports them without compiling their
sources on every boot (importing Jinja2 from source costs about 0.5 s of CPU in Pyodide)."""

import importlib.util
import io
import marshal
import os
import sys
import types
import zipfile


def exercise() -> None:
    """Import and render everything a reader can reach: every state of every guide, and a bad link."""
    import guides.api as api

    api.warm_up()
    for guide_id in api.registry.guides():
        api.all_states(guide_id)
        api.step(guide_id, "no=such&answer=1")
    exercise_workshop()


def exercise_workshop() -> None:
    """The model workshop's calls (load an edited model, the report, the zip out and in), so the
    modules they import (tempfile, zipfile, base64 ...) are in the trimmed library too."""
    import json

    import guides.workshop.api as w

    w.models()
    w.schema()
    for model in json.loads(w.models()):
        started = json.loads(w.start(model["id"]))
        request = json.dumps({"files": started["files"], "base": started["base"]})
        checked = json.loads(w.check(request))
        for guide in checked["guides"]:
            w.step(guide["id"], "")
        name = next(iter(started["files"]))
        w.parse(name, started["files"][name])
        w.dump(json.dumps({"model": {"id": "x"}}))
        zipped = json.loads(w.export_zip(json.dumps({**started, "folder": started["folder"]})))["zip"]
        w.import_zip(zipped)


def used_modules() -> tuple[str, list[str], dict[str, str]]:
    """The standard library's zip, the sources in it that are imported now, and the imported
    modules of the vendored packages (zip name -> file in site-packages)."""
    from guides.web import VENDORED

    stdlib = next((p for p in sys.path if p.startswith("/lib/python") and p.endswith(".zip")), None)  # /lib/python3XY.zip
    assert stdlib, sys.path
    names = set()
    vendored = {}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None) or ""
        top = module.__name__.partition(".")[0]
        if path.startswith(stdlib + "/") and path.endswith(".py"):
            names.add(path[len(stdlib) + 1:])
        elif top in VENDORED and module.__name__ == top:  # the whole package, every module
            root = os.path.dirname(path)
            for folder, _, files in os.walk(root):
                for file in files:
                    if file.endswith(".py"):
                        full = os.path.join(folder, file)
                        vendored[os.path.relpath(full, os.path.dirname(root))] = full
    return stdlib, sorted(names), vendored


def without_line_table(code: types.CodeType) -> types.CodeType:
    """The code object and every one nested in it without its line table: about 40 % fewer bytes
    to send, at no cost in speed. A traceback through these modules then names the function but
    not the line; the guides' own modules (from their wheel) keep their line numbers."""
    consts = tuple(without_line_table(c) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_consts=consts, co_linetable=b"")


def compiled_zip(stdlib: str, names: list[str], vendored: dict[str, str]) -> bytes:
    source = zipfile.ZipFile(stdlib)
    # optimize=2 drops docstrings and asserts (a quarter less to send); nothing the guides run reads them.
    sources = [(name, source.read(name), f"{stdlib}/{name}", 2) for name in names]
    for name, path in sorted(vendored.items()):
        with open(path, "rb") as f:
            sources.append((name, f.read(), path, 2))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text, shown, optimize in sources:
            code = without_line_table(compile(text, shown, "exec", dont_inherit=True, optimize=optimize))
            # PEP 552 header: magic, flags 0 (timestamp-based), mtime 0, size 0; no source to check.
            pyc = importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)
            info = zipfile.ZipInfo(name[:-3] + ".pyc", date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, pyc)
    return buffer.getvalue()


def main() -> bytes:
    exercise()
    stdlib, names, vendored = used_modules()
    print(f"{len(names)} standard-library modules, {len(vendored)} vendored modules", file=sys.stderr)
    return compiled_zip(stdlib, names, vendored)
