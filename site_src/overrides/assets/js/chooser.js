// "Whose model am I following?": the home page's chooser, a notice on pages of another model,
// and a search filter to the reader's own model. The choice stays in this browser (localStorage).
const KEY = "handbook-model";

function readChoice() {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) || "null");
    return saved && typeof saved.id === "string" && typeof saved.tag === "string" ? saved : null;
  } catch {
    return null;
  }
}

// The Danish texts, from the page (the hook writes them from ui.toml as JSON data).
function texts() {
  const data = document.getElementById("g-chooser-texts");
  return data ? JSON.parse(data.dataset.texts) : {};
}

function saveChoice(choice) {
  try {
    if (choice) localStorage.setItem(KEY, JSON.stringify(choice));
    else localStorage.removeItem(KEY);
  } catch {
    /* storage may be disabled: the chooser still works for this page */
  }
}

// Home page: pick a model, see what it offers. Without JavaScript every model's list is shown.
function mountChooser(root) {
  const radios = [...root.querySelectorAll('input[name="g-chooser-model"]')];
  const blocks = [...root.querySelectorAll(".g-chooser-model")];
  const show = (id) => {
    blocks.forEach((b) => (b.hidden = Boolean(id) && b.dataset.model !== id));
    root.classList.toggle("g-chooser--chosen", Boolean(id));
  };
  const choice = readChoice();
  const current = choice && radios.find((r) => r.value === choice.id);
  if (current) current.checked = true;
  show(current ? current.value : null);
  radios.forEach((r) =>
    r.addEventListener("change", () => {
      saveChoice({ id: r.value, tag: r.dataset.tag });
      show(r.value);
      mountNotice(); // the header line changes at once
    }),
  );
}

function homeHref() {
  const home = document.querySelector(".md-header__button.md-logo") || document.querySelector("a.md-logo");
  return home ? home.getAttribute("href") : "./";
}

// Every page: "Din model: X · Skift model", and a warning when the page belongs to another model.
function mountNotice() {
  document.querySelectorAll(".g-model-notice").forEach((n) => n.remove());
  const choice = readChoice();
  const content = document.querySelector(".md-content__inner");
  if (!choice || !content) return;
  const scope = content.querySelector(".g-model-scope");
  const other = scope && scope.dataset.model !== choice.id;
  const notice = document.createElement("p");
  notice.className = "g-model-notice" + (other ? " g-model-notice--other" : "");
  const t = texts();
  const strong = (text) => Object.assign(document.createElement("strong"), { textContent: text });
  if (other) {
    // "Denne side hører til {page} – ikke til din model, {mine}." with both names in bold.
    (t.other || "").split(/(\{page\}|\{mine\})/).forEach((part) => {
      if (part === "{page}") notice.append(strong(scope.dataset.tag));
      else if (part === "{mine}") notice.append(strong(choice.tag));
      else if (part) notice.append(part);
    });
  } else {
    notice.append(`${t.yours || ""}: `, strong(choice.tag));
  }
  const link = document.createElement("a");
  link.href = homeHref() + "#g-chooser-title";
  link.className = "g-model-change";
  link.textContent = t.change || "";
  notice.append(" ", link);
  if (other) notice.setAttribute("role", "note");
  content.prepend(notice);
}

// Search: each result shows its model (Material renders the page's tag); this adds
// "Vis kun sider fra min model", which hides results tagged with another model.
function mountSearchFilter() {
  const list = document.querySelector(".md-search-result__list");
  const meta = document.querySelector(".md-search-result__meta");
  if (!list || !meta || list.dataset.gFilter) return;
  list.dataset.gFilter = "1";
  const box = document.createElement("label");
  box.className = "g-search-filter";
  const input = document.createElement("input");
  input.type = "checkbox";
  const t = texts();
  box.append(input, " ", t.only_mine || "");
  meta.after(box);
  const apply = () => {
    const choice = readChoice();
    box.hidden = !choice;
    const only = choice && input.checked;
    list.querySelectorAll(".md-search-result__item").forEach((item) => {
      const tags = [...item.querySelectorAll(".md-tag")].map((e) => e.textContent.trim());
      item.hidden = Boolean(only) && !tags.includes(choice.tag);
    });
  };
  input.addEventListener("change", apply);
  new MutationObserver(apply).observe(list, { childList: true });
  apply();
}

function mountAll() {
  document.querySelectorAll("[data-chooser]").forEach(mountChooser);
  mountNotice();
  mountSearchFilter();
}

if (window.document$) window.document$.subscribe(mountAll);
else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
