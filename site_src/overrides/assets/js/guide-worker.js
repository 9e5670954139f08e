// The Python engine in a Web Worker: self-hosted Pyodide plus the `guides` wheel.
// Messages in:  {type: "init", pyodide, wheel, version}  and  {type: "step", id, guide, fragment}
// Messages out: {type: "ready", ms, start} | {type: "failed", error} | {type: "step", id, result | error}
//
// Start-up: the first visit boots Pyodide with a pre-compiled, trimmed standard library
// (about 0.5 s instead of about 3 s), imports the guides and saves a memory
// snapshot of that state in the browser's Cache Storage. Later visits restore the
// snapshot instead of booting (well under 1 s). The snapshot is made on this device by this
// Pyodide, and its key holds the guides' version, so a new build never restores an old state.
import { loadPyodide, version as pyodideVersion } from "../pyodide/pyodide.mjs";

const CACHE = "guides-python";
// Only the standard-library modules the guides use, pre-compiled at build time (site_src/stdlib.mjs).
const STDLIB = "python_stdlib.min.zip";
let api = null;
let starting = null;
const queue = [];

function snapshotKey(version) {
  return new URL(`/__guides-snapshot/${pyodideVersion}/${version}`, self.location.origin).href;
}

async function readSnapshot(key) {
  try {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key);
    if (!hit) return null;
    return new Uint8Array(await hit.arrayBuffer());
  } catch {
    return null; // no Cache Storage (e.g. private mode): boot normally
  }
}

async function saveSnapshot(key, bytes) {
  try {
    const cache = await caches.open(CACHE);
    for (const old of await cache.keys()) await cache.delete(old); // one snapshot at a time
    // Stored as is: reading 30 MB back is faster than unzipping 6 MB on every visit.
    await cache.put(key, new Response(bytes));
  } catch {
    // Not saving only costs the next visit a normal boot.
  }
}

async function start({ pyodide, wheel, version }) {
  const t0 = performance.now();
  try {
    const key = snapshotKey(version);
    const snapshot = await readSnapshot(key);
    let py = null;
    let how = "boot";
    if (snapshot) {
      try {
        py = await loadPyodide({ indexURL: pyodide, stdLibURL: pyodide + STDLIB, packages: [], _loadSnapshot: snapshot });
        how = "snapshot";
      } catch (err) {
        console.warn("guides: snapshot not usable, booting", err);
      }
    }
    if (!py) py = await loadPyodide({ indexURL: pyodide, stdLibURL: pyodide + STDLIB, packages: [], _makeSnapshot: true });
    const response = await fetch(wheel);
    if (!response.ok) throw new Error(`${wheel}: ${response.status}`);
    py.unpackArchive(await response.arrayBuffer(), "wheel"); // the files, also after a snapshot
    if (how === "boot") {
      py.runPython("import guides.api; guides.api.warm_up()"); // load every model now, not on the first answer
      saveSnapshot(key, py.makeMemorySnapshot());
    }
    api = py.pyimport("guides.api");
    self.postMessage({ type: "ready", ms: Math.round(performance.now() - t0), start: how });
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
