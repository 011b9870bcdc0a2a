/**
 * Every phone field takes a number one can dial, French or international, and says so in French; the
 * referent application refuses « ok » as a motivation (issue 21, item 6). Rules from src/schemas/forms/.
 */
import { describe, expect, it } from 'vitest';
import { FORM_KEYS, forms } from '../../src/schemas/forms/index.ts';
import { fieldsOf } from '../../src/schemas/forms/form.ts';
import { numeroComposable } from '../../src/schemas/forms/rules.ts';
import { validateSubmission, type Validation } from '../../src/schemas/forms/validate.ts';
import { content } from '../fixtures/forms-context.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';

const ctx = { ...content, today: '2027-01-15' };
const errorsOf = (v: Validation) => (v.ok ? [] : v.errors);

describe('numeroComposable', () => {
  it.each([
    '06 12 34 56 78',
    '06.12.34.56.78',
    '0612345678',
    '02-99-00-00-00',
    '+33 6 12 34 56 78',
    '+33 (0)6 12 34 56 78',
    '0033612345678',
    '+32 470 12 34 56',
    '+44 20 7946 0958',
    '0049 30 123456',
  ])('accepts %s', (n) => expect(numeroComposable(n)).toBe(true));
  it.each(['0612', '06 12 34 56', '06 12 34 56 78 9', '+33 6 12 34', '12345678', '+1', '3919'])('refuses %s', (n) =>
    expect(numeroComposable(n)).toBe(false),
  );
});

describe('phone fields of every form', () => {
  for (const key of FORM_KEYS) {
    const form = forms[key];
    const target = form.targetField ? String((validSubmissions[key] as Record<string, unknown>)[form.targetField]) : undefined;
    const tel = fieldsOf(form, ctx, target).find((f) => f.type === 'tel');
    if (!tel) continue;
    it(`${key}: « 0612 » is refused with a French message saying what to write`, () => {
      const result = validateSubmission(form, ctx, target, { ...validSubmissions[key], [tel.name]: '0612' });
      const error = errorsOf(result).find((e) => e.field === tel.name);
      expect(error?.message).toMatch(/numéro que l’on peut composer : 10 chiffres .*06 12 34 56 78.*\+32/);
    });
  }
});

describe('referent application', () => {
  const form = forms['candidature-referent'];
  it('refuses « ok » as a motivation, and a phone of 4 digits', () => {
    const result = validateSubmission(form, ctx, undefined, {
      ...validSubmissions['candidature-referent'],
      telephone: '0612',
      motivation: 'ok',
    });
    expect(
      errorsOf(result)
        .map((e) => e.field)
        .sort(),
    ).toEqual(['motivation', 'telephone']);
    expect(errorsOf(result).find((e) => e.field === 'motivation')?.message).toMatch(
      /une ou deux phrases \(30 caractères au moins\)/,
    );
  });
  it('accepts a real motivation and a dialable number', () => {
    const result = validateSubmission(form, ctx, undefined, {
      ...validSubmissions['candidature-referent'],
      telephone: '+33 6 12 34 56 78',
    });
    expect(errorsOf(result)).toEqual([]);
  });
});
