// The Python engine in a Web Worker: self-hosted Pyodide plus the wheels the guides need.
// Messages in:  {type: "init", layoutUrl}, {type: "go"} and {type: "step", id, guide, fragment}
//   layoutUrl: assets/layout.json (pyodide folder, modules, stdlib, wheels, snapshot cache/key);
//   go: the page has its precomputed answers, so a first visit may now download the engine.
// Messages out: {type: "ready", ms, start} | {type: "failed", error} | {type: "step", id, result | error}
//
// Start-up: the first visit boots Pyodide with a pre-compiled, trimmed standard library
// (about 0.5 s instead of about 3 s), imports the guides and saves a memory
// snapshot of that state in the browser's Cache Storage. Later visits restore the
// snapshot instead of booting (well under 1 s). The snapshot is made on this device by this
// Pyodide, and its key holds the guides' version, so a new build never restores an old state.
// The runtime's modules are imported under ".js" names (a default web server's MIME map knows
// ".js" but maybe not ".mjs"); pyodide.asm.js is imported here and handed to loadPyodide.

import { readLayout } from "./layout.js";

let api = null;
let starting = null;
const queue = [];

async function readSnapshot(name, key) {
  try {
    const cache = await caches.open(name);
    const hit = await cache.match(key);
    if (!hit) return null;
    return new Uint8Array(await hit.arrayBuffer());
  } catch {
    return null; // no Cache Storage (e.g. private mode): boot normally
  }
}

async function saveSnapshot(name, key, bytes) {
  try {
    const cache = await caches.open(name);
    for (const old of await cache.keys()) await cache.delete(old); // one snapshot at a time
    // Stored as is: reading 30 MB back is faster than unzipping 6 MB on every visit.
    await cache.put(key, new Response(bytes));
  } catch {
    // Not saving only costs the next visit a normal boot.
  }
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

// Why the engine could not start, in words a maintainer can act on (one console line).
async function explain(err, layout) {
  const message = String(err && err.message ? err.message : err);
  if (!layout.pyodideModule) return message; // assets/layout.json itself could not be read
  for (const url of [layout.pyodideModule, layout.pyodideAsm, layout.pyodide + "pyodide.asm.wasm"]) {
    try {
      const r = await fetch(url, { method: "HEAD" });
      const type = r.headers.get("content-type") || "";
      if (!r.ok) return `${message} (${url}: HTTP ${r.status})`;
      if (url.endsWith(".js") && !/javascript/.test(type)) return `${message} (${url} is served as "${type}", not JavaScript)`;
      if (url.endsWith(".wasm") && !/application\/wasm/.test(type)) return `${message} (${url} is served as "${type}", not application/wasm)`;
    } catch {
      return `${message} (${url} cannot be fetched)`;
    }
  }
  return message;
}

let go = null;
const allowed = new Promise((resolve) => { go = resolve; }); // the page's "go": its answers have arrived

async function start({ layoutUrl }) {
  const t0 = performance.now();
  const phases = {}; // ms from the start, per step: what the benchmark reports
  const mark = (name) => { phases[name] = Math.round(performance.now() - t0); };
  let layout = {};
  try {
    layout = await readLayout(layoutUrl);
    const cache = layout.snapshot.cache;
    const key = new URL(layout.snapshot.key, self.location.origin).href;
    // A first visit downloads the engine only after the page has its precomputed answers; with
    // this version's snapshot on the device nothing crosses the network, so it starts at once.
    const snapshotRead = readSnapshot(cache, key);
    if (!(await snapshotRead)) await allowed;
    mark("layout read");
    // Everything at once: the runtime's modules, the wheels and the snapshot (if any).
    const wheels = Promise.all(layout.wheels.map(fetchBytes));
    const [{ loadPyodide }, { default: createPyodideModule }, snapshot] = await Promise.all([
      import(layout.pyodideModule),
      import(layout.pyodideAsm),
      snapshotRead,
    ]);
    mark("runtime and snapshot read");
    const options = { indexURL: layout.pyodide, stdLibURL: layout.stdlib, packages: [], createPyodideModule };
    let py = null;
    let how = "boot";
    if (snapshot) {
      try {
        py = await loadPyodide({ ...options, _loadSnapshot: snapshot });
        how = "snapshot";
      } catch (err) {
        console.warn("guides: snapshot not usable, booting", err);
      }
    }
    if (!py) py = await loadPyodide({ ...options, _makeSnapshot: true });
    mark(how === "snapshot" ? "snapshot restored" : "booted");
    for (const bytes of await wheels) py.unpackArchive(bytes, "wheel"); // the files, also after a snapshot
    if (how === "boot") {
      py.runPython("import guides.api; guides.api.warm_up()"); // load every model now, not on the first answer
      saveSnapshot(cache, key, py.makeMemorySnapshot());
    }
    api = py.pyimport("guides.api");
    mark("guides imported");
    self.postMessage({ type: "ready", ms: Math.round(performance.now() - t0), start: how, phases });
  } catch (err) {
    self.postMessage({ type: "failed", error: await explain(err, layout) });
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
  } else if (data.type === "go") {
    go();
  } else if (data.type === "step") {
    if (api || !starting) step(data);
    else queue.push(data);
  }
};
