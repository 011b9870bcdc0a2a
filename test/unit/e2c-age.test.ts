/**
 * The E2C form for someone of 26 or more: nothing refuses them; a note beside the date (written by the browser)
 * and a thank-you page of their own say what the sources say for that age, and name no route they do not source.
 */
import { describe, expect, it } from 'vitest';
import { renderForm } from '../../src/lib/forms/render-form.ts';
import { validateSubmission } from '../../src/schemas/forms/validate.ts';
import { DE_26_ANS, e2c, MERCI_26_ANS } from '../../src/schemas/forms/e2c.ts';
import { content } from '../fixtures/forms-context.ts';

const ctx = { ...content, today: '2027-01-15' };
const base = { prenom: 'Nour', nom: 'Benali', diplome: 'aucun', telephone: '07 00 00 00 00' };

describe('E2C at 26 and over', () => {
  it('accepts a 30-year-old and sends them to the thank-you page for their age', () => {
    const result = validateSubmission(e2c, ctx, undefined, { ...base, naissance: '1996-05-14' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(e2c.thanksPath?.(result.values, undefined, ctx)).toBe(MERCI_26_ANS.path);
  });

  it('keeps the usual thank-you page up to 25, the day before the 26th birthday included', () => {
    for (const naissance of ['2007-06-01', '2001-01-16']) {
      const result = validateSubmission(e2c, ctx, undefined, { ...base, naissance });
      expect(result.ok).toBe(true);
      if (result.ok) expect(e2c.thanksPath?.(result.values, undefined, ctx)).toBeUndefined();
    }
    const birthday = validateSubmission(e2c, ctx, undefined, { ...base, naissance: '2001-01-15' });
    expect(birthday.ok).toBe(true);
    if (birthday.ok) expect(e2c.thanksPath?.(birthday.values, undefined, ctx)).toBe(MERCI_26_ANS.path);
  });

  it('the page carries an empty live note beside the date, with the words the browser writes from 26', () => {
    const html = renderForm({ form: e2c, ctx });
    const note =
      /<p class="champ__note" id="f-naissance-note" aria-live="polite" data-age-from="26" data-note="([^"]*)"><\/p>/.exec(html);
    expect(note?.[1]).toMatch(/26\u00a0ans ou plus\u00a0: l’école.*quand même envoyer ce formulaire.*formulaire de contact/);
  });

  it('names no route the shared reference does not source', () => {
    const words = [...e2c.intro, ...e2c.thanks.paragraphs, ...MERCI_26_ANS.paragraphs, DE_26_ANS].join(' ');
    expect(words).not.toMatch(/Mission locale|Pôle emploi|France Travail|service-public/i);
    expect(MERCI_26_ANS.paragraphs.join(' ')).toMatch(/ne citent pas encore de parcours pour les 26 ans et plus/);
  });
});
