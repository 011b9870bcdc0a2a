/** shared/spec/bad-inputs.md, "Values" (items 9–16). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hasMaxLength, type Field } from '../../src/schemas/forms/field.ts';
import { FORM_KEYS, forms } from '../../src/schemas/forms/index.ts';
import { toCsv } from '../../functions/export/csv.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

const ctx = { ...content, today: '2027-01-15' };
const stored = () => h.stored();
type JsonErrors = { errors: { field?: string; code: string; message: string }[] };

/** A value of exactly `n` code points that the field accepts; the last one is outside the BMP (2 UTF-16 units). */
function valueOfLength(field: Field, n: number): string {
  if (field.type === 'email') return `${'a'.repeat(n - '@exemple.fr'.length)}@exemple.fr`;
  // A dialable number (src/schemas/forms/rules.ts), its separators padding it to length.
  if (field.type === 'tel') return '06 12 34 56 78'.padEnd(n, '.');
  return `${'é'.repeat(n - 1)}😀`;
}

describe('9. every field at exactly its maximum length → accepted; one code point more → 422', () => {
  for (const key of FORM_KEYS) {
    const form = forms[key];
    const base = validSubmissions[key];
    const target = form.targetField ? String(base[form.targetField]) : undefined;
    const fields = form.fields(ctx, target).filter(hasMaxLength);
    it(`${key}: ${fields.map((f) => `${f.name} (${f.maxLength})`).join(', ')}`, async () => {
      const atMax = Object.fromEntries(fields.map((f) => [f.name, valueOfLength(f, f.maxLength)]));
      const ok = await h.postJson(key, { ...base, ...atMax });
      expect(ok.status, await ok.clone().text()).toBe(200);
      const row = (await stored()).at(-1)!;
      for (const f of fields) expect([...String(row[f.name])].length).toBe(f.maxLength);

      for (const f of fields) {
        const res = await h.postJson(key, { ...base, [f.name]: valueOfLength(f, f.maxLength + 1) });
        expect(res.status, f.name).toBe(422);
        const body = (await res.json()) as JsonErrors;
        expect(body.errors).toEqual([expect.objectContaining({ field: f.name })]);
        expect(body.errors[0]!.message).toMatch(/caractères au plus/);
      }
      expect((await h.count()).submissions).toBe(1);
    });
  }
});

describe('10. wrong types → 422', () => {
  it.each([
    ['an array', ['Yann']],
    ['an object', { texte: 'Yann' }],
    ['null', null],
    ['a number', 42],
    ['a boolean', true],
  ])('%s where a string is expected', async (_, value) => {
    const res = await h.postJson('agir', { ...validSubmissions.agir, prenom: value });
    expect(res.status).toBe(422);
    const body = (await res.json()) as JsonErrors;
    expect(body.errors).toEqual([expect.objectContaining({ field: 'prenom', code: 'TYPE_TEXT' })]);
    expect((await h.count()).submissions).toBe(0);
  });

  it('a string where a list of choices is expected is taken as one choice', async () => {
    expect((await h.postJson('agir', { ...validSubmissions.agir, domaines: 'rue' })).status).toBe(200);
  });

  it('a list with a number in it → 422', async () => {
    expect((await h.postJson('agir', { ...validSubmissions.agir, domaines: ['rue', 3] })).status).toBe(422);
  });
});

describe('11. unknown fields and prototype names → 422, Object.prototype untouched', () => {
  const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
  const keysBefore = prototypeKeys();

  it.each(['inconnu', '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'])('JSON field %s', async (name) => {
    const body = `{${JSON.stringify(name)}: {"pollue": true}, ${JSON.stringify(validSubmissions.agir).slice(1)}`;
    const res = await h.postJson('agir', body);
    expect(res.status).toBe(422);
    expect(((await res.json()) as JsonErrors).errors).toEqual([expect.objectContaining({ field: name })]);
    expect((await h.count()).submissions).toBe(0);
    expect(({} as Record<string, unknown>).pollue).toBeUndefined();
    expect(prototypeKeys()).toEqual(keysBefore);
  });

  it.each(['__proto__[pollue]', '__proto__', 'constructor[prototype][pollue]', 'prototype'])('form field %s', async (name) => {
    const res = await h.postForm('agir', `${urlEncoded(validSubmissions.agir)}&${encodeURIComponent(name)}=1`, {
      accept: 'application/json',
    });
    expect(res.status).toBe(422);
    expect((await h.count()).submissions).toBe(0);
    expect(({} as Record<string, unknown>).pollue).toBeUndefined();
    expect(prototypeKeys()).toEqual(keysBefore);
  });
});

describe('12. CR/LF in values that could reach a mail header → 422', () => {
  it.each([
    ['name', { nom: 'Kerhervé\r\nBcc: tous@exemple.fr' }, 'nom'],
    ['first name, LF only', { prenom: 'Yann\nBcc: tous@exemple.fr' }, 'prenom'],
    ['e-mail', { email: 'yann@exemple.fr\r\nBcc: tous@exemple.fr' }, 'email'],
    ['subject', { _subject: 'Bonjour\r\nBcc: tous@exemple.fr' }, '_subject'],
    ['reply-to', { _replyto: 'yann@exemple.fr\nBcc: x@exemple.fr' }, '_replyto'],
  ])('%s', async (_, extra, field) => {
    const res = await h.postJson('agir', { ...validSubmissions.agir, ...extra });
    expect(res.status).toBe(422);
    expect(((await res.json()) as JsonErrors).errors).toEqual([expect.objectContaining({ field })]);
    expect(await h.count()).toEqual({ submissions: 0, outbox: 0 });
  });

  it('line breaks are fine in a message (a textarea)', async () => {
    expect((await h.postJson('agir', { ...validSubmissions.agir, message: 'Bonjour,\r\nmerci.' })).status).toBe(200);
    expect((await stored())[0]!.message).toBe('Bonjour,\nmerci.');
  });

  it('a valid subject and reply-to go to the outbox, not into the submission', async () => {
    await h.postJson('agir', { ...validSubmissions.agir, _subject: 'Bénévolat', _replyto: 'autre@exemple.fr' });
    expect(await h.rows('SELECT subject, reply_to FROM outbox')).toEqual([
      { subject: 'Bénévolat', reply_to: 'autre@exemple.fr' },
    ]);
    expect(Object.keys((await stored())[0]!).some((k) => k.startsWith('_'))).toBe(false);
  });
});

describe('13. invisible and non-NFC text → stored normalised', () => {
  it('bidi overrides and zero-width characters removed, NFC applied', async () => {
    const res = await h.postJson('agir', {
      ...validSubmissions.agir,
      prenom: 'Y\u200Ban\u202En\u2066',
      nom: 'Kerherve\u0301', // e + combining acute
      message: '\uFEFFBonjour\u200F',
    });
    expect(res.status).toBe(200);
    expect((await stored())[0]).toMatchObject({ prenom: 'Yann', nom: 'Kerhervé', message: 'Bonjour' });
    expect(((await stored())[0]!.nom as string).normalize('NFC')).toBe((await stored())[0]!.nom);
  });

  it('control characters are refused with a message', async () => {
    const res = await h.postJson('agir', { ...validSubmissions.agir, prenom: 'Ya\u0007nn' });
    expect(res.status).toBe(422);
    expect(((await res.json()) as JsonErrors).errors[0]!.message).toMatch(/caractère de contrôle/);
  });

  it('a value made only of invisible characters counts as empty', async () => {
    const res = await h.postJson('agir', { ...validSubmissions.agir, prenom: '\u200B\u200B' });
    expect(((await res.json()) as JsonErrors).errors).toEqual([
      expect.objectContaining({ field: 'prenom', code: 'REQUIRED_FIELD_EMPTY' }),
    ]);
  });
});

describe('14. HTML and script → stored as text, escaped wherever shown', () => {
  const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';

  it('stored exactly as typed', async () => {
    await h.postJson('agir', { ...validSubmissions.agir, message: script });
    expect((await stored())[0]!.message).toBe(script);
  });

  it('escaped when the form comes back with an error', async () => {
    const res = await h.postForm('agir', urlEncoded({ ...validSubmissions.agir, prenom: script, email: 'pas-une-adresse' }));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });

  it('escaped in unknown field names echoed in the error summary', async () => {
    const res = await h.postForm('agir', `${urlEncoded(validSubmissions.agir)}&${encodeURIComponent('<b>x</b>')}=1`);
    const html = await res.text();
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(html).not.toContain('<b>x</b>');
  });
});

describe('15. values starting with = + - @ tab or CR → stored as typed, neutralised in CSV', () => {
  const risky = ['=HYPERLINK("http://exemple.fr")', '+33 6 00', '-2+3', '@SUM(A1)', '\tcaché', '\rretour'];

  it('stored as typed, and the CSV export prefixes them so no spreadsheet runs them', async () => {
    for (const message of risky) expect((await h.postJson('agir', { ...validSubmissions.agir, message })).status).toBe(200);
    expect((await stored()).map((r) => r.message)).toEqual(risky);
    const csv = toCsv(
      ['message'],
      (await stored()).map((r) => ({ message: String(r.message) })),
    );
    const lines = csv.trim().split('\r\n').slice(1);
    for (const line of lines) expect(line).toMatch(/^"'/);
    expect(csv).toContain(`"'=HYPERLINK(""http://exemple.fr"")"`);
  });
});

describe('16. dates out of range → 422 saying why', () => {
  const errorsOf = async (res: Response) => ((await res.json()) as JsonErrors).errors;

  it('a birth date in the future', async () => {
    const res = await h.postJson('inscription-loisirs', {
      ...validSubmissions['inscription-loisirs'],
      enfant_naissance: '2027-06-01',
    });
    expect(res.status).toBe(422);
    expect(await errorsOf(res)).toEqual([
      expect.objectContaining({ field: 'enfant_naissance', message: expect.stringMatching(/futur/) }),
    ]);
  });

  it('a child too old for the activity', async () => {
    const res = await h.postJson('inscription-loisirs', {
      ...validSubmissions['inscription-loisirs'],
      enfant_naissance: '2010-01-01',
    });
    expect(await errorsOf(res)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/de 6 à 12\u00a0ans.*17\u00a0ans/) }),
    ]);
  });

  it('a birth date more than 100 years ago', async () => {
    const res = await h.postJson('e2c', { ...validSubmissions.e2c, naissance: '1920-01-01' });
    expect(res.status).toBe(422);
    expect(await errorsOf(res)).toEqual([
      expect.objectContaining({ field: 'naissance', message: expect.stringMatching(/trop ancienne/) }),
    ]);
  });

  it('under the E2C age limit', async () => {
    const res = await h.postJson('e2c', { ...validSubmissions.e2c, naissance: '2012-01-01' });
    expect(await errorsOf(res)).toEqual([
      expect.objectContaining({ field: 'naissance', message: expect.stringMatching(/à partir de 16\u00a0ans/) }),
    ]);
  });

  it('from 26 on, the E2C form still lets the person write (issue 10: explain and orient, no hard block)', async () => {
    expect((await h.postJson('e2c', { ...validSubmissions.e2c, naissance: '2001-01-15' })).status).toBe(200);
    expect((await h.postJson('e2c', { ...validSubmissions.e2c, naissance: '1990-01-01' })).status).toBe(200);
  });

  it('an impossible date', async () => {
    const res = await h.postJson('e2c', { ...validSubmissions.e2c, naissance: '2007-02-30' });
    expect(await errorsOf(res)).toEqual([expect.objectContaining({ message: expect.stringMatching(/n’existe pas/) })]);
  });

  it('a date typed the French way (no date picker) is understood', async () => {
    expect((await h.postJson('e2c', { ...validSubmissions.e2c, naissance: '01/06/2007' })).status).toBe(200);
    expect((await stored())[0]!.naissance).toBe('2007-06-01');
  });

  it('the clock is the injected one', () => expect(NOW.toISOString()).toBe('2027-01-15T10:00:00.000Z'));
});
