/**
 * Where submissions are kept. SQLite (node:sqlite) today; D1 and PostgreSQL implement the same
 * interface later, and the same tests run against each.
 */

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
};

/** The staff notification to send for a submission; the mailer reads it from the outbox. */
export type NewNotification = {
  recipients: string[];
  /** Non-sensitive forms only. */
  subject?: string;
  replyTo?: string;
  /** The person's address, only when they ticked the confirmation box on a form that is not sealed. */
  confirmationTo?: string;
};

export type SaveResult = { id: string; duplicate: boolean };

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
};

/** Thrown when storage cannot take a submission now (disk full, database locked): the handler answers 503. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

export interface SubmissionStore {
  /** Stores the submission and its outbox entry in one transaction; resolves only once committed. */
  save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult>;
  /** Outbox rows not yet sent whose next attempt is due, oldest first. */
  dueNotifications(now: Date, limit: number): Promise<DueNotification[]>;
  notificationSent(outboxId: number, at: Date): Promise<void>;
  /** Records a failed attempt and when to try again; `error` is an SMTP code or error name, never content. */
  notificationFailed(outboxId: number, nextAttemptAt: Date, error: string): Promise<void>;
  /** Deletes submissions whose retention has ended; returns how many. */
  purgeExpired(now: Date): Promise<number>;
  close(): Promise<void>;
}
