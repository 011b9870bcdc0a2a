/**
 * The teams' inbox data (issue 19): staff, invitations, passkeys, sessions, the state of each request,
 * private notes, routing and the append-only audit. One interface, one SQL source (equipe-sql.ts), a thin
 * runner per back-end (equipe-runners.ts); its contract is test/functions/equipe-store-contract.ts.
 */

export type Role = 'administrateur' | 'membre' | 'referent';
export const ROLES: readonly Role[] = ['administrateur', 'membre', 'referent'];

export type StaffMember = {
  id: string;
  name: string;
  email: string;
  role: Role;
  /** Teams whose forms this person works (membre); key team names, e.g. « accueil ». */
  teams: string[];
  /** Quartier ids whose requests a référent sees. */
  quartiers: string[];
  createdAt: string;
};

export type Invitation = { staffId: string; createdBy: string; createdAt: string; expiresAt: string; usedAt?: string };

export type Credential = {
  /** base64url, as WebAuthn names it. */
  id: string;
  staffId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  createdAt: string;
};

export type Session = { staffId: string; createdAt: string; lastSeenAt: string; idleExpiresAt: string; expiresAt: string };

export type RequestStateName = 'nouveau' | 'en_cours' | 'repondu' | 'clos';
export const REQUEST_STATES: readonly RequestStateName[] = ['nouveau', 'en_cours', 'repondu', 'clos'];

/** A submission as the inbox lists it: clear values, or only the fact that it is sealed. */
export type InboxRequest = {
  id: string;
  formKey: string;
  receivedAt: string;
  sealed: boolean;
  clearJson?: string;
  waitingList?: boolean;
  sessionKey?: string;
  /** A sign-up cancelled (by the person, or with its session): it keeps its session key, takes no place. */
  cancelled: boolean;
  state: RequestStateName;
  assigneeId?: string;
  reason?: string;
  /** Set when handed to another team, or routed by quartier; else the form's team. */
  team?: string;
  quartier?: string;
  updatedAt?: string;
};

/** The sealed bytes of one submission, for the browser to open: the server never opens them. */
export type SealedBytes = { keyId: string; encapsulatedKey: Uint8Array; ciphertext: Uint8Array };

export type RequestEvent = { at: string; staffId: string; kind: string; detail?: string };

/** A private note: clear text for a clear request, sealed in the browser for a sealed one (base64url). */
export type Note = {
  id: number;
  submissionId: string;
  staffId: string;
  at: string;
  text?: string;
  sealed?: { keyId: string; encapsulatedKey: string; ciphertext: string };
};
export type NewNote = Omit<Note, 'id'>;

export type AuditAction =
  | 'connexion'
  | 'deconnexion'
  | 'deconnexion_partout'
  | 'echec_connexion'
  | 'invitation'
  | 'inscription_cle'
  | 'lecture'
  | 'dechiffrement'
  | 'export'
  | 'changement_etat'
  | 'note'
  | 'transmission'
  | 'suppression'
  | 'personne'
  | 'place'
  | 'annulation_session'
  /** A change in the site's editor (functions/editeur/api.ts): the action and the entry, never its text. */
  | 'edition';
/** Who did what to what, when: never a submitted value. */
export type AuditEntry = { id?: number; at: string; staffId: string; action: AuditAction; target?: string; detail?: string };

/** Which message a person is sent about their sign-up (functions/notify/confirmation.ts writes it). */
export type PersonMessage = 'place-attribuee' | 'session-annulee';

/** Who changes a session's places, when; the session's capacity, counted again in the transaction. */
export type PlaceChange = { sessionKey: string; capacity: number; staffId: string; at: string };

export type StateChange = {
  submissionId: string;
  staffId: string;
  at: string;
  state: RequestStateName;
  assigneeId?: string;
  reason?: string;
};

/** How a staff member hears of new requests: one e-mail each, a daily digest (counts only), or none. */
export type NotifyMode = 'immediat' | 'quotidien' | 'aucun';
export const NOTIFY_MODES: readonly NotifyMode[] = ['immediat', 'quotidien', 'aucun'];
/** Until the person chooses: a daily digest, which a busy team can live with. */
export const NOTIFY_DEFAULT: NotifyMode = 'quotidien';
export type NotifySetting = { staffId: string; mode: NotifyMode; digestSentAt?: string };

export interface EquipeStore {
  addStaff(member: StaffMember): Promise<void>;
  updateStaff(member: StaffMember): Promise<void>;
  staff(id: string): Promise<StaffMember | undefined>;
  staffByEmail(email: string): Promise<StaffMember | undefined>;
  allStaff(): Promise<StaffMember[]>;
  /**
   * A single-use invitation (its token hashed). Recovery: a new invitation for someone who has passkeys
   * replaces them when it is used (useInvitation).
   */
  addInvitation(tokenHash: string, invitation: Invitation): Promise<void>;
  /** The invitation if unused and not expired at `now`. */
  invitation(tokenHash: string, now: string): Promise<Invitation | undefined>;
  /**
   * Marks it used, removes the person's former passkeys and sessions, adds the new passkey: one transaction.
   * false when it was used or expired meanwhile (two tabs, a replay).
   */
  useInvitation(tokenHash: string, now: string, credential: Credential): Promise<boolean>;
  credential(id: string): Promise<Credential | undefined>;
  credentialsOf(staffId: string): Promise<Credential[]>;
  credentialUsed(id: string, counter: number, at: string): Promise<void>;
  addSession(tokenHash: string, session: Session): Promise<void>;
  /** The session if neither expiry has passed at `now`; its idle expiry is pushed to `idleExpiresAt`. */
  touchSession(tokenHash: string, now: string, idleExpiresAt: string): Promise<Session | undefined>;
  endSession(tokenHash: string): Promise<void>;
  /** Sign-out everywhere: every session of the person. */
  endSessionsOf(staffId: string): Promise<number>;
  /** Submissions with their state, oldest first (optionally one form). */
  requests(formKey?: string): Promise<InboxRequest[]>;
  request(id: string): Promise<InboxRequest | undefined>;
  sealedBytes(id: string): Promise<SealedBytes | undefined>;
  /** New state, and its line in the history, in one transaction. */
  changeState(change: StateChange): Promise<void>;
  /** Hands the request to another team (or quartier), with its trace in the history. */
  route(submissionId: string, staffId: string, at: string, team: string, quartier?: string): Promise<void>;
  history(submissionId: string): Promise<RequestEvent[]>;
  addNote(note: NewNote): Promise<number>;
  notes(submissionId: string): Promise<Note[]>;
  /** Appends; the audit table refuses updates and deletes (triggers), on every back-end. */
  audit(entry: AuditEntry): Promise<void>;
  auditLog(limit: number, before?: number): Promise<AuditEntry[]>;
  /** The person's setting; NOTIFY_DEFAULT when they never chose. */
  notifySetting(staffId: string): Promise<NotifySetting>;
  setNotifyMode(staffId: string, mode: NotifyMode, at: string): Promise<void>;
  /** Every staff member with their setting (the default for those who never chose). */
  notifySettings(): Promise<{ staff: StaffMember; setting: NotifySetting }[]>;
  /**
   * Claims the person's digest at `at` when their last one was claimed at `notAfter` or before (or never):
   * true for one caller only, whatever the number of instances.
   */
  claimDigest(staffId: string, at: string, notAfter: string): Promise<boolean>;
  /** Gives a claimed digest back (it could not be sent): `previous` again, unless claimed anew meanwhile. */
  releaseDigest(staffId: string, at: string, previous: string | undefined): Promise<void>;

  /** Gives a waiting-list person a freed place; false when they are not waiting or no place is free. */
  giveFreedPlace(change: PlaceChange & { submissionId: string }): Promise<boolean>;
  /**
   * Cancels one sign-up (place or waiting list): closed with the reason, in the history; when it frees a place,
   * the first person waiting gets it in the same transaction (`promoted`). Cancelling twice does nothing.
   */
  cancelSignUp(
    change: PlaceChange & { submissionId: string; reason: string },
  ): Promise<{ cancelled: boolean; promoted?: string }>;
  /** Cancels a whole session: every sign-up still counted is closed with the reason; their ids. */
  cancelSession(change: Omit<PlaceChange, 'capacity'> & { reason: string }): Promise<string[]>;
  /** Queues an e-mail to the person of a sign-up (the outbox sends it, with retries). */
  tellPerson(submissionId: string, email: string, message: PersonMessage, at: string): Promise<void>;
  /** A resident's private link: only the token's hash is kept; it ends at `expiresAt` or with the submission. */
  addPrivateLink(tokenHash: string, submissionId: string, expiresAt: string): Promise<void>;
  privateLink(tokenHash: string, now: string): Promise<InboxRequest | undefined>;
}
