// The Python engine in a Web Worker: self-hosted Pyodide plus the `guides` wheel.
// Messages in:  {type: "init", pyodide, wheel}  and  {type: "step", id, guide, fragment}
// Messages out: {type: "ready", ms} | {type: "failed", error} | {type: "step", id, result | error}
import { loadPyodide } from "../pyodide/pyodide.mjs";

let api = null;
let starting = null;
const queue = [];

async function start({ pyodide, wheel }) {
  const t0 = performance.now();
  try {
    const py = await loadPyodide({ indexURL: pyodide, packages: [] });
    const response = await fetch(wheel);
    if (!response.ok) throw new Error(`${wheel}: ${response.status}`);
    py.unpackArchive(await response.arrayBuffer(), "wheel");
    api = py.pyimport("guides.api");
    api.warm_up(); // load every model now, not on the reader's first answer
    self.postMessage({ type: "ready", ms: Math.round(performance.now() - t0) });
  } catch (err) {
    self.postMessage({ type: "failed", error: String(err && err.message ? err.message : err) });
  }
  queue.splice(0).forEach(step);
}

function step({ id, guide, fragment }) {
  if (!api) return self.postMessage({ type: "step", id, error: "engine not available" });
  try {
    self.postMessage({ type: "step", id, result: JSON.parse(api.step_json(guide, fragment)) });
  } catch (err) {
    self.postMessage({ type: "step", id, error: String(err) });
  }
}

self.onmessage = ({ data }) => {
  if (data.type === "init") {
    starting = starting || start(data);
  } else if (data.type === "step") {
    if (api || !starting) step(data);
    else queue.push(data);
  }
};
