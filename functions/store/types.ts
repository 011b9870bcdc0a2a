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
};

export type SaveResult = { id: string; duplicate: boolean };

/** Thrown when storage cannot take a submission now (disk full, database locked): the handler answers 503. */
export class StoreUnavailableError extends Error {
  override name = 'StoreUnavailableError';
}

export interface SubmissionStore {
  /** Stores the submission and its outbox entry in one transaction; resolves only once committed. */
  save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult>;
  /** Deletes submissions whose retention has ended; returns how many. */
  purgeExpired(now: Date): Promise<number>;
  close(): Promise<void>;
}
