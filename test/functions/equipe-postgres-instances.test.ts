/**
 * The teams' inbox on two Node instances sharing one PostgreSQL, as behind a load balancer: two createApp, each over
 * its own PostgresStore (its own pool) on the same database, with the same secret (FORMS_CLIENT_SECRET). An enrolment
 * begun on one finishes on the other; a session opened on one is valid on the other; a request taken on one is taken
 * on the other; sign-in attempts count across both; signing out everywhere on one ends the sessions on the other.
 * Skipped, loudly, without a test server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { invite } from '../../functions/equipe/invitations.ts';
import { PostgresStore } from '../../functions/store/postgres.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { SoftPasskey } from './equipe-authenticator.ts';
import { ORIGIN, settings } from './harness.ts';
import { freshDatabase, noPostgres as checkPostgres } from './postgres-server.ts';

const noPostgres = await checkPostgres();
const json = { 'content-type': 'application/json', origin: ORIGIN };
const cookieOf = (res: Response) => `__Host-equipe=${res.headers.get('set-cookie')?.match(/__Host-equipe=([^;]*)/)?.[1]}`;

/** One instance: its own store and app on the shared database, the shared secret. */
async function instance(url: string) {
  const store = await PostgresStore.open(url);
  const rateLimit = { max: 1000, windowMs: 60_000 };
  const app = createApp({
    store,
    clock: { now: () => NOW },
    config: { origins: [ORIGIN], settings, content, rateLimit, clientHashSalt: 'secret-partage-par-les-deux-instances' },
    rateLimit: store.rateLimiter(rateLimit),
    clientAddress: () => '203.0.113.7',
    log: () => {},
  });
  return { store, request: async (path: string, init?: RequestInit) => app.request(path, init) };
}
type Instance = Awaited<ReturnType<typeof instance>>;

describe.skipIf(noPostgres)('the teams’ inbox on two Node instances sharing one PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let a: Instance;
  let b: Instance;
  beforeEach(async () => {
    db = await freshDatabase();
    [a, b] = await Promise.all([instance(db.url), instance(db.url)]);
  });
  afterEach(async () => {
    await Promise.all([a.store.close(), b.store.close()]);
    await db.drop();
  });

  const signIn = async (on: Instance, key: SoftPasskey) => {
    const options = await (await on.request('/equipe/connexion/options', { method: 'POST', headers: json })).json();
    return on.request('/equipe/connexion/verifier', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(await key.authenticate(options, ORIGIN)),
    });
  };
  const get = (on: Instance, path: string, cookie: string) => on.request(path, { headers: { cookie } });
  const post = (on: Instance, path: string, cookie: string, body: Record<string, string>) =>
    on.request(path, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body).toString(),
    });

  it('enrolment, sessions, a request’s state, the sign-in limit and signing out everywhere hold across both', async () => {
    const { token, staff } = await invite(
      a.store.equipe(),
      { name: 'Awa Admin', email: 'awa@exemple.fr', role: 'administrateur', teams: [], quartiers: [] },
      'console',
      NOW,
    );
    // Options (a signed challenge) from A, the passkey's answer to B.
    const passkey = await SoftPasskey.create();
    const options = await (await a.request(`/equipe/invitation/${token}/options`, { method: 'POST', headers: json })).json();
    const enrolled = await b.request(`/equipe/invitation/${token}/verifier`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(await passkey.register(options, ORIGIN)),
    });
    expect(enrolled.status).toBe(200);
    const cookie = cookieOf(enrolled);
    expect((await get(a, '/equipe/demandes', cookie)).status).toBe(200);

    // A request sent through A, taken on B, seen taken on A.
    const sent = await a.request('/f/agir', {
      method: 'POST',
      headers: { ...json, accept: 'application/json' },
      body: JSON.stringify(validSubmissions.agir),
    });
    const { id } = (await sent.json()) as { id: string };
    expect((await post(b, `/equipe/demandes/${id}/etat`, cookie, { action: 'prendre' })).status).toBe(303);
    expect(await a.store.equipe().request(id)).toMatchObject({ state: 'en_cours', assigneeId: staff.id });
    expect(await (await get(a, `/equipe/demandes/${id}`, cookie)).text()).toContain('Awa Admin');

    // The enrolment counted 1; a sign-in on each makes 3; 7 failures alternating reach 10; the next is refused.
    const second = await signIn(b, passkey);
    expect(second.status).toBe(200);
    expect((await signIn(a, passkey)).status).toBe(200);
    const stranger = await SoftPasskey.create();
    for (let i = 0; i < 7; i++) expect((await signIn(i % 2 ? a : b, stranger)).status).toBe(401);
    expect((await signIn(a, passkey)).status).toBe(429);
    expect((await signIn(b, passkey)).status).toBe(429);

    // Signing out everywhere on A ends the session opened on B.
    const other = cookieOf(second);
    expect((await get(b, '/equipe/demandes', other)).status).toBe(200);
    expect((await post(a, '/equipe/deconnexion-partout', cookie, {})).status).toBe(303);
    expect((await get(b, '/equipe/demandes', other)).status).toBe(303);
    expect((await get(b, '/equipe/demandes', cookie)).status).toBe(303);
  });
});
