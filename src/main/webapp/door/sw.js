// The door app's service worker (docs/door.md section 5): the app's own files are answered from
// its cache at once and refreshed behind, so the door starts and works with no portal at all. The
// device API (/api/) is never cached: answers and records go to the portal or wait in IndexedDB.

const CACHE = "vaccinepass-door-1";
const SHELL = [
  "./",
  "index.html",
  "door.css",
  "door.js",
  "store.js",
  "verify.js",
  "pass-rules.js",
  "icon.svg",
  "manifest.webmanifest",
  "texts.json?lang=ko",
  "texts.json?lang=en",
  "../webjars/html5-qrcode/2.2.1/html5-qrcode.min.js",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL.map((path) => new Request(path, { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

function shell(url) {
  return (
    url.origin === self.location.origin &&
    !url.pathname.includes("/api/") &&
    (url.pathname.startsWith(new URL("./", self.location).pathname) ||
      url.pathname.includes("/webjars/html5-qrcode/"))
  );
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !shell(url)) return;
  // the address of the app itself, whatever its fragment or query: the cached page
  const key = request.mode === "navigate" ? "index.html" : request;
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const cached = await cache.match(key);
      const fresh = fetch(request)
        .then((answer) => {
          if (answer.ok && request.mode !== "navigate") cache.put(request, answer.clone());
          return answer;
        })
        .catch(() => null);
      if (cached) {
        event.waitUntil(fresh);
        return cached;
      }
      return (await fresh) || Response.error();
    }),
  );
});
