/** What the inbox needs, taken from createApp's deps (functions/deps.ts). */
import type { Context } from 'hono';
import type { ContentContext } from '../../src/schemas/forms/context.ts';
import type { FormSettings } from '../../src/schemas/forms/settings.ts';
import type { RateLimit } from '../rate-limit.ts';
import type { EquipeStore, StaffMember } from '../store/equipe-types.ts';
import type { EraseResult } from '../store/types.ts';

export type EquipeDeps = {
  equipe: EquipeStore;
  clock: { now(): Date };
  /** The site's origins: the first names the WebAuthn relying party (its host name); a post from elsewhere is refused. */
  origins: string[];
  settings: Record<string, FormSettings>;
  content: ContentContext;
  /** Signs WebAuthn challenges; the same on every instance (the client-hash secret). */
  secret: string;
  demonstration: boolean;
  /** The operator's first-administrator token (a Worker secret), if any: see invitations.ts, firstInvitation. */
  firstInvitation?: string;
  /** The site's editor's origin, if this server hosts it (functions/editeur/entree.ts). */
  editeur?: () => string | undefined;
  /** Sign-in attempts per client address, per 10 minutes. */
  signInLimit: RateLimit;
  clientKey: (c: Context) => Promise<string>;
  /** Erases submissions with all they carry (the store's own erasure: WAL emptied on SQLite). */
  erase?: (ids: string[]) => Promise<EraseResult>;
};

export type EquipeEnv = { Variables: { staff: StaffMember; sessionHash: string } };
