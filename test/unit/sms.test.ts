/** SMS links: at most 300 characters, the page's address always whole, encoded so both Android and iOS read it back. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMS_MAX, smsAide, smsHref, smsTexte } from '../../src/lib/page-tools/sms.ts';

const ADRESSE = 'https://fabrique.rennes.fr/quartiers/jeanne-darc-longs-champs-atalante-beaulieu/';
const bodyOf = (href: string) => decodeURIComponent(href.replace(/^sms:\?&body=/, ''));

describe('smsTexte', () => {
  it('keeps every fact when they fit, the address last', () => {
    expect(smsTexte(['Quoi.', 'Quand.'], ADRESSE)).toBe(`Quoi.\nQuand.\n${ADRESSE}`);
  });

  it('never exceeds 300 characters and always ends with the whole address', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 200 }), { maxLength: 8 }), (faits) => {
        const t = smsTexte(faits, ADRESSE);
        expect(t.length).toBeLessThanOrEqual(SMS_MAX);
        expect(t.endsWith(`\n${ADRESSE}`) || t === ADRESSE).toBe(true);
      }),
    );
  });

  it('cuts a long fact short rather than dropping it', () => {
    const t = smsTexte(['Référents du quartier.', `Permanence ${'le jeudi, '.repeat(40)}`], ADRESSE);
    expect(t.split('\n')[1]).toMatch(/^Permanence le jeudi.*…$/);
  });
});

describe('smsHref', () => {
  it('encodes accents, line breaks, & and # so the text arrives as written', () => {
    const texte = 'Écoute & aide #1 : l’été\nhttps://exemple.fr/a/?b=c';
    const href = smsHref(texte);
    expect(href).toMatch(/^sms:\?&body=[^&#\s?]*$/);
    expect(bodyOf(href)).toBe(texte);
  });

  it('names no service that could put someone at risk in the help message', () => {
    const t = smsTexte(smsAide(), 'https://fabrique.rennes.fr/aide/');
    expect(t).toContain('3919');
    expect(t).not.toMatch(/violence|femme/i);
  });
});
