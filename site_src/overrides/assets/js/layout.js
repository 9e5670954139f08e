// assets/layout.json (written by the build from guides/assets.py) with every path resolved to a
// URL: what both Python workers (guide-worker.js, workshop-worker.js) load the engine from.
export async function readLayout(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const raw = await response.json();
  const abs = (rel) => new URL(rel, url).href;
  return {
    ...raw, pyodide: abs(raw.pyodide), pyodideModule: abs(raw.pyodideModule), pyodideAsm: abs(raw.pyodideAsm),
    stdlib: abs(raw.stdlib), wheels: raw.wheels.map(abs),
  };
}
