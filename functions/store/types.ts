/**
 * Where submissions are kept: SQLite (node:sqlite), PostgreSQL and D1 implement this interface, and the same
 * tests (test/functions/store-contract.ts) run against each.
 */

import type { EquipeStore } from './equipe-types.ts';

/** A submission's content: clear JSON, or sealed for the team with HPKE (issue 5). */
export type SubmissionContent =
  { kind: 'clear'; json: string } | { kind: 'sealed'; keyId: string; encapsulatedKey: Uint8Array; ciphertext: Uint8Array };

export type NewSubmission = {
  id: string;
  formKey: string;
  /** ISO 8601, UTC. */
  receivedAt: string;
  /** ISO 8601, UTC: the day retention ends and the row is deleted. */
  deleteAfter: string;
  /** Client-chosen key: a retry with the same key returns the first submission's id. */
  idempotencyKey?: string;
  content: SubmissionContent;
  /**
   * A sign-up that takes a place: counted against `capacity` in the same transaction as the insert, so two
   * people posting the last place at once never both get it. Beyond it, the sign-up is still stored, on
   * the waiting list. `session` is stored in clear, even for sealed content (it is what is counted).
   */
  place?: { session: string; capacity: number };
  /**
   * A resident's private link (forms with `privateLink`; functions/suivi.ts): the hash of its token, stored
   * with the submission in its transaction (not for a retry), and when it ends (the submission's retention).
   */
  privateLink?: { tokenHash: string; expiresAt: string };
};

/** The staff notification to send for a submission; the mailer reads it from the outbox. */
export type NewNotification = {
  recipients: string[];
  /** Non-sensitive forms only. */
  subject?: string;
  replyTo?: string;
  /** The person's address, only when they ticked the confirmation box on a form that is not sealed. */
  confirmationTo?: string;
  /** The person's private link (a path, /suivi/…), given in that confirmation; the outbox forgets it once sent. */
  confirmationLink?: string;
};

/** `waitingList` only for a submission that asked for a place: true when it went on the waiting list. */
export type SaveResult = { id: string; duplicate: boolean; waitingList?: boolean };

/** An outbox row due for sending, with what the mailer may put in the message. */
export type DueNotification = {
  outboxId: number;
  submissionId: string;
  formKey: string;
  receivedAt: string;
  kind: 'equipe' | 'confirmation';
  recipients: string[];
  subject?: string;
  replyTo?: string;
  attempts: number;
  /** Clear values of a form that is not sensitive; absent for a sealed one (the server cannot read it). */
  clearJson?: string;
  /** A sign-up beyond the session's places: the team's e-mail says « liste d'attente ». */
  waitingList?: boolean;
  /** A confirmation's private link (a path, /suivi/…), until the e-mail is sent. */
  link?: string;
};

/** Thrown when storage cannot take a submission now (disk full, database locked): the handler answers 503. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

/** What an erasure achieved: rows deleted, and whether their bytes have left the files too. */
export type EraseResult = {
  erased: number;
  /**
   * false when the deleted rows may still be read in the files (SQLite: a reader kept the WAL from being
   * emptied). The caller must say so: the erasure is not finished.
   */
  clean: boolean;
};

/** Counts kept by the server (accepted, refused by reason) and what the outbox holds. */
export type ServiceCounters = {
  counts: Record<string, number>;
  /** oldestPendingAt: when the oldest request still waiting for a notification was received (ISO), null when none waits. */
  notifications: { pending: number; failing: number; sent: number; oldestPendingAt: string | null };
};

/**
 * Every method is asynchronous, so that D1 and PostgreSQL implement the same interface; the contract
 * (test/functions/store-contract.ts) runs against each.
 */
export interface SubmissionStore {
  /**
   * Stores the submission and its outbox entry in one transaction; resolves only once committed. With a
   * `place`, the count of places taken and the insert are one atomic step, on every back-end.
   */
  save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult>;
  /** Outbox rows not yet sent whose next attempt is due, oldest first. */
  dueNotifications(now: Date, limit: number): Promise<DueNotification[]>;
  notificationSent(outboxId: number, at: Date): Promise<void>;
  /** Records a failed attempt and when to try again; `error` is an SMTP code or error name, never content. */
  notificationFailed(outboxId: number, nextAttemptAt: Date, error: string): Promise<void>;
  /**
   * Ids of submissions whose retention has ended, oldest first. A submission whose team notification is
   * not yet sent is kept past its date: no request expires before anyone was told of it. (A confirmation
   * to the person still pending does not hold it: a mistyped address must not keep data forever.)
   */
  expiredIds(now: Date): Promise<string[]>;
  /** Deletes these submissions with their outbox rows, and makes their bytes leave the files. */
  erase(ids: string[]): Promise<EraseResult>;
  /** Adds to the named counters (accepted, refused by reason). */
  addCounts(counts: Record<string, number>): Promise<void>;
  counters(): Promise<ServiceCounters>;
  /** Places taken (not the waiting list) per session key, for the sessions that have any. */
  placesTaken(): Promise<Record<string, number>>;
  /** Writes and removes a probe row: true when the store can take a submission now. */
  writable(): Promise<boolean>;
  close(): Promise<void>;
  /**
   * Runs a background job (purge, delivery) unless another instance on the same database is running it
   * now: resolves false then. Absent for a store that one process owns (SQLite).
   */
  runAlone?(job: string, run: () => Promise<void>): Promise<boolean>;
  /** The teams' inbox on the same database (issue 19; functions/store/equipe-store.ts). */
  equipe?(): EquipeStore;
}
