// Offline use: registers the service worker (sw.js at the site root, written by the build) and
// shows a quiet status line when the reader is offline or a new version has been installed.
// Loaded on every page; it never delays a page: registration waits for the load event.
const ROOT = new URL("../../", import.meta.url); // this file is assets/js/offline.js
const TEXT = {
  offline: "Du er offline – håndbogen virker stadig.",
  updated: "Ny version installeret.",
  reload: "Genindlæs",
};

function status() {
  let el = document.getElementById("hb-status");
  if (!el) {
    el = document.createElement("div");
    el.id = "hb-status";
    el.className = "hb-status";
    el.setAttribute("role", "status");
    el.setAttribute("aria-live", "polite");
    el.hidden = true;
    document.body.append(el);
  }
  return el;
}

let waiting = null; // a new service worker, installed and waiting

function show() {
  const el = status();
  el.replaceChildren();
  if (waiting) {
    el.append(TEXT.updated, " ");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "hb-status-reload";
    button.textContent = TEXT.reload;
    button.addEventListener("click", () => waiting.postMessage({ type: "skip-waiting" }));
    el.append(button);
    el.dataset.state = "updated";
  } else if (!navigator.onLine) {
    el.append(TEXT.offline);
    el.dataset.state = "offline";
  } else {
    el.dataset.state = "online";
  }
  el.hidden = el.dataset.state === "online";
}

function watch(registration) {
  const check = (worker) => {
    if (worker && worker.state === "installed" && navigator.serviceWorker.controller) {
      waiting = worker;
      show();
    }
  };
  check(registration.waiting);
  registration.addEventListener("updatefound", () => {
    const worker = registration.installing;
    if (worker) worker.addEventListener("statechange", () => check(worker));
  });
}

async function register() {
  if (!("serviceWorker" in navigator)) return;
  try {
    const registration = await navigator.serviceWorker.register(new URL("sw.js", ROOT), { scope: ROOT.href });
    watch(registration);
    let reloading = false;
    navigator.serviceWorker.addEventListener("controllerchange", () => {
      if (waiting && !reloading) {
        reloading = true;
        location.reload();
      }
    });
  } catch (err) {
    console.warn("handbook: offline use not available:", String(err && err.message ? err.message : err));
  }
}

addEventListener("online", show);
addEventListener("offline", show);
if (window.document$) window.document$.subscribe(show); // instant navigation: keep the line
else show();
if (document.readyState === "complete") register();
else addEventListener("load", register, { once: true });
