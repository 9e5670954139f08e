// Interactive decision guides: one question at a time, answers kept in the URL fragment.
//
// Loaded on every page (it is small); the Python engine (Pyodide, in a Web Worker) is started
// only when a page holds a guide. Until the engine is ready, answers come from the table the
// build computed with the same Python code, so no reader waits for Pyodide.
// Mounted through Material's document$ so it survives instant navigation.

const WORKER_URL = new URL("./guide-worker.js", import.meta.url);
// Where the answers and the engine live: assets/layout.json, written by the build from guides/assets.py.
const LAYOUT_URL = new URL("../layout.json", import.meta.url);
let layoutPromise = null;
function layout() {
  layoutPromise = layoutPromise || fetch(LAYOUT_URL).then((r) => {
    if (!r.ok) throw new Error(`${LAYOUT_URL}: ${r.status}`);
    return r.json();
  }).then((raw) => {
    const abs = (rel) => new URL(rel, LAYOUT_URL).href;
    return {
      ...raw, pyodide: abs(raw.pyodide), pyodideModule: abs(raw.pyodideModule), pyodideAsm: abs(raw.pyodideAsm),
      stdlib: abs(raw.stdlib), wheels: raw.wheels.map(abs), statesOf: (guide) => abs(raw.states.replace("{guide}", guide)),
    };
  });
  return layoutPromise;
}

let engine = null; // { worker, isReady, ask(guide, fragment) }
const tables = new Map(); // guide id -> Promise<states>

function startEngine(lay) {
  if (engine) return engine;
  const worker = new Worker(WORKER_URL, { type: "module" });
  const waiting = new Map();
  let next = 0;
  engine = {
    worker,
    isReady: false,
    ask(guide, fragment) {
      const id = ++next;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ type: "step", id, guide, fragment });
      });
    },
  };
  worker.onmessage = ({ data }) => {
    if (data.type === "ready") {
      engine.isReady = true;
      window.__guideEngine = { readyMs: data.ms, start: data.start, at: performance.now() };
      document.dispatchEvent(new CustomEvent("guide:engine-ready", { detail: data }));
    } else if (data.type === "failed") {
      // The precomputed table keeps working; say nothing to the reader, log for maintainers.
      console.warn("guide engine failed to start:", data.error);
      window.__guideEngine = { failed: data.error };
    } else if (data.type === "step") {
      const w = waiting.get(data.id);
      waiting.delete(data.id);
      if (data.error) w.reject(new Error(data.error));
      else w.resolve(data.result);
    }
  };
  const { statesOf, ...plain } = lay;
  worker.postMessage({ type: "init", layout: plain });
  return engine;
}

function loadTable(guide) {
  if (!tables.has(guide)) {
    tables.set(guide, layout().then((lay) => fetch(lay.statesOf(guide))).then((r) => {
      if (!r.ok) throw new Error(`${r.url}: ${r.status}`);
      return r.json();
    }));
  }
  return tables.get(guide);
}

function fragment() {
  const raw = location.hash.replace(/^#/, "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed link: the engine answers with a plain message
  }
}

// A fragment without "=" that names an element is an ordinary in-page link, not answers.
function isAnchor(frag) {
  return frag && !frag.includes("=") && document.getElementById(frag);
}

async function answer(g, frag) {
  if (engine && engine.isReady) {
    try {
      return { ...(await engine.ask(g.guide, frag)), source: "pyodide" };
    } catch (err) {
      console.warn("guide engine error, using the precomputed table:", err);
    }
  }
  const table = await loadTable(g.guide);
  const known = table.states[frag];
  return { ...(known || table.unknown), source: "table" };
}

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const live = root.querySelector(".g-live");
  const all = root.querySelector(".g-all");
  const g = {
    guide: root.dataset.guide,
    memory: {}, // question id -> option last chosen, so "Ret" shows the earlier choice
  };
  live.hidden = false;
  if (all) all.open = false;
  window.__guideMountedAt = performance.now(); // the first question is usable from here (benchmark)
  root.classList.add("g-js");

  // The build already rendered the first question into the page: use it as it is.
  let rendered = live.querySelector("form.g-form") ? "" : null;
  live.dataset.source = "page";
  async function render(focus) {
    const frag = fragment();
    if (isAnchor(frag)) return;
    if (rendered === frag) return;
    rendered = frag;
    for (const part of frag.split("&")) {
      const [q, o] = part.split("=");
      if (q && o) g.memory[q] = o;
    }
    const res = await answer(g, frag);
    if (fragment() !== frag) return; // the reader moved on meanwhile
    live.innerHTML = res.html;
    live.dataset.source = res.source;
    live.dataset.kind = res.kind;
    root.dataset.kind = res.kind; // printing an outcome prints just that answer
    const form = live.querySelector("form.g-form");
    if (form) {
      const chosen = g.memory[form.dataset.question];
      const radio = chosen && form.querySelector(`input[value="${CSS.escape(chosen)}"]`);
      if (radio) radio.checked = true;
    }
    if (focus) {
      const title = live.querySelector(".g-title");
      if (title) title.focus({ preventScroll: true });
      live.scrollIntoView({ block: "start", behavior: "instant" });
    }
  }

  live.addEventListener("submit", (event) => {
    const form = event.target.closest("form.g-form");
    if (!form) return;
    event.preventDefault();
    const checked = form.querySelector("input[name=svar]:checked");
    const error = form.querySelector(".g-error");
    if (!checked) {
      error.hidden = false;
      form.classList.add("g-has-error");
      form.querySelector("input[name=svar]").focus();
      return;
    }
    const state = form.dataset.state;
    const pair = `${form.dataset.question}=${checked.value}`;
    g.memory[form.dataset.question] = checked.value;
    navigate(state ? `${state}&${pair}` : pair);
  });

  // Links inside the guide (Tilbage, Ret, Start forfra) change only the fragment.
  // (Material may have made their href absolute, so compare the URL, not the attribute.)
  live.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (!link) return;
    const url = new URL(link.href, location.href);
    if (url.origin !== location.origin || url.pathname !== location.pathname || !link.getAttribute("href").includes("#")) return;
    event.preventDefault();
    event.stopPropagation(); // keep Material's instant navigation out of it
    navigate(url.hash.replace(/^#/, ""));
  });

  function navigate(frag) {
    if (frag === fragment()) return render(true);
    history.pushState(null, "", frag ? `#${frag}` : location.pathname + location.search);
    render(true);
  }

  const onPop = () => {
    if (!document.body.contains(root)) return window.removeEventListener("popstate", onPop);
    render(true);
  };
  window.addEventListener("popstate", onPop);

  render(false);
  // The precomputed answers first, so the next step never queues behind Pyodide's 14 MB; then
  // Python, unless the reader asked the browser to save data (the answers are the same).
  const saveData = navigator.connection && navigator.connection.saveData;
  loadTable(g.guide)
    .catch(() => null)
    .finally(() => saveData || layout().then(startEngine, (err) => console.warn("guide engine not started:", String(err))));
}

function mountAll() {
  document.querySelectorAll(".g-guide").forEach(mount);
}

// Printing shows every path, whatever is folded on screen (citations print as their place line).
window.addEventListener("beforeprint", () => {
  document.querySelectorAll(".g-all").forEach((d) => (d.open = true));
});

if (window.document$) window.document$.subscribe(mountAll);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
