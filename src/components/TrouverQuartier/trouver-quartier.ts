/**
 * Browser: "Quel est mon quartier ?" as one types (issues 11, 21): matches the names of the A–Z list already in the page
 * (src/components/TrouverQuartier/TrouverQuartier.astro) with match.ts, so there is no other data and no request. Each
 * answer repeats the list's line, with the referent of each quartier: both of them for a name on a boundary.
 */
import { chercher, cle } from './match.ts';

const MAX = 8;
const racine = document.querySelector<HTMLElement>('[data-module="trouver-quartier"]');
const champ = racine?.querySelector<HTMLInputElement>('input');
const statut = racine?.querySelector<HTMLElement>('[data-trouver-statut]');
const sortie = racine?.querySelector<HTMLElement>('[data-trouver-resultats]');

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
    // The quartier's id is its link's: /quartiers/<id>/ (no attribute repeating it, to keep the page light).
    for (const a of copie.querySelectorAll<HTMLAnchorElement>('a[href^="/quartiers/"]')) {
      const id = a.getAttribute('href')!.split('/')[2] ?? '';
      a.after(` (référent\u00a0: ${referents[id] ?? 'à demander à la maison de quartier'})`);
    }
    return copie;
  };

  champ.addEventListener('input', () => {
    if (cle(champ.value).length < 2) {
      sortie.replaceChildren();
      statut.textContent = '';
      return;
    }
    const trouves = chercher(lignes, champ.value);
    sortie.replaceChildren(...trouves.slice(0, MAX).map((l) => reponse(l.li)));
    const n = trouves.length;
    statut.textContent =
      n === 0
        ? `Aucun nom connu pour «\u202f${champ.value.trim()}\u202f». Parcourez la liste de A à Z, ou choisissez votre quartier plus haut.`
        : `${n} nom${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}${n > MAX ? `, les ${MAX} premiers ci-dessous` : ''}.`;
  });
}
