/**
 * The site's typography on every string the server writes (issue 21, item 6): its HTML answers (form errors,
 * refusals, the private link, the inbox), the messages of its JSON errors, its plain-text refusals and its
 * e-mails (confirmation, the team's, the daily digest), read as they leave (HTTP answers, a real SMTP server).
 * No straight apostrophe, and a no-break space before « : ; ? ! » and inside « », in the French text, never in
 * addresses or URLs; what a person typed is shown as typed. On each back-end (the harness).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invite } from '../../functions/equipe/invitations.ts';
import { deliverDue } from '../../functions/notify/deliver.ts';
import { smtpMailer } from '../../functions/notify/smtp.ts';
import { digestMail } from '../../functions/notify/staff-notices.ts';
import { typographieSaufBrut, brut } from '../../functions/typography.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { SoftPasskey } from './equipe-authenticator.ts';
import { makeHarness, ORIGIN, settings, type Harness } from './harness.ts';
import { freePort, SmtpSink } from './smtp-sink.ts';

let h: Harness;
let sink: SmtpSink;
beforeEach(async () => {
  h = await makeHarness();
  sink = new SmtpSink(await freePort());
  await sink.start('up');
}, 60_000);
afterEach(async () => {
  await sink.stop();
  await h.cleanup();
});

/** What a person typed with typewriter habits: kept as is wherever the server shows it back. */
const TYPED = "Je n'ai pas l'adresse : pouvez-vous m'aider ?";

/** The French text's faults, each with a little context; URLs, paths and e-mail addresses are not French text. */
function faults(text: string): string[] {
  const prose = text.replace(/\bhttps?:\/\/\S+|\S+@\S+|(?<!\p{L})\/[\w\-/.?=&%]*/gu, ' ');
  const rules: [RegExp, string][] = [
    [/\p{L}'\p{L}/gu, 'apostrophe droite'],
    [/[ \n\t][:;?!]/g, 'espace ordinaire avant la ponctuation'],
    [/[\p{L})»][;?!:](?=[\s\u00a0]|$)/gu, 'pas d’espace avant la ponctuation'],
    [/«(?![\u00a0\u202f])/g, 'pas d’espace après «'],
    [/(?<![\u00a0\u202f])»/g, 'pas d’espace avant »'],
  ];
  return rules.flatMap(([re, name]) =>
    [...prose.matchAll(re)].map((m) => `${name} : ${JSON.stringify(prose.slice(Math.max(0, m.index - 20), m.index + 10))}`),
  );
}

/** The text a person reads in a page: no script, style or text area; someone's own words (`data-brut`) only when asked. */
function pageText(html: string, ownWords = false): string {
  const shown = ownWords ? html : html.replace(/<([a-z]+)\b[^>]*\sdata-brut\b[^>]*>[\s\S]*?<\/\1>/gi, ' ');
  return shown
    .replace(/<(script|style|textarea)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

const browser = { accept: 'text/html' };
const jsonClient = { accept: 'application/json' };

describe('the server’s answers', () => {
  it('form errors, as a page without JavaScript and as JSON for the enhancement script', async () => {
    const bad = { ...validSubmissions['candidature-referent'], telephone: '0612', motivation: 'ok' };
    const page = await h.postForm('candidature-referent', urlEncoded(bad), browser);
    expect(page.status).toBe(422);
    const html = await page.text();
    expect(html).toContain('Erreur\u00a0:');
    expect(faults(pageText(html))).toEqual([]);

    const json = await h.postForm('candidature-referent', urlEncoded(bad), jsonClient);
    expect(json.status).toBe(422);
    const body = (await json.json()) as { errors: { field?: string; message: string }[] };
    const phone = body.errors.find((e) => e.field === 'telephone')!.message;
    expect(phone).toMatch(/composer\u00a0: 10\u00a0chiffres/);
    expect(body.errors.flatMap((e) => faults(e.message))).toEqual([]);
  });

  it('refusals: wrong method, unknown form, a body too big, as pages and as JSON', async () => {
    const answers = [
      () => h.app.request('/f/agir', { headers: browser }),
      () => h.app.request('/f/agir', { headers: jsonClient }),
      () => h.postForm('inconnu', 'a=1', browser),
      () => h.postForm('inconnu', 'a=1', jsonClient),
      () => h.postForm('agir', `message=${'x'.repeat(200_000)}`, browser),
      () => h.postForm('agir', `message=${'x'.repeat(200_000)}`, jsonClient),
    ];
    for (const answer of answers) {
      const res = await answer();
      expect(res.status).toBeGreaterThanOrEqual(400);
      const text = await res.text();
      if (res.headers.get('content-type')!.includes('json')) {
        const body = JSON.parse(text) as { error: string; errors: { message: string }[] };
        expect([body.error, ...body.errors.map((e) => e.message)].flatMap(faults)).toEqual([]);
      } else expect(faults(pageText(text))).toEqual([]);
    }
  });

  it('the private link page, and the page of an unknown link', async () => {
    const res = await h.postForm('inscription-formation', urlEncoded(validSubmissions['inscription-formation']));
    expect(res.status).toBe(303);
    const link = res.headers.get('location')!;
    for (const path of [link, `/suivi/${'A'.repeat(43)}`]) {
      const html = await (await h.app.request(path)).text();
      expect(faults(pageText(html)), path).toEqual([]);
    }
  });

  it('the inbox: its pages and its plain-text refusal; a resident’s answer is shown as typed', async () => {
    const id = ((await (await h.postJson('contact', { ...validSubmissions.contact, message: TYPED })).json()) as { id: string })
      .id;
    const { token } = await invite(
      h.store.equipe!(),
      { name: 'Awa Admin', email: 'awa@exemple.fr', role: 'administrateur', teams: [], quartiers: [] },
      'console',
      NOW,
    );
    const json = { 'content-type': 'application/json', origin: ORIGIN };
    const passkey = await SoftPasskey.create();
    const options = await (await h.app.request(`/equipe/invitation/${token}/options`, { method: 'POST', headers: json })).json();
    const enrolled = await h.app.request(`/equipe/invitation/${token}/verifier`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify(await passkey.register(options, ORIGIN)),
    });
    const cookie = `__Host-equipe=${enrolled.headers.get('set-cookie')!.match(/__Host-equipe=([^;]*)/)![1]}`;
    expect((await h.postJson('inscription-formation', validSubmissions['inscription-formation'])).status).toBe(200);
    const { formation, session } = validSubmissions['inscription-formation'] as Record<string, string>;
    const pages = ['/equipe/connexion', '/equipe/demandes', `/equipe/demandes/${id}`, '/equipe/compte', '/equipe/personnes'];
    pages.push(
      '/equipe/journal',
      '/equipe/rgpd?personne=yann%40exemple.fr',
      '/equipe/sessions',
      `/equipe/sessions/${formation}/${session}`,
    );
    for (const path of pages) {
      const res = await h.app.request(path, { headers: path.endsWith('connexion') ? {} : { cookie } });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(faults(pageText(html)), path).toEqual([]);
      if (path.endsWith(id)) expect(pageText(html, true)).toContain(TYPED);
    }
    const refused = await h.app.request(`/equipe/demandes/${id}/note`, {
      method: 'POST',
      headers: { cookie, origin: 'https://ailleurs.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'texte=x',
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await refused.text();
    expect(text).toMatch(/Demande refusée\u00a0:/);
    expect(faults(text)).toEqual([]);
  });
});

describe('the e-mails, as the SMTP server receives them', () => {
  const deliver = () =>
    deliverDue({
      store: h.store,
      mailer: smtpMailer({ host: '127.0.0.1', port: sink.port, tls: 'aucun', from: 'f@fabrique.test', timeoutMs: 10_000 }),
      clock: { now: () => NOW },
      mailDomain: 'fabrique.test',
    });

  it('the confirmation with its private link, the team’s e-mail of a clear and of a sealed request', async () => {
    const signUp = { ...validSubmissions['inscription-formation'], confirmation: 'oui' };
    expect((await h.postForm('inscription-formation', urlEncoded(signUp), jsonClient)).status).toBe(200);
    expect((await h.postJson('contact', { ...validSubmissions.contact, message: TYPED })).status).toBe(200);
    expect((await h.postJson('demande-aide', validSubmissions['demande-aide'])).status).toBe(200);
    expect(await deliver()).toEqual({ sent: 4, failed: 0 });
    expect(sink.received).toHaveLength(4);
    const confirmation = sink.received.find((m) => m.headers.to === (signUp as Record<string, unknown>).email)!;
    expect(confirmation.text).toMatch(
      /ne le transmettez pas\)\u00a0:\r?\nhttp:\/\/localhost|ne le transmettez pas\)\u00a0:\r?\nhttps:\/\/fabrique\.test\/suivi\//,
    );
    for (const mail of sink.received) {
      // The resident's message is theirs: shown as typed, and left out of the check.
      const text = mail.text.replace(TYPED, '');
      expect([...faults(mail.headers.subject!), ...faults(text)], mail.headers.subject).toEqual([]);
    }
    const team = sink.received.find((m) => m.text.includes(TYPED));
    expect(team?.headers.to).toContain(settings.contact.destinataires[0]);
  });

  it('the staff’s daily digest', async () => {
    const mail = digestMail(
      { id: 'p1', name: 'Awa', email: 'awa@exemple.fr', role: 'administrateur', teams: [], quartiers: [] } as never,
      [{ id: 'r1', formKey: 'agir', receivedAt: NOW.toISOString(), sealed: false, state: 'nouveau' } as never],
      new Date(NOW.getTime() - 86_400_000).toISOString(),
      NOW,
      settings,
      'fabrique.test',
    )!;
    await smtpMailer({ host: '127.0.0.1', port: sink.port, tls: 'aucun', from: 'f@fabrique.test', timeoutMs: 10_000 }).send(mail);
    const [received] = sink.received;
    expect(received!.headers.subject).toMatch(/^Espace équipe\u00a0: 1\u00a0nouvelle demande/);
    expect([...faults(received!.headers.subject!), ...faults(received!.text)]).toEqual([]);
  });
});

describe('brut()', () => {
  it('keeps a value as typed inside a text that gets the typography, and leaves no mark', () => {
    expect(typographieSaufBrut(`Message : ${brut(TYPED)} (l'original)`)).toBe(`Message\u00a0: ${TYPED} (l’original)`);
    expect(typographieSaufBrut(brut('\uE000a\uE001'))).toBe('a');
  });
});
