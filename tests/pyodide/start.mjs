// How long the Python engine takes to start under Node, as the worker starts it on a first visit:
// from loadPyodide (trimmed stdlib) through unpacking the wheel and warm_up() to a first step().
// Usage: node tests/pyodide/start.mjs <site assets dir> [runs]   (e.g. site/assets)
// Prints the median wall and CPU time, and each run, in ms.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadPyodide } from "pyodide";

const [assets, runs = "5"] = process.argv.slice(2);
const dir = join(assets, "guides");
const names = ["guides-0.1.0-py3-none-any.whl"]; // Jinja2 and MarkupSafe come compiled in the library zip
const times = [];
const cpus = [];
for (let i = 0; i < Number(runs); i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const py = await loadPyodide({ stdLibURL: join(assets, "pyodide", "python_stdlib.min.zip") });
  for (const name of names) py.unpackArchive(new Uint8Array(readFileSync(join(dir, name))), "wheel");
  py.runPython("import guides.api; guides.api.warm_up()");
  py.runPython("guides.api.step_json('randers-niveau', 'vold=nej')");
  times.push(Math.round(performance.now() - t0));
  const c = process.cpuUsage(c0);
  cpus.push(Math.round((c.user + c.system) / 1000));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// CPU time is the steadier figure on a shared machine; wall time is what a reader waits.
console.log(`engine start: median ${median(times)} ms wall, ${median(cpus)} ms CPU (wall: ${times.join(", ")}; CPU: ${cpus.join(", ")})`);
