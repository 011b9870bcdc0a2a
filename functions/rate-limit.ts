/**
 * Per-form limit on submissions from one client, keyed on a salted hash of its address so that no raw
 * address is ever kept. In memory: each process counts its own clients (enough for one Node server);
 * several instances on one database pass the store's own (AppDeps.rateLimit).
 */
export type RateLimitOptions = { max: number; windowMs: number };
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts a hit; in memory here, in the database when several instances share one (store/postgres.ts). */
export interface RateLimit {
  hit(key: string, now: number): RateDecision | Promise<RateDecision>;
}

export class RateLimiter implements RateLimit {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly options: RateLimitOptions;

  constructor(options: RateLimitOptions) {
    this.options = options;
  }

  hit(key: string, now: number): RateDecision {
    if (this.windows.size > 50_000) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + this.options.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count <= this.options.max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  }

  private sweep(now: number) {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

/** SHA-256 of salt + address, hex: the only form in which a client address is used. WebCrypto, so Node and Workers alike. */
export async function hashClient(salt: string, address: string): Promise<string> {
  return digestHex(`${salt}\u0000${address}`);
}

async function digestHex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest).slice(0, 16), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Default: 30 submissions of one form per client per 10 minutes; a shelter's shared connection stays well under. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 30, windowMs: 10 * 60_000 };
