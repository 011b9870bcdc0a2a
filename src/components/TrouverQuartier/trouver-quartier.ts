/**
 * Browser: "Quel est mon quartier ?" as one types (issue 11): matches the names of the A–Z list already in the page
 * (src/components/TrouverQuartier/TrouverQuartier.astro), so there is no other data and no request. Each answer repeats the
 * list's line, with the referent of each quartier.
 */
import { distance, mots, normaliser } from '../../lib/search/query-words.ts';

const MAX = 8;
const racine = document.querySelector<HTMLElement>('[data-module="trouver-quartier"]');
const champ = racine?.querySelector<HTMLInputElement>('input');
const statut = racine?.querySelector<HTMLElement>('[data-trouver-statut]');
const sortie = racine?.querySelector<HTMLElement>('[data-trouver-resultats]');

/** "Saint-Hélier" → "saint helier", so that hyphens, apostrophes and accents never matter. */
const cle = (t: string) => mots(normaliser(t).replace(/['-]/g, ' ')).join(' ');

/** 0: the name starts with the query; 1: one of its words does; 2: a word is one typo away; -1: no match. */
function rang(nom: string, q: string): number {
  if (nom.startsWith(q)) return 0;
  if (nom.includes(` ${q}`)) return 1;
  if (q.length >= 5 && nom.split(' ').some((m) => distance(m.slice(0, q.length + 1), q, 1) <= 1)) return 2;
  return -1;
}

if (racine && champ && statut && sortie) {
  const referents = JSON.parse(racine.dataset.referents ?? '{}') as Record<string, string>;
  const lignes = [...racine.querySelectorAll<HTMLLIElement>('li[data-nom]')].map((li) => ({
    li,
    cle: cle(li.dataset.nom ?? ''),
  }));
  racine.querySelector('[data-trouver-champ]')?.removeAttribute('hidden');
  // The field answers now: the long list folds away, one tap to open.
  racine.querySelector('details')?.removeAttribute('open');

  const reponse = (li: HTMLLIElement) => {
    const copie = li.cloneNode(true) as HTMLLIElement;
    for (const a of copie.querySelectorAll<HTMLAnchorElement>('a[data-quartier]')) {
      a.after(` (référent : ${referents[a.dataset.quartier ?? ''] ?? 'à demander à la maison de quartier'})`);
    }
    return copie;
  };

  champ.addEventListener('input', () => {
    const q = cle(champ.value);
    if (q.length < 2) {
      sortie.replaceChildren();
      statut.textContent = '';
      return;
    }
    const trouves = lignes
      .map((l) => ({ ...l, rang: rang(l.cle, q) }))
      .filter((l) => l.rang >= 0)
      .sort((a, b) => a.rang - b.rang);
    sortie.replaceChildren(...trouves.slice(0, MAX).map((l) => reponse(l.li)));
    const n = trouves.length;
    statut.textContent =
      n === 0
        ? `Aucun nom connu pour « ${champ.value.trim()} ». Parcourez la liste de A à Z, ou choisissez votre quartier plus haut.`
        : `${n} nom${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}${n > MAX ? `, les ${MAX} premiers ci-dessous` : ''}.`;
  });
}
