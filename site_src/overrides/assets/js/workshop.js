// Modelværkstedet: edit a model in forms generated from the schema, try it with the project's own
// Python (workshop-worker.js), see every consequence, keep the work on this device, download/import.
//
// Loaded on every page but does nothing unless the page holds the workshop's element (.ws-shell);
// then it adds its stylesheet and starts the worker. Every string goes into the page as text
// (textContent, option labels, attribute values); the only HTML inserted is the guides' step HTML,
// rendered by the package's escaping Python (guides.html).

const STORE = "workshop:v1:"; // localStorage: STORE + "list" (ids), STORE + id (one workspace)
const MAX_IMPORT = 5 * 1000 * 1000;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

// ---- the worker ----------------------------------------------------------------------------

class Engine {
  constructor(shell, onProgress) {
    const assets = new URL(shell.dataset.assets, location.href);
    this.worker = new Worker(new URL("js/workshop-worker.js", assets), { type: "module" });
    this.pending = new Map();
    this.next = 1;
    this.ready = new Promise((resolve, reject) => {
      this.worker.onmessage = ({ data }) => {
        if (data.type === "progress") onProgress(data);
        else if (data.type === "ready") resolve(data);
        else if (data.type === "failed") reject(new Error(data.error));
        else if (data.type === "call") {
          const p = this.pending.get(data.id);
          this.pending.delete(data.id);
          if (!p) return;
          if (data.error) p.reject(new Error(data.error));
          else p.resolve(data.result);
        }
      };
      this.worker.onerror = () => reject(new Error("Python kunne ikke starte i denne browser."));
    });
    // Where the engine lives: assets/layout.json, written by the build from guides/assets.py (the worker reads it).
    this.worker.postMessage({ type: "init", layoutUrl: new URL("layout.json", assets).href });
  }

  call(fn, ...args) {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: "call", id, fn, args });
    });
  }
}

// ---- saved work (this device only) ---------------------------------------------------------

const store = {
  list() {
    try { return JSON.parse(localStorage.getItem(STORE + "list") || "[]").filter((x) => typeof x === "string"); }
    catch { return []; }
  },
  get(id) {
    try {
      const w = JSON.parse(localStorage.getItem(STORE + id) || "null");
      return w && typeof w.files === "object" ? w : null;
    } catch { return null; }
  },
  put(w) {
    w.saved = new Date().toISOString();
    localStorage.setItem(STORE + w.id, JSON.stringify(w)); // may throw (quota): the caller says so
    const ids = store.list();
    if (!ids.includes(w.id)) localStorage.setItem(STORE + "list", JSON.stringify([...ids, w.id]));
  },
  remove(id) {
    localStorage.removeItem(STORE + id);
    localStorage.setItem(STORE + "list", JSON.stringify(store.list().filter((x) => x !== id)));
  },
};

function newId() {
  return Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
}

function toBase64(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

// ---- the app -------------------------------------------------------------------------------

class Workshop {
  constructor(shell) {
    this.shell = shell;
    this.$ = (sel) => shell.querySelector(sel);
    this.data = JSON.parse(this.$(".ws-data").dataset.json);
    this.ws = null; // the open workspace {id, name, base, folder, files}
    this.parsed = {}; // file name -> data (for the forms)
    this.problems = [];
    this.timers = {};
    this.t0 = performance.now();
    this.engine = new Engine(shell, (p) => this.progress(p));
    this.wire();
    this.engine.ready.then((r) => this.started(r), (err) => this.failed(err));
  }

  // -- start-up and status --
  progress({ phase, loaded, total }) {
    if (!this.phases) this.phases = {};
    if (!this.phases[phase]) this.phases[phase] = Math.round(performance.now() - this.t0);
    this.shell.dataset.phases = JSON.stringify(this.phases);
    const bar = this.$(".ws-progress");
    const mb = (n) => (n / 1e6).toLocaleString("da-DK", { maximumFractionDigits: 1 });
    const text = {
      download: `Henter Python: ${mb(loaded)} af ${mb(total)} MB`,
      boot: "Starter Python …",
      import: "Indlæser håndbogens modeller …",
    }[phase] || "Starter …";
    this.$(".ws-phase").textContent = text;
    if (total) { bar.max = total; bar.value = phase === "download" ? loaded : total; }
  }

  started(r) {
    this.$(".ws-phase").textContent = `Python er klar (${(r.ms / 1000).toLocaleString("da-DK", { maximumFractionDigits: 1 })} s).`;
    this.$(".ws-progress").hidden = true;
    this.shell.dataset.engine = "ready";
    this.shell.dataset.start = r.start;
    this.engine.call("schema").then((schema) => {
      this.schema = schema;
      this.$(".ws-start").hidden = false;
      this.renderSaved();
      const last = sessionStorage.getItem(STORE + "open");
      const w = last && store.get(last);
      if (w) this.open(w);
      else this.markReady();
    }, (err) => this.failed(err));
  }

  markReady() {
    this.shell.dataset.state = "ready";
    if (!this.readyMs) this.readyMs = Math.round(performance.now() - this.t0);
    this.shell.dataset.readyMs = String(this.readyMs);
  }

  failed(err) {
    this.$(".ws-phase").textContent = `${err.message} Prøv at genindlæse siden.`;
    this.$(".ws-progress").hidden = true;
    this.shell.dataset.engine = "failed";
  }

  message(sel, text) {
    const m = this.$(sel);
    m.textContent = text || "";
    m.hidden = !text;
  }

  wire() {
    this.$(".ws-new").addEventListener("click", () => this.startFrom(this.$(".ws-model-select").value));
    this.$(".ws-import").addEventListener("change", (e) => this.importZip(e.target));
    this.$(".ws-file").addEventListener("change", () => this.showFile());
    this.$(".ws-collection").addEventListener("change", () => this.renderEntries());
    this.$(".ws-mode-forms").addEventListener("click", () => this.setMode("forms"));
    this.$(".ws-mode-raw").addEventListener("click", () => this.setMode("raw"));
    this.$(".ws-raw-text").addEventListener("input", (e) => {
      this.ws.files[this.file] = e.target.value;
      this.parsed[this.file] = undefined;
      this.save();
    });
    this.$(".ws-try").addEventListener("click", () => this.tryModel());
    this.$(".ws-download").addEventListener("click", () => this.download());
    this.$(".ws-close").addEventListener("click", () => this.close());
    this.$(".ws-guide-select").addEventListener("change", () => this.step(""));
    const guide = this.$(".ws-guide");
    guide.addEventListener("click", (e) => {
      const a = e.target.closest("a[href^='#']");
      if (!a || !guide.contains(a)) return;
      e.preventDefault();
      this.step(a.getAttribute("href").slice(1));
    });
    guide.addEventListener("submit", (e) => {
      const form = e.target.closest("form.g-form");
      if (!form) return;
      e.preventDefault();
      const checked = form.querySelector("input[name='svar']:checked");
      const error = form.querySelector(".g-error");
      if (!checked) { if (error) error.hidden = false; return; }
      const pair = `${form.dataset.question}=${checked.value}`;
      this.step(form.dataset.state ? `${form.dataset.state}&${pair}` : pair);
    });
  }

  // -- saved workspaces --
  renderSaved() {
    const list = this.$(".ws-saved");
    list.replaceChildren();
    const ids = store.list();
    for (const id of ids) {
      const w = store.get(id);
      if (!w) continue;
      const when = w.saved ? new Date(w.saved).toLocaleString("da-DK") : "";
      list.append(el("li", { class: "ws-saved-item" },
        el("span", { class: "ws-saved-name", text: w.name }), " ",
        el("span", { class: "ws-help", text: `(gemt ${when})` }), " ",
        el("button", { type: "button", class: "md-button ws-open", text: "Åbn", onclick: () => this.open(store.get(id)) }), " ",
        el("button", { type: "button", class: "md-button ws-delete", text: "Slet", "aria-label": `Slet ${w.name}`,
          onclick: () => { if (confirm(`Slet »${w.name}« fra denne enhed?`)) { store.remove(id); this.renderSaved(); } } })));
    }
    this.$(".ws-saved-none").hidden = list.children.length > 0;
  }

  async startFrom(modelId) {
    const got = await this.engine.call("start", modelId);
    if (!got.ok) return this.message(".ws-message", got.error);
    const model = this.data.models.find((m) => m.id === modelId);
    const n = store.list().filter((id) => (store.get(id) || {}).base === modelId).length + 1;
    const w = { id: newId(), name: `${model ? model.municipality : modelId} – udkast ${n}`, base: got.base, folder: `${got.folder}-udkast`, files: got.files };
    if (!this.save(w)) return;
    this.open(w);
  }

  save(w = this.ws) {
    try {
      store.put(w);
      const at = this.$(".ws-saved-at");
      if (at) at.textContent = `Gemt på enheden kl. ${new Date().toLocaleTimeString("da-DK")}`;
      return true;
    } catch {
      this.message(this.ws ? ".ws-editor-message" : ".ws-message", "Der er ikke plads til at gemme mere i browseren. Download dit arbejde, og slet gamle udkast.");
      return false;
    }
  }

  async importZip(input) {
    const file = input.files && input.files[0];
    input.value = "";
    if (!file) return;
    if (file.size > MAX_IMPORT) return this.message(".ws-message", `Filen er for stor (${(file.size / 1e6).toFixed(1)} MB); højst 5 MB. Intet er ændret.`);
    const bytes = new Uint8Array(await file.arrayBuffer());
    let got;
    try { got = await this.engine.call("import_zip", toBase64(bytes)); }
    catch (err) { return this.message(".ws-message", err.message); }
    if (!got.ok) return this.message(".ws-message", `${got.error} Intet er ændret.`);
    if (!got.base) return this.message(".ws-message", "Zip-filen siger ikke, hvilken model den bygger på. Intet er ændret.");
    const w = { id: newId(), name: `Importeret: ${got.folder}`, base: got.base, folder: got.folder, files: got.files };
    if (!this.save(w)) return;
    this.message(".ws-message", got.ignored.length ? `Importeret. Ikke taget med (værkstedet bruger grundmodellens ruter): ${got.ignored.join(", ")}.` : "");
    this.renderSaved();
    this.open(w);
  }

  // -- the editor --
  async open(w) {
    if (!w) return;
    this.ws = w;
    sessionStorage.setItem(STORE + "open", w.id);
    this.parsed = {};
    this.problems = [];
    this.$(".ws-title").textContent = `Rediger: ${w.name}`;
    const files = this.$(".ws-file");
    files.replaceChildren(...Object.keys(w.files).sort((a, b) => (a === "model.toml" ? -1 : b === "model.toml" ? 1 : a.localeCompare(b)))
      .map((f) => el("option", { value: f, text: f })));
    this.$(".ws-editor").hidden = false;
    this.$(".ws-results").hidden = true;
    this.$(".ws-start").hidden = true;
    this.message(".ws-editor-message", "");
    await this.parseAll();
    if (this.problems.length) this.showProblems(this.problems); // e.g. an imported file with a syntax error
    this.showFile();
    this.markReady();
    this.shell.dataset.state = "editing";
  }

  close() {
    this.ws = null;
    sessionStorage.removeItem(STORE + "open");
    this.$(".ws-editor").hidden = true;
    this.$(".ws-results").hidden = true;
    this.$(".ws-start").hidden = false;
    this.renderSaved();
  }

  async parseAll() {
    for (const [name, text] of Object.entries(this.ws.files)) {
      if (this.parsed[name] !== undefined) continue;
      const got = await this.engine.call("parse", name, text);
      this.parsed[name] = got.ok ? got.data : null;
      if (!got.ok) this.problems = [...this.problems.filter((p) => p.file !== name), ...got.problems];
    }
  }

  isModelFile(name) { return name === "model.toml" || /^model-.*\.toml$/.test(name); }

  showFile() {
    this.file = this.$(".ws-file").value;
    const forms = this.isModelFile(this.file) && this.parsed[this.file];
    const sel = this.$(".ws-collection");
    if (forms) {
      const data = this.parsed[this.file];
      const kinds = ["model", ...Object.keys(this.schema.collections)].filter((k) => k === "model" ? this.file === "model.toml" : true);
      const prev = sel.value;
      sel.replaceChildren(...kinds.map((k) => {
        const label = k === "model" ? this.schema.model.label : this.schema.collections[k].label;
        const n = k === "model" ? "" : ` (${Object.keys(data[k] || {}).length})`;
        return el("option", { value: k, text: label + n });
      }));
      if (kinds.includes(prev)) sel.value = prev;
    }
    this.$(".ws-collection-label").hidden = !forms;
    this.$(".ws-mode-forms").disabled = !forms;
    this.setMode(forms ? (this.mode || "forms") : "raw", true);
  }

  async setMode(mode, quiet) {
    if (mode === "forms" && this.parsed[this.file] === undefined) {
      const got = await this.engine.call("parse", this.file, this.ws.files[this.file]);
      if (!got.ok) {
        this.showProblems(got.problems);
        return this.message(".ws-editor-message", "Teksten kan ikke vises som formular, før fejlene er rettet. Se listen under »Afprøvning«.");
      }
      this.parsed[this.file] = got.data;
      this.message(".ws-editor-message", "");
      return this.showFile();
    }
    if (!quiet) this.mode = mode;
    const raw = mode === "raw";
    this.$(".ws-raw").hidden = !raw;
    this.$(".ws-forms").hidden = raw;
    this.$(".ws-collection-label").hidden = raw || !this.parsed[this.file];
    this.$(".ws-mode-forms").setAttribute("aria-pressed", String(!raw));
    this.$(".ws-mode-raw").setAttribute("aria-pressed", String(raw));
    if (raw) { this.$(".ws-raw-text").value = this.ws.files[this.file]; this.$(".ws-collection-help").textContent = ""; }
    else this.renderEntries();
    this.placeErrors();
  }

  // All entries of a collection over every model file (for reference pickers).
  entriesOf(kind) {
    const out = {};
    for (const [name, data] of Object.entries(this.parsed)) if (this.isModelFile(name) && data && data[kind]) Object.assign(out, data[kind]);
    return out;
  }

  changed(file) {
    clearTimeout(this.timers[file]);
    this.timers[file] = setTimeout(async () => {
      const got = await this.engine.call("dump", JSON.stringify(this.parsed[file]));
      if (!got.ok) return this.message(".ws-editor-message", got.error);
      this.ws.files[file] = got.text;
      this.save();
    }, 150);
  }

  flush() {
    return Promise.all(Object.keys(this.timers).map(async (file) => {
      if (!this.timers[file]) return;
      clearTimeout(this.timers[file]);
      this.timers[file] = null;
      const got = await this.engine.call("dump", JSON.stringify(this.parsed[file]));
      if (got.ok) { this.ws.files[file] = got.text; this.save(); }
    }));
  }

  renderEntries() {
    const box = this.$(".ws-forms");
    box.replaceChildren();
    const data = this.parsed[this.file];
    if (!data) return;
    const kind = this.$(".ws-collection").value || "model";
    const file = this.file;
    if (kind === "model") {
      this.$(".ws-collection-help").textContent = this.schema.model.help;
      data.model = data.model || {};
      box.append(this.entryForm(file, "model", data.model, this.schema.model.fields, true));
      return;
    }
    const spec = this.schema.collections[kind];
    this.$(".ws-collection-help").textContent = spec.help;
    const entries = (data[kind] = data[kind] || {});
    for (const [id, fields] of Object.entries(entries)) {
      const name = fields.name || fields.title || fields.text || fields.label || "";
      const details = el("details", { class: "ws-entry", "data-entry": `${kind}.${id}` },
        el("summary", {}, el("code", { text: id }), " ", el("span", { text: String(name).slice(0, 90) })));
      details.addEventListener("toggle", () => {
        if (details.open && details.children.length === 1) {
          details.append(this.entryForm(file, `${kind}.${id}`, fields, spec.fields));
          details.append(el("button", { type: "button", class: "md-button ws-remove-entry", text: "Slet posten",
            onclick: () => { delete entries[id]; this.changed(file); this.renderEntries(); } }));
          this.placeErrors();
        }
      }, { once: false });
      box.append(details);
    }
    const idInput = el("input", { type: "text", class: "ws-new-id", "aria-label": "Id for den nye post", placeholder: "fx ny-post" });
    const note = el("p", { class: "ws-field-error", role: "alert", hidden: true });
    box.append(el("div", { class: "ws-add-entry" }, el("label", { text: `Ny post i ${spec.label}: ` }, idInput), " ",
      el("button", { type: "button", class: "md-button ws-add", text: "Tilføj post", onclick: () => {
        const id = idInput.value.trim();
        if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) { note.textContent = "Id'et må kun have små bogstaver (a–z), tal og bindestreger."; note.hidden = false; return; }
        if (entries[id]) { note.textContent = `Der findes allerede en post med id'et '${id}'.`; note.hidden = false; return; }
        entries[id] = this.blank(spec.fields);
        this.changed(file);
        this.renderEntries();
        const d = box.querySelector(`details[data-entry="${CSS.escape(`${kind}.${id}`)}"]`);
        if (d) { d.open = true; d.scrollIntoView({ block: "center" }); }
      } }), note));
  }

  blank(fields) {
    const out = {};
    for (const [name, f] of Object.entries(fields)) {
      if (f.optional) continue;
      out[name] = this.blankValue(f.type);
    }
    return out;
  }

  blankValue(type) {
    if (type === "cites") return [{ section: "", quote: "" }];
    if (type.startsWith("list[")) return [];
    if (type === "int") return 0;
    if (type === "bool") return false;
    if (type.startsWith("enum:")) return type.slice(5).split(",")[0];
    if (type.startsWith("table:")) return this.blank(this.schema.tables[type.slice(6)].fields);
    return "";
  }

  entryForm(file, entry, obj, fields, open) {
    const box = el("div", { class: "ws-fields" + (open ? " ws-open" : "") });
    for (const [name, f] of Object.entries(fields)) {
      const wrap = el("div", { class: "ws-field", "data-where": `${file}|${entry}|${name}` });
      const id = `ws-${file}-${entry}-${name}`.replace(/[^A-Za-z0-9_-]/g, "_");
      wrap.append(el("label", { class: "ws-label", for: id, text: f.label + (f.optional ? " (valgfri)" : "") }));
      if (f.help) wrap.append(el("p", { class: "ws-help", text: f.help }));
      wrap.append(this.widget(file, f.type, obj, name, id, f.optional));
      wrap.append(el("p", { class: "ws-field-error", role: "alert", hidden: true }));
      box.append(wrap);
    }
    return box;
  }

  // A widget editing holder[key] of the given schema type.
  widget(file, type, holder, key, id, optional) {
    const set = (v) => {
      if (optional && (v === "" || v === null)) delete holder[key];
      else holder[key] = v;
      this.changed(file);
    };
    const value = holder[key];
    if (type === "cites") {
      if (value && !Array.isArray(value)) holder[key] = [value];
      return this.list(file, "table:citation", holder, key, id);
    }
    if (type.startsWith("list[")) return this.list(file, type.slice(5, -1), holder, key, id);
    if (type.startsWith("table:")) {
      const t = this.schema.tables[type.slice(6)];
      if (!holder[key] || typeof holder[key] !== "object") holder[key] = this.blank(t.fields);
      const fs = el("fieldset", { class: "ws-table", id });
      for (const [name, f] of Object.entries(t.fields)) {
        const sub = `${id}-${name}`;
        fs.append(el("label", { class: "ws-label", for: sub, text: f.label + (f.optional ? " (valgfri)" : "") }));
        fs.append(this.widget(file, f.type, holder[key], name, sub, f.optional));
      }
      return fs;
    }
    if (type.startsWith("enum:")) {
      const s = el("select", { id }, ...(optional ? [el("option", { value: "", text: "–" })] : []),
        ...type.slice(5).split(",").map((v) => el("option", { value: v, text: this.schema.enum_labels[v] || v })));
      s.value = value ?? "";
      s.addEventListener("change", () => set(s.value));
      return s;
    }
    if (type.startsWith("ref:")) {
      const kind = type.slice(4);
      const entries = this.entriesOf(kind);
      const s = el("select", { id }, el("option", { value: "", text: "– vælg –" }),
        ...Object.entries(entries).map(([rid, e]) => el("option", { value: rid, text: `${rid}: ${String(e.name || e.title || e.text || "").slice(0, 70)}` })));
      if (value && !(value in entries)) s.append(el("option", { value, text: `${value} (findes ikke)` }));
      s.value = value ?? "";
      s.addEventListener("change", () => set(s.value));
      return s;
    }
    if (type === "int") {
      const i = el("input", { id, type: "number", step: "1", value: value ?? "" });
      i.addEventListener("input", () => set(i.value === "" ? null : Number.isInteger(Number(i.value)) ? Number(i.value) : i.value));
      return i;
    }
    if (type === "bool") {
      const i = el("input", { id, type: "checkbox" });
      i.checked = !!value;
      i.addEventListener("change", () => set(i.checked));
      return i;
    }
    const long = typeof value === "string" && value.length > 70;
    const i = long ? el("textarea", { id, rows: Math.min(8, Math.ceil(value.length / 70) + 1) }) : el("input", { id, type: "text" });
    i.value = value ?? "";
    i.addEventListener("input", () => set(i.value));
    return i;
  }

  list(file, itemType, holder, key, id) {
    if (!Array.isArray(holder[key])) holder[key] = holder[key] === undefined ? [] : [holder[key]];
    const arr = holder[key];
    const box = el("div", { class: "ws-list", id });
    const render = () => {
      box.replaceChildren();
      arr.forEach((_, i) => {
        const row = el("div", { class: "ws-list-item" });
        row.append(this.widget(file, itemType, arr, i, `${id}-${i}`, false));
        row.append(el("button", { type: "button", class: "ws-small", text: "Fjern", "aria-label": `Fjern nr. ${i + 1}`,
          onclick: () => { arr.splice(i, 1); this.changed(file); render(); } }));
        box.append(row);
      });
      box.append(el("button", { type: "button", class: "ws-small ws-list-add", text: "Tilføj",
        onclick: () => { arr.push(this.blankValue(itemType)); this.changed(file); render(); } }));
    };
    render();
    return box;
  }

  // -- problems next to their fields --
  showProblems(problems) {
    this.problems = problems;
    const box = this.$(".ws-problems");
    const list = this.$(".ws-problem-list");
    list.replaceChildren(...problems.map((p) => {
      const where = [p.file, p.entry, p.field].filter(Boolean).join(" · ");
      const li = el("li", { class: "ws-problem" }, el("strong", { text: where || "Modellen" }), ": ", el("span", { text: p.problem }));
      if (p.entry && this.isModelFile(p.file)) li.append(" ", el("button", { type: "button", class: "ws-small", text: "Gå til feltet", onclick: () => this.goTo(p) }));
      return li;
    }));
    box.hidden = problems.length === 0;
    this.$(".ws-results").hidden = false;
    this.placeErrors();
  }

  placeErrors() {
    for (const e of this.shell.querySelectorAll(".ws-field .ws-field-error")) { e.hidden = true; e.textContent = ""; }
    for (const e of this.shell.querySelectorAll(".ws-has-error")) e.classList.remove("ws-has-error");
    for (const p of this.problems) {
      const top = (p.field || "").split(/[.[]/)[0];
      const wrap = this.shell.querySelector(`.ws-field[data-where="${CSS.escape(`${p.file}|${p.entry}|${top}`)}"]`);
      if (!wrap) continue;
      const e = wrap.querySelector(".ws-field-error");
      e.textContent = (e.textContent ? e.textContent + " " : "") + p.problem;
      e.hidden = false;
      wrap.classList.add("ws-has-error");
      const d = wrap.closest("details");
      if (d) d.classList.add("ws-has-error");
    }
    for (const d of this.shell.querySelectorAll("details.ws-entry")) {
      const bad = this.problems.some((p) => p.file === this.file && p.entry === d.dataset.entry);
      d.classList.toggle("ws-has-error", bad);
    }
  }

  goTo(p) {
    this.$(".ws-file").value = p.file;
    this.showFile();
    const kind = p.entry.split(".")[0];
    if ([...this.$(".ws-collection").options].some((o) => o.value === kind)) {
      this.$(".ws-collection").value = kind;
      this.setMode("forms");
    }
    const d = this.shell.querySelector(`details[data-entry="${CSS.escape(p.entry)}"]`);
    if (d) d.open = true;
    const wrap = this.shell.querySelector(`.ws-field[data-where="${CSS.escape(`${p.file}|${p.entry}|${(p.field || "").split(/[.[]/)[0]}`)}"]`);
    (wrap || d || this.$(".ws-forms")).scrollIntoView({ block: "center" });
    const input = wrap && wrap.querySelector("input, textarea, select");
    if (input) input.focus();
  }

  // -- Afprøv --
  async tryModel() {
    await this.flush();
    const t = performance.now();
    this.shell.dataset.report = "running";
    const button = this.$(".ws-try");
    button.disabled = true;
    this.message(".ws-editor-message", "Afprøver modellen …");
    try {
      const out = await this.engine.call("check", JSON.stringify({ files: this.ws.files, base: this.ws.base, scenarios: this.data.scenarios[this.ws.base] || [] }));
      this.message(".ws-editor-message", out.ok ? "" : `Modellen har ${out.problems.length} fejl. Se dem ved felterne og under »Afprøvning«.`);
      this.showProblems(out.problems);
      this.renderReport(out.report);
      this.renderGuides(out.guides);
      this.$(".ws-results").hidden = false;
      this.shell.dataset.report = out.ok ? "ready" : "problems";
      this.shell.dataset.reportMs = String(Math.round(performance.now() - t));
      if (!out.ok && this.problems.some((p) => p.file === this.file)) this.placeErrors();
      else this.$("#ws-results-h").focus();
    } catch (err) {
      this.message(".ws-editor-message", err.message);
      this.shell.dataset.report = "error";
    } finally {
      button.disabled = false;
    }
  }

  renderReport(rep) {
    const box = this.$(".ws-report");
    box.hidden = !rep;
    if (!rep) return;
    this.$(".ws-headline").textContent = rep.headline;
    const body = this.$(".ws-report-body");
    body.replaceChildren();
    const change = (c) => el("div", { class: "ws-change" },
      el("p", { class: "ws-what" }, el("strong", { text: c.what }), c.ref ? el("code", { text: ` ${c.ref}` }) : null),
      el("p", { class: "ws-before" }, el("span", { class: "ws-tag", text: "Før: " }), el("del", { text: c.before || "–" })),
      el("p", { class: "ws-after" }, el("span", { class: "ws-tag", text: "Efter: " }), el("ins", { text: c.after || "–" })));
    if (rep.empty) body.append(el("p", { text: "Ingen udfald, gyldne scenarier eller kursusopgaver ændrer sig." }));
    for (const o of rep.outcomes) {
      const status = { changed: "ændret", added: "nyt", removed: "fjernet" }[o.status];
      const d = el("details", { class: "ws-outcome", "data-outcome": `${o.guide}/${o.outcome}` },
        el("summary", {}, el("span", { class: `ws-badge ws-${o.status}`, text: status }), " ",
          el("span", { text: `${o.title}` }), el("span", { class: "ws-help", text: ` (${o.guide_title}; ${o.paths} ${o.paths === 1 ? "vej" : "veje"})` })));
      o.changes.forEach((c) => d.append(change(c)));
      body.append(d);
    }
    const paths = rep.paths;
    const moved = [...paths.added, ...paths.removed, ...paths.moved];
    if (moved.length) body.append(el("p", { text: `Veje gennem guiderne, der ændrer sig: ${moved.length}.` }));
    const section = (title, items, render) => {
      if (!items.length) return;
      body.append(el("h4", { text: title }));
      items.forEach((x) => body.append(render(x)));
    };
    const held = (r) => r.holds ? "holder" : `holder ikke (${r.failed.join("; ")})`;
    section(`Gyldne scenarier, hvis svar ændrer sig (${rep.scenarios.length})`, rep.scenarios, (s) => {
      const d = el("details", { class: "ws-scenario" }, el("summary", { text: s.name }),
        el("p", {}, el("span", { class: "ws-tag", text: "Før: " }), el("span", { text: `${s.before.title || s.before.outcome || "–"} – ${held(s.before)}` })),
        el("p", {}, el("span", { class: "ws-tag", text: "Efter: " }), el("span", { text: `${s.after.title || s.after.outcome || "–"} – ${held(s.after)}` })));
      s.changes.forEach((c) => d.append(change(c)));
      return d;
    });
    section(`Kursusopgaver, hvis svar ændrer sig (${rep.exercises.length})`, rep.exercises, (x) => {
      const d = el("details", { class: "ws-exercise" }, el("summary", { text: x.title || x.id }));
      x.changes.forEach((c) => d.append(change(c)));
      return d;
    });
  }

  renderGuides(guides) {
    const box = this.$(".ws-try-guides");
    box.hidden = !guides.length;
    const sel = this.$(".ws-guide-select");
    const prev = sel.value;
    sel.replaceChildren(...guides.map((g) => el("option", { value: g.id, text: g.title })));
    if (guides.some((g) => g.id === prev)) sel.value = prev;
    if (guides.length) this.step(this.fragment && prev === sel.value ? this.fragment : "");
  }

  async step(fragment) {
    const sel = this.$(".ws-guide-select");
    const got = await this.engine.call("step", sel.value, fragment);
    this.fragment = got.state || "";
    // The step HTML is rendered by the package's own Python with every string escaped.
    this.$(".ws-guide").innerHTML = got.html;
    const title = this.$(".ws-guide .g-title");
    if (title && fragment) title.focus();
  }

  async download() {
    await this.flush();
    const got = await this.engine.call("export_zip", JSON.stringify({ files: this.ws.files, base: this.ws.base, folder: this.ws.folder }));
    const blob = new Blob([fromBase64(got.zip)], { type: "application/zip" });
    const a = el("a", { href: URL.createObjectURL(blob), download: `${this.ws.folder}.zip` });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
}

function mount() {
  const shell = document.querySelector(".ws-shell");
  if (!shell || shell.dataset.mounted) return;
  shell.dataset.mounted = "1";
  const css = new URL("css/workshop.css", new URL(shell.dataset.assets, location.href)).href;
  if (!document.querySelector(`link[href="${CSS.escape(css)}"]`)) document.head.append(el("link", { rel: "stylesheet", href: css }));
  window.workshop = new Workshop(shell);
}

// Material's instant navigation announces each new page on document$; without it, on load.
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mount);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
else mount();
