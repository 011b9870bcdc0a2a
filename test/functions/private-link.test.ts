/**
 * A resident's private link /suivi/<token> (issue 19, item 6), through HTTP on a real store, on each back-end
 * (SQLite, PostgreSQL, the Worker with D1), with mail delivered to a real SMTP server (smtp-server). What a
 * resident relies on: the sign-up's answer is that page; it shows the state in French and nobody's data; it is
 * not kept, not indexed, not guessable (only its hash is stored); cancelling frees the place at once for the
 * first person waiting, who is told by e-mail; a wrong, malformed or erased link is a plain French page, never
 * a 5xx. Only the form with `privateLink` gives one, on its answer and in its confirmation e-mail.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomToken, sha256 } from '../../functions/equipe/tokens.ts';
import { deliverDue } from '../../functions/notify/deliver.ts';
import { smtpMailer } from '../../functions/notify/smtp.ts';
import { forms } from '../../src/schemas/forms/index.ts';
import { CONFIRMATION_FIELD } from '../../src/schemas/forms/shared-fields.ts';
import { escapeHtml } from '../../src/lib/forms/html.ts';
import { typographie } from '../../src/lib/page-tools/typographie.ts';
import { formatDateLongue } from '../../src/lib/time/dates.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, settings, type Harness } from './harness.ts';
import { freePort, SmtpSink } from './smtp-sink.ts';

let h: Harness;
let sink: SmtpSink;
beforeEach(async () => {
  h = await makeHarness();
  sink = new SmtpSink(await freePort());
  await sink.start('up');
});
afterEach(async () => {
  await sink.stop();
  await h.cleanup();
});

const INSCRIPTION = validSubmissions['inscription-formation']; // ecole-inclusive, mars-a: 5 places online
const LINK = /^\/suivi\/[A-Za-z0-9_-]{43}$/;
const PEOPLE = ['Awa', 'Bertrand', 'Chloe', 'Dara', 'Erwan', 'Fanny', 'Gael'];
const emailOf = (prenom: string) => `${prenom.toLowerCase()}@exemple.fr`;
const STATE = {
  received: 'Reçue\u00a0: l’équipe ne l’a pas encore ouverte.',
  waiting: 'Sur la liste d’attente. Reçue\u00a0: l’équipe ne l’a pas encore ouverte.',
  cancelled: 'Annulée\u00a0: votre place a été libérée.',
};

const deliver = () =>
  deliverDue({
    store: h.store,
    mailer: smtpMailer({ host: '127.0.0.1', port: sink.port, tls: 'aucun', from: 'f@fabrique.test', timeoutMs: 10_000 }),
    clock: { now: () => NOW },
    mailDomain: 'fabrique.test',
  });
const mailsTo = (address: string) => sink.received.filter((m) => m.headers.to === address);

/** Signs up as a browser does; the answer's location is the private link. */
async function signUp(prenom: string, extra: Record<string, string> = {}) {
  const res = await h.postForm('inscription-formation', urlEncoded({ ...INSCRIPTION, prenom, email: emailOf(prenom), ...extra }));
  expect(res.status).toBe(303);
  return res.headers.get('location')!;
}
const open = async (link: string) => {
  const res = await h.app.request(link);
  return { res, html: await res.text() };
};
/** The state line of the page, as the person reads it. */
const stateOf = (html: string) => /<strong>État\u00a0:<\/strong> ([^<]*)</.exec(html)?.[1];
/**
 * The page's cancel button, as a browser sends it: the page has no referrer, so its own post carries
 * "Origin: null" with Sec-Fetch-Site (protocol/origin.ts); `origin` for another site's post.
 */
const cancel = (link: string, origin?: string) =>
  h.app.request(`${link}/annuler`, {
    method: 'POST',
    headers: origin ? { origin, 'sec-fetch-site': 'cross-site' } : { origin: 'null', 'sec-fetch-site': 'same-origin' },
  });
/** Each person's place: taken, waiting, or cancelled (the session key kept, no place counted). */
const places = async () =>
  Object.fromEntries(
    (await h.rows("SELECT data_json, waiting_list FROM submissions WHERE form_key = 'inscription-formation'")).map((r) => [
      (JSON.parse(String(r.data_json)) as { prenom: string }).prenom,
      r.waiting_list === null ? 'annulée' : Number(r.waiting_list) === 1 ? 'attente' : 'place',
    ]),
  );
const expectPrivate = (res: Response) => {
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-robots-tag')).toMatch(/noindex/);
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
};

describe('a resident’s private link', () => {
  it('only non-sensitive forms have one', () => {
    const withLink = Object.values(forms).filter((f) => f.privateLink);
    expect(withLink.map((f) => f.key)).toEqual(['inscription-formation']);
    for (const f of withLink) {
      expect(f.sensitive).toBe(false);
      expect(settings[f.key].sensible).toBe(false);
    }
  });

  it('shows the state in French, no-store and noindex, and nobody’s data', async () => {
    const links: string[] = [];
    for (const prenom of PEOPLE.slice(0, 6)) links.push(await signUp(prenom));
    for (const link of links) expect(link).toMatch(LINK);
    expect(new Set(links).size).toBe(6);

    const { res, html } = await open(links[0]!);
    expect(res.status).toBe(200);
    expectPrivate(res);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(stateOf(html)).toBe(STATE.received);
    expect(html).toContain('S’inscrire à une formation');
    // What, when and where, as the session's thank-you page says them (the programme's public facts).
    const formation = content.formations.find((f) => f.id === INSCRIPTION.formation)!;
    const session = formation.sessions.find((x) => x.id === INSCRIPTION.session)!;
    expect(html).toContain(escapeHtml(typographie(formation.titre)));
    expect(html).toContain(typographie(formatDateLongue(session.date)));
    expect(html).toContain(escapeHtml(typographie(content.lieux[session.lieu]!)));
    expect(html).toContain('Annuler mon inscription');
    expect(stateOf((await open(links[5]!)).html)).toBe(STATE.waiting);
    // No page names anyone, nor their address: not the person (the link may be forwarded), not the others.
    for (const link of links) {
      const page = (await open(link)).html;
      for (const prenom of PEOPLE) expect(page).not.toContain(prenom);
      expect(page).not.toContain('exemple.fr');
      expect(page).not.toContain(String(INSCRIPTION.nom));
    }
  });

  it('cancelling frees the place at once; the first person waiting gets it and is told by e-mail', async () => {
    const links: Record<string, string> = {};
    for (const prenom of PEOPLE) links[prenom] = await signUp(prenom);
    expect(await places()).toMatchObject({ Erwan: 'place', Fanny: 'attente', Gael: 'attente' });
    // First in line: the earlier received. The tests' clock is pinned (same instant for all), so the tie goes
    // by id, as the store orders the waiting list (equipe-sql.ts) and the inbox shows it.
    const [first, second] = (
      await h.rows('SELECT data_json FROM submissions WHERE waiting_list = 1 ORDER BY received_at, id')
    ).map((r) => (JSON.parse(String(r.data_json)) as { prenom: string }).prenom) as [string, string];
    await deliver(); // the team's notifications of the seven sign-ups
    const before = sink.received.length;

    // A post from another site is refused, and changes nothing.
    expect((await cancel(links.Awa!, 'https://ailleurs.example')).status).toBe(403);
    expect((await places()).Awa).toBe('place');

    const done = await cancel(links.Awa!);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${links.Awa}?annule=oui`);
    const after = await open(done.headers.get('location')!);
    expectPrivate(after.res);
    expect(after.html).toContain('Votre inscription est annulée');
    expect(stateOf(after.html)).toBe(STATE.cancelled);
    expect(after.html).not.toContain('Annuler mon inscription');
    // The first in line has the place; the second is still waiting; Awa's sign-up counts no more.
    expect(await places()).toEqual({
      Awa: 'annulée',
      Bertrand: 'place',
      Chloe: 'place',
      Dara: 'place',
      Erwan: 'place',
      [first]: 'place',
      [second]: 'attente',
    });
    expect(stateOf((await open(links[first]!)).html)).toBe(STATE.received);
    expect(stateOf((await open(links[second]!)).html)).toBe(STATE.waiting);

    // The first in line is told, through the outbox and the mail server; nobody else is written to.
    expect(await deliver()).toEqual({ sent: 1, failed: 0 });
    const told = sink.received.slice(before);
    expect(told.map((m) => m.headers.to)).toEqual([emailOf(first)]);
    expect(told[0]!.headers.subject).toMatch(/^Une place s’est libérée pour vous/);
    expect(told[0]!.text).toContain('une place s’est libérée et elle vous est attribuée');
    for (const other of ['Awa', first, second, String(INSCRIPTION.nom)])
      expect(told[0]!.raw + told[0]!.text).not.toContain(other);

    // The link used again (a second click, a reload): the same answer, nothing moves, nobody is told.
    const again = await cancel(links.Awa!);
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toBe(`${links.Awa}?annule=oui`);
    expect((await places())[second]).toBe('attente');
    expect(await deliver()).toEqual({ sent: 0, failed: 0 });
  });

  it('a wrong, malformed, expired or erased link is a plain French page, never a 5xx', async () => {
    const wrong = [
      `/suivi/${'A'.repeat(43)}`,
      '/suivi/court',
      `/suivi/${'A'.repeat(44)}`,
      '/suivi/%3Cscript%3Ealert(1)%3C%2Fscript%3E',
      `/suivi/${'A'.repeat(42)}.`,
      `/suivi/${'é'.repeat(43)}`,
    ];
    for (const path of wrong) {
      for (const res of [await h.app.request(path), await cancel(path)]) {
        expect(res.status, path).toBe(404);
        expectPrivate(res);
        const html = await res.text();
        expect(html).toContain('Lien inconnu ou expiré');
        expect(html).toContain('Ce lien de suivi n’existe pas');
        expect(html).not.toContain('<script>');
      }
    }
    // Past its end (the form's retention; the day is pinned, so the store is given a link already ended),
    // then erased with the request: the same page.
    const agir = await h.postJson('agir', validSubmissions.agir);
    const token = randomToken();
    await h.store.equipe!().addPrivateLink(
      await sha256(token),
      ((await agir.json()) as { id: string }).id,
      '2000-01-01T00:00:00.000Z',
    );
    expect((await h.app.request(`/suivi/${token}`)).status).toBe(404);
    expect((await cancel(`/suivi/${token}`)).status).toBe(404);

    const res = await h.postJson('inscription-formation', { ...INSCRIPTION, prenom: 'Bertrand' });
    const { id, next } = (await res.json()) as { id: string; next: string };
    const link = new URL(next).pathname;
    expect((await h.app.request(link)).status).toBe(200);
    await h.store.erase([id]);
    expect(await h.rows('SELECT token_hash FROM private_links WHERE submission_id = ?', id)).toEqual([]);
    const gone = await h.app.request(link);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('Lien inconnu ou expiré');
  });

  it('cannot be guessed: 32 random bytes, only their hash stored', async () => {
    const links = [await signUp('Awa'), await signUp('Bertrand'), await signUp('Chloe')];
    const tokens = links.map((l) => l.slice('/suivi/'.length));
    expect(new Set(tokens).size).toBe(3);
    const stored = await h.rows('SELECT token_hash, submission_id FROM private_links');
    expect(stored).toHaveLength(3);
    const ids = (await h.rows('SELECT id FROM submissions')).map((r) => String(r.id));
    for (const token of tokens) {
      // 43 base64url characters: 256 bits from the CSPRNG, nothing of the submission's id or time in it.
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
      for (const id of ids) expect(token).not.toContain(id.slice(0, 8));
      // Not in the database: neither the link table, nor the submissions, nor the outbox (no confirmation asked).
      for (const table of ['private_links', 'submissions', 'outbox']) {
        expect(JSON.stringify(await h.rows(`SELECT * FROM ${table}`)), table).not.toContain(token);
      }
    }
  });

  it('the answer and the confirmation e-mail give the link only where the form has one', async () => {
    // The training sign-up, box ticked: the e-mail gives the same link, on the site's address; the team's does not.
    const link = await signUp('Awa', { [CONFIRMATION_FIELD]: 'oui' });
    expect(link).toMatch(LINK);
    expect(await h.rows("SELECT link FROM outbox WHERE kind = 'confirmation'")).toEqual([{ link }]);
    expect(await deliver()).toEqual({ sent: 2, failed: 0 });
    const [mail] = mailsTo(emailOf('Awa'));
    expect(mail!.text).toContain(`https://fabrique.test${link}`);
    expect(mail!.text).toContain('ne le transmettez pas');
    expect(sink.received.filter((m) => m.headers.to !== emailOf('Awa')).every((m) => !m.raw.includes('/suivi/'))).toBe(true);
    // Once sent, the outbox forgets it: only its hash is left.
    expect(await h.rows("SELECT link FROM outbox WHERE kind = 'confirmation'")).toEqual([{ link: null }]);

    // A client's own `_next`: its page, no link made, none in the e-mail.
    const own = await signUp('Bertrand', { _next: '/merci-partout/', [CONFIRMATION_FIELD]: 'oui' });
    expect(own).toBe('/merci-partout/');
    await deliver();
    expect(mailsTo(emailOf('Bertrand'))).toHaveLength(1);
    expect(mailsTo(emailOf('Bertrand'))[0]!.text).not.toContain('/suivi/');

    // Forms without `privateLink`, sealed or not: their thank-you page, no link stored.
    for (const key of ['agir', 'demande-aide'] as const) {
      const res = await h.postForm(key, urlEncoded(validSubmissions[key]));
      expect(res.status, key).toBe(303);
      expect(res.headers.get('location'), key).not.toMatch(/suivi/);
    }
    expect(await h.rows('SELECT count(*) AS n FROM private_links')).toEqual([{ n: 1 }]);
  });
});
