/**
 * Dates typed as day, month and year (GOV.UK date input): "14052004" can no longer be read as
 * 5 December 2004 by an English browser; the handler joins the three fields and says what is missing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinDateParts, splitDateValue } from '../../src/schemas/forms/date-parts.ts';
import { forms } from '../../src/schemas/forms/index.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

const e2cWithoutDate = Object.fromEntries(Object.entries(validSubmissions.e2c).filter(([name]) => name !== 'naissance'));
const typed = (jour: string, mois: string, annee: string) =>
  `${urlEncoded(e2cWithoutDate)}&naissance-jour=${jour}&naissance-mois=${mois}&naissance-annee=${annee}`;
const errorsOf = async (res: Response) => ((await res.json()) as { errors: { field?: string; message: string }[] }).errors;

describe('a date typed in three fields', () => {
  it('is stored as the day, month and year typed', async () => {
    const res = await h.postForm('e2c', typed('14', '5', '2004'));
    expect(res.status).toBe(303);
    expect((await h.stored())[0]!.naissance).toBe('2004-05-14');
  });

  it('says which part is missing, and keeps what was typed', async () => {
    const res = await h.postForm('e2c', typed('14', '', '2004'));
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('indiquez le mois');
    expect(html).toMatch(/name="naissance-jour"[^>]*value="14"|value="14"[^>]*name="naissance-jour"/);
    expect(html).toMatch(/name="naissance-annee"[^>]*value="2004"|value="2004"[^>]*name="naissance-annee"/);
    expect((await h.count()).submissions).toBe(0);
  });

  it('refuses a two-digit year and an impossible month with a clear message', async () => {
    const json = { accept: 'application/json' };
    expect(await errorsOf(await h.postForm('e2c', typed('14', '5', '04'), json))).toEqual([
      expect.objectContaining({ field: 'naissance', message: expect.stringMatching(/4\schiffres/) }),
    ]);
    expect(await errorsOf(await h.postForm('e2c', typed('14', '13', '2004'), json))).toEqual([
      expect.objectContaining({ field: 'naissance', message: expect.stringMatching(/mois est un nombre de 1\sà\s12/) }),
    ]);
    expect(await errorsOf(await h.postForm('e2c', typed('', '', ''), json))).toEqual([
      expect.objectContaining({ field: 'naissance', message: expect.stringMatching(/Date de naissance/) }),
    ]);
  });

  it('joins only date fields, and leaves a value sent under the field’s own name (JSON clients)', () => {
    const fields = forms.e2c.fields({ ...content, today: '2027-01-15' }, undefined);
    const body = new Map<string, unknown>([
      ['naissance-jour', '1'],
      ['naissance-mois', '2'],
      ['naissance-annee', '2003'],
      ['prenom', 'Lou'],
    ]);
    joinDateParts(fields, body);
    expect(Object.fromEntries(body)).toEqual({ naissance: '1/2/2003', prenom: 'Lou' });
    const json = new Map<string, unknown>([['naissance', '2003-02-01']]);
    joinDateParts(fields, json);
    expect(Object.fromEntries(json)).toEqual({ naissance: '2003-02-01' });
    expect(splitDateValue('2003-02-01')).toEqual(['01', '02', '2003']);
    expect(splitDateValue('1//2003')).toEqual(['1', '', '2003']);
    expect(NOW.getUTCFullYear()).toBe(2027);
  });
});
