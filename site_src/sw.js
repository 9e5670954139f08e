// The handbook's service worker: the whole handbook offline after the first visit.
//
// Hand-written rather than Workbox: the build (site_src/hooks.py) already knows every file and
// writes the precache list and the build hash into this file, so what is left is about seventy
// lines with no bundler and no npm dependency tree to pin; Workbox's precaching, runtime cache
// and update flow would need workbox-build (and its dependencies) to do the same.
//
// * install: every page, the search index, every guide's precomputed answers, CSS, JS, icons and
//   the manifest go into "handbook-pages-<build>", fetched past the HTTP cache;
// * activate: the caches of other builds are deleted whole (a new build never mixes with an old
//   one); in the engine cache only the current build's engine files are kept;
// * fetch: precached files from the cache (then the network); the engine (Pyodide, the standard
//   library, the wheels) from "handbook-engine" once it has been fetched; other same-scope
//   requests from the network, the cache if offline.
// A new worker waits until the reader chooses "Genindlæs" (assets/js/offline.js) or every tab of
// the handbook is closed, so a page never mixes two builds.
const HANDBOOK = self.__HANDBOOK__;
const PAGES = `handbook-pages-${HANDBOOK.build}`;
const ENGINE = "handbook-engine";
const scope = new URL(self.registration.scope);
const abs = (rel) => new URL(rel, scope).href;
const PRECACHE = new Set(HANDBOOK.precache.map(abs));
const ENGINE_FILES = new Set(HANDBOOK.engine.map(abs));

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(PAGES);
    await cache.addAll([...PRECACHE].map((url) => new Request(url, { cache: "reload" })));
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("handbook-pages-") && name !== PAGES) await caches.delete(name);
    }
    const engine = await caches.open(ENGINE);
    for (const request of await engine.keys()) {
      if (!ENGINE_FILES.has(request.url)) await engine.delete(request);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
  if (event.data && event.data.type === "build") event.source.postMessage({ type: "build", build: HANDBOOK.build });
});

function key(request) {
  const url = new URL(request.url);
  url.hash = "";
  if (PRECACHE.has(url.href)) return url.href;
  url.search = ""; // "?v=…" and "?q=…" name the same file
  if (PRECACHE.has(url.href)) return url.href;
  if (request.mode === "navigate" && !url.pathname.endsWith("/") && PRECACHE.has(url.href + "/")) return url.href + "/";
  return null;
}

async function fromCache(name, url, request) {
  const cache = await caches.open(name);
  const hit = await cache.match(url);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(url, response.clone());
  return response;
}

async function fromNetwork(request) {
  try {
    return await fetch(request);
  } catch (err) {
    const hit = await caches.match(request, { ignoreSearch: true });
    if (hit) return hit;
    if (request.mode === "navigate") {
      const notFound = await caches.match(abs("404.html"));
      if (notFound) return notFound;
    }
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope.href)) return;
  const url = new URL(request.url);
  url.hash = "";
  url.search = "";
  if (ENGINE_FILES.has(url.href)) return event.respondWith(fromCache(ENGINE, url.href, request));
  const hit = key(request);
  if (hit) return event.respondWith(fromCache(PAGES, hit, request));
  event.respondWith(fromNetwork(request));
});
