/**
 * Who sees which request, enforced on the server: an administrator every one, a team member those of the
 * forms of their teams (or handed to them), a référent those of their quartiers. And when a request is late.
 */
import type { FormSettings } from '../../src/schemas/forms/settings.ts';
import type { InboxRequest, StaffMember } from '../store/equipe-types.ts';

/** A form's team: the team its key names (« accueil-2026-11-71e1883a » → accueil), else the Fabrique's general team. */
export function teamOfForm(settings: FormSettings | undefined): string {
  return settings?.cle_equipe?.replace(/-\d{4}-\d{2}-[0-9a-f]{8}$/, '') ?? 'fabrique';
}

/** The request's quartier: routed to one, or the clear answer « quartier ». */
export function quartierOf(request: InboxRequest): string | undefined {
  if (request.quartier) return request.quartier;
  if (!request.clearJson) return undefined;
  const q = (JSON.parse(request.clearJson) as Record<string, unknown>).quartier;
  return typeof q === 'string' ? q : undefined;
}

export const teamOf = (request: InboxRequest, settings: Record<string, FormSettings>) =>
  request.team ?? teamOfForm(settings[request.formKey]);

export function canSee(staff: StaffMember, request: InboxRequest, settings: Record<string, FormSettings>): boolean {
  if (staff.role === 'administrateur') return true;
  if (staff.role === 'membre') return staff.teams.includes(teamOf(request, settings));
  const quartier = quartierOf(request);
  return quartier !== undefined && staff.quartiers.includes(quartier);
}

/** Days within which the Fabrique promises an answer, by form; others a week. */
export const PROMISED_DAYS: Record<string, number> = {
  'femmes-rappel': 1,
  'demande-aide': 2,
  'contact-referent': 3,
  contact: 5,
};
export const promisedDays = (formKey: string) => PROMISED_DAYS[formKey] ?? 7;

/** Still open (nouveau, en cours) past the form's promised delay. */
export function overdue(request: InboxRequest, now: Date): boolean {
  if (request.state === 'repondu' || request.state === 'clos') return false;
  return now.getTime() - Date.parse(request.receivedAt) > promisedDays(request.formKey) * 86_400_000;
}
