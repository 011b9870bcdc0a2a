/**
 * Search page enhancement, on Pagefind's JS API with our own interface. The page works without it: the form
 * submits to itself and the A–Z index lists every page. Pagefind's files are fetched only once a search
 * starts (typing, submitting, a filter, or /recherche/?q=… opened from the header box).
 */
type Filtres = Record<string, string>;
type Fragment = { url: string; excerpt: string; meta: Record<string, string | undefined> };
type Resultats = { results: { data: () => Promise<Fragment> }[] };
type Pagefind = {
  options: (o: object) => Promise<void>;
  search: (q: string | null, o: { filters: Filtres }) => Promise<Resultats>;
  debouncedSearch: (q: string | null, o: { filters: Filtres }, ms: number) => Promise<Resultats | null>;
};

// Each result shown costs one fragment request (~1.5 KB): 5 at a time, as Pagefind's own interface does.
const PAR_PAGE = 5;
const form = document.querySelector<HTMLFormElement>('form.recherche-page');
const champ = form?.querySelector<HTMLInputElement>('input[name="q"]');
const filtres = document.querySelector<HTMLFieldSetElement>('[data-recherche-filtres]');
const statut = document.querySelector<HTMLElement>('[data-recherche-statut]');
const zone = document.querySelector<HTMLElement>('[data-recherche-resultats]');

let pagefind: Promise<Pagefind> | undefined;
function charger(): Promise<Pagefind> {
  pagefind ??= (async () => {
    // A variable, so that Vite leaves this runtime URL alone (the index is written after the bundle).
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Search on the page's thread: one script instead of two (the worker would repeat ~12 KB of
    // pagefind.js), and searching an index this size takes milliseconds even on an old phone.
    await pf.options({ excerptLength: 24, noWorker: true });
    return pf;
  })().catch((e: unknown) => {
    pagefind = undefined; // let the next attempt retry, e.g. once the connection is back
    throw e;
  });
  return pagefind;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = text;
  return e;
}

function lireFiltres(): Filtres {
  const f: Filtres = {};
  for (const c of filtres?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input') ?? []) {
    if (c.value && (!(c instanceof HTMLInputElement) || c.checked)) f[c.name] = c.value;
  }
  return f;
}

/** Pagefind's excerpt is text with <mark> around the matches: keep only those, never other markup. */
function extrait(html: string): HTMLParagraphElement {
  const p = el('p', 'resultat__extrait');
  const t = document.createElement('template');
  t.innerHTML = html;
  for (const n of t.content.childNodes) {
    p.append(n.nodeName === 'MARK' ? el('mark', '', n.textContent ?? '') : (n.textContent ?? ''));
  }
  return p;
}

function resultat(d: Fragment): HTMLLIElement {
  const li = el('li', 'resultat');
  const h = el('h3', 'resultat__titre');
  const a = el('a', '', d.meta.title ?? d.url);
  a.href = d.url;
  h.append(a);
  li.append(h, el('p', 'resultat__meta', [d.meta.type, d.meta.quartier, d.meta.acces].filter(Boolean).join(' · ')));
  if (d.meta.session) li.append(el('p', 'resultat__session', `Prochaine session : ${d.meta.session}`));
  li.append(extrait(d.excerpt));
  return li;
}

function message(n: number, q: string, filtre: boolean): string {
  const pour = q ? ` pour « ${q} »` : '';
  const avec = filtre ? ' avec ces filtres' : '';
  if (n === 0) return `Aucun résultat${pour}${avec}.`;
  return `${n} résultat${n > 1 ? 's' : ''}${pour}${avec}.`;
}

async function afficher(r: Resultats, q: string, f: Filtres): Promise<void> {
  if (!zone || !statut) return;
  const liste = el('ol', 'resultats');
  const plus = el('button', 'bouton bouton--secondaire');
  plus.type = 'button';
  let montres = 0;
  const suite = async (focus: boolean) => {
    const lot = await Promise.all(r.results.slice(montres, montres + PAR_PAGE).map((x) => x.data()));
    const items = lot.map(resultat);
    liste.append(...items);
    montres += lot.length;
    const reste = r.results.length - montres;
    plus.textContent = `Afficher ${Math.min(reste, PAR_PAGE)} résultat${reste > 1 ? 's' : ''} de plus`;
    plus.hidden = reste <= 0;
    if (focus) items[0]?.querySelector('a')?.focus();
  };
  plus.addEventListener('click', () => void suite(true));
  await suite(false);

  const titre = el('h2', 'visually-hidden', 'Résultats de la recherche');
  if (r.results.length === 0) {
    const aide = el('p', '', 'Vérifiez l’orthographe, essayez un autre mot ou retirez un filtre. Vous pouvez aussi parcourir ');
    const lien = el('a', '', 'l’index de A à Z');
    lien.href = '#index-az';
    aide.append(lien, '.');
    zone.replaceChildren(aide);
  } else {
    zone.replaceChildren(titre, liste, plus);
  }
  statut.textContent = message(r.results.length, q, Object.keys(f).length > 0);
}

let derniere = 0;
async function rechercher(immediat: boolean): Promise<void> {
  if (!champ || !zone || !statut) return;
  const n = ++derniere;
  const q = champ.value.trim();
  const f = lireFiltres();
  const params = new URLSearchParams({ ...(q ? { q } : {}), ...f });
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  if (!q && Object.keys(f).length === 0) {
    zone.replaceChildren();
    statut.textContent = '';
    return;
  }
  try {
    const pf = await charger();
    const options = { filters: f };
    const r = immediat ? await pf.search(q || null, options) : await pf.debouncedSearch(q || null, options, 300);
    if (r && n === derniere) await afficher(r, q, f);
  } catch {
    if (n !== derniere) return;
    zone.replaceChildren();
    statut.textContent = 'La recherche n’a pas pu se charger. Réessayez, ou parcourez l’index de A à Z plus bas.';
  }
}

if (form && champ && filtres) {
  document.querySelector('[data-recherche-sans-js]')?.setAttribute('hidden', '');
  filtres.hidden = false;
  filtres.disabled = false;
  // The URL carries the query and filters: the header box, shared links and Back all land on the same results.
  const params = new URLSearchParams(location.search);
  champ.value = params.get('q') ?? '';
  for (const c of filtres.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input')) {
    if (c instanceof HTMLInputElement) c.checked = params.get(c.name) === c.value;
    else c.value = params.get(c.name) ?? '';
  }
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void rechercher(true);
  });
  champ.addEventListener('input', () => void rechercher(false));
  filtres.addEventListener('change', () => void rechercher(true));
  if (champ.value.trim() || Object.keys(lireFiltres()).length > 0) void rechercher(true);
}
