// Runs the flow tests (tests/flowcases.py + tests/cases/*.toml) inside real Pyodide under Node,
// with what the site ships (the trimmed library zip with Jinja2 and MarkupSafe compiled in, and
// the guides wheel), and checks that Python in Pyodide
// gives, for every reachable state of every guide, exactly the answer the build precomputed in
// CPython (tests/pyodide/run.py). It uses the same pre-compiled, trimmed standard library the
// site ships (site_src/stdlib.mjs).
// Usage: node tests/pyodide/run.mjs <stdlib zip> <precomputed states JSON | -> <wheel>...
// Prints "N passed, M failed" and exits non-zero on any failure.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const here = dirname(fileURLToPath(import.meta.url));
const tests = join(here, "..");
const [stdlib, expected, ...wheels] = process.argv.slice(2);
if (!stdlib || !expected || !wheels.length) {
  console.error("usage: node tests/pyodide/run.mjs <stdlib zip> <states JSON | -> <wheel>...");
  process.exit(2);
}

const py = await loadPyodide({ stdLibURL: stdlib });
for (const wheel of wheels) py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel"); // Node Buffers are not accepted
py.FS.mkdirTree("/work/tests/cases");
py.FS.writeFile("/work/tests/__init__.py", "");
py.FS.writeFile("/work/tests/flowcases.py", readFileSync(join(tests, "flowcases.py")));
for (const name of readdirSync(join(tests, "cases"))) {
  if (name.endsWith(".toml")) py.FS.writeFile(`/work/tests/cases/${name}`, readFileSync(join(tests, "cases", name)));
}
if (expected !== "-") py.FS.writeFile("/work/expected.json", readFileSync(expected));
py.runPython(readFileSync(join(here, "run.py"), "utf8"));
const { passed, failures, python, platform, vendored } = JSON.parse(py.globals.get("main")());
for (const [id, message] of failures) console.log(`FAILED ${id}: ${message}`);
console.log(`pyodide: Python ${python} on ${platform}`);
for (const [name, { file, version }] of Object.entries(vendored)) console.log(`vendored: ${name} ${version} from ${file}`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length || passed === 0 ? 1 : 0);
