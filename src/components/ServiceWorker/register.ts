// Browser: Offline reading (src/integrations/service-worker.ts), registered once the page has loaded so it never delays it.
if ('serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
