/**
 * Build: Data of the "Quel est mon quartier ?" finder (issue 11): every familiar name of content/quartiers-noms/ and
 * every official name of content/quartiers/, sorted A–Z, each with its quartier(s) and how sure we are.
 */
import { SORTES_DE_NOM, type QuartierNoms } from '../../schemas/quartier-nom.ts';
import { normaliser } from '../../lib/search/query-words.ts';

export type QuartierLien = { id: string; nom: string };
export type NomTrouve = {
  nom: string;
  sorte: string;
  quartiers: QuartierLien[];
  /** A street through two quartiers, or sources that disagree. */
  plusieurs?: 'rue' | 'desaccord';
  verifie: boolean;
};

type Quartier = { id: string; data: { nom: string; autres_noms: string[] } };

export function nomsDuFinder(quartiers: Quartier[], fiches: { data: QuartierNoms }[]): NomTrouve[] {
  const parId = new Map(quartiers.map((q) => [q.id, { id: q.id, nom: q.data.nom }]));
  const lien = (id: string) => parId.get(id) ?? { id, nom: id };
  const noms: NomTrouve[] = quartiers.flatMap((q) =>
    [q.data.nom, ...q.data.autres_noms].map((nom) => ({ nom, sorte: 'quartier', quartiers: [lien(q.id)], verifie: true })),
  );
  for (const { data } of fiches) {
    for (const n of data.noms) {
      const ids = [...new Set([data.quartier, ...n.aussi])];
      noms.push({
        nom: n.nom,
        sorte: SORTES_DE_NOM[n.sorte],
        quartiers: ids.map(lien),
        plusieurs: ids.length > 1 ? (n.sorte === 'rue' ? 'rue' : 'desaccord') : undefined,
        verifie: n.verifie,
      });
    }
  }
  return sansDoublons(noms).sort((a, b) => a.nom.localeCompare(b.nom, 'fr', { sensitivity: 'base' }));
}

/**
 * One line per name and quartier: "Gros Chêne", another name of Maurepas on its own page, and the station
 * "Gros-Chêne" are the same answer. The familiar spelling and kind stay; the name counts as verified, since
 * the quartier's own page, checked by an editor, gives it.
 */
function sansDoublons(noms: NomTrouve[]): NomTrouve[] {
  const cle = (n: NomTrouve) =>
    `${normaliser(n.nom)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()}|${n.quartiers.map((q) => q.id).join()}`;
  const officiels = new Set(noms.filter((n) => n.sorte === 'quartier').map(cle));
  const familiers = new Set(noms.filter((n) => n.sorte !== 'quartier').map(cle));
  const vus = new Set<string>();
  return noms
    .filter((n) => n.sorte !== 'quartier' || !familiers.has(cle(n)))
    .filter((n) => !vus.has(cle(n)) && vus.add(cle(n)))
    .map((n) => (officiels.has(cle(n)) ? { ...n, verifie: true } : n));
}

/** Who to ask in a quartier, in words: "Fatou S. (exemple)", or that the post is open. */
export function referentEnMots(referents: { data: { statut: string; prenom?: string; exemple: boolean } }[]): string {
  const enPoste = referents.filter((r) => r.data.statut === 'en-poste' && r.data.prenom);
  if (enPoste.length === 0) return 'poste de référent ouvert, pas encore pourvu';
  return enPoste.map((r) => `${r.data.prenom}${r.data.exemple ? ' (exemple)' : ''}`).join(', ');
}
