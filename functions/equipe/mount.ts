/** The inbox's deps from createApp's: its store on the same database, the site's origins and secret, a sign-in limit. */
import type { AppDeps } from '../deps.ts';
import { hashClient, RateLimiter, type RateLimit, type RateLimitOptions } from '../rate-limit.ts';
import type { EquipeDeps } from './deps.ts';

/** Ten sign-in or enrolment attempts per client address per 10 minutes. */
export const SIGN_IN_LIMIT: RateLimitOptions = { max: 10, windowMs: 10 * 60_000 };

export function equipeDeps(deps: AppDeps): EquipeDeps | undefined {
  const equipe = deps.store.equipe?.();
  if (!equipe) return undefined;
  // Several instances (PostgreSQL) and isolates (D1) count in their database, as the forms' limit does.
  const shared = (deps.store as { rateLimiter?: (o: RateLimitOptions) => RateLimit }).rateLimiter?.(SIGN_IN_LIMIT);
  const hash = deps.hashClient ?? hashClient;
  return {
    equipe,
    clock: deps.clock,
    origins: deps.config.origins,
    settings: deps.config.settings,
    content: deps.config.content,
    secret: deps.config.clientHashSalt,
    demonstration: deps.equipe?.demonstration ?? false,
    firstInvitation: deps.equipe?.firstInvitation,
    editeur: deps.equipe?.editeur,
    signInLimit: shared ?? new RateLimiter(SIGN_IN_LIMIT),
    erase: (ids) => deps.store.erase(ids),
    clientKey: async (c) => String(await hash(deps.config.clientHashSalt, deps.clientAddress(c) ?? 'inconnu')),
  };
}
