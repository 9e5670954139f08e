// How long the Python engine takes to start under Node, as the worker starts it on a first visit:
// from loadPyodide (trimmed stdlib) through unpacking the wheels to the answer of the first step().
// Usage: node tests/pyodide/start.mjs <site assets dir> [runs]   (e.g. site/assets)
// Prints the median and each run in ms.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";

const [assets, runs = "5"] = process.argv.slice(2);
const dir = join(assets, "guides");
let names;
try {
  names = JSON.parse(readFileSync(join(dir, "wheels.json"), "utf8"));
} catch {
  names = ["guides-0.1.0-py3-none-any.whl"]; // a build from before wheels.json
}
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const t0 = performance.now();
  const py = await loadPyodide({ stdLibURL: join(assets, "pyodide", "python_stdlib.min.zip") });
  for (const name of names) py.unpackArchive(new Uint8Array(readFileSync(join(dir, name))), "wheel");
  py.runPython("import guides.api; guides.api.warm_up()");
  py.runPython("guides.api.step_json('randers-niveau', 'vold=nej')");
  times.push(Math.round(performance.now() - t0));
}
times.sort((a, b) => a - b);
console.log(`engine start: median ${times[Math.floor(times.length / 2)]} ms (runs: ${times.join(", ")})`);
