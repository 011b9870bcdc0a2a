/**
 * The forms in other languages (src/i18n/formulaires/) lay words over the French definitions and nothing else: every
 * French word has its translation, no translation names a field or choice the French form lacks, and names, values,
 * limits and required-ness come out identical. No word is empty in any language.
 */
import { describe, expect, it } from 'vitest';
import { TRADUITES, type Code } from '../../src/i18n/languages.ts';
import {
  CHOIX_DU_CONTENU,
  FORMULAIRES_EN_LANGUE,
  formulaireEn,
  formulairesTraduits,
  langueEnvoyee,
  messagesEn,
} from '../../src/i18n/formulaires/index.ts';
import { forms, type FormKey } from '../../src/schemas/forms/index.ts';
import type { Field } from '../../src/schemas/forms/field.ts';
import { MESSAGES_FR, type FormMessages } from '../../src/schemas/forms/messages.ts';
import { validateSubmission } from '../../src/schemas/forms/validate.ts';
import { content } from '../fixtures/forms-context.ts';
import { textes } from '../../src/i18n/index.ts';
import { escapeHtml } from '../../src/lib/forms/html.ts';
import {
  renderDemonstrationNotice,
  renderDemonstrationThanks,
  renderNotInService,
  renderNotYetOpen,
} from '../../src/lib/forms/service-notice.ts';

const ctx = { ...content, today: '2027-01-15' };
type Traduite = Exclude<Code, 'fr'>;
const CODES = TRADUITES.map((l) => l.code as Traduite);
/** The forms people in danger and newcomers need first: every language has them. */
const PREMIERS: FormKey[] = ['demande-aide', 'femmes-rappel', 'contact', 'e2c'];

/** What must not change in a language: everything a field is but its words. */
function shape(field: Field) {
  const copy: Record<string, unknown> = { ...field };
  delete copy.label;
  for (const words of ['hint', 'optionalNote', 'requiredMessage'] as const) copy[words] = field[words] !== undefined;
  if ('options' in field) copy.options = field.options.map((o) => ({ value: o.value, hint: o.hint !== undefined }));
  if (field.type === 'textarea' && field.minLength) copy.minLength = field.minLength.count;
  if (field.type === 'date') {
    copy.tooEarlyMessage = copy.tooLateMessage = true;
    if (field.ageNote) copy.ageNote = field.ageNote.from;
  }
  return copy;
}

/** Every string in a value, with where it is; functions are called with sample arguments. */
function strings(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const out = (value as (...a: unknown[]) => unknown)('Libellé', ['jour', 'annee'], 3);
    return strings(typeof out === 'string' ? out : (value as (...a: unknown[]) => unknown)(3), path);
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

describe.each(CODES)('%s', (code) => {
  const fichier = FORMULAIRES_EN_LANGUE[code];

  it('is a draft until a named role proofreads it', () => {
    expect(['brouillon', 'relu']).toContain(fichier.statut);
    if (fichier.statut === 'relu') expect(fichier.relecture?.trim()).toBeTruthy();
  });

  it('has every generic message, none empty, none left in French', () => {
    expect(Object.keys(fichier.messages).sort()).toEqual(Object.keys(MESSAGES_FR).sort());
    for (const [where, text] of strings(fichier.messages, 'messages')) expect(text.trim(), where).not.toBe('');
    const m: FormMessages = fichier.messages;
    expect(m.required('X')).not.toBe(MESSAGES_FR.required('X'));
    expect(m.tooLong('Message', 300, 301)).toMatch(/300/);
    expect(m.tooLong('Message', 300, 301)).toMatch(/301/);
    expect(m.dateMissing('Date', ['jour', 'mois'])).toContain('Date');
  });

  it('has the forms people in danger and newcomers need first', () => {
    expect(formulairesTraduits(code)).toEqual(expect.arrayContaining(PREMIERS));
  });

  describe.each(formulairesTraduits(code))('%s', (key) => {
    const french = forms[key];
    const mots = fichier.formulaires[key]!;
    const translated = formulaireEn(french, code);
    const fields = french.fields(ctx, undefined);

    it('no word is empty', () => {
      for (const [where, text] of strings(mots, key)) expect(text.trim(), where).not.toBe('');
    });

    it('translates every French word, and nothing the French form lacks', () => {
      expect(mots.intro).toHaveLength(french.intro.length);
      expect(mots.thanks.paragraphs).toHaveLength(french.thanks.paragraphs.length);
      expect(mots.titreHistorique !== undefined, 'titreHistorique').toBe(french.titreHistorique !== undefined);
      expect(mots.pasEncoreOuvert !== undefined, 'pasEncoreOuvert').toBe(french.notYetOpen !== undefined);
      expect(Object.keys(mots.champs).sort()).toEqual(fields.map((f) => f.name).sort());
      for (const field of fields) {
        const c = mots.champs[field.name]!;
        expect(c.hint !== undefined, `${field.name}: hint`).toBe(field.hint !== undefined);
        expect(c.optionalNote !== undefined, `${field.name}: optionalNote`).toBe(field.optionalNote !== undefined);
        expect(c.requiredMessage !== undefined, `${field.name}: requiredMessage`).toBe(field.requiredMessage !== undefined);
        const options = 'options' in field && !CHOIX_DU_CONTENU.has(field.name) ? field.options : [];
        expect(Object.keys(c.options ?? {}).sort(), `${field.name}: options`).toEqual(options.map((o) => o.value).sort());
        for (const o of options) expect(c.options![o.value]!.hint !== undefined).toBe(o.hint !== undefined);
        expect(c.minLength !== undefined).toBe(field.type === 'textarea' && field.minLength !== undefined);
        expect(c.tooEarly !== undefined && c.tooLate !== undefined).toBe(field.type === 'date');
        expect(c.ageNote !== undefined).toBe(field.type === 'date' && field.ageNote !== undefined);
      }
    });

    it('keeps names, values, limits and required-ness of the French form, with every word replaced', () => {
      const over = translated.fields(ctx, undefined);
      expect(over.map(shape)).toEqual(fields.map(shape));
      for (const [i, field] of over.entries()) {
        expect(field.label).not.toBe(fields[i]!.label);
        if ('options' in field && !CHOIX_DU_CONTENU.has(field.name))
          for (const o of field.options) expect(o.label).toBe(mots.champs[field.name]!.options![o.value]!.label);
      }
      expect(translated.key).toBe(french.key);
      expect(translated.sensitive).toBe(french.sensitive);
      expect(translated.quickExit).toBe(french.quickExit);
      expect(translated.adresse).toBe(french.adresse);
      expect(translated.pagePath(undefined)).toBe(`/${code}${french.pagePath(undefined)}`);
    });

    it('its rules answer in the language, with the same verdicts as in French', () => {
      const empty = validateSubmission(translated, ctx, undefined, {});
      const emptyFr = validateSubmission(french, ctx, undefined, {});
      expect(empty.ok).toBe(emptyFr.ok);
      if (!empty.ok && !emptyFr.ok) {
        expect(empty.errors.map((e) => [e.field, e.code])).toEqual(emptyFr.errors.map((e) => [e.field, e.code]));
        for (const [i, e] of empty.errors.entries()) expect(e.message).not.toBe(emptyFr.errors[i]!.message);
      }
    });
  });
});

describe('rules across fields, in each language', () => {
  it.each(CODES)('%s: demande-aide and e2c say their cross-field messages in the language', (code) => {
    const aide = formulaireEn(forms['demande-aide'], code);
    const sms = validateSubmission(aide, ctx, undefined, { sujet: 'autre', message: 'x', canal: 'sms', message_autorise: 'non' });
    expect(sms.ok).toBe(false);
    if (!sms.ok)
      expect(sms.errors).toEqual([
        expect.objectContaining({
          field: 'telephone',
          message: FORMULAIRES_EN_LANGUE[code].formulaires['demande-aide']!.regles!.telephone,
        }),
      ]);
    const e2c = formulaireEn(forms.e2c, code);
    const young = validateSubmission(e2c, ctx, undefined, { prenom: 'A', nom: 'B', naissance: '2015-01-01', diplome: 'aucun' });
    expect(young.ok).toBe(false);
    if (!young.ok) {
      const regles = FORMULAIRES_EN_LANGUE[code].formulaires.e2c!.regles!;
      expect(young.errors.map((e) => e.message).sort()).toEqual([regles.naissance, regles.email].sort());
    }
  });
});

describe('the language a submission names', () => {
  it('is one of the site’s languages, else French', () => {
    expect(langueEnvoyee('ar')).toBe('ar');
    expect(langueEnvoyee('prs')).toBe('prs');
    expect(langueEnvoyee('xx')).toBe('fr');
    expect(langueEnvoyee(['ar'])).toBe('fr');
    expect(langueEnvoyee(undefined)).toBe('fr');
    expect(messagesEn('fr')).toBe(MESSAGES_FR);
    expect(formulaireEn(forms.contact, 'fr')).toBe(forms.contact);
  });
});

describe('the notices around a form, in each language', () => {
  it.each(CODES)('%s: not in service, not yet open, demonstration: in the language, numbers kept left to right', (code) => {
    const l = TRADUITES.find((x) => x.code === code)!;
    const m = messagesEn(code);
    const notices = [
      renderNotInService(code),
      renderNotYetOpen('…', code),
      renderDemonstrationNotice(code),
      renderDemonstrationThanks(code),
    ];
    for (const html of notices) {
      expect(html).toContain(`href="${l.prefixe}/aide/"`);
      expect(html).not.toMatch(/formulaire|Besoin d’aide|Numéros gratuits|démonstration/);
    }
    expect(notices[0]).toContain(escapeHtml(m.notInServiceText));
    expect(notices[0]).toContain(l.dir === 'rtl' ? '<span dir="ltr">3919</span>' : '>3919</a>');
    expect(notices[0]).toContain(escapeHtml(textes(code).urgences.numeros['115'].nom));
  });

  it('French stays as it was', () => {
    expect(renderNotInService()).toContain('<h2>Ce formulaire n’est pas encore en service</h2>');
    expect(renderNotInService()).toContain('<li><a href="tel:3919">3919</a> : Violences Femmes Info</li>');
    expect(renderDemonstrationNotice()).toContain('Pour une aide réelle, voir la page <a href="/aide/">Besoin d’aide</a>.');
  });
});
