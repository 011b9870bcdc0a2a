/**
 * When to try a notification again: 1 minute, then doubling, at most 6 hours. Never given up: a help
 * request must not be forgotten because the mail server was down for a weekend.
 */
export const FIRST_RETRY_MS = 60_000;
export const MAX_RETRY_MS = 6 * 3_600_000;

/** Delay after the `failures`-th failed attempt (1 for the first). */
export const retryDelayMs = (failures: number) => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, failures - 1), MAX_RETRY_MS);
