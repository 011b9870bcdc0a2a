/**
 * Sessions in the database: a random token in a `__Host-` cookie (HttpOnly, Secure, SameSite=Strict, Path=/),
 * only its hash stored; 30 minutes idle, 12 hours at most; posts accepted from the site's own origin only.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import type { EquipeDeps, EquipeEnv } from './deps.ts';
import { randomToken, sha256 } from './tokens.ts';

export const COOKIE = '__Host-equipe';
export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 3_600_000;

const iso = (ms: number) => new Date(ms).toISOString();

/** A new session of `staffId` in the store, ending after `idleMs` unused or `absoluteMs` in all: its token. */
export async function newSession(deps: EquipeDeps, staffId: string, idleMs = IDLE_MS, absoluteMs = ABSOLUTE_MS): Promise<string> {
  const token = randomToken();
  const now = deps.clock.now().getTime();
  await deps.equipe.addSession(await sha256(token), {
    staffId,
    createdAt: iso(now),
    lastSeenAt: iso(now),
    idleExpiresAt: iso(now + idleMs),
    expiresAt: iso(now + absoluteMs),
  });
  return token;
}

export async function openSession(c: Context, deps: EquipeDeps, staffId: string) {
  const token = await newSession(deps, staffId);
  setCookie(c, COOKIE, token, { httpOnly: true, secure: true, sameSite: 'Strict', path: '/', maxAge: ABSOLUTE_MS / 1000 });
}

export function closeSessionCookie(c: Context) {
  deleteCookie(c, COOKIE, { secure: true, path: '/' });
}

/** Signed-in staff only: else the sign-in page (303), or 401 for a script. */
export const requireStaff =
  (deps: EquipeDeps): MiddlewareHandler<EquipeEnv> =>
  async (c, next) => {
    const token = getCookie(c, COOKIE);
    const now = deps.clock.now().getTime();
    const hash = token ? await sha256(token) : undefined;
    const session = hash ? await deps.equipe.touchSession(hash, iso(now), iso(now + IDLE_MS)) : undefined;
    const staff = session ? await deps.equipe.staff(session.staffId) : undefined;
    if (!staff || !hash) {
      if (token) closeSessionCookie(c);
      return c.redirect('/equipe/connexion', 303);
    }
    c.set('staff', staff);
    c.set('sessionHash', hash);
    await next();
  };

/**
 * Every post must come from the site itself (Origin, or failing it Sec-Fetch-Site): with SameSite=Strict
 * this stops another site making a signed-in browser act.
 */
export const sameOrigin =
  (deps: EquipeDeps): MiddlewareHandler =>
  async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const ok = origin ? deps.origins.includes(origin) : site === 'same-origin';
    if (!ok) return c.text('Demande refusée : elle ne vient pas de l’espace équipe de ce site.', 403);
    await next();
  };
