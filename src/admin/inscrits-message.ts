/**
 * Browser, in the editor /admin/: what the note beside a ticked « Session annulée » says (issue 22, item 7),
 * from the counts the server gives (functions/equipe/inscrits.ts). Ticking the box tells nobody: the note
 * says how many people are signed up and where the team tells them. Kept apart from the page so it is tested.
 */
import { typographie } from '../lib/page-tools/typographie.ts';

export type Inscrits = { inscrits: number; attente: number; prevenus: number; lien: string };
/** `alerte`: people are still to be told (the note stands out); else it only informs. */
export type Note = { texte: string; alerte: boolean; lien?: string; lienTexte?: string };

const LIEN_TEXTE = 'Ouvrir cette session dans l’espace équipe';

const count = (n: unknown) => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined);

/** The counts if the answer is what the server sends, else nothing (an old server, a proxy's page). */
export function lireInscrits(body: unknown): Inscrits | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as Record<string, unknown>;
  const [inscrits, attente, prevenus] = [count(b.inscrits), count(b.attente), count(b.prevenus)];
  if (inscrits === undefined || attente === undefined || prevenus === undefined || typeof b.lien !== 'string') return undefined;
  return { inscrits, attente, prevenus, lien: b.lien };
}

/** The note for these counts; without them (the server could not say), the reminder alone. */
export function messageInscrits(n: Inscrits | undefined): Note {
  if (!n)
    return {
      texte: typographie(
        'Le nombre de personnes inscrites n’a pas pu être lu. Cocher cette case ne prévient personne : après la publication, prévenez les personnes inscrites depuis l’espace équipe (Sessions).',
      ),
      alerte: true,
    };
  const left = n.inscrits + n.attente;
  const lien = { lien: n.lien, lienTexte: LIEN_TEXTE };
  if (left === 0 && n.prevenus === 0) return { texte: 'Personne n’est inscrit à cette session.', alerte: false };
  if (left === 0)
    return {
      texte: typographie(
        n.prevenus > 1
          ? `Les ${n.prevenus} personnes inscrites ont déjà été prévenues de l’annulation depuis l’espace équipe.`
          : 'La personne inscrite a déjà été prévenue de l’annulation depuis l’espace équipe.',
      ),
      alerte: false,
      ...lien,
    };
  const qui =
    n.inscrits > 0
      ? `${n.inscrits} personne${n.inscrits > 1 ? 's inscrites' : ' inscrite'}${n.attente ? ` et ${n.attente} en liste d’attente` : ''}`
      : `${n.attente} personne${n.attente > 1 ? 's' : ''} en liste d’attente`;
  const pronom = left > 1 ? 'les' : 'la';
  return {
    texte: typographie(
      `${qui}. Cocher cette case ne ${pronom} prévient pas : après la publication, prévenez-${pronom} depuis l’espace équipe (Sessions › cette session).`,
    ),
    alerte: true,
    ...lien,
  };
}
