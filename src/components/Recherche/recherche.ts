/**
 * Browser: Search page enhancement, on Pagefind's JS API with our own interface. The page works without it: the form
 * submits to itself and the A–Z index lists every page. Pagefind's files are fetched only once a search
 * starts (typing, submitting, a filter, or /recherche/?q=… opened from the header box).
 *
 * Residents' words (issues 11 and 21): the little words of a sentence are left out, the other words ranked one
 * by one, so that a page missing one of them still shows; a word that may be misspelt is corrected from the
 * index's own words; only then is "nothing found" said, with the other ways to find help. Safety (issue 10): the query is kept out of the address and the history
 * once results show; it lives in this tab's sessionStorage, which the quick exit clears.
 */
import { NAVIGATEUR_FR, type Navigateur } from '../../i18n/recherche.ts';
import {
  corriger,
  ecriture,
  joindreChiffres,
  lettreDuDictionnaire,
  mots,
  normaliser,
  racine,
  sansMotsVides,
  sembleDanger,
  reglesDeDanger,
  type MotsDeDanger,
} from '../../lib/search/query-words.ts';

type Filtres = Record<string, string>;
type Fragment = { url: string; excerpt: string; content: string; meta: Record<string, string | undefined> };
type Resultat = { id: string; score: number; data: () => Promise<Fragment> };
type Resultats = { results: Resultat[] };
type Pagefind = {
  options: (o: object) => Promise<void>;
  search: (q: string | null, o: { filters: Filtres }) => Promise<Resultats>;
  debouncedSearch: (q: string | null, o: { filters: Filtres }, ms: number) => Promise<Resultats | null>;
};

// Each result shown costs one fragment request (1 to 4 KB, the page's whole text): 4 at a time, which fill two
// phone screens and keep the first query of a 10,000-page site within its budget (npm run bench).
const PAR_PAGE = 4;
/** This tab's memory of the last search; storage blocked by the browser only means no memory. */
const memoire = {
  lire: (): { q: string; f: Filtres } | null => {
    try {
      return JSON.parse(sessionStorage.getItem('recherche') ?? 'null') as { q: string; f: Filtres } | null;
    } catch {
      return null;
    }
  },
  ecrire: (valeur: { q: string; f: Filtres } | null) => {
    try {
      if (valeur) sessionStorage.setItem('recherche', JSON.stringify(valeur));
      else sessionStorage.removeItem('recherche');
    } catch {
      /* no memory: Back and reload show an empty search */
    }
  },
};
const form = document.querySelector<HTMLFormElement>('form.recherche-page');
const champ = form?.querySelector<HTMLInputElement>('input[name="q"]');
const filtres = document.querySelector<HTMLFieldSetElement>('[data-recherche-filtres]');
const repli = document.querySelector<HTMLDetailsElement>('[data-recherche-filtres-repli]');
const statut = document.querySelector<HTMLElement>('[data-recherche-statut]');
const zone = document.querySelector<HTMLElement>('[data-recherche-resultats]');
const aide = document.querySelector<HTMLElement>('[data-recherche-aide]');

/** The page's words: French here, any other language given by its page (src/i18n/recherche.ts). */
const t: Navigateur = form?.dataset.textes ? (JSON.parse(form.dataset.textes) as Navigateur) : NAVIGATEUR_FR;
const francais = !form?.dataset.textes;
// A translated page's danger words come with it (Recherche.astro): French's are in the script.
const dangerDeLaLangue = form?.dataset.danger ? reglesDeDanger(JSON.parse(form.dataset.danger) as MotsDeDanger) : [];
/** The page's language, as Pagefind reads it to choose the index; the words' lists are per language too. */
const lang = document.documentElement.lang;
/** `{n}`, `{q}`… in a sentence of `t`; a pair is [one, several]. */
function dire(phrase: string | string[], valeurs: Record<string, string | number>, plusieurs = false): string {
  const p = Array.isArray(phrase) ? phrase[plusieurs ? 1 : 0]! : phrase;
  return p.replace(/\{(\w+)\}/g, (m, k: string) => String(valeurs[k] ?? m));
}

let pagefind: Promise<Pagefind> | undefined;
function charger(): Promise<Pagefind> {
  pagefind ??= (async () => {
    // A variable, so that Vite leaves this runtime URL alone (the index is written after the bundle).
    const url = '/pagefind/pagefind.js';
    const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
    // Search on the page's thread: one script instead of two (the worker would repeat ~12 KB of
    // pagefind.js), and searching an index this size takes milliseconds even on an old phone.
    await pf.options({ excerptLength: 30, noWorker: true });
    return pf;
  })().catch((e: unknown) => {
    pagefind = undefined; // let the next attempt retry, e.g. once the connection is back
    throw e;
  });
  return pagefind;
}

const dictionnaire = new Map<string, Promise<string[]>>();
/**
 * The index's own words starting with the same letters as the words typed (pagefind/mots/<lettre>.txt, written
 * by src/lib/search/index-words.ts): a typo is corrected within words of the same first letter.
 */
function chargerMots(texte: string): Promise<string[]> {
  const lettres = new Set(
    mots(normaliser(texte))
      .map((m) => lettreDuDictionnaire(m, lang))
      .filter((l) => l !== undefined),
  );
  return Promise.all(
    [...lettres].map((l) => {
      if (!dictionnaire.has(l)) {
        const liste = fetch(`/pagefind/mots/${l}.txt`)
          .then((r) => (r.ok ? r.text() : ''))
          .then((t) => t.split('\n').filter(Boolean))
          .catch(() => []);
        dictionnaire.set(l, liste);
      }
      return dictionnaire.get(l)!;
    }),
  ).then((listes) => listes.flat());
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

/**
 * Pagefind's excerpt is text with <mark> around the matches: keep only those, never other markup. The page's
 * hidden residents' words come first in its text (`mots` characters long): leave them out, they are a list.
 */
function extrait(d: Fragment): HTMLParagraphElement {
  const p = el('p', 'resultat__extrait');
  const t = document.createElement('template');
  t.innerHTML = d.excerpt;
  const debut = d.content.indexOf((t.content.textContent ?? '').slice(0, 30));
  let sauter = debut >= 0 ? Math.max(0, Number(d.meta.mots ?? 0) - debut) : 0;
  for (const n of t.content.childNodes) {
    let texte = n.textContent ?? '';
    if (sauter > 0) {
      const coupe = Math.min(sauter, texte.length);
      sauter -= coupe;
      texte = texte.slice(coupe);
      if (sauter === 0) texte = texte.trimStart();
      if (!texte) continue;
    }
    // The index has straight apostrophes (src/lib/search/build-index.ts): typographic ones again for reading.
    texte = texte.replace(/'/g, '’');
    p.append(n.nodeName === 'MARK' ? el('mark', '', texte) : texte);
  }
  // Only residents' words matched: show how the page begins instead.
  if (!p.textContent?.trim())
    p.textContent = `${d.content
      .slice(Number(d.meta.mots ?? 0))
      .trim()
      .slice(0, 160)}…`;
  return p;
}

function resultat(d: Fragment): HTMLLIElement {
  const li = el('li', 'resultat');
  const h = el('h3', 'resultat__titre');
  const a = el('a', '', d.meta.title ?? d.url);
  a.href = d.url;
  h.append(a);
  // The kinds of page are named in French only (src/lib/search/page-filters.ts).
  const meta = [francais ? d.meta.type : undefined, d.meta.quartier, d.meta.acces].filter(Boolean);
  li.append(h, el('p', 'resultat__meta', meta.join(' · ')));
  if (d.meta.aussi) li.append(el('p', 'resultat__meta', `${t.aussi}${d.meta.aussi}`));
  if (d.meta.session) li.append(el('p', 'resultat__session', `${t.session}${d.meta.session}`));
  li.append(extrait(d));
  return li;
}

/** What was searched in the end, when it differs from what was typed. */
type Essai = { r: Resultats; cherche: string; comment?: 'corrige' | 'partiel' };

function message(n: number, q: string, filtre: boolean, essai: Essai): string {
  const v = { n, q, cherche: essai.cherche, pour: q ? dire(t.pour, { q }) : '', avec: filtre ? t.avec : '' };
  if (n === 0) return dire(t.aucun, v);
  if (essai.comment === 'corrige') return dire(t.corrige, v, n > 1);
  if (essai.comment === 'partiel') return dire(t.partiel, v, n > 1);
  return dire(t.resultats, v, n > 1);
}

/**
 * Emergency numbers above the results when the words look like danger; the other ways when nothing is found; before
 * anything is typed, all of them as the page drew them, urgent first.
 */
function montrerAide(q: string, rien: boolean): void {
  if (!aide) return;
  const danger = q === '' || sembleDanger(q, dangerDeLaLangue);
  aide.hidden = !rien && !danger;
  const liste = aide.querySelector('ul')!;
  const cle = danger ? 'urgence' : 'ordre';
  const items = [...liste.children] as HTMLElement[];
  items.sort((a, b) => Number(a.dataset[cle]) - Number(b.dataset[cle]));
  // With results, only the urgent ways are added above them: the rest would push the results down.
  for (const li of items) li.hidden = !rien && Number(li.dataset.urgence) > 2;
  liste.append(...items);
  aide.querySelector('h2')!.textContent = rien ? t.trouverAutrement : t.besoinAide;
  if (danger && !rien) zone?.before(aide);
  else document.querySelector('[data-recherche-note]')?.after(aide);
}

async function afficher(essai: Essai, q: string, f: Filtres): Promise<void> {
  if (!zone || !statut) return;
  const { r } = essai;
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
    plus.textContent = dire(t.plus, { n: Math.min(reste, PAR_PAGE) }, reste > 1);
    plus.hidden = reste <= 0;
    if (focus) items[0]?.querySelector('a')?.focus();
  };
  plus.addEventListener('click', () => void suite(true));
  await suite(false);

  const rien = r.results.length === 0;
  if (rien) {
    zone.replaceChildren(el('p', '', t.rien));
  } else {
    zone.replaceChildren(el('h2', 'visually-hidden', t.titreResultats), liste, plus);
  }
  montrerAide(q, rien);
  statut.textContent = message(r.results.length, q, Object.keys(f).length > 0, essai);
}

/** Whether a word typed appears in none of the first results (they are shown next, so this costs nothing). */
async function absents(r: Resultats, q: string): Promise<boolean> {
  const textes = await Promise.all(
    r.results.slice(0, PAR_PAGE).map(async (x) => ` ${mots(normaliser((await x.data()).content)).join(' ')}`),
  );
  // The start of the word, so that "formations" is found in "formation" and "handicapés" in "handicapé".
  const debuts = mots(normaliser(q))
    .filter((m) => m.length >= 4)
    .map((m) => ` ${m.slice(0, Math.max(4, m.length - 2))}`);
  return debuts.some((d) => !textes.some((t) => t.includes(d)));
}

/**
 * Pages ranked by the words typed, each word searched alone: a page scores the sum of its scores for each word,
 * times the square of the share of the words it has. Pages with every word come first, and a page that lacks a
 * word of the sentence ("devenir bénévole", "copain") still shows, where an all-words search finds nothing or the
 * wrong page. A short word such as "AVS" counts only where it is written as such (stemmed, it would match "avec").
 */
async function classer(
  pf: Pagefind,
  liste: string[],
  options: { filters: Filtres },
  immediat: boolean,
): Promise<{ r: Resultats; complet: boolean } | null> {
  const pages = new Map<string, { x: Resultat; score: number; n: number }>();
  for (const [i, m] of liste.entries()) {
    const r = i > 0 || immediat ? await pf.search(m, options) : await pf.debouncedSearch(m, options, 300);
    if (!r) return null; // a newer keystroke took over
    let results = r.results;
    if (/^[\p{L}\p{N}]{2,5}$/u.test(m)) {
      const exact = (await pf.search(`"${m}"`, options)).results;
      const ids = new Set(exact.map((x) => x.id));
      const garde = results.filter((x) => ids.has(x.id));
      if (exact.length > 0) results = garde.length > 0 ? garde : exact;
    }
    for (const x of results) {
      const p = pages.get(x.id) ?? { x, score: 0, n: 0 };
      p.score += x.score;
      p.n++;
      pages.set(x.id, p);
    }
  }
  const results = [...pages.values()]
    .map((p) => ({ ...p.x, score: p.score * (p.n / liste.length) ** 2 }))
    .sort((a, b) => b.score - a.score);
  return { r: { results }, complet: [...pages.values()].some((p) => p.n === liste.length) };
}

/**
 * What residents type, made searchable: a number typed in groups joined, a sentence without its little words,
 * the words ranked one by one (classer), and when a word may be misspelt, the query corrected from the index's
 * own words.
 */
async function chercher(pf: Pagefind, q: string, f: Filtres, immediat: boolean): Promise<Essai | null> {
  const options = { filters: f };
  if (!q) return { r: await pf.search(null, options), cherche: q };
  const texte = joindreChiffres(ecriture(q, lang));
  const tapes = [...new Set(mots(sansMotsVides(texte) || texte))];
  // Searched by their stems where Pagefind has no stemmer (Ukrainian); corrected as typed, whole words.
  const radicaux = (liste: string[]) => [...new Set(liste.map((m) => racine(m, lang)))];
  const essai = await classer(pf, radicaux(tapes), options, immediat);
  if (!essai) return null;
  // The index's words are fetched only when a word may be misspelt: nothing found, or not in the first results.
  const court = tapes.join(' ');
  if (essai.r.results.length === 0 || (await absents(essai.r, court))) {
    const corrige = corriger(court, await chargerMots(court));
    const rc = corrige !== court ? await classer(pf, radicaux(mots(corrige)), options, true) : null;
    if (rc && rc.r.results.length > 0) return { r: rc.r, cherche: corrige, comment: 'corrige' };
  }
  return { r: essai.r, cherche: q, comment: essai.complet || essai.r.results.length === 0 ? undefined : 'partiel' };
}

let derniere = 0;
async function rechercher(immediat: boolean): Promise<void> {
  if (!champ || !zone || !statut) return;
  const n = ++derniere;
  const q = champ.value.trim();
  const f = lireFiltres();
  if (!q && Object.keys(f).length === 0) {
    memoire.ecrire(null);
    zone.replaceChildren();
    statut.textContent = '';
    // Nothing asked yet: the other ways stay where they were drawn, so nothing moves before one types.
    montrerAide('', true);
    return;
  }
  // Kept for this tab only (Back from a result, reload); never in the address, so never in the history.
  memoire.ecrire({ q, f });
  try {
    const essai = await chercher(await charger(), q, f, immediat);
    if (essai && n === derniere) {
      await afficher(essai, q, f);
      if (location.search) history.replaceState(null, '', location.pathname);
    }
  } catch {
    if (n !== derniere) return;
    zone.replaceChildren();
    statut.textContent = t.erreur;
  }
}

/**
 * The form as the address (a link, the header box) or this tab's memory says; with neither, the form as the reader
 * left it (typed before this file arrived, recherche-start.ts), or empty when `vider` (Back after a quick exit).
 */
function restaurer(vider: boolean): void {
  if (!champ) return;
  const url = new URLSearchParams(location.search);
  const garde = memoire.lire();
  if (url.size > 0 || garde || vider) {
    const params = url.size > 0 ? url : new URLSearchParams({ q: garde?.q ?? '', ...garde?.f });
    champ.value = params.get('q') ?? '';
    for (const c of filtres?.querySelectorAll<HTMLInputElement | HTMLSelectElement>('select, input') ?? []) {
      if (c instanceof HTMLInputElement) c.checked = params.get(c.name) === c.value;
      else c.value = params.get(c.name) ?? '';
    }
  }
  if (repli && Object.keys(lireFiltres()).length > 0) repli.open = true;
  void rechercher(true);
}

// The note, the filters' line and the first query's fetch are recherche-start.ts's, at the page's load.
if (form && champ) {
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void rechercher(true);
  });
  champ.addEventListener('input', () => void rechercher(false));
  filtres?.addEventListener('change', () => void rechercher(true));
  restaurer(false);
  // Back to this page from the back-forward cache: show what this tab's memory says, nothing after a quick exit.
  window.addEventListener('pageshow', (e) => e.persisted && restaurer(true));
}
