/*
Service worker (browser):  * Offline reading, hand-written and small on purpose. Emitted as /sw.js by src/integrations/service-worker.ts,
 * which replaces CONFIG below. Pages only: visited pages are kept (network first, cache when the network is
 * gone or slow), any other page falls back to the offline page (in the page's language, when translated); the
 * scripts of kept pages are kept too.
 * Never kept: form pages and answers, thank-you pages, pages with the quick exit (noarchive), the search
 * index, anything under /f/.
 */
const CONFIG = /*CONFIG*/ { version: 'dev', offline: '/hors-ligne/', langues: [], assets: [], never: [], prefixes: [] };
const CACHE = `fabrique-${CONFIG.version}`;
const TIMEOUT_MS = 3000;

// The offline page in the language of an address (/ar/… → /ar/hors-ligne/), else the French one.
const offlineFor = (pathname) =>
  CONFIG.langues.find((p) => pathname.startsWith(p.replace(/hors-ligne\/$/, ''))) || CONFIG.offline;

const keepable = (url) =>
  url.origin === self.location.origin &&
  !CONFIG.prefixes.some((p) => url.pathname.startsWith(p)) &&
  !url.pathname.includes('/merci/') &&
  !CONFIG.never.includes(url.pathname);

// « Économie de données »: the setting that makes the browser send `Save-Data: on` is given to workers as
// navigator.connection.saveData (Chromium, Edge, Samsung Internet, Opera; absent elsewhere, so off).
const saveData = () => Boolean(self.navigator.connection && self.navigator.connection.saveData);

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // The offline page's scripts are most often those of the page just read: taken from the browser's
      // cache when there (their names change with their content), so they cost no second download.
      // With the French offline page, that of the language being read, if not French (issue 23); another language's
      // comes when a page in it is first read (page() below).
      .then((cache) =>
        self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
          const pages = new Set([CONFIG.offline, ...windows.map((w) => offlineFor(new URL(w.url).pathname))]);
          return cache.addAll([...pages, ...CONFIG.assets.map((a) => new Request(a, { cache: 'force-cache' }))]);
        }),
      )
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  // A rebuilt site has a new version: the caches of older builds are deleted. The page being read when the
  // worker starts is downloaded again and kept, unless the browser saves data: then nothing beyond the offline
  // page and its files (src/components/ServiceWorker/offline-save-data.e2e.test.ts). Pages read afterwards are kept as they arrive,
  // which costs no extra download.
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('fabrique-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
      .then(() => (saveData() ? [] : self.clients.matchAll({ type: 'window' })))
      .then((windows) => {
        const urls = windows.map((w) => new URL(w.url)).filter(keepable);
        return caches.open(CACHE).then((cache) =>
          Promise.all(
            // The copy the browser has just received, not a second download.
            urls.map((u) => cache.add(new Request(u.origin + u.pathname, { cache: 'force-cache' })).catch(() => undefined)),
          ),
        );
      }),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Form answers and the editors' /admin/ (online work on the repository) always go to the network, never kept.
  if (request.method !== 'GET' || url.origin !== self.location.origin || /^\/(f|admin)\//.test(url.pathname)) return;
  if (request.mode === 'navigate') event.respondWith(page(event, url));
  else if (url.pathname.startsWith('/_astro/') || CONFIG.assets.includes(url.pathname)) event.respondWith(asset(request));
});

// Scripts and icons: their names change with their content (/_astro/), so a kept copy is always right.
async function asset(request) {
  const cache = await caches.open(CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

async function page(event, url) {
  const cache = await caches.open(CACHE);
  const key = url.origin + url.pathname;
  const network = fetch(event.request);
  // Kept once fetched, even if the cached copy was shown first; cloned before the page reads the body.
  const offline = offlineFor(url.pathname);
  event.waitUntil(
    network
      .then((r) => (r.ok && !r.redirected && r.type === 'basic' && keepable(url) ? cache.put(key, r.clone()) : undefined))
      // A page read in another language: that language's offline page is kept too, once.
      .then(() => offline !== CONFIG.offline && cache.match(offline).then((kept) => kept || cache.add(offline)))
      .catch(() => undefined),
  );
  try {
    const late = new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS)).then(() => cache.match(key));
    return (await Promise.race([network, late])) || (await network);
  } catch {
    return (await cache.match(key)) || (await cache.match(offline)) || (await cache.match(CONFIG.offline)) || Response.error();
  }
}
