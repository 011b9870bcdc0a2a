/**
 * Browser: "Quel est mon quartier ?" as one types (issues 11, 21): matches the finder's names (/quartiers/noms.json,
 * built from the same list as the A–Z list of TrouverQuartier.astro) with match.ts. Each answer is a line of that
 * list, with the referent of each quartier: both of them for a name on a boundary.
 * Fetched when the field is first used (trouver-quartier-start.ts, which shows the field).
 */
import type { NomTrouve } from './names.ts';
import { chercher, cle } from './match.ts';

const MAX = 8;
type Noms = { noms: NomTrouve[]; referents: Record<string, string> };

function el(tag: string, texte: string, className = ''): HTMLElement {
  const e = document.createElement(tag);
  e.textContent = texte;
  if (className) e.className = className;
  return e;
}

/** One line of the A–Z list, as TrouverQuartier.astro writes it, each quartier followed by its referent. */
function ligne(n: NomTrouve, referents: Record<string, string>): HTMLLIElement {
  const li = document.createElement('li');
  li.dataset.nom = n.nom;
  li.append(el('strong', n.nom), ' ', el('span', `(${n.sorte})`, 'meta'), '\u00a0: ');
  if (n.plusieurs === 'rue') li.append('rue partagée entre ');
  if (n.plusieurs === 'desaccord') li.append('à la limite de deux quartiers selon les sources, voyez les deux\u00a0: ');
  n.quartiers.forEach((q, i) => {
    const a = el('a', q.nom) as HTMLAnchorElement;
    a.href = `/quartiers/${q.id}/`;
    li.append(...(i > 0 ? [' et '] : []), a, ` (référent\u00a0: ${referents[q.id] ?? 'à demander à la maison de quartier'})`);
  });
  if (!n.verifie) li.append(' ', el('span', 'à vérifier', 'badge'));
  return li;
}

export function brancher(racine: HTMLElement, champ: HTMLInputElement): void {
  const statut = racine.querySelector<HTMLElement>('[data-trouver-statut]');
  const sortie = racine.querySelector<HTMLElement>('[data-trouver-resultats]');
  if (!statut || !sortie) return;
  let lignes: (NomTrouve & { cle: string })[] | undefined;
  let referents: Record<string, string> = {};
  const noms = fetch('/quartiers/noms.json')
    .then((r) => (r.ok ? (r.json() as Promise<Noms>) : Promise.reject(new Error(String(r.status)))))
    .then((d) => {
      lignes = d.noms.map((n) => ({ ...n, cle: cle(n.nom) }));
      referents = d.referents;
    });

  const repondre = () => {
    if (cle(champ.value).length < 2) {
      sortie.replaceChildren();
      statut.textContent = '';
      return;
    }
    if (!lignes) return;
    const trouves = chercher(lignes, champ.value);
    sortie.replaceChildren(...trouves.slice(0, MAX).map((n) => ligne(n, referents)));
    const n = trouves.length;
    statut.textContent =
      n === 0
        ? `Aucun nom connu pour «\u202f${champ.value.trim()}\u202f». Parcourez la liste de A à Z, ou choisissez votre quartier plus haut.`
        : `${n} nom${n > 1 ? 's' : ''} trouvé${n > 1 ? 's' : ''}${n > MAX ? `, les ${MAX} premiers ci-dessous` : ''}.`;
  };
  champ.addEventListener('input', repondre);
  // Letters typed while the names were on their way are answered when they arrive.
  noms.then(repondre, () => {
    statut.textContent =
      'La liste des noms n’a pas pu se charger. Parcourez la liste de A à Z, ou choisissez votre quartier plus haut.';
  });
}
