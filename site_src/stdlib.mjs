// Build step: a pre-compiled standard library holding only what the guides use.
//
// Runs the guides inside Pyodide under Node (every state of every guide, and a bad link),
// records which standard-library modules were imported, compiles them to bytecode with
// Pyodide's own Python (same version, same magic number) and writes them as a sourceless zip.
// The worker loads it instead of Pyodide's full python_stdlib.zip (2.5 MB of sources, compiled
// on every boot). Usage: node site_src/stdlib.mjs <guides wheel> <out zip> [<vendored wheel>...]
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [wheel, out, ...vendored] = process.argv.slice(2); // vendored: other wheels the guides import
if (!wheel || !out) {
  console.error("usage: node site_src/stdlib.mjs <guides wheel> <out zip> [<vendored wheel>...]");
  process.exit(2);
}
const py = await loadPyodide();
for (const w of [wheel, ...vendored]) py.unpackArchive(new Uint8Array(readFileSync(w)), "wheel");
const zipped = py.runPython(`
import importlib.util, io, marshal, sys, zipfile
import guides.api as api

api.warm_up()
for guide_id in api.registry.guides():
    api.all_states(guide_id)
    api.step(guide_id, "no=such&answer=1")

STDLIB = sys.path[1]  # /lib/python3XY.zip
assert STDLIB.endswith(".zip"), sys.path
source = zipfile.ZipFile(STDLIB)
names = set()
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None) or ""
    if path.startswith(STDLIB + "/") and path.endswith(".py"):
        names.add(path[len(STDLIB) + 1:])

buffer = io.BytesIO()
with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
    for name in sorted(names):
        # optimize=2: no docstrings (a quarter less to send); the guides never read a standard module's __doc__.
        code = compile(source.read(name), f"{STDLIB}/{name}", "exec", dont_inherit=True, optimize=2)
        # PEP 552 header: magic, flags 0 (timestamp-based), mtime 0, size 0; no source to check.
        pyc = importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)
        info = zipfile.ZipInfo(name[:-3] + ".pyc", date_time=(2024, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, pyc)
print(f"{len(names)} modules", file=sys.stderr)
buffer.getvalue()
`);
const bytes = zipped.toJs();
writeFileSync(out, bytes);
console.error(`${out}: ${bytes.length} bytes`);
