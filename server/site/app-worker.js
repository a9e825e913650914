// Passkey Doctor's service worker (go-app Handler.ServiceWorkerTemplate).
//
// - install: precache the app shell under its versioned URLs;
// - activate: delete every other cache (older versions, go-app's own);
// - fetch: the ceremony API (/api/) and anything not GET is left to the
//   network, never cached and never queued; navigations go to the network
//   first and fall back to the cached "/" (any query: ?ref=, ?lang=) when
//   offline; the precached shell is answered from the cache.
const cacheName = "passkey-doctor-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== cacheName).map((key) => caches.delete(key)))
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) {
    return;
  }
  if (request.mode === "navigate") {
    event.respondWith(navigation(request, url));
    return;
  }
  event.respondWith(
    caches.open(cacheName).then((cache) =>
      cache.match(request).then((cached) => cached || fetch(request))
    )
  );
});

async function navigation(request, url) {
  try {
    return await fetch(request);
  } catch (err) {
    const cache = await caches.open(cacheName);
    const page = url.pathname === "/" ? await cache.match("/") : await cache.match(request, { ignoreSearch: true });
    if (page) {
      return page;
    }
    throw err;
  }
}
