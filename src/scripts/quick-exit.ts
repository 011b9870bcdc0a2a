/**
 * Quick exit enhancement. The link already works without JavaScript; here we hide the page at once,
 * leave with location.replace (no history entry), and also leave when Shift is pressed 3 times.
 */
const link = document.querySelector<HTMLAnchorElement>('a[data-module="sortie-rapide"]');
if (link) {
  const voile = document.createElement('div');
  voile.className = 'sortie-rapide__voile';
  voile.hidden = true;
  document.body.append(voile);
  document.querySelector('[data-sortie-rapide-clavier]')?.removeAttribute('hidden');

  const leave = (event?: Event) => {
    event?.preventDefault();
    voile.hidden = false;
    document.title = 'Météo';
    // Forget what this tab kept, such as the last search (src/scripts/search.ts): Back must not show it.
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
}
