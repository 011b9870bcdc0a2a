/**
 * Who may do what in the editor (issue 22, items 4 and 5), from the teams' inbox's people: the same sign-in,
 * the same roles. Two teams give the editor's rights — « redaction » writes drafts, « relecture » also
 * approves and publishes them — and administrators may do everything, the forms' settings (recipients, team
 * keys) included, which no one else may change.
 */
import type { StaffMember } from '../store/equipe-types.ts';

export type Droit = 'rediger' | 'publier' | 'reglages';

/** The inbox's teams that carry the editor's rights (offered on the inbox's « Personnes » page). */
export const EQUIPES_EDITION = ['redaction', 'relecture'] as const;

export function droitsDe(staff: Pick<StaffMember, 'role' | 'teams'>): Set<Droit> {
  if (staff.role === 'administrateur') return new Set(['rediger', 'publier', 'reglages']);
  if (staff.teams.includes('relecture')) return new Set(['rediger', 'publier']);
  if (staff.teams.includes('redaction')) return new Set(['rediger']);
  return new Set();
}

/** The forms' settings: recipients and team keys, administrators only. */
export const estReglage = (chemin: string) => /^content\/formulaires\//.test(chemin);
