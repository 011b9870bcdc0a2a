/**
 * Dates typed by a person come as three fields, day, month and year (GOV.UK date input pattern):
 * no browser date picker that reads "14052004" in its own locale. The page names them
 * `<field>-jour`, `<field>-mois`, `<field>-annee`; the handler joins them into one value "JJ/MM/AAAA"
 * before validation (rules.ts reads it), and the form shown again splits it back.
 */
import type { Field } from './field.ts';
import { MESSAGES_FR, type FormMessages } from './messages.ts';

export const DATE_PARTS = [
  { suffix: 'jour', label: 'Jour', size: 2, autocomplete: 'bday-day' },
  { suffix: 'mois', label: 'Mois', size: 2, autocomplete: 'bday-month' },
  { suffix: 'annee', label: 'Année', size: 4, autocomplete: 'bday-year' },
] as const;

export const datePartName = (field: string, suffix: string) => `${field}-${suffix}`;

/**
 * Replaces each date field's three parts in a received body by the field's own value, "JJ/MM/AAAA"
 * (empty when all three are empty). A value sent under the field's own name (JSON clients) is left as is.
 */
export function joinDateParts(fields: Field[], body: Map<string, unknown>): void {
  for (const field of fields) {
    if (field.type !== 'date') continue;
    const names = DATE_PARTS.map((p) => datePartName(field.name, p.suffix));
    if (!names.some((n) => body.has(n))) continue;
    const parts = names.map((n) => body.get(n));
    for (const n of names) body.delete(n);
    if (body.has(field.name)) continue;
    // A part sent twice or as a non-string is kept as is, so the field's rule refuses it clearly.
    if (!parts.every((p) => p === undefined || typeof p === 'string')) {
      body.set(field.name, parts);
      continue;
    }
    const texts = parts.map((p) => (typeof p === 'string' ? p.trim() : ''));
    body.set(field.name, texts.every((t) => t === '') ? '' : texts.join('/'));
  }
}

/** The three parts of a value shown again in the form: "14/5/2004" or "2004-05-14" → ["14", "5", "2004"]. */
export function splitDateValue(value: string | undefined): [string, string, string] {
  if (!value) return ['', '', ''];
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return [iso[3]!, iso[2]!, iso[1]!];
  const [d = '', m = '', y = ''] = value.split('/');
  return [d, m, y];
}

/** A clear message (French unless told) for what was typed in the three fields, or undefined when it makes a date. */
export function datePartsProblem(label: string, text: string, msg: FormMessages = MESSAGES_FR): string | undefined {
  const m = /^\s*(\d*)\s*\/\s*(\d*)\s*\/\s*(\d*)\s*$/.exec(text);
  if (!m) return undefined;
  const [, day = '', month = '', year = ''] = m;
  const missing = (['jour', 'mois', 'annee'] as const).filter((_, i) => ![day, month, year][i]);
  if (missing.length) return msg.dateMissing(label, missing);
  if (year.length !== 4) return msg.dateYear(label);
  if (Number(month) < 1 || Number(month) > 12) return msg.dateMonth(label);
  if (Number(day) < 1 || Number(day) > 31) return msg.dateDay(label);
  return undefined;
}
