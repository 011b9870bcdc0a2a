/**
 * Invitations: single-use links an administrator creates (the inbox, `npm run equipe -- inviter`, or the
 * demonstration). Used once, they enrol a passkey; for someone who already has one they replace it (recovery).
 */
import type { EquipeStore, Role, StaffMember } from '../store/equipe-types.ts';
import { randomToken, sha256 } from './tokens.ts';

export const INVITATION_DAYS = 7;
export const invitationPath = (token: string) => `/equipe/invitation/${token}`;

export type NewPerson = { name: string; email: string; role: Role; teams: string[]; quartiers: string[] };

/** A new person and their invitation; or, for an address already known, a new invitation (recovery). */
export async function invite(
  equipe: EquipeStore,
  person: NewPerson,
  createdBy: string,
  now: Date,
): Promise<{ staff: StaffMember; token: string; renewed: boolean }> {
  const known = await equipe.staffByEmail(person.email);
  const staff: StaffMember = known ?? { id: randomToken().slice(0, 16), createdAt: now.toISOString(), ...person };
  if (!known) await equipe.addStaff(staff);
  return { staff, token: await reinvite(equipe, staff.id, createdBy, now), renewed: Boolean(known) };
}

export async function reinvite(equipe: EquipeStore, staffId: string, createdBy: string, now: Date): Promise<string> {
  const token = randomToken();
  await equipe.addInvitation(await sha256(token), {
    staffId,
    createdBy,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
  });
  await equipe.audit({ at: now.toISOString(), staffId: createdBy, action: 'invitation', target: staffId });
  return token;
}
