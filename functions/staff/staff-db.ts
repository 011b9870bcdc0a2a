/**
 * What the staff command reads and erases, on each back-end: a SQLite file (submissions-db.ts), PostgreSQL
 * (postgres-db.ts), or a copy of the Worker's D1 taken through wrangler (d1-db.ts). Chosen from the options
 * here; an address's password is never printed, whatever fails.
 */
import type { PurgeReport } from '../retention.ts';
import type { EraseResult, ServiceCounters } from '../store/types.ts';
import type { StoredRow } from './submissions-db.ts';

export interface StaffDb {
  /** Where the submissions are, for messages: a file, « PostgreSQL hôte/base », « D1 distante » (never a password). */
  readonly label: string;
  list(formKey?: string): Promise<StoredRow[]>;
  get(id: string): Promise<StoredRow | undefined>;
  /** Deletes submissions with what they carry; `clean` false when old bytes may still be read. */
  erase(ids: string[]): Promise<EraseResult>;
  /** The retention purge (retention.ts), its audit line first. */
  purge(now: Date, audit: (ids: string[]) => void): Promise<PurgeReport>;
  /** A consistent copy written to `file` (absent before); how many submissions it holds, and how to restore it. */
  backup(file: string): Promise<{ count: number; restore: string }>;
  counters(): Promise<ServiceCounters>;
  close(): Promise<void>;
}
