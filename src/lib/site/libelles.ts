/**
 * Browser and build: the words the site's cards show for a field's coded value, shared by the Astro components
 * (ReferentFiche, SessionsTable, LieuFiche, Accessibilite) and the editor's preview (src/admin/apercu/), so the
 * preview says exactly what the page will.
 */
import type { Constat, Lieu } from '../../schemas/lieu.ts';
import type { EtatSession } from '../time/sessions.ts';

/** A referent's profile (ReferentFiche). */
export const PROFILS = {
  'parent-enfant-handicape': 'Parent d’un enfant en situation de handicap',
  'adulte-en-situation-de-handicap': 'Adulte en situation de handicap',
} as const;

/** The badge of a session's state (SessionsTable: `badge badge--…`). */
export const BADGE_ETAT: Record<EtatSession, string> = {
  ouverte: 'ouvert',
  complete: 'complet',
  'inscriptions-fermees': 'ferme',
  annulee: 'ferme',
  passee: 'brouillon',
};

/** Public transport modes (LieuFiche). */
export const MODES_TRANSPORT = { metro: 'Métro', bus: 'Bus', 'velo-star': 'Vélo STAR' } as const;

const LSF = {
  non: 'Pas d’accueil en langue des signes (LSF)',
  'sur-demande': 'Accueil en langue des signes (LSF) sur demande',
  oui: 'Accueil en langue des signes (LSF)',
  'non-verifie': 'Accueil en langue des signes (LSF) : pas encore vérifié',
} as const;

const ligne = (c: Constat, oui: string, non: string, sujet: string) =>
  c === 'oui' ? oui : c === 'non' ? non : `${sujet} : pas encore vérifié`;

/** A place's access, one line each (Accessibilite: `ul.acces`). */
export function lignesAcces(acces: Lieu['accessibilite']): string[] {
  return [
    ligne(
      acces.plain_pied,
      'Entrée de plain-pied ou accessible en fauteuil',
      'Entrée avec marches : pas d’accès en fauteuil',
      'Accès en fauteuil',
    ),
    ligne(acces.toilettes_adaptees, 'Toilettes adaptées', 'Pas de toilettes adaptées', 'Toilettes adaptées'),
    ligne(acces.boucle_magnetique, 'Boucle magnétique à l’accueil', 'Pas de boucle magnétique', 'Boucle magnétique'),
    LSF[acces.lsf],
    ...(acces.precisions ? [acces.precisions] : []),
  ];
}
