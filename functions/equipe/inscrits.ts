/**
 * For the editor (issue 22, item 7): how many people a training session has, so that an editor who ticks
 * « Session annulée » learns that ticking it tells nobody (src/admin/inscrits.ts shows it beside the box).
 * GET ?formation=<id>&session=<id> answers `{ inscrits, attente, prevenus, lien }`: counts only, never a name,
 * since an editor may not be allowed to see people's data; `lien` is the session's page in the inbox, where
 * the team tells them. Mounted by the editor's server behind the editor's own sign-in; nothing here checks it.
 */
import { Hono } from 'hono';
import type { EquipeDeps } from './deps.ts';
import { countSession } from './session-counts.ts';

const FORM = 'inscription-formation';
/** A training's or a session's id: lowercase letters, digits and hyphens (src/schemas/formation.ts). */
const ID = /^[a-z0-9-]{1,100}$/;

export type InscritsOptions = {
  /** The public site's origin, where the inbox is (https://…): `lien` is then absolute; else a path on this origin. */
  origine?: string;
};

export type InscritsAnswer = { inscrits: number; attente: number; prevenus: number; lien: string };

export function inscritsRoute(deps: Pick<EquipeDeps, 'equipe'>, options: InscritsOptions = {}) {
  const base = (options.origine ?? '').replace(/\/+$/, '');
  const app = new Hono();
  app.get('/', async (c) => {
    c.header('Cache-Control', 'no-store');
    const formation = c.req.query('formation') ?? '';
    const session = c.req.query('session') ?? '';
    if (!ID.test(formation) || !ID.test(session))
      return c.json({ erreur: 'Indiquez la formation et la session (leurs identifiants).' }, 400);
    const key = `${formation}/${session}`;
    try {
      // Every sign-up counts, whoever may read it: only numbers leave.
      const n = countSession(await deps.equipe.requests(FORM), key);
      const answer: InscritsAnswer = {
        inscrits: n.inscrits,
        attente: n.attente,
        prevenus: n.prevenus,
        lien: `${base}/equipe/sessions/${key}`,
      };
      return c.json(answer);
    } catch {
      c.header('Retry-After', '30');
      return c.json({ erreur: 'Le nombre de personnes inscrites ne peut pas être lu pour l’instant.' }, 503);
    }
  });
  return app;
}
