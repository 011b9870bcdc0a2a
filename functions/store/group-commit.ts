/**
 * Group commit, shared by every back-end: saves wait in a queue; one commit runs at a time, and those that
 * arrive during it go together in the next. Each save resolves once the commit that holds it is done; a
 * failed commit fails every save it held, with StoreUnavailableError (the handler answers 503). Each store
 * gives its own `commit(batch)`: one transaction for the whole batch, results in the batch's order.
 */
import { StoreUnavailableError, type NewNotification, type NewSubmission, type SaveResult } from './types.ts';
import type { SaveItem } from './save-statements.ts';
type Pending = SaveItem & { resolve: (r: SaveResult) => void; reject: (e: Error) => void };

export class GroupCommit {
  private readonly commit: (batch: SaveItem[]) => Promise<SaveResult[]>;
  private queue: Pending[] = [];
  private inFlight = false;

  constructor(commit: (batch: SaveItem[]) => Promise<SaveResult[]>) {
    this.commit = commit;
  }

  save(submission: NewSubmission, notification: NewNotification): Promise<SaveResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ submission, notification, resolve, reject });
      void this.send();
    });
  }

  /** Resolves once nothing is queued or being committed (before closing a store). */
  async drained(): Promise<void> {
    while (this.queue.length || this.inFlight) await new Promise((r) => setTimeout(r, 1));
  }

  /** Commits what is queued, unless a commit is under way: then it waits and goes as the next one. */
  private async send() {
    if (this.inFlight || this.queue.length === 0) return;
    this.inFlight = true;
    const batch = this.queue;
    this.queue = [];
    try {
      const results = await this.commit(batch.map(({ submission, notification }) => ({ submission, notification })));
      batch.forEach((p, i) => p.resolve(results[i]!));
    } catch (error) {
      const failure = new StoreUnavailableError(`enregistrement impossible : ${(error as Error).message}`);
      for (const p of batch) p.reject(failure);
    } finally {
      this.inFlight = false;
      void this.send();
    }
  }
}
