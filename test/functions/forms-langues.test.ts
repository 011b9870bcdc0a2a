/**
 * Issue 23, items 3 and 6: a form sent from a page in another language (`_langue`) is answered in that language (the
 * error page framed by that language's page, JSON errors, the thank-you page, a refusal), accepts names and text in
 * any script with limits counted in code points, and tells the team which language the person used, in French.
 * Real store, real SMTP server (smtp-sink.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { deliverDue } from '../../functions/notify/deliver.ts';
import { smtpMailer, smtpSettingsFromEnv } from '../../functions/notify/smtp.ts';
import { labelled, labelsOf } from '../../functions/equipe/values.ts';
import type { PageSource } from '../../functions/pages.ts';
import { FORMULAIRES_EN_LANGUE } from '../../src/i18n/formulaires/index.ts';
import { REGION_END, REGION_START } from '../../src/lib/forms/render-form.ts';
import { applyFormsMode } from '../../src/lib/forms/mode.ts';
import type { ContentContext } from '../../src/schemas/forms/context.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { sqliteBackend, testTeamKey, type TestBackend } from './harness-backends.ts';
import { makeHarness, noNodeServer, ORIGIN, settings, type Harness } from './harness.ts';
import { freePort, SmtpSink } from './smtp-sink.ts';

const AR = FORMULAIRES_EN_LANGUE.ar;
/** Built pages as the server reads them: each language's form page has its own `lang` and its form region. */
const page = (lang: string, dir: string) =>
  `<!doctype html><html lang="${lang}" dir="${dir}"><head><title>Page</title></head><body><main>${REGION_START}<form></form>${REGION_END}</main></body></html>`;
const pages: PageSource = new Map([
  ['/formulaires/contact/', page('fr', 'ltr')],
  ['/ar/formulaires/contact/', page('ar', 'rtl')],
  ['/ar/formulaires/informations/', page('ar', 'rtl')],
  ['/formulaires/erreur/', page('fr', 'ltr')],
]);

/** 300 Arabic letters with vowel marks (each mark is a code point of its own): « مَرْحَبًا » and a space, repeated. */
const arabic = (codePoints: number) => 'مَرْحَبًا '.repeat(Math.ceil(codePoints / 10)).slice(0, codePoints);

let h: Harness | undefined;
let backend: TestBackend | undefined;
let sink: SmtpSink | undefined;
afterEach(async () => {
  await sink?.stop();
  await h?.cleanup();
  await backend?.close(false);
  h = backend = sink = undefined;
});

describe('a form sent from a page in Arabic', () => {
  it('without JavaScript, comes back in the Arabic page with its errors in Arabic', async () => {
    h = await makeHarness({ pages });
    const res = await h.postForm('contact', urlEncoded({ _langue: 'ar', sujet: 'question', email: 'pas-une-adresse' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/^<!doctype html><html lang="ar" dir="rtl">/);
    expect(html).toContain(`<title>${AR.messages.errorPrefix}Page</title>`);
    expect(html).toContain(AR.messages.problem);
    expect(html).toContain(AR.messages.email);
    expect(html).toContain(AR.messages.required(AR.formulaires.contact!.champs.message!.label));
    // The form shown again keeps its language for the next try.
    expect(html).toContain('<input type="hidden" name="_langue" value="ar">');
    expect(html).not.toMatch(/Remplissez|Il y a un problème|Entrez une adresse/);
    expect(await h.count()).toEqual({ submissions: 0, outbox: 0 });
  });

  it('with JavaScript (JSON), gets its errors in Arabic, with the Formspree codes', async () => {
    h = await makeHarness();
    const res = await h.postJson('contact', { _langue: 'ar', sujet: 'question', message: 'سلام' });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { errors: { field: string; code: string; message: string }[] };
    expect(body.errors).toEqual([
      {
        field: 'email',
        code: 'REQUIRED_FIELD_MISSING',
        message: AR.messages.required(AR.formulaires.contact!.champs.email!.label),
      },
    ]);
  });

  it('is sent to the thank-you page in Arabic', async () => {
    h = await makeHarness();
    const res = await h.postForm('contact', urlEncoded({ ...validSubmissions.contact, _langue: 'ar' }));
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/ar/formulaires/contact/merci/');
    const sensitive = await h.postForm('femmes-rappel', urlEncoded({ ...validSubmissions['femmes-rappel'], _langue: 'prs' }));
    expect(sensitive.headers.get('location')).toBe('/prs/formulaires/informations/merci/');
    // The E2C's own page for 26 and over has its words in each language: the person lands on it in theirs.
    const older = await h.postForm('e2c', urlEncoded({ ...validSubmissions.e2c, naissance: '1990-06-01', _langue: 'uk' }));
    expect(older.headers.get('location')).toBe('/uk/formulaires/e2c/merci/26-ans/');
  });

  it('an unknown language, or none, is answered in French as before', async () => {
    h = await makeHarness({ pages });
    const res = await h.postJson('contact', { _langue: 'klingon', sujet: 'question', message: 'Bonjour' });
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toMatch(/^Remplissez le champ «\s?Adresse e-mail\s?»$/);
    const ok = await h.postForm('contact', urlEncoded({ ...validSubmissions.contact, _langue: ['ar', 'en'] }));
    expect(ok.headers.get('location')).toBe('/formulaires/contact/merci/');
  });

  it('accepts 300 Arabic characters, and refuses one over a limit in Arabic, counted in code points', async () => {
    h = await makeHarness();
    const message = arabic(300);
    expect([...message]).toHaveLength(300);
    const ok = await h.postJson('contact', { ...validSubmissions.contact, _langue: 'ar', message, prenom: arabic(60) });
    expect(ok.status).toBe(200);
    const tooLong = await h.postJson('contact', {
      ...validSubmissions.contact,
      _langue: 'ar',
      message: arabic(3001),
      prenom: arabic(61),
    });
    expect(tooLong.status).toBe(422);
    const body = (await tooLong.json()) as { errors: { field: string; message: string }[] };
    const champs = AR.formulaires.contact!.champs;
    expect(body.errors).toEqual([
      expect.objectContaining({ field: 'prenom', message: AR.messages.tooLong(champs.prenom!.label, 60, 61) }),
      expect.objectContaining({ field: 'message', message: AR.messages.tooLong(champs.message!.label, 3000, 3001) }),
    ]);
  });

  it('keeps names and text in any script as typed (NFC): Cyrillic, Persian, combining marks, emoji', async () => {
    h = await makeHarness();
    const values = {
      ...validSubmissions.contact,
      _langue: 'uk',
      prenom: 'Олена',
      nom: 'رضایی',
      message: `Добрий день. سلام. Cafe\u0301. 👩‍👧 ${arabic(20)}`,
    };
    const res = await h.postJson('contact', values);
    expect(res.status).toBe(200);
    const [stored] = await h.stored();
    expect(stored).toMatchObject({ prenom: 'Олена', nom: 'رضایی', message: values.message.normalize('NFC'), _langue: 'uk' });
  });
});

describe('the team is told the language, in French', () => {
  it.skipIf(noNodeServer)('the notification e-mail and the inbox say « Langue de la personne : arabe »', async () => {
    h = await makeHarness();
    sink = new SmtpSink(await freePort());
    await sink.start();
    const res = await h.postJson('contact', { ...validSubmissions.contact, _langue: 'ar', message: arabic(300) });
    expect(res.status).toBe(200);
    const mailer = smtpMailer(
      smtpSettingsFromEnv({
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(sink.port),
        SMTP_FROM: 'f@fabrique.test',
        SMTP_TLS: 'aucun',
      })!,
    );
    expect(await deliverDue({ store: h.store, mailer, clock: { now: () => NOW }, mailDomain: 'fabrique.test' })).toEqual({
      sent: 1,
      failed: 0,
    });
    expect(sink.received[0]!.text).toMatch(/\nLangue de la personne\s:\sarabe\n/);
    const [row] = await h.rows('SELECT data_json FROM submissions');
    expect(labelled('contact', String(row!.data_json), content)).toContainEqual(['Langue de la personne', 'arabe']);
  });

  it('a French page’s submission says nothing of a language', async () => {
    h = await makeHarness();
    await h.postJson('contact', validSubmissions.contact);
    const [stored] = await h.stored();
    expect(stored).not.toHaveProperty('_langue');
  });

  it('a sealed form keeps the language inside the seal, never in the clear', async () => {
    h = await makeHarness();
    const res = await h.postJson('demande-aide', { ...validSubmissions['demande-aide'], _langue: 'prs' });
    expect(res.status).toBe(200);
    const [stored] = await h.stored();
    expect(stored).toMatchObject({ _langue: 'prs' });
    const [row] = await h.rows('SELECT data_json FROM submissions');
    expect(row!.data_json).toBeNull();
    // The inbox opens it in the team's browser with these labels: « Langue de la personne : dari ».
    const labels = labelsOf('demande-aide', content);
    expect(labels.champs._langue).toBe('Langue de la personne');
    expect(labels.options._langue).toMatchObject({ prs: 'dari', ar: 'arabe' });
  });
});

describe('a form that refuses, in the person’s language', () => {
  async function app(world: ContentContext, mode: 'demonstration' | 'production') {
    backend = sqliteBackend();
    const { sealedSettings } = await testTeamKey(settings);
    const forms = createApp({
      store: backend.store,
      clock: { now: () => NOW },
      config: {
        origins: [ORIGIN],
        settings: applyFormsMode({ ...settings, ...sealedSettings }, mode),
        content: world,
        rateLimit: { max: 1000, windowMs: 60_000 },
        clientHashSalt: 'sel',
      },
      pages,
      clientAddress: () => '203.0.113.7',
      log: () => {},
    });
    return (key: string, body: string, headers: Record<string, string>) =>
      forms.request(`/f/${key}`, { method: 'POST', body, headers: { origin: ORIGIN, ...headers } });
  }

  it('the women’s call-back form, not yet open, refuses in Arabic (JSON and page), and shows nothing typed', async () => {
    const post = await app({ ...content, programmes: { 'informations-pratiques': 'proposition' } }, 'demonstration');
    const sent = { ...validSubmissions['femmes-rappel'], _langue: 'ar' };
    const json = await post('femmes-rappel', JSON.stringify(sent), {
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(json.status).toBe(403);
    const body = (await json.json()) as { errors: { code: string; message: string }[] };
    expect(body.errors).toEqual([{ code: 'INACTIVE', message: AR.formulaires['femmes-rappel']!.pasEncoreOuvert }]);
    const res = await post('femmes-rappel', urlEncoded(sent), { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(403);
    const html = await res.text();
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain(AR.messages.closedTitle);
    expect(html).toContain('href="/ar/aide/"');
    expect(html).not.toContain('06 00 00 00 02');
    expect(html).not.toMatch(/Ce formulaire|Besoin d’aide/);
  });

  it('a form not in service refuses in the language, with the free numbers', async () => {
    const post = await app(content, 'production');
    const res = await post('contact', JSON.stringify({ ...validSubmissions.contact, _langue: 'ar' }), {
      'content-type': 'application/json',
      accept: 'application/json',
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: { message: string }[] };
    expect(body.errors[0]!.message).toContain(AR.messages.notInServiceText);
    expect(body.errors[0]!.message).toContain('3919');
    expect(body.errors[0]!.message).not.toMatch(/formulaire/);
  });
});
