// Interactive decision guides: one question at a time, answers kept in the URL fragment.
//
// Loaded on every page (it is small); the Python engine (Pyodide, in a Web Worker) is started
// only when a page holds a guide. Until the engine is ready, answers come from the table the
// build computed with the same Python code, so no reader waits for Pyodide.
// Mounted while the page is parsed, and through Material's document$ after instant navigation.

const WORKER_URL = new URL("./guide-worker.js", import.meta.url);
// Where the engine's files live: assets/layout.json, written by the build from guides/assets.py
// (the worker reads it). Each guide's element names its own precomputed answers (data-states).
const LAYOUT_URL = new URL("../layout.json", import.meta.url);

let engine = null; // { isReady, ask(guide, fragment) }
const tables = new Map(); // guide id -> Promise<{ states: Map, unknown }>

// -- The URL fragment: read in this one place ------------------------------------------------

// The fragment in the one canonical form that Python's `guides.engine.decode` reads: the text
// after "#", percent-decoded, with any leading "#" dropped and nothing else changed (no
// trimming). The table lookup and the engine both get exactly this string, so they give the
// same verdict for every link.
function readFragment(hash = location.hash) {
  let text = hash.replace(/^#/, "");
  try {
    text = decodeURIComponent(text);
  } catch {
    // a malformed escape: kept as it is; the engine answers with a plain message
  }
  text = text.replace(/^#+/, "");
  const pairs = [];
  for (const part of text ? text.split("&") : []) {
    const at = part.indexOf("=");
    if (at > 0 && at < part.length - 1) pairs.push([part.slice(0, at), part.slice(at + 1)]);
  }
  return { text, pairs };
}

// A fragment without "=" that names an element is an ordinary in-page link, not answers.
function isAnchor(text) {
  return text && !text.includes("=") && document.getElementById(text);
}

// -- Where answers come from: the precomputed table, then Python ----------------------------

function startEngine() {
  if (engine) return engine;
  const startedAt = performance.now(); // for the benchmark
  const worker = new Worker(WORKER_URL, { type: "module" });
  const waiting = new Map();
  let next = 0;
  engine = {
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
      window.__guideEngine = { readyMs: data.ms, start: data.start, phases: data.phases, at: performance.now(), startedAt };
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
  engine.go = () => worker.postMessage({ type: "go" });
  // The worker's own script failing (not found, not JavaScript, a syntax error) ends up here.
  worker.onerror = (event) => {
    event.preventDefault();
    const why = `${WORKER_URL}: ${event.message || "the worker script could not be loaded"}`;
    console.warn("guide engine failed to start:", why);
    window.__guideEngine = { failed: why };
  };
  worker.postMessage({ type: "init", layoutUrl: LAYOUT_URL.href });
  return engine;
}

// The table's states as a Map, so only its own states match ("constructor" or "__proto__"
// are not answers, as they would be as keys of a plain object).
function loadTable(g) {
  const { guide } = g;
  if (!tables.has(guide)) {
    tables.set(guide, fetch(new URL(g.root.dataset.states, location.href)).then((r) => {
      if (!r.ok) throw new Error(`${r.url}: ${r.status}`);
      return r.json();
    }).then((json) => ({ states: new Map(Object.entries(json.states)), unknown: json.unknown })));
  }
  return tables.get(guide);
}

async function answer(g, fragment) {
  if (engine && engine.isReady) {
    try {
      return { ...(await engine.ask(g.guide, fragment)), source: "pyodide" };
    } catch (err) {
      console.warn("guide engine error, using the precomputed table:", err);
    }
  }
  const table = await loadTable(g);
  return { ...(table.states.get(fragment) || table.unknown), source: "table" };
}

// -- One guide on a page ---------------------------------------------------------------------

function setUp(root) {
  const live = root.querySelector(".g-live");
  const g = {
    root,
    live,
    guide: root.dataset.guide,
    memory: new Map(), // question id -> option last chosen, so "Ret" shows the earlier choice
    rendered: live.querySelector("form.g-form") ? "" : null, // the build rendered the first question
  };
  // Only what changed is announced: focus moves to the new heading; this one short line speaks
  // when the guide changes without the reader's action (a shared link answered after loading).
  live.removeAttribute("aria-live");
  g.status = document.createElement("p");
  g.status.className = "g-vh g-status";
  g.status.setAttribute("role", "status");
  live.before(g.status);
  // What a printout names besides the answer: the handbook, its version, the address and date.
  g.printMeta = document.createElement("p");
  g.printMeta.className = "g-print-meta";
  g.printMeta.setAttribute("aria-hidden", "true");
  root.append(g.printMeta);
  fillPrintMeta(g);
  live.hidden = false;
  live.dataset.source = "page";
  const all = root.querySelector(".g-all");
  if (all) all.open = false;
  root.classList.add("g-js");
  return g;
}

function remember(g, pairs) {
  for (const [q, o] of pairs) g.memory.set(q, o);
}

function show(g, res) {
  const { live, root } = g;
  live.innerHTML = res.html;
  live.dataset.source = res.source;
  live.dataset.kind = res.kind;
  root.dataset.kind = res.kind; // printing an outcome prints just that answer
  const form = live.querySelector("form.g-form");
  if (form) {
    const chosen = g.memory.get(form.dataset.question);
    const radio = chosen && form.querySelector(`input[value="${CSS.escape(chosen)}"]`);
    if (radio) radio.checked = true;
  }
  fillPrintMeta(g);
}

function announce(g, focus) {
  const title = g.live.querySelector(".g-title");
  if (focus && title) {
    title.focus({ preventScroll: true });
    g.live.scrollIntoView({ block: "start", behavior: "instant" });
    g.status.textContent = "";
  } else if (title) {
    const caption = g.live.querySelector(".g-caption");
    g.status.textContent = [caption && caption.textContent, title.textContent].filter(Boolean).join(": ");
  }
}

async function render(g, focus) {
  const { text, pairs } = readFragment();
  if (isAnchor(text)) return;
  if (g.rendered === text) return;
  g.rendered = text;
  remember(g, pairs);
  const res = await answer(g, text);
  if (readFragment().text !== text) return; // the reader moved on meanwhile
  show(g, res);
  announce(g, focus);
}

function navigate(g, fragment) {
  if (fragment !== readFragment().text) {
    history.pushState(null, "", fragment ? `#${fragment}` : location.pathname + location.search);
  }
  return render(g, true);
}

function onSubmit(g, event) {
  const form = event.target.closest("form.g-form");
  if (!form) return;
  event.preventDefault();
  const checked = form.querySelector("input[name=svar]:checked");
  if (!checked) return showError(form);
  const state = form.dataset.state;
  const pair = `${form.dataset.question}=${checked.value}`;
  g.memory.set(form.dataset.question, checked.value);
  navigate(g, state ? `${state}&${pair}` : pair);
}

// As GOV.UK's radios: the message is shown, tied to its fieldset, and focus goes to the options.
function showError(form) {
  const error = form.querySelector(".g-error");
  const fieldset = form.querySelector("fieldset");
  if (!error.id) error.id = `g-error-${form.dataset.question}`;
  const described = (fieldset.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  if (!described.includes(error.id)) fieldset.setAttribute("aria-describedby", [...described, error.id].join(" "));
  error.hidden = false;
  form.classList.add("g-has-error");
  form.querySelector("input[name=svar]").focus();
}

// Links inside the guide (Tilbage, Ret, Start forfra) change only the fragment.
// (Material may have made their href absolute, so compare the URL, not the attribute.)
function onClick(g, event) {
  const link = event.target.closest("a[href]");
  if (!link) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || url.pathname !== location.pathname || !link.getAttribute("href").includes("#")) return;
  event.preventDefault();
  event.stopPropagation(); // keep Material's instant navigation out of it
  navigate(g, readFragment(url.hash).text);
}

function onPopState(g) {
  const listener = () => {
    if (!document.body.contains(g.root)) return window.removeEventListener("popstate", listener);
    render(g, true);
  };
  return listener;
}

// Python, unless the reader asked the browser to save data (the answers are the same). The worker
// starts now; on a first visit it downloads the engine only once the precomputed answers are here
// ("go"), so the next step never queues behind the download; with the engine on the device it
// restores Python at once.
function warmUp(g) {
  if (navigator.connection && navigator.connection.saveData) return void loadTable(g).catch(() => null);
  const engineNow = startEngine();
  loadTable(g).catch(() => null).finally(() => engineNow.go());
}

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const g = setUp(root);
  window.__guideMountedAt = performance.now(); // the first question is usable from here (benchmark)
  g.live.addEventListener("submit", (event) => onSubmit(g, event));
  g.live.addEventListener("click", (event) => onClick(g, event));
  window.addEventListener("popstate", onPopState(g));
  render(g, false);
  warmUp(g);
}

// -- Printing ------------------------------------------------------------------------------

function siteName() {
  const topic = document.querySelector(".md-header__topic .md-ellipsis");
  return topic ? topic.textContent.trim() : document.title;
}

function fillPrintMeta(g) {
  const date = new Date().toLocaleDateString(document.documentElement.lang || undefined, { dateStyle: "long" });
  g.printMeta.textContent = `${siteName()} · version ${g.root.dataset.version} · ${location.href} · ${date}`;
}

// -- Every page: things Material leaves without a name or out of keyboard reach -------------

function namePageParts() {
  // The search dialog is named as its field is (Material translates that label).
  document.querySelectorAll(".md-search[role=dialog]:not([aria-label])").forEach((dialog) => {
    const input = dialog.querySelector("input[aria-label]");
    if (input) dialog.setAttribute("aria-label", input.getAttribute("aria-label"));
  });
  reachScrollables();
}

// A region that scrolls sideways must be reachable by keyboard to be scrolled.
function reachScrollables() {
  document.querySelectorAll(".md-typeset__scrollwrap, .g-table-wrap").forEach((wrap) => {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
    if (scrolls && !wrap.hasAttribute("tabindex")) wrap.setAttribute("tabindex", "0");
    else if (!scrolls && wrap.getAttribute("tabindex") === "0") wrap.removeAttribute("tabindex");
  });
}

function mountAll() {
  namePageParts();
  document.querySelectorAll(".g-guide").forEach(mount);
}

let resizing = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(reachScrollables, 200);
});

// Printing: each guide switches to its paper layout (guide.css, .g-paper), names the handbook,
// version, address and date, and an answer is shrunk until it fits one A4 page.
const MM = 96 / 25.4; // CSS pixels per millimetre
const PAPER = { width: 186, height: 273, heading: 24 }; // mm inside the @page margins; room for the page's h1

function fitToPage(root) {
  root.style.zoom = "";
  root.style.width = "";
  if (root.dataset.kind !== "outcome") return;
  const room = (PAPER.height - PAPER.heading) * MM;
  let zoom = 1;
  for (let i = 0; i < 8; i++) {
    const height = root.getBoundingClientRect().height; // as rendered, zoom included
    if (height <= room) break;
    zoom *= Math.max(0.5, room / height) * 0.97;
    root.style.zoom = String(zoom);
    root.style.width = `${PAPER.width / zoom}mm`; // zoomed, it still spans the page's width
  }
}

window.addEventListener("beforeprint", () => {
  document.querySelectorAll(".g-guide.g-js").forEach((root) => {
    const meta = root.querySelector(".g-print-meta");
    if (meta) fillPrintMeta({ root, printMeta: meta });
    root.classList.add("g-paper");
    fitToPage(root);
  });
});

window.addEventListener("afterprint", () => {
  document.querySelectorAll(".g-guide.g-paper").forEach((root) => {
    root.classList.remove("g-paper");
    root.style.zoom = "";
    root.style.width = "";
  });
});

// This module loads async from the head (site_src/overrides/main.html), so it may run while the page is still being parsed. A
// guide is mounted as soon as its answers region is parsed (the fallback after it has begun), so
// the first question is usable before the rest of the page and the theme's bundle have loaded.
// Material's document$ then mounts guides after each instant navigation.
function mountParsed() {
  document.querySelectorAll(".g-guide:not([data-mounted])").forEach((root) => {
    if (root.querySelector(".g-live + .g-all-wrap")) mount(root);
  });
}

function followNavigation() {
  if (window.document$) window.document$.subscribe(mountAll);
  else mountAll();
}

if (document.readyState === "loading") {
  // Each record only names the nodes the parser added, so watching costs little; a page holds
  // one guide, and any other is mounted at DOMContentLoaded.
  const parsing = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && node.classList.contains("g-all-wrap")) {
          parsing.disconnect();
          return mountParsed();
        }
      }
    }
  });
  parsing.observe(document.documentElement, { childList: true, subtree: true });
  mountParsed();
  document.addEventListener("DOMContentLoaded", () => {
    parsing.disconnect();
    followNavigation();
  }, { once: true });
} else {
  followNavigation();
}
