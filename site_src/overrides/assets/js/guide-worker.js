// The Python engine in a Web Worker: self-hosted Pyodide plus the wheels the guides need.
// Messages in:  {type: "init", layout}  and  {type: "step", id, guide, fragment}
//   layout: assets/layout.json (written by the build from guides/assets.py), every path
//   resolved to a URL: pyodide (folder), pyodideModule, pyodideAsm, stdlib, wheels[], version.
// Messages out: {type: "ready", ms, start} | {type: "failed", error} | {type: "step", id, result | error}
//
// Start-up: the first visit boots Pyodide with a pre-compiled, trimmed standard library
// (about 0.5 s instead of about 3 s), imports the guides and saves a memory
// snapshot of that state in the browser's Cache Storage. Later visits restore the
// snapshot instead of booting (well under 1 s). The snapshot is made on this device by this
// Pyodide, and its key holds the guides' version, so a new build never restores an old state.
// The runtime's modules are imported under ".js" names (a default web server's MIME map knows
// ".js" but maybe not ".mjs"); pyodide.asm.js is imported here and handed to loadPyodide.

const CACHE = "guides-python";
let api = null;
let starting = null;
const queue = [];

function snapshotKey(pyodideVersion, version) { // both from assets/layout.json
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

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

// Why the engine could not start, in words a maintainer can act on (one console line).
async function explain(err, layout) {
  const message = String(err && err.message ? err.message : err);
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

async function start({ layout }) {
  const t0 = performance.now();
  try {
    // Everything at once: the runtime's modules, the wheels and the snapshot (if any).
    const key = snapshotKey(layout.pyodideVersion, layout.version);
    const wheels = Promise.all(layout.wheels.map(fetchBytes));
    const [{ loadPyodide }, { default: createPyodideModule }, snapshot] = await Promise.all([
      import(layout.pyodideModule),
      import(layout.pyodideAsm),
      readSnapshot(key),
    ]);
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
    for (const bytes of await wheels) py.unpackArchive(bytes, "wheel"); // the files, also after a snapshot
    if (how === "boot") {
      py.runPython("import guides.api; guides.api.warm_up()"); // load every model now, not on the first answer
      saveSnapshot(key, py.makeMemorySnapshot());
    }
    api = py.pyimport("guides.api");
    self.postMessage({ type: "ready", ms: Math.round(performance.now() - t0), start: how });
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
  } else if (data.type === "step") {
    if (api || !starting) step(data);
    else queue.push(data);
  }
};
