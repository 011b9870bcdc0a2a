/*
Service worker (browser):  * Emitted as /sw.js when the site is built with FABRIQUE_SERVICE_WORKER=off: browsers that installed the worker
 * fetch this one at their next visit; it deletes the site's caches and unregisters itself.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('fabrique-')).map((k) => caches.delete(k))))
      .then(() => self.registration.unregister()),
  );
});
