// Modelværkstedet's Python: self-hosted Pyodide plus the `guides` wheel, in a Web Worker
// (modelled on guide-worker.js: same runtime files, same trimmed standard library, same wheel).
// The workshop needs the full engine (load, validate, walk every path), so it starts on entry.
// Messages in:  {type: "init", layoutUrl}  and  {type: "call", id, fn, args}
//   layoutUrl: assets/layout.json (read with layout.js, as guide-worker.js reads it).
// Messages out: {type: "progress", phase, loaded, total} | {type: "ready", ms} | {type: "failed", error}
//               {type: "call", id, result} | {type: "call", id, error}
// Every answer from Python is JSON made by guides/workshop/api.py; a Python exception is never
// passed on as text (it would be a traceback): the page gets one Danish sentence instead.
// As guide-worker.js: after the first boot a memory snapshot (Cache Storage, keyed by the Pyodide
// version and the guides' version) lets later visits skip the boot. Its own cache and key, so the
// two workers never overwrite each other's snapshot.
import { readLayout } from "./layout.js";

const CACHE = "workshop-python";

function snapshotKey(pyodideVersion, version) {
  return new URL(`/__workshop-snapshot/${pyodideVersion}/${version}`, self.location.origin).href;
}

async function readSnapshot(key) {
  try {
    const hit = await (await caches.open(CACHE)).match(key);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

async function saveSnapshot(key, bytes) {
  try {
    const cache = await caches.open(CACHE);
    for (const old of await cache.keys()) await cache.delete(old);
    await cache.put(key, new Response(bytes));
  } catch {
    // not saving only costs the next visit a normal boot
  }
}
let api = null;
let starting = null;
const queue = [];

function progress(phase, loaded = 0, total = 0) {
  self.postMessage({ type: "progress", phase, loaded, total });
}

// Fetch with a byte count (the runtime files then come from the HTTP cache for loadPyodide).
async function fetchCounting(url, phase, done, sum) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const total = Number(response.headers.get("content-length")) || 0;
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done: end, value } = await reader.read();
    if (end) break;
    chunks.push(value);
    loaded += value.length;
    progress(phase, done + loaded, sum || done + total);
  }
  const out = new Uint8Array(loaded);
  let at = 0;
  for (const c of chunks) { out.set(c, at); at += c.length; }
  return out;
}

async function start({ layoutUrl }) {
  const t0 = performance.now();
  try {
    const layout = await readLayout(layoutUrl);
    // The runtime's modules under ".js" names (a default web server may not know ".mjs").
    const [{ loadPyodide }, { default: createPyodideModule }] = await Promise.all([
      import(layout.pyodideModule),
      import(layout.pyodideAsm),
    ]);
    const options = { indexURL: layout.pyodide, stdLibURL: layout.stdlib, packages: [], createPyodideModule };
    const key = snapshotKey(layout.pyodideVersion, layout.version);
    const snapshot = await readSnapshot(key);
    if (snapshot) {
      try {
        progress("snapshot");
        const py = await loadPyodide({ ...options, _loadSnapshot: snapshot });
        for (const w of layout.wheels) {
          const response = await fetch(w);
          if (!response.ok) throw new Error(`${w}: ${response.status}`);
          py.unpackArchive(await response.arrayBuffer(), "wheel");
        }
        api = py.pyimport("guides.workshop.api");
        self.postMessage({ type: "ready", ms: Math.round(performance.now() - t0), start: "snapshot" });
        queue.splice(0).forEach(call);
        return;
      } catch (err) {
        console.warn("workshop: snapshot not usable, booting", err);
      }
    }
    const files = [layout.pyodide + "pyodide.asm.wasm", layout.stdlib, ...layout.wheels];
    // Sizes first (HEAD), so the bar shows bytes of the whole download.
    const sizes = await Promise.all(files.map((f) => fetch(f, { method: "HEAD" })
      .then((r) => Number(r.headers.get("content-length")) || 0).catch(() => 0)));
    const sum = sizes.reduce((a, b) => a + b, 0);
    let done = 0;
    const wheelBytes = [];
    for (const [i, f] of files.entries()) {
      const bytes = await fetchCounting(f, "download", done, sum);
      if (i >= 2) wheelBytes.push(bytes);
      done += sizes[i];
    }
    progress("boot", sum, sum);
    const py = await loadPyodide({ ...options, _makeSnapshot: true });
    for (const bytes of wheelBytes) py.unpackArchive(bytes, "wheel");
    progress("import", sum, sum);
    // Load every model and the workshop now (not on the first click), then snapshot that state.
    py.runPython("import guides.workshop.api as w; w.models(); w.schema(); w._original_flows('randers')");
    saveSnapshot(key, py.makeMemorySnapshot());
    api = py.pyimport("guides.workshop.api");
    self.postMessage({ type: "ready", ms: Math.round(performance.now() - t0), start: "boot" });
  } catch (err) {
    console.error("workshop: Python did not start", err);
    self.postMessage({ type: "failed", error: "Python kunne ikke starte i denne browser." });
  }
  queue.splice(0).forEach(call);
}

function call({ id, fn, args }) {
  if (!api) return self.postMessage({ type: "call", id, error: "Python er ikke startet." });
  try {
    const result = api[fn](...(args || []));
    self.postMessage({ type: "call", id, result: JSON.parse(result) });
  } catch (err) {
    console.error("workshop:", fn, err); // the detail stays in the console, never on the page
    self.postMessage({ type: "call", id, error: "Værkstedet kunne ikke gøre det (en uventet fejl i Python). Dit gemte arbejde er uændret." });
  }
}

self.onmessage = ({ data }) => {
  if (data.type === "init") starting = starting || start(data);
  else if (data.type === "call") {
    if (api || !starting) call(data);
    else queue.push(data);
  }
};
