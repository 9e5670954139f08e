// Build step: a pre-compiled standard library holding only what the guides use.
//
// Installs the wheels (Jinja2, MarkupSafe, then the guides) into Pyodide under Node, runs
// site_src/stdlib.py there (every state of every guide, and a bad link), which records the
// standard-library modules imported and compiles them, and all of Jinja2 and MarkupSafe, to
// bytecode with Pyodide's own Python, and writes them as a sourceless zip. The worker loads it
// instead of Pyodide's full python_stdlib.zip (2.5 MB of sources, compiled on every boot), and
// then only needs the guides wheel.
// Usage: node site_src/stdlib.mjs <out zip> <wheel>...   (wheels in install order)
import { readFileSync, writeFileSync } from "node:fs";
import { loadPyodide } from "pyodide";

const [out, ...wheels] = process.argv.slice(2);
if (!out || !wheels.length) {
  console.error("usage: node site_src/stdlib.mjs <out zip> <wheel>...");
  process.exit(2);
}
const py = await loadPyodide();
for (const wheel of wheels) py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
py.runPython(readFileSync(new URL("./stdlib.py", import.meta.url), "utf8"));
const bytes = py.globals.get("main")().toJs();
writeFileSync(out, bytes);
console.error(`${out}: ${bytes.length} bytes`);
