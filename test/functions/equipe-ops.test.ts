/**
 * The inbox's operations on each back-end (the harness: SQLite, PostgreSQL, the Worker on D1): the first
 * administrator from the operator's secret (EQUIPE_PREMIERE_INVITATION), accepted once and only while no
 * administrator can sign in; each person's notification setting (« Mon compte », a plain form, same-origin
 * posts only); the e-mail at each request for those who chose it, with the link to the request in the inbox;
 * the daily digest, counts and links only, nothing of a sealed form, once a day. Real SMTP server (smtp-server).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIRST_ADMIN, invite, type NewPerson } from '../../functions/equipe/invitations.ts';
import { sha256 } from '../../functions/equipe/tokens.ts';
import { deliverDue } from '../../functions/notify/deliver.ts';
import { sendDigests } from '../../functions/notify/staff-notices.ts';
import { smtpMailer, smtpSettingsFromEnv } from '../../functions/notify/smtp.ts';
import { forms } from '../../src/schemas/forms/index.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { SoftPasskey } from './equipe-authenticator.ts';
import { FIRST_INVITATION_TOKEN, makeHarness, ORIGIN, settings, type Harness } from './harness.ts';
import { freePort, SmtpSink } from './smtp-sink.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()), 60_000);
afterEach(() => h.cleanup());

const json = { 'content-type': 'application/json', origin: ORIGIN };
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.match(/__Host-equipe=([^;]*)/)?.[1];
const person = (over: Partial<NewPerson>): NewPerson => ({
  name: 'Awa Admin',
  email: `awa${Math.random()}@exemple.fr`,
  role: 'administrateur',
  teams: [],
  quartiers: [],
  ...over,
});

/** Enrols a software passkey from an invitation token, over HTTP; the session cookie. */
async function enrolToken(token: string) {
  const passkey = await SoftPasskey.create();
  const options = await h.app.request(`/equipe/invitation/${token}/options`, { method: 'POST', headers: json });
  if (options.status !== 200) return { status: options.status, cookie: '' };
  const res = await h.app.request(`/equipe/invitation/${token}/verifier`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify(await passkey.register(await options.json(), ORIGIN)),
  });
  return { status: res.status, cookie: `__Host-equipe=${cookieOf(res)}` };
}
async function enrol(over: Partial<NewPerson>) {
  const { token, staff } = await invite(h.store.equipe!(), person(over), 'console', NOW);
  return { staff, ...(await enrolToken(token)) };
}
const get = (path: string, cookie?: string) => h.app.request(path, { headers: cookie ? { cookie } : {} });
const post = (path: string, cookie: string, body: Record<string, string>, origin = ORIGIN) =>
  h.app.request(path, {
    method: 'POST',
    headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body).toString(),
  });

describe('the first administrator from the operator’s secret', () => {
  it('is accepted once while no administrator can sign in, then refused like a used invitation', async () => {
    const page = await get(`/equipe/invitation/${FIRST_INVITATION_TOKEN}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`Bonjour ${FIRST_ADMIN.name}`);
    const { status, cookie } = await enrolToken(FIRST_INVITATION_TOKEN);
    expect(status).toBe(200);
    expect((await get('/equipe/personnes', cookie)).status).toBe(200);
    const equipe = h.store.equipe!();
    const admin = (await equipe.staffByEmail(FIRST_ADMIN.email))!;
    expect(admin.role).toBe('administrateur');
    expect((await equipe.auditLog(10)).map((e) => `${e.staffId}:${e.action}:${e.target ?? ''}`)).toContain(
      `secret:invitation:${admin.id}`,
    );
    // Only its hash is stored; used, the same token opens nothing any more.
    expect(JSON.stringify(await h.rows('SELECT token_hash FROM invitations'))).not.toContain(FIRST_INVITATION_TOKEN);
    expect((await h.rows('SELECT token_hash FROM invitations'))[0]!.token_hash).toBe(await sha256(FIRST_INVITATION_TOKEN));
    expect((await get(`/equipe/invitation/${FIRST_INVITATION_TOKEN}`)).status).toBe(404);
    expect((await enrolToken(FIRST_INVITATION_TOKEN)).status).toBe(403);
  });

  it('is refused once an administrator has signed in, and any other token is unknown', async () => {
    expect((await get('/equipe/invitation/essai-autre-jeton-0123456789abcdef0123')).status).toBe(404);
    await enrol({});
    expect((await get(`/equipe/invitation/${FIRST_INVITATION_TOKEN}`)).status).toBe(404);
    expect((await enrolToken(FIRST_INVITATION_TOKEN)).status).toBe(403);
    expect(await h.store.equipe!().staffByEmail(FIRST_ADMIN.email)).toBeUndefined();
  });
});

describe('notifications a team can live with', () => {
  let sink: SmtpSink;
  beforeEach(async () => {
    sink = new SmtpSink(await freePort());
    await sink.start('up');
  });
  afterEach(() => sink.stop());
  const mail = (now: Date) => ({
    store: h.store,
    mailer: smtpMailer(
      smtpSettingsFromEnv({
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(sink.port),
        SMTP_FROM: 'Fabrique <formulaires@fabrique.test>',
        SMTP_TLS: 'aucun',
      })!,
    ),
    clock: { now: () => now },
    mailDomain: 'fabrique.test',
    staff: { equipe: h.store.equipe!(), settings },
  });
  const submit = async (form: keyof typeof validSubmissions) =>
    ((await (await h.postJson(form, validSubmissions[form])).json()) as { id: string }).id;

  it('each person chooses on their own page; posts from elsewhere and unknown choices are refused', async () => {
    const { cookie, staff } = await enrol({});
    const page = await (await get('/equipe/compte', cookie)).text();
    expect(page).toMatch(/value="quotidien"\s+checked/);
    expect((await post('/equipe/compte/notifications', cookie, { mode: 'immediat' }, 'https://ailleurs.test')).status).toBe(403);
    expect((await post('/equipe/compte/notifications', cookie, { mode: 'toutes-les-heures' })).status).toBe(400);
    expect((await h.store.equipe!().notifySetting(staff.id)).mode).toBe('quotidien');
    const saved = await post('/equipe/compte/notifications', cookie, { mode: 'immediat' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/equipe/compte?enregistre=1');
    expect(await (await get('/equipe/compte?enregistre=1', cookie)).text()).toMatch(/value="immediat"\s+checked/);
    expect((await get('/equipe/compte')).status).toBe(303);
  });

  it('at once for those who chose it, with the link to the request; a daily digest of counts for the others', async () => {
    const equipe = h.store.equipe!();
    const atOnce = await enrol({ name: 'Awa Admin' });
    await post('/equipe/compte/notifications', atOnce.cookie, { mode: 'immediat' });
    const daily = await enrol({ name: 'Bilal Membre', role: 'membre', teams: ['fabrique'] });
    const none = await enrol({ name: 'Chloé Admin' });
    await post('/equipe/compte/notifications', none.cookie, { mode: 'aucun' });
    const otherTeam = await enrol({ name: 'Denis Autre', role: 'membre', teams: ['autre'] });
    await equipe.setNotifyMode(otherTeam.staff.id, 'immediat', NOW.toISOString());
    // Invited, never signed in: no e-mail from the inbox.
    await invite(equipe, person({ name: 'Eve Invitée' }), 'console', NOW);

    const clear = await submit('agir');
    const sealed = await submit('demande-aide');
    expect(await deliverDue(mail(NOW))).toEqual({ sent: 2, failed: 0 });
    const of = (id: string) => sink.received.find((m) => m.headers['message-id']!.startsWith(`<${id}.`))!;
    for (const id of [clear, sealed]) {
      expect(of(id).headers.to).toContain(atOnce.staff.email);
      for (const other of [daily, none, otherTeam]) expect(of(id).headers.to).not.toContain(other.staff.email);
      expect(of(id).text).toContain(`https://fabrique.test/equipe/demandes/${id}`);
    }
    expect(of(sealed).text).toContain('scellé');

    sink.received.length = 0;
    expect(await sendDigests({ ...mail(NOW), ...mail(NOW).staff })).toEqual({ sent: 1, failed: 0 });
    const [digest] = sink.received;
    expect(digest!.headers.to).toBe(daily.staff.email);
    expect(digest!.text).toContain(`${forms.agir.title}\u00a0: 1\u00a0nouvelle`);
    expect(digest!.text).toContain('https://fabrique.test/equipe/demandes?formulaire=agir');
    expect(digest!.text).toContain('https://fabrique.test/equipe/compte');
    // Never a submitted value; nothing of a sealed form.
    for (const value of Object.values(validSubmissions.agir)
      .flat()
      .filter((v) => v.length >= 4))
      expect(`${digest!.raw}\n${digest!.text}`, value).not.toContain(value);
    expect(digest!.text).not.toContain(forms['demande-aide'].title);
    expect(digest!.text).not.toContain(sealed);

    // Once a day, whatever the number of runs (or of instances).
    const twice = await Promise.all([
      sendDigests({ ...mail(NOW), ...mail(NOW).staff }),
      sendDigests({ ...mail(NOW), ...mail(NOW).staff }),
    ]);
    expect(twice.map((r) => r.sent)).toEqual([0, 0]);
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    expect(await sendDigests({ ...mail(tomorrow), ...mail(tomorrow).staff })).toEqual({ sent: 1, failed: 0 });
    expect(sink.received[1]!.text).toContain(
      `${forms.agir.title}\u00a0: 0\u00a0nouvelle depuis le dernier résumé, 1\u00a0non prise en charge`,
    );
  });

  it('a digest the mail server refused is sent at the next run', async () => {
    const daily = await enrol({ name: 'Bilal Membre', role: 'membre', teams: ['fabrique'] });
    await submit('agir');
    sink.mode = '5xx';
    expect(await sendDigests({ ...mail(NOW), ...mail(NOW).staff })).toEqual({ sent: 0, failed: 1 });
    sink.mode = 'up';
    const later = new Date(NOW.getTime() + 60_000);
    expect(await sendDigests({ ...mail(later), ...mail(later).staff })).toEqual({ sent: 1, failed: 0 });
    expect(sink.received.map((m) => m.headers.to)).toEqual([daily.staff.email]);
  });
});
