/**
 * Invitations: single-use links an administrator creates (the inbox, `npm run equipe -- inviter`, or the
 * demonstration). Used once, they enrol a passkey; for someone who already has one they replace it (recovery).
 */
import type { EquipeStore, Role, StaffMember } from '../store/equipe-types.ts';
import { randomToken, sha256 } from './tokens.ts';

/** What an operator's first-administrator token must look like: long, and fit for a path. */
export const FIRST_INVITATION = /^[A-Za-z0-9_-]{32,200}$/;
/** Who the first administrator is until they invite themselves under their own name (from the inbox). */
export const FIRST_ADMIN = { name: 'Première administration', email: 'premiere-administration@invalid' } as const;

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

/** No administrator can sign in yet: none, or none who has enrolled a passkey. */
async function noAdministrator(equipe: EquipeStore): Promise<boolean> {
  const admins = (await equipe.allStaff()).filter((s) => s.role === 'administrateur');
  for (const a of admins) if ((await equipe.credentialsOf(a.id)).length) return false;
  return true;
}

/**
 * The operator's first-administrator token (the Worker's secret EQUIPE_PREMIERE_INVITATION), when `token` is it
 * and no administrator can sign in yet: made into an ordinary invitation (its hash stored, 7 days, once). After
 * that first administrator enrolled, the same token is refused like any used invitation. Nothing otherwise.
 */
export async function acceptFirstInvitation(
  equipe: EquipeStore,
  expected: string | undefined,
  token: string,
  now: Date,
): Promise<void> {
  if (!expected || !FIRST_INVITATION.test(expected)) return;
  // Compared by their hashes: the time taken says nothing of how much of the token was right.
  const hash = await sha256(token);
  if (hash !== (await sha256(expected))) return;
  if (await equipe.invitation(hash, now.toISOString())) return;
  if (!(await noAdministrator(equipe))) return;
  const known = await equipe.staffByEmail(FIRST_ADMIN.email);
  const staff: StaffMember = known ?? {
    id: randomToken().slice(0, 16),
    createdAt: now.toISOString(),
    role: 'administrateur',
    teams: [],
    quartiers: [],
    ...FIRST_ADMIN,
  };
  try {
    if (!known) await equipe.addStaff(staff);
    await equipe.addInvitation(hash, {
      staffId: staff.id,
      createdBy: 'secret',
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    });
    await equipe.audit({ at: now.toISOString(), staffId: 'secret', action: 'invitation', target: staff.id });
  } catch {
    // Two first visits at once (one of them made it), or this token's invitation expired unused: the page
    // then says « inconnue, déjà utilisée ou expirée », and the operator puts a new secret.
  }
}
