// Portico service worker. It keeps the whole app available offline: on install it saves the page,
// the icons and the code of every screen a patient can open, listed by the build (PRECACHE, from
// the bundle's chunk graph: scripts/service-worker-plugin.ts writes it above this text, with a
// VERSION that changes whenever a file does). Opening a screen for the first time while offline
// then works like any other time. It never caches API answers (/fhir, /api): health data is kept
// only encrypted in IndexedDB by the app itself, and wiped at sign-out.
/* global PRECACHE, VERSION */
const CACHE = `portico-${VERSION}`;
// Files outside the bundle (apps/web/public) and the page itself.
const SHELL = ['/', '/manifest.webmanifest', '/icon.svg'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(SHELL);
      // Hashed files never change: one kept by the previous version is copied, not downloaded again,
      // so a new release costs a phone only the files that changed.
      const missing = [];
      for (const url of PRECACHE) {
        const kept = await caches.match(url);
        if (kept) await cache.put(url, kept);
        else missing.push(url);
      }
      await cache.addAll(missing);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

function isApi(path) {
  return /^\/(fhir|api|oauth|healthz|\.well-known)(\/|$)/.test(path);
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || isApi(url.pathname)) return;

  if (request.mode === 'navigate') {
    // Pages: the network first (fresh app after a deploy), the saved page when offline.
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          if (response.ok) (await caches.open(CACHE)).put('/', response.clone());
          return response;
        } catch {
          return (await caches.match('/')) ?? Response.error();
        }
      })(),
    );
    return;
  }

  if (url.pathname.startsWith('/assets/')) {
    // Hashed files never change: cache first. Files not in PRECACHE (the staff screens, which a
    // patient's phone never downloads) are kept once they have been used.
    event.respondWith(
      (async () => {
        const cached = await caches.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) (await caches.open(CACHE)).put(request, response.clone());
        return response;
      })(),
    );
  }
});
