/**
 * Build and server: a form in a language (issue 23). The French definition (src/schemas/forms/) stays the one source
 * of names, values, limits and rules; a language's file (src/i18n/formulaires/<code>.ts) only lays its words over it.
 */
import type { Code } from '../languages.ts';
import { langue as langueDe, LANGUES } from '../languages.ts';
import type { Field } from '../../schemas/forms/field.ts';
import type { FormDefinition } from '../../schemas/forms/form.ts';
import { forms, type FormKey } from '../../schemas/forms/index.ts';
import { MESSAGES_FR, type FormMessages } from '../../schemas/forms/messages.ts';
import type { FormulairesEnLangue, MotsChamp, MotsFormulaire } from './types.ts';
import { typographie } from '../../lib/page-tools/typographie.ts';
import { ar } from './ar.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { prs } from './prs.ts';
import { pt } from './pt.ts';
import { uk } from './uk.ts';

export type { FormulairesEnLangue, MotsChamp, MotsFormulaire } from './types.ts';

export const FORMULAIRES_EN_LANGUE: Record<Exclude<Code, 'fr'>, FormulairesEnLangue> = { en, ar, uk, prs, es, pt };

/** The staff's French name of each language, for « Langue de la personne : arabe » (notifications, inbox). */
export const NOM_EN_FRANCAIS: Record<Code, string> = {
  fr: 'français',
  en: 'anglais',
  ar: 'arabe',
  uk: 'ukrainien',
  prs: 'dari',
  es: 'espagnol',
  pt: 'portugais',
};
export const LIBELLE_LANGUE = 'Langue de la personne';

/** Fields whose choices are names from content/ (quartiers, trainings, sessions, activities): kept as written there. */
export const CHOIX_DU_CONTENU: ReadonlySet<string> = new Set(['quartier', 'formation', 'session', 'activite']);

/** The generic form words in a language (French for French). */
export const messagesEn = (code: Code): FormMessages => (code === 'fr' ? MESSAGES_FR : FORMULAIRES_EN_LANGUE[code].messages);

/** The language a submission names (`_langue`), French when it names none we know. */
export function langueEnvoyee(value: unknown): Code {
  return LANGUES.find((l) => l.code === value)?.code ?? 'fr';
}

/** The forms a language has words for: those get a page under /<code>/formulaires/. */
export function formulairesTraduits(code: Exclude<Code, 'fr'>): FormKey[] {
  return (Object.keys(FORMULAIRES_EN_LANGUE[code].formulaires) as FormKey[]).filter((k) => Object.hasOwn(forms, k));
}

function champ(field: Field, mots: MotsChamp | undefined): Field {
  if (!mots) return field;
  const over: Partial<Field> & Record<string, unknown> = { label: mots.label };
  if (field.hint !== undefined) over.hint = mots.hint ?? field.hint;
  if (field.optionalNote !== undefined) over.optionalNote = mots.optionalNote ?? field.optionalNote;
  if (field.requiredMessage !== undefined) over.requiredMessage = mots.requiredMessage ?? field.requiredMessage;
  // Names from content/ get the French typography the French pages give them at build (Jeanne d’Arc), which no other language's page does.
  if ('options' in field && CHOIX_DU_CONTENU.has(field.name))
    over.options = field.options.map((o) => ({ ...o, label: typographie(o.label) }));
  else if ('options' in field)
    over.options = field.options.map((o) => {
      const m = mots.options?.[o.value];
      return m ? { ...o, label: m.label, ...(o.hint !== undefined ? { hint: m.hint ?? o.hint } : {}) } : o;
    });
  if (field.type === 'textarea' && field.minLength)
    over.minLength = { ...field.minLength, message: mots.minLength ?? field.minLength.message };
  if (field.type === 'date') {
    over.tooEarlyMessage = mots.tooEarly ?? field.tooEarlyMessage;
    over.tooLateMessage = mots.tooLate ?? field.tooLateMessage;
    if (field.ageNote) over.ageNote = { ...field.ageNote, message: mots.ageNote ?? field.ageNote.message };
  }
  return { ...field, ...over } as Field;
}

function traduire(form: FormDefinition, code: Exclude<Code, 'fr'>, mots: MotsFormulaire): FormDefinition {
  const prefixe = langueDe(code).prefixe;
  const messages = FORMULAIRES_EN_LANGUE[code].messages;
  const notYetOpen = form.notYetOpen;
  const inactive = form.inactive;
  const check = form.check;
  const thanksPath = form.thanksPath;
  return {
    ...form,
    langue: code,
    messages,
    title: mots.title,
    titreHistorique: form.titreHistorique === undefined ? undefined : (mots.titreHistorique ?? mots.title),
    description: mots.description,
    intro: mots.intro,
    submitLabel: mots.submitLabel,
    thanks: mots.thanks,
    fields: (ctx, target) => form.fields(ctx, target).map((f) => champ(f, mots.champs[f.name])),
    check: check && ((...a) => check(...a).map((p) => ({ ...p, message: mots.regles?.[p.field] ?? p.message }))),
    notYetOpen:
      notYetOpen && ((ctx, target) => (notYetOpen(ctx, target) ? (mots.pasEncoreOuvert ?? messages.closed) : undefined)),
    inactive:
      inactive &&
      ((ctx, target, raw) =>
        inactive(ctx, target, raw)
          ? ((notYetOpen?.(ctx, target) ? mots.pasEncoreOuvert : undefined) ?? messages.closed)
          : undefined),
    thanksPath:
      thanksPath &&
      ((values, target, ctx) => {
        const path = thanksPath(values, target, ctx);
        // Another thank-you page exists in this language only when its words do.
        return path && mots.autresMerci?.[path] ? `${prefixe}${path}` : path;
      }),
    pagePath: (target) => `${prefixe}${form.pagePath(target)}`,
  };
}

const memo = new Map<string, FormDefinition>();

/**
 * The form in a language: the French one for French or when the language has no words for it (the page says so), else
 * the same definition with the words laid over. Memoised: its fields and rules are cached per form object.
 */
export function formulaireEn(form: FormDefinition, code: Code): FormDefinition {
  if (code === 'fr') return form;
  const mots = FORMULAIRES_EN_LANGUE[code].formulaires[form.key as FormKey];
  if (!mots) return form;
  const key = `${code}:${form.key}`;
  let translated = memo.get(key);
  if (!translated) memo.set(key, (translated = traduire(form, code, mots)));
  return translated;
}

/** The thank-you path of a form in a language, from the settings' French path. */
export const merciEn = (code: Code, path: string) => `${langueDe(code).prefixe}${path}`;
