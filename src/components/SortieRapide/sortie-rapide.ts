/**
 * Browser: Quick exit enhancement. The link already works without JavaScript; here we hide the page at once,
 * leave with location.replace (no history entry), and also leave when Shift is pressed 3 times.
 * On sensitive pages (body[data-sensible]), links and searches to other pages of the site replace the
 * page in history too, so that after a quick exit neither Back nor the tab's history shows one. On every
 * page, a search box sends its words through this tab's memory, never through the address.
 */
const link = document.querySelector<HTMLAnchorElement>('a[data-module="sortie-rapide"]');
if (link) {
  const voile = document.createElement('div');
  voile.className = 'sortie-rapide__voile';
  voile.hidden = true;
  document.body.append(voile);
  // The Shift hint only where there is a keyboard: a touch screen has no Shift key to press.
  if (window.matchMedia('(hover: hover) and (pointer: fine)').matches)
    document.querySelector('[data-sortie-rapide-clavier]')?.removeAttribute('hidden');

  const leave = (event?: Event) => {
    event?.preventDefault();
    voile.hidden = false;
    document.title = 'Météo';
    // Forget what this tab kept, such as the last search (src/components/Recherche/recherche.ts): Back must not show it.
    // Storage can be blocked by the browser: that must never stop the exit.
    try {
      sessionStorage.clear();
    } catch {
      /* nothing kept, nothing to forget */
    }
    window.location.replace(link.href);
  };
  link.addEventListener('click', leave);

  // Shift three times within 5 seconds, with no other key in between.
  let presses = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  document.addEventListener('keyup', (event) => {
    if (event.key !== 'Shift') {
      presses = 0;
      return;
    }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(() => (presses = 0), 5000);
    if (presses >= 3) leave();
  });
  // Coming back from the back-forward cache must not show the page again.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted && !voile.hidden) leave();
  });

  if (document.body.hasAttribute('data-sensible')) {
    document.addEventListener('click', (event) => {
      const a = (event.target as Element | null)?.closest?.('a[href]');
      if (!(a instanceof HTMLAnchorElement) || a === link || event.defaultPrevented) return;
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (a.target || a.hasAttribute('download') || a.origin !== window.location.origin) return;
      event.preventDefault();
      window.location.replace(a.href);
    });
  }
}

// Every search box (the header's, on every page): the words go to this tab's memory, never into an address,
// so neither the history nor the address bar holds them; /recherche/ reads them back (src/scripts/search.ts).
document.addEventListener('submit', (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || form.method !== 'get' || event.defaultPrevented) return;
  const action = new URL(form.action);
  // Each language's search page too (/ar/recherche/, src/pages/[langue]/recherche.astro).
  if (action.origin !== window.location.origin || !/^(?:\/[a-z]+)?\/recherche\/$/.test(action.pathname)) return;
  const typed = new FormData(form).get('q');
  const q = typeof typed === 'string' ? typed.trim() : '';
  try {
    sessionStorage.setItem('recherche', JSON.stringify({ q, f: {} }));
  } catch {
    return; // no memory: the plain form (words in the address) is the only way left to search
  }
  event.preventDefault();
  if (document.body.hasAttribute('data-sensible')) window.location.replace(action.pathname);
  else window.location.assign(action.pathname);
});
