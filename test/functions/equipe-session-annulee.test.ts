/**
 * A session an editor marks cancelled on the site (issue 22, item 7) reaches the people signed up: the inbox
 * marks it and puts the cancel-and-tell form first, then says who was told and when; the editor's route
 * (functions/equipe/inscrits.ts) gives the counts, never a name. A real SQLite file, the real app: people sign
 * up while the session is open, then the server starts again with content where « Session annulée » is ticked,
 * as after a publication.
 */
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { equipeDeps } from '../../functions/equipe/mount.ts';
import { inscritsRoute } from '../../functions/equipe/inscrits.ts';
import { invite } from '../../functions/equipe/invitations.ts';
import { countSession } from '../../functions/equipe/session-counts.ts';
import type { InboxRequest } from '../../functions/store/equipe-types.ts';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import type { ContentContext } from '../../src/schemas/forms/context.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { SoftPasskey } from './equipe-authenticator.ts';
import { sqliteBackend, type TestBackend } from './harness-backends.ts';

const ORIGIN = 'https://fabrique.test';
const KEY = 'ecole-inclusive/mars-a';
const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));

/** The fixture world with the session mars-a at 2 places online, and ticked « Session annulée » or not. */
function world(annulee: boolean): ContentContext {
  const copy = structuredClone(content);
  const session = copy.formations[0]!.sessions.find((s) => s.id === 'mars-a')!;
  session.places_restantes = 2;
  if (annulee) session.annulee = true;
  return copy;
}

let backend: TestBackend;
const appDeps = (annulee: boolean) => ({
  store: backend.store,
  clock: { now: () => NOW },
  config: {
    origins: [ORIGIN],
    settings,
    content: world(annulee),
    rateLimit: { max: 1000, windowMs: 60_000 },
    clientHashSalt: 'sel',
  },
  clientAddress: () => '203.0.113.7',
});
const appWith = (annulee: boolean) => createApp(appDeps(annulee));
const plain = (text: string) => text.replace(/[\u00a0\u202f\s]+/g, ' ');

beforeAll(() => {
  backend = sqliteBackend();
});
beforeEach(() => backend.empty());
afterAll(() => backend.close(false));

/**
 * Signs up three people to mars-a while the session is open (two places online: the third waits), on the
 * server as it was before the publication.
 */
async function signUpThree() {
  const open = appWith(false);
  for (const nom of ['Premier', 'Second', 'Troisieme']) {
    const res = await open.request('/f/inscription-formation', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...validSubmissions['inscription-formation'], nom, email: `${nom.toLowerCase()}@exemple.fr` }),
    });
    expect(res.status, nom).toBe(200);
  }
}

/** An administrator signed in on this app (invitation, software passkey): the session cookie. */
async function signIn(app: ReturnType<typeof appWith>) {
  const { token } = await invite(
    backend.store.equipe!(),
    { name: 'Awa Admin', email: `awa${Math.random()}@exemple.fr`, role: 'administrateur', teams: [], quartiers: [] },
    'console',
    NOW,
  );
  const json = { 'content-type': 'application/json', origin: ORIGIN };
  const passkey = await SoftPasskey.create();
  const options = await (await app.request(`/equipe/invitation/${token}/options`, { method: 'POST', headers: json })).json();
  const res = await app.request(`/equipe/invitation/${token}/verifier`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(await passkey.register(options, ORIGIN)),
  });
  return `__Host-equipe=${res.headers.get('set-cookie')!.match(/__Host-equipe=([^;]*)/)![1]}`;
}

describe('a session cancelled on the site, people still signed up', () => {
  it('the inbox marks it, puts the cancel-and-tell form first, then says who was told and when', async () => {
    await signUpThree();
    const before = appWith(false);
    const after = appWith(true);
    const cookie = await signIn(after);
    const get = async (app: ReturnType<typeof appWith>, p: string) =>
      plain(await (await app.request(p, { headers: { cookie } })).text());

    // While the site shows it open, nothing is said.
    expect(await get(before, '/equipe/sessions')).not.toContain('Annulée sur le site');
    expect(await get(before, `/equipe/sessions/${KEY}`)).not.toContain('annulée sur le site');

    const list = await get(after, '/equipe/sessions');
    expect(list).toContain('Une session est annulée sur le site alors que des personnes y sont encore inscrites');
    expect(list).toContain('Annulée sur le site : 3 personnes inscrites à prévenir (dont 1 en liste d’attente)');

    const page = await get(after, `/equipe/sessions/${KEY}`);
    const explanation =
      'La session est annulée sur le site. Les personnes inscrites n’en savent rien tant que vous ne les prévenez pas.';
    expect(page).toContain(explanation);
    // First on the page, before the places, and only once; the motif offered says why.
    expect(page.indexOf(explanation)).toBeLessThan(page.indexOf('Feuille d’émargement'));
    expect(page.split('action="/equipe/sessions/ecole-inclusive/mars-a/annuler"')).toHaveLength(2);
    expect(page).toContain('value="annoncée sur le site"');

    // The same rules as ever: from another site, refused; without the confirmation, nothing changes.
    const cancel = (body: Record<string, string>, origin = ORIGIN) =>
      after.request(`/equipe/sessions/${KEY}/annuler`, {
        method: 'POST',
        headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(body).toString(),
      });
    expect((await cancel({ motif: 'annoncée sur le site', confirmer: 'oui' }, 'https://ailleurs.example')).status).toBe(403);
    // No freed place is given in a session that will not take place.
    const waiting = (await backend.store.equipe!().requests('inscription-formation')).find((r) => r.waitingList)!;
    const give = await after.request(`/equipe/sessions/${KEY}/place`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ demande: waiting.id }).toString(),
    });
    expect(plain(decodeURIComponent(give.headers.get('location')!))).toContain(
      'annulée sur le site : il n’y a pas de place à donner',
    );
    await cancel({ motif: 'annoncée sur le site' });
    expect(await get(after, '/equipe/sessions')).toContain('3 personnes inscrites à prévenir');

    const done = await cancel({ motif: 'annoncée sur le site', confirmer: 'oui' });
    expect(done.status).toBe(303);
    expect(plain(decodeURIComponent(done.headers.get('location')!))).toContain('3 personne(s) prévenue(s) par e-mail');
    const told = await backend.rows(
      "SELECT recipients_json FROM outbox WHERE subject = 'session-annulee' ORDER BY recipients_json",
    );
    expect(told.map((r) => r.recipients_json)).toEqual([
      '["premier@exemple.fr"]',
      '["second@exemple.fr"]',
      '["troisieme@exemple.fr"]',
    ]);
    const audit = await backend.store.equipe!().auditLog(50);
    expect(audit.filter((e) => e.action === 'annulation_session').map((e) => e.target)).toEqual([KEY]);

    // Told: the list and the page say so, with the day (the fixture's clock: 15 January 2027), and no form is left.
    const listAfter = await get(after, '/equipe/sessions');
    expect(listAfter).toContain('Annulée sur le site : 3 personnes prévenues le 15 janvier 2027');
    expect(listAfter).not.toContain('à prévenir');
    const pageAfter = await get(after, `/equipe/sessions/${KEY}`);
    expect(pageAfter).toContain('3 personnes prévenues le 15 janvier 2027');
    expect(pageAfter).not.toContain(explanation);
    expect(pageAfter).not.toContain('/annuler"');
  });

  it('the editor’s route gives counts only, with the inbox’s link, absolute when given the public origin', async () => {
    const deps = equipeDeps(appDeps(true))!;
    const editor = new Hono();
    editor.route('/admin/api/inscrits', inscritsRoute(deps, { origine: `${ORIGIN}/` }));
    editor.route('/relatif', inscritsRoute(deps));
    const ask = async (p: string) => {
      const res = await editor.request(p);
      return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as unknown };
    };
    await signUpThree();
    expect(await ask('/admin/api/inscrits?formation=ecole-inclusive&session=mars-a')).toEqual({
      status: 200,
      cache: 'no-store',
      body: { inscrits: 2, attente: 1, prevenus: 0, lien: `${ORIGIN}/equipe/sessions/ecole-inclusive/mars-a` },
    });
    // The team cancels it from the inbox (the store's own cancellation, as sessions.ts calls it): all three told.
    await deps.equipe.cancelSession({ sessionKey: KEY, staffId: 'equipe', at: NOW.toISOString(), reason: 'session annulée' });
    expect((await ask('/admin/api/inscrits?formation=ecole-inclusive&session=mars-a')).body).toMatchObject({
      inscrits: 0,
      attente: 0,
      prevenus: 3,
    });
    const open = appWith(false);
    for (const nom of ['Un', 'Deux', 'Trois'])
      await open.request('/f/inscription-formation', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ ...validSubmissions['inscription-formation'], session: 'juin', nom }),
      });
    const juin = await ask('/admin/api/inscrits?formation=ecole-inclusive&session=juin');
    expect(juin.body).toEqual({ inscrits: 3, attente: 0, prevenus: 0, lien: `${ORIGIN}/equipe/sessions/ecole-inclusive/juin` });
    // Never a name nor an address.
    expect(JSON.stringify(juin.body)).not.toMatch(/Un|Deux|Trois|Diallo|exemple\.fr/);
    expect((await ask('/relatif?formation=ecole-inclusive&session=juin')).body).toEqual({
      inscrits: 3,
      attente: 0,
      prevenus: 0,
      lien: '/equipe/sessions/ecole-inclusive/juin',
    });
    // A session nobody signed up to; then bad input, in French.
    expect((await ask('/relatif?formation=ecole-inclusive&session=nouvelle-session')).body).toMatchObject({
      inscrits: 0,
      attente: 0,
    });
    for (const q of ['', '?formation=ecole-inclusive', '?formation=../x&session=juin', '?formation=a&session=A%20B']) {
      const bad = await ask(`/relatif${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body, q).toEqual({ erreur: 'Indiquez la formation et la session (leurs identifiants).' });
    }
  });
});

describe('countSession', () => {
  const row = (over: Partial<InboxRequest>): InboxRequest => ({
    id: Math.random().toString(36),
    formKey: 'inscription-formation',
    receivedAt: '2027-01-10T10:00:00Z',
    sealed: false,
    clearJson: '{"email":"x@exemple.fr"}',
    sessionKey: KEY,
    waitingList: false,
    cancelled: false,
    state: 'nouveau',
    ...over,
  });
  it('tells apart places, waiting list, cancelled alone and cancelled with the session (with or without an address)', () => {
    const told = { cancelled: true, waitingList: undefined, state: 'clos' as const };
    const rows = [
      row({}),
      row({ waitingList: true }),
      row({ ...told, reason: 'annulée par la personne', updatedAt: '2027-01-14T09:00:00Z' }),
      row({ ...told, reason: 'session annulée', updatedAt: '2027-01-12T09:00:00Z' }),
      row({ ...told, reason: 'session annulée : annoncée sur le site', updatedAt: '2027-01-13T09:00:00Z', clearJson: '{}' }),
      row({ sessionKey: 'ecole-inclusive/juin' }),
    ];
    expect(countSession(rows, KEY)).toEqual({
      inscrits: 1,
      attente: 1,
      prevenus: 2,
      sansAdresse: 1,
      prevenusLe: '2027-01-13T09:00:00Z',
    });
    expect(countSession(rows, 'autre/session')).toEqual({ inscrits: 0, attente: 0, prevenus: 0, sansAdresse: 0 });
  });
});
