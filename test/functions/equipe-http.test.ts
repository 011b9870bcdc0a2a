/**
 * The teams' inbox over HTTP, on each back-end (the harness: SQLite, PostgreSQL, the Worker on D1): enrolment
 * from a single-use invitation, passkey sign-in, session cookie and sign-out everywhere, rate-limited failures,
 * roles enforced on the server, posts from another origin refused, and the audit of every reading and change.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invite } from '../../functions/equipe/invitations.ts';
import type { NewPerson } from '../../functions/equipe/invitations.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { SoftPasskey } from './equipe-authenticator.ts';
import { makeHarness, onWorker, ORIGIN, type Harness } from './harness.ts';

let h: Harness;
// The first harness on D1 bundles the Worker: slower than the default 10 s on a busy machine.
beforeEach(async () => (h = await makeHarness()), 60_000);
afterEach(() => h.cleanup());

const json = { 'content-type': 'application/json', origin: ORIGIN };
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.match(/__Host-equipe=([^;]*)/)?.[1];
const person = (over: Partial<NewPerson> = {}): NewPerson => ({
  name: 'Awa Admin',
  email: `awa${Math.random()}@exemple.fr`,
  role: 'administrateur',
  teams: [],
  quartiers: [],
  ...over,
});

/** Invites, enrols a software passkey, and returns the session cookie and the passkey. */
async function enrol(over: Partial<NewPerson> = {}) {
  const { token, staff } = await invite(h.store.equipe!(), person(over), 'console', NOW);
  const passkey = await SoftPasskey.create();
  const options = await (await h.app.request(`/equipe/invitation/${token}/options`, { method: 'POST', headers: json })).json();
  const res = await h.app.request(`/equipe/invitation/${token}/verifier`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(await passkey.register(options, ORIGIN)),
  });
  return { res, token, staff, passkey, cookie: `__Host-equipe=${cookieOf(res)}` };
}
const get = (path: string, cookie?: string) => h.app.request(path, { headers: cookie ? { cookie } : {} });
const post = (path: string, cookie: string, body: Record<string, string>, origin = ORIGIN) =>
  h.app.request(path, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });
const submit = async (form: keyof typeof validSubmissions, over: Record<string, string> = {}) =>
  ((await (await h.postJson(form, { ...validSubmissions[form], ...over })).json()) as { id: string }).id;
const auditActions = async () => (await h.store.equipe!().auditLog(100)).map((e) => `${e.action}:${e.target ?? ''}`);

describe('sign-in without passwords', () => {
  it('an invitation enrols a passkey once, and opens a session in a __Host- cookie (HttpOnly, Secure, SameSite=Strict)', async () => {
    const { res, token, staff, cookie } = await enrol();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, suite: '/equipe/demandes' });
    const set = res.headers.get('set-cookie')!;
    expect(set).toMatch(/^__Host-equipe=[A-Za-z0-9_-]{43};/);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/Secure/);
    expect(set).toMatch(/SameSite=Strict/);
    expect(set).toMatch(/Path=\//);
    expect((await get('/equipe/demandes', cookie)).status).toBe(200);
    // Used: the link no longer works, and the token is nowhere in the database.
    expect((await h.app.request(`/equipe/invitation/${token}/options`, { method: 'POST', headers: json })).status).toBe(403);
    expect((await get(`/equipe/invitation/${token}`)).status).toBe(404);
    const rows = await h.rows('SELECT token_hash FROM invitations');
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(await h.rows('SELECT token_hash FROM staff_sessions'))).not.toContain(cookie.split('=')[1]);
    expect(await auditActions()).toContain(`inscription_cle:${staff.id}`);
  });

  it('without a session every inbox page sends to the sign-in page', async () => {
    for (const path of [
      '/equipe/demandes',
      '/equipe/demandes/x',
      '/equipe/journal',
      '/equipe/journal.csv',
      '/equipe/personnes',
      '/equipe/rgpd',
    ]) {
      const res = await get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location')).toBe('/equipe/connexion');
    }
    expect((await get('/equipe/demandes', '__Host-equipe=faux')).status).toBe(303);
    expect((await get('/equipe/connexion')).status).toBe(200);
  });

  const inboxPages = (token: string, id: string) => [
    '/equipe/connexion',
    `/equipe/invitation/${token}`,
    '/equipe/demandes',
    `/equipe/demandes/${id}`,
    '/equipe/journal',
    '/equipe/personnes',
    '/equipe/sessions',
    '/equipe/rgpd',
  ];

  // The Node harness builds createApp in production; the Worker takes its mode from FABRIQUE_DEMONSTRATION,
  // as its forms do, and the tests run in demonstration: each back-end is checked in the mode it runs.
  it.skipIf(onWorker)('in production, no inbox page speaks of a demonstration, nor offers its account', async () => {
    const { token, cookie } = await enrol();
    const id = await submit('demande-aide');
    for (const path of inboxPages(token, id)) {
      const text = await (await get(path, cookie)).text();
      expect(text, path).toContain('Espace équipe');
      expect(text, path).not.toMatch(/démonstration/i);
    }
    expect((await post('/equipe/demonstration', cookie, {})).status).toBe(404);
  });

  it.runIf(onWorker)('the Worker in demonstration says so on every inbox page, and offers its account', async () => {
    const { token, cookie } = await enrol();
    const id = await submit('demande-aide');
    for (const path of inboxPages(token, id)) {
      const text = await (await get(path, cookie)).text();
      expect(text, path).toContain('<strong>Démonstration</strong>');
    }
    expect(await (await get('/equipe/connexion')).text()).toContain('action="/equipe/demonstration"');
  });

  it('a passkey signs in; an unknown one is refused and audited; attempts are limited', async () => {
    const { passkey, staff } = await enrol();
    const signIn = async (key: SoftPasskey) => {
      const options = await (await h.app.request('/equipe/connexion/options', { method: 'POST', headers: json })).json();
      return h.app.request('/equipe/connexion/verifier', {
        method: 'POST',
        headers: json,
        body: JSON.stringify(await key.authenticate(options, ORIGIN)),
      });
    };
    const ok = await signIn(passkey);
    expect(ok.status).toBe(200);
    expect((await get('/equipe/demandes', `__Host-equipe=${cookieOf(ok)}`)).status).toBe(200);
    const stranger = await SoftPasskey.create();
    const refused = await signIn(stranger);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { erreur: string }).erreur).toMatch(/Connexion refusée/);
    expect(await auditActions()).toEqual(expect.arrayContaining([`connexion:`, `echec_connexion:`]));
    expect((await h.store.equipe!().auditLog(100)).find((e) => e.action === 'connexion')?.staffId).toBe(staff.id);
    // Enrolment counted 1, two sign-ins 2: 7 more reach the limit of 10, the next is refused.
    for (let i = 0; i < 7; i++) await signIn(stranger);
    const limited = await signIn(passkey);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { erreur: string }).erreur).toMatch(/Trop d’essais/);
  });

  it('recovery: a new invitation replaces the lost passkey, and ends the sessions it opened', async () => {
    const first = await enrol({ email: 'perdu@exemple.fr' });
    const { token } = await invite(h.store.equipe!(), person({ email: 'perdu@exemple.fr' }), 'console', NOW);
    const fresh = await SoftPasskey.create();
    const options = await (await h.app.request(`/equipe/invitation/${token}/options`, { method: 'POST', headers: json })).json();
    const res = await h.app.request(`/equipe/invitation/${token}/verifier`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(await fresh.register(options, ORIGIN)),
    });
    expect(res.status).toBe(200);
    expect((await get('/equipe/demandes', first.cookie)).status).toBe(303);
    const creds = await h.store.equipe!().credentialsOf(first.staff.id);
    expect(creds.map((c) => c.id)).toEqual([Buffer.from(fresh.id).toString('base64url')]);
  });

  it('sign-out everywhere ends every session of the person', async () => {
    const { cookie, passkey } = await enrol();
    const options = await (await h.app.request('/equipe/connexion/options', { method: 'POST', headers: json })).json();
    const second = await h.app.request('/equipe/connexion/verifier', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(await passkey.authenticate(options, ORIGIN)),
    });
    const other = `__Host-equipe=${cookieOf(second)}`;
    expect((await get('/equipe/demandes', other)).status).toBe(200);
    const out = await post('/equipe/deconnexion-partout', cookie, {});
    expect(out.status).toBe(303);
    expect((await get('/equipe/demandes', cookie)).status).toBe(303);
    expect((await get('/equipe/demandes', other)).status).toBe(303);
  });
});

describe('working requests', () => {
  it('posts from another site, or without an origin, are refused', async () => {
    const { cookie } = await enrol();
    const id = await submit('agir');
    const elsewhere = await post(`/equipe/demandes/${id}/etat`, cookie, { action: 'prendre' }, 'https://autre.example');
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.text()).toMatch(/ne vient pas de l’espace équipe/);
    const none = await h.app.request(`/equipe/demandes/${id}/etat`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'action=prendre',
    });
    expect(none.status).toBe(403);
    expect((await h.store.equipe!().request(id))?.state).toBe('nouveau');
  });

  it('take, close with a reason (required), note, hand over: each in the history and the audit', async () => {
    const { cookie, staff } = await enrol();
    const id = await submit('agir');
    expect((await post(`/equipe/demandes/${id}/etat`, cookie, { action: 'prendre' })).status).toBe(303);
    expect(await h.store.equipe!().request(id)).toMatchObject({ state: 'en_cours', assigneeId: staff.id });
    const noReason = await post(`/equipe/demandes/${id}/etat`, cookie, { action: 'clore', raison: ' ' });
    expect(decodeURIComponent(noReason.headers.get('location')!)).toMatch(/motif de clôture/);
    await post(`/equipe/demandes/${id}/etat`, cookie, { action: 'clore', raison: 'Orienté vers le CCAS' });
    await post(`/equipe/demandes/${id}/note`, cookie, { texte: 'Rappelé le 16' });
    await post(`/equipe/demandes/${id}/transmettre`, cookie, { equipe: 'fabrique', quartier: '' });
    const page = await (await get(`/equipe/demandes/${id}`, cookie)).text();
    expect(page).toContain('Close');
    expect(page).toContain('Orienté vers le CCAS');
    expect(page).toContain('Rappelé le 16');
    expect(page).toContain('Kerhervé');
    expect(await auditActions()).toEqual(
      expect.arrayContaining([`changement_etat:${id}`, `note:${id}`, `transmission:${id}`, `lecture:${id}`]),
    );
    const journal = await (await get('/equipe/journal', cookie)).text();
    expect(journal).toContain('changement_etat');
  });

  it('roles on the server: a team member sees their team’s forms, a référent their quartier, admin pages are refused', async () => {
    const clear = await submit('agir');
    const sealed = await submit('demande-aide');
    const member = await enrol({ role: 'membre', teams: ['essai'] });
    const list = await (await get('/equipe/demandes', member.cookie)).text();
    expect(list).toContain(sealed);
    expect(list).not.toContain(clear);
    expect((await get(`/equipe/demandes/${clear}`, member.cookie)).status).toBe(404);
    expect((await post(`/equipe/demandes/${clear}/etat`, member.cookie, { action: 'prendre' })).status).toBe(404);
    expect((await get('/equipe/journal', member.cookie)).status).toBe(403);
    expect((await get('/equipe/personnes', member.cookie)).status).toBe(403);
    const referent = await enrol({ role: 'referent', quartiers: ['centre'] });
    expect((await get(`/equipe/demandes/${sealed}`, referent.cookie)).status).toBe(404);
    // Handed to the quartier's referents, it is theirs to see.
    await post(`/equipe/demandes/${sealed}/transmettre`, member.cookie, { equipe: 'fabrique', quartier: 'centre' });
    expect((await get(`/equipe/demandes/${sealed}`, referent.cookie)).status).toBe(200);
  });

  it('a sealed request: the page carries sealed bytes only; a clear note on it is refused', async () => {
    const { cookie } = await enrol();
    const id = await submit('demande-aide');
    const page = await (await get(`/equipe/demandes/${id}`, cookie)).text();
    expect(page).not.toContain('dormir');
    expect(page).toMatch(/data-ct="[A-Za-z0-9_-]{600,}"/);
    const res = await post(`/equipe/demandes/${id}/note`, cookie, { texte: 'secret en clair' });
    expect(decodeURIComponent(res.headers.get('location')!)).toMatch(/doit être scellée/);
    expect(await h.store.equipe!().notes(id)).toEqual([]);
  });

  it('every inbox page has its own strict policy and is never cached', async () => {
    const { cookie } = await enrol();
    const res = await get('/equipe/demandes', cookie);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('RGPD: an administrator finds a person’s requests by e-mail or phone, exports and erases them; the audit stays', async () => {
    const { cookie } = await enrol();
    const mine = await submit('agir');
    const other = await submit('agir', { email: 'autre@exemple.fr' });
    const call = await submit('e2c');
    const found = await (await get('/equipe/rgpd?personne=YANN%40exemple.fr', cookie)).text();
    expect(found).toContain(mine);
    expect(found).not.toContain(other);
    expect(await (await get('/equipe/rgpd?personne=07%2000%2000%2000%2000', cookie)).text()).toContain(call);
    const exported = await post('/equipe/rgpd/action', cookie, { ids: mine, action: 'exporter' });
    expect(exported.headers.get('content-type')).toMatch(/application\/json/);
    expect((await exported.json()) as unknown).toEqual([
      expect.objectContaining({ id: mine, valeurs: expect.objectContaining({ nom: 'Kerhervé' }) }),
    ]);
    const unconfirmed = await post('/equipe/rgpd/action', cookie, { ids: mine, action: 'effacer' });
    expect(unconfirmed.status).toBe(400);
    const erased = await post('/equipe/rgpd/action', cookie, { ids: mine, action: 'effacer', confirmer: 'oui' });
    expect(await erased.text()).toContain('1\u00a0demande(s) effacée(s)');
    expect(await h.rows('SELECT id FROM submissions WHERE id = ?', mine)).toEqual([]);
    expect(await auditActions()).toEqual(expect.arrayContaining([`export:${mine}`, `suppression:${mine}`]));
    const member = await enrol({ role: 'membre', teams: ['fabrique'] });
    expect((await get('/equipe/rgpd?personne=autre%40exemple.fr', member.cookie)).status).toBe(403);
    expect((await post('/equipe/rgpd/action', member.cookie, { ids: other, action: 'effacer', confirmer: 'oui' })).status).toBe(
      403,
    );
  });

  it('training sessions: places and waiting list in order, attendance sheet and CSV, audited', async () => {
    const { cookie } = await enrol();
    const form = validSubmissions['inscription-formation'];
    const first = await submit('inscription-formation', { nom: 'Premier' });
    await submit('inscription-formation', { nom: 'Second' });
    const key = `${String(form.formation)}/${String(form.session)}`;
    const list = await (await get('/equipe/sessions', cookie)).text();
    expect(list).toContain(`/equipe/sessions/${key}`);
    const page = await (await get(`/equipe/sessions/${key}`, cookie)).text();
    // Order of arrival is the time received (to the millisecond); the harness's clock is pinned, so both are there.
    expect(page).toContain('Premier');
    expect(page).toContain('Second');
    expect(await (await get(`/equipe/sessions/${key}/emargement`, cookie)).text()).toContain('Signature');
    const csv = await (await get(`/equipe/sessions/${key}/inscriptions.csv`, cookie)).text();
    expect(csv.split('\r\n')[0]).toBe('"liste","ordre","prenom","nom","structure","email","telephone","demande"');
    expect(csv).toContain(first);
    expect(await auditActions()).toEqual(expect.arrayContaining([`export:${key}`]));
  });
});
