/**
 * Per-form limit on submissions from one client, keyed on a salted hash of its address so that no raw
 * address is ever kept. In memory: each process counts its own clients (enough for one Node server);
 * several instances on one database pass the store's own (AppDeps.rateLimit). Every back-end counts the
 * same key (rateLimitKey): an IPv4 address, or an IPv6 address's /64.
 */
export type RateLimitOptions = { max: number; windowMs: number };
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Counts a hit; in memory here, in the database when several instances share one (store/postgres.ts). */
export interface RateLimit {
  hit(key: string, now: number): RateDecision | Promise<RateDecision>;
}

/** Clients counted at once in memory; about 150 bytes each, so at most ~15 MB whatever clients send. */
export const MAX_COUNTED_CLIENTS = 100_000;

export class RateLimiter implements RateLimit {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly options: RateLimitOptions;
  private readonly capacity: number;

  constructor(options: RateLimitOptions, capacity = MAX_COUNTED_CLIENTS) {
    this.options = options;
    this.capacity = capacity;
  }

  /** Clients counted now (tests). */
  get size() {
    return this.windows.size;
  }

  hit(key: string, now: number): RateDecision {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (!w && this.windows.size >= this.capacity) this.makeRoom(now);
      w = { count: 0, resetAt: now + this.options.windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    if (w.count <= this.options.max) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((w.resetAt - now) / 1000)) };
  }

  /**
   * Full: windows that are over go first, then the oldest ones (those clients start counting again,
   * a deliberate fail-open for them rather than a refusal for everyone). A tenth is freed at once, so
   * the sweep runs once per capacity/10 new clients, not at every hit.
   */
  private makeRoom(now: number) {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
    const target = this.capacity - Math.ceil(this.capacity / 10);
    for (const key of this.windows.keys()) {
      if (this.windows.size <= target) break;
      this.windows.delete(key);
    }
  }
}

/**
 * What one client is, for the rate limit: an IPv4 address as is, an IPv6 address by its /64 (one
 * subscriber's network: rotating through its addresses must not reset the count). Anything else as given.
 */
export function rateLimitAddress(address: string): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  // An IPv4 address on a dual-stack socket (::ffff:a.b.c.d) is that IPv4 address.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join('.');
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (zone dropped, a trailing IPv4 part read), or undefined. */
function ipv6Groups(address: string): number[] | undefined {
  const text = address.trim().toLowerCase().replace(/%.*$/, '');
  if (!text.includes(':') || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const parse = (half: string): number[] | undefined => {
    if (half === '') return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (i === parts.length - 1 && part.includes('.')) {
        const bytes = part.split('.').map((b) => (/^\d{1,3}$/.test(b) ? Number(b) : NaN));
        if (bytes.length !== 4 || bytes.some((b) => !(b <= 255))) return undefined;
        out.push((bytes[0]! << 8) | bytes[1]!, (bytes[2]! << 8) | bytes[3]!);
      } else if (/^[0-9a-f]{1,4}$/.test(part)) out.push(parseInt(part, 16));
      else return undefined;
    }
    return out;
  };
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
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
