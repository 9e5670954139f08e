"""Run inside Pyodide by ``stdlib.mjs``: exercise every guide, then zip the standard-library
modules that were imported, compiled to bytecode by this Python (same version, same magic number)."""

import importlib.util
import io
import marshal
import sys
import zipfile


def exercise() -> None:
    """Import and render everything a reader can reach: every state of every guide, and a bad link."""
    import guides.api as api

    api.warm_up()
    for guide_id in api.registry.guides():
        api.all_states(guide_id)
        api.step(guide_id, "no=such&answer=1")


def used_stdlib() -> tuple[str, list[str]]:
    """The standard library's zip and the sources in it that are imported now."""
    stdlib = sys.path[1]  # /lib/python3XY.zip
    assert stdlib.endswith(".zip"), sys.path
    names = set()
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None) or ""
        if path.startswith(stdlib + "/") and path.endswith(".py"):
            names.add(path[len(stdlib) + 1:])
    return stdlib, sorted(names)


def compiled_zip(stdlib: str, names: list[str]) -> bytes:
    source = zipfile.ZipFile(stdlib)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            code = compile(source.read(name), f"{stdlib}/{name}", "exec", dont_inherit=True)
            # PEP 552 header: magic, flags 0 (timestamp-based), mtime 0, size 0; no source to check.
            pyc = importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)
            info = zipfile.ZipInfo(name[:-3] + ".pyc", date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, pyc)
    return buffer.getvalue()


def main() -> bytes:
    exercise()
    stdlib, names = used_stdlib()
    print(f"{len(names)} modules", file=sys.stderr)
    return compiled_zip(stdlib, names)
