/**
 * Browser, on every page (src/layouts/site-scripts.ts): on the search page, turns the note for readers without
 * JavaScript into the instructions and opens the filters, in place (nothing moves later), then fetches the search
 * (recherche.ts) when there is something to search: a query brought by the address or this tab's memory (the
 * header box, Back), or the reader reaching the form. What is typed before it arrives is searched then. The pages in
 * other languages have no filters. The note's words come with the page, in its language (data-note-js, from
 * src/i18n/recherche.ts): this script, on every page, carries none.
 */
const form = document.querySelector<HTMLFormElement>('form.recherche-page');
const filtres = document.querySelector<HTMLFieldSetElement>('[data-recherche-filtres]');
const repli = document.querySelector<HTMLDetailsElement>('[data-recherche-filtres-repli]');

if (form) {
  const note = document.querySelector<HTMLElement>('[data-recherche-note]');
  if (note?.dataset.noteJs) {
    const [avant, lien, apres] = JSON.parse(note.dataset.noteJs) as string[];
    const a = Object.assign(document.createElement('a'), { href: '/plan-du-site/', textContent: lien });
    // The site map is in French: said to the reader's browser and screen reader.
    if (document.documentElement.lang !== 'fr') a.hreflang = 'fr';
    note.textContent = avant!;
    note.append(a, apres!);
    note.removeAttribute('data-recherche-sans-js');
  }
  if (repli) repli.hidden = false;
  if (filtres) filtres.disabled = false;

  // A module runs once, however often it is imported.
  const charger = () => void import('./recherche.ts');
  let garde: string | null = null;
  try {
    garde = sessionStorage.getItem('recherche');
  } catch {
    /* storage blocked: no memory */
  }
  if (location.search || garde) charger();
  form.addEventListener('focusin', charger, { once: true });
  form.addEventListener('input', charger, { once: true });
  // Never into the address (issue 21): sent before the search arrived, it is searched once it is here.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    charger();
  });
}
