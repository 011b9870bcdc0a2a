/**
 * Signing in to the editor (issue 22, item 5). The editor lives on an origin of its own (FABRIQUE_EDITEUR_URL;
 * in demonstration http://editeur.localhost:PORT), because Decap CMS needs 'unsafe-eval' and inline styles: a
 * script running there must never act as a signed-in team member. So the two origins share no cookie. A person
 * signed in to the teams' inbox opens /equipe/editeur: the inbox makes a one-time pass (a session row that lives
 * 60 seconds, its token hashed) and sends the browser to the editor's /admin/entree, which spends the pass and
 * opens the editor's own session in a host-only cookie of the editor's origin. Same people, same roles, same
 * idle and absolute limits as the inbox; the inbox's cookie never reaches the editor, and the editor's never
 * the inbox.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { EquipeDeps } from '../equipe/deps.ts';
import { ABSOLUTE_MS, IDLE_MS, newSession } from '../equipe/session.ts';
import { sha256 } from '../equipe/tokens.ts';
import type { StaffMember } from '../store/equipe-types.ts';
import { droitsDe, type Droit } from './droits.ts';

export const COOKIE_EDITEUR = '__Host-editeur';
/**
 * Over plain http (the demonstration on this machine), Chromium keeps no Secure cookie for editeur.localhost
 * (it does for localhost): there the cookie is the same without Secure and its prefix.
 */
const cookieDe = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' ? { nom: COOKIE_EDITEUR, secure: true } : { nom: 'editeur', secure: false };
const PASSAGE_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

export type EditeurEnv = { Variables: { staff: StaffMember; droits: Set<Droit> } };

/** A one-time pass to the editor for a signed-in person (the inbox's /equipe/editeur). */
export const passage = (deps: EquipeDeps, staffId: string): Promise<string> => newSession(deps, staffId, PASSAGE_MS, PASSAGE_MS);

/** /admin/entree?jeton=…: spends the pass (once), opens the editor's session, goes to the editor. */
export async function entrer(c: Context, deps: EquipeDeps, connexion: string) {
  const token = c.req.query('jeton') ?? '';
  const hash = token ? await sha256(token) : undefined;
  const now = deps.clock.now().getTime();
  const pass = hash ? await deps.equipe.touchSession(hash, iso(now), iso(now + PASSAGE_MS)) : undefined;
  if (hash) await deps.equipe.endSession(hash);
  if (!pass) return c.redirect(connexion, 303);
  const session = await newSession(deps, pass.staffId);
  const { nom, secure } = cookieDe(c);
  // Lax, not Strict: the browser arrives here from the inbox's origin, another site, and a Strict cookie would not
  // go with the redirect to /admin/. Posts from elsewhere are refused by memeOrigine below.
  setCookie(c, nom, session, { httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: ABSOLUTE_MS / 1000 });
  return c.redirect('/admin/', 303);
}

export async function sortir(c: Context, deps: EquipeDeps) {
  const { nom, secure } = cookieDe(c);
  const token = getCookie(c, nom);
  if (token) await deps.equipe.endSession(await sha256(token));
  deleteCookie(c, nom, { secure, path: '/' });
}

/**
 * A signed-in person with some right in the editor; else the inbox's way in (a page) or 401 (the editor's
 * scripts, which say it in French).
 */
export const exigerEditeur =
  (deps: EquipeDeps, connexion: () => string): MiddlewareHandler<EditeurEnv> =>
  async (c, next) => {
    const { nom, secure } = cookieDe(c);
    const token = getCookie(c, nom);
    const now = deps.clock.now().getTime();
    const hash = token ? await sha256(token) : undefined;
    const session = hash ? await deps.equipe.touchSession(hash, iso(now), iso(now + IDLE_MS)) : undefined;
    const staff = session ? await deps.equipe.staff(session.staffId) : undefined;
    const droits = staff ? droitsDe(staff) : new Set<Droit>();
    if (!staff || droits.size === 0) {
      if (token && !staff) deleteCookie(c, nom, { secure, path: '/' });
      const message = staff
        ? 'Vous n’avez pas de droit dans l’éditeur du site : un administrateur peut vous ajouter à l’équipe « redaction » ou « relecture ».'
        : 'Votre session de l’éditeur est fermée (30 minutes sans activité, ou 12 heures) : reconnectez-vous depuis l’espace équipe.';
      if (c.req.method === 'GET' && (c.req.header('accept') ?? '').includes('text/html')) return c.redirect(connexion(), 303);
      return c.json({ error: message }, staff ? 403 : 401);
    }
    c.set('staff', staff);
    c.set('droits', droits);
    await next();
  };

/** Every post must come from the editor's own page (Origin, or failing it Sec-Fetch-Site), as the inbox's. */
export const memeOrigine: MiddlewareHandler = async (c, next) => {
  if (c.req.method !== 'POST') return next();
  const origin = c.req.header('origin');
  const ok = origin ? origin === new URL(c.req.url).origin : c.req.header('sec-fetch-site') === 'same-origin';
  if (!ok) return c.json({ error: 'Demande refusée : elle ne vient pas de l’éditeur du site.' }, 403);
  await next();
};
