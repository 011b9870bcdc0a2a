// Browser: Offline reading (src/integrations/service-worker.ts). A first visit pays only for itself: the worker,
// and the offline pack it downloads, come only when the reader comes back (a second page, or a later visit),
// never when the browser saves data (« Économie de données »), and once the page has loaded so they never delay it.
// "Came back" is a same-site page before this one, or the mark `fabrique-retour` this script leaves in the
// browser's storage for the site; sensitive pages (body[data-sensible]) leave no mark.
// Test: src/components/ServiceWorker/first-visit.e2e.test.ts.
const MARK = 'fabrique-retour';
const savesData = (navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData === true;

function comesBack(): boolean {
  let back = false;
  try {
    back = document.referrer !== '' && new URL(document.referrer).origin === location.origin;
  } catch {
    /* an unreadable referrer is another site */
  }
  // Storage can be blocked by the browser: then only a second page of this visit counts.
  try {
    if (localStorage.getItem(MARK) === '1') back = true;
    else if (!document.body.hasAttribute('data-sensible')) localStorage.setItem(MARK, '1');
  } catch {
    /* no mark kept */
  }
  return back;
}

// The build says whether the worker is on (ServiceWorker.astro); this script is in every page (site-scripts.ts).
const on = document.querySelector('[data-service-worker]') !== null;

if (on && 'serviceWorker' in navigator && !savesData && comesBack()) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => undefined);
  });
}
