/**
 * Service counters kept in memory by the handlers (accepted, refused by reason) and added to the store
 * by a background job, so that no request waits on them. Names only, never content or addresses.
 */
export class Counters {
  private pending: Record<string, number> = {};

  add(name: string) {
    this.pending[name] = (this.pending[name] ?? 0) + 1;
  }

  /** What was counted and not yet taken (the metrics add it to the store's counts). */
  peek(): Readonly<Record<string, number>> {
    return this.pending;
  }

  /** What was counted since the last call, emptied. */
  take(): Record<string, number> {
    const taken = this.pending;
    this.pending = {};
    return taken;
  }
}
