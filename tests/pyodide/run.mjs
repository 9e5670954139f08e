// Runs the flow tests (tests/flowcases.py + tests/cases/*.toml) inside real Pyodide under Node,
// against the `guides` wheel the site ships, and checks that Python in Pyodide gives, for every
// reachable state of every guide, exactly the answer the build precomputed in CPython.
// It uses the same pre-compiled, trimmed standard library the site ships (site_src/stdlib.mjs).
// Usage: node tests/pyodide/run.mjs <wheel> <stdlib zip> [<precomputed states JSON>]
// Prints "N passed, M failed" and exits non-zero on any failure.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide } from "pyodide";

const tests = join(dirname(fileURLToPath(import.meta.url)), "..");
const [wheel, stdlib, expected] = process.argv.slice(2);
if (!wheel || !stdlib) {
  console.error("usage: node tests/pyodide/run.mjs <wheel> <stdlib zip> [<states JSON>]");
  process.exit(2);
}

const py = await loadPyodide({ stdLibURL: stdlib });
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel"); // Node Buffers are not accepted
py.FS.mkdirTree("/work/tests/cases");
py.FS.writeFile("/work/tests/__init__.py", "");
py.FS.writeFile("/work/tests/flowcases.py", readFileSync(join(tests, "flowcases.py")));
for (const name of readdirSync(join(tests, "cases"))) {
  if (name.endsWith(".toml")) py.FS.writeFile(`/work/tests/cases/${name}`, readFileSync(join(tests, "cases", name)));
}
if (expected) py.FS.writeFile("/work/expected.json", readFileSync(expected));
const result = py.runPython(`
import sys, json
sys.path.insert(0, "/work")
from tests.flowcases import run_all
passed, failures = run_all()
import os
if os.path.exists("/work/expected.json"):
    from guides.api import all_states
    for guide_id, states in json.load(open("/work/expected.json", encoding="utf-8")).items():
        if all_states(guide_id) == states:
            passed += 1
        else:
            failures.append((f"same-as-build:{guide_id}", "Pyodide's answers differ from the precomputed ones"))
json.dumps({"passed": passed, "failures": failures, "python": sys.version.split()[0], "platform": sys.platform})
`);
const { passed, failures, python, platform } = JSON.parse(result);
for (const [id, message] of failures) console.log(`FAILED ${id}: ${message}`);
console.log(`pyodide: Python ${python} on ${platform}`);
console.log(`${passed} passed, ${failures.length} failed`);
process.exit(failures.length || passed === 0 ? 1 : 0);
