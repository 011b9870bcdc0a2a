/**
 * The zod rules of a form, built from its field definitions, with French messages. The handler, the
 * tests and the JSON clients all go through formSchema(); the page takes the same limits as HTML attributes.
 */
import { z } from 'zod';
import { isRealDate } from '../common.ts';
import { datePartsProblem } from './date-parts.ts';
import { codePoints, cleanText, textProblem } from './text.ts';
import { requiredMessage, type Field, type Option } from './field.ts';
import { MESSAGES_FR, type FormMessages } from './messages.ts';

// Deliberately simple: one @, no spaces or angle brackets, a dot in the domain. Stricter rules refuse
// real addresses; the check that matters is whether the person can be reached.
export const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]+$/;
// Digits, spaces, dots, dashes, parentheses and a leading +: how people write French and foreign numbers.
const TEL = /^\+?[0-9 .\-()]+$/;

/**
 * A number one can dial: French on 10 digits (06 12 34 56 78), French with its country code (+33 6 12 34 56 78,
 * +33 (0)6…, 0033…), or another country's with its code (+32 470 12 34 56): 8 to 15 digits after + or 00 (E.164).
 */
export function numeroComposable(value: string): boolean {
  const n = value.replace(/^(\+|00)33\s*\(0\)/, '$133').replace(/[\s.\-()]/g, '');
  return /^0[1-9]\d{8}$/.test(n) || /^(\+|00)33[1-9]\d{8}$/.test(n) || /^(\+|00)(?!33)[1-9]\d{7,14}$/.test(n);
}
export const TEL_MESSAGE = MESSAGES_FR.telDialable;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const choices = (options: Option[]) => options.filter((o) => !o.disabledReason).map((o) => o.value);

function text(field: Field & { maxLength: number }, multiline: boolean, m: FormMessages) {
  return z
    .string({ error: m.textExpected(field.label) })
    .superRefine((value, ctx) => {
      const problem = textProblem(value, multiline, m);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform(cleanText)
    .pipe(
      z.string().superRefine((value, ctx) => {
        if (field.required && value.trim() === '') ctx.addIssue({ code: 'custom', message: requiredMessage(field, m) });
        const min = field.type === 'textarea' ? field.minLength : undefined;
        if (min && value.trim() !== '' && codePoints(value.trim()) < min.count)
          ctx.addIssue({ code: 'custom', message: min.message });
        const n = codePoints(value);
        if (n > field.maxLength) ctx.addIssue({ code: 'custom', message: m.tooLong(field.label, field.maxLength, n) });
      }),
    );
}

const schemaCache = new WeakMap<Field, z.ZodType<string | string[]>>();

/**
 * The zod rule for one field's value as received (string, or list of strings for checkboxes). A field object is
 * only ever used with its form's messages (a translated form has its own field objects): the cache keys on the field.
 */
export function fieldSchema(field: Field, m: FormMessages = MESSAGES_FR): z.ZodType<string | string[]> {
  let schema = schemaCache.get(field);
  if (!schema) schemaCache.set(field, (schema = buildFieldSchema(field, m)));
  return schema;
}

function buildFieldSchema(field: Field, m: FormMessages): z.ZodType<string | string[]> {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return text(field, field.type === 'textarea', m);
    case 'email':
      return text(field, false, m).pipe(z.string().regex(EMAIL_PATTERN, { error: m.email }));
    case 'tel':
      return text(field, false, m).pipe(
        z.string().regex(TEL, { error: m.telDigits }).refine(numeroComposable, { error: m.telDialable }),
      );
    case 'date':
      return z
        .string({ error: m.dateExpected(field.label) })
        .superRefine((value, ctx) => {
          const problem = datePartsProblem(field.label, value, m);
          if (problem) ctx.addIssue({ code: 'custom', message: problem });
        })
        .transform(frenchDateToIso)
        .pipe(
          z
            .string()
            .regex(DATE, { error: m.dateFormat })
            .refine(isRealDate, { error: m.dateNotReal })
            .refine((v) => v >= field.min, { error: field.tooEarlyMessage })
            .refine((v) => v <= field.max, { error: field.tooLateMessage }),
        );
    case 'radio':
    case 'select':
    case 'hidden': {
      const allowed = choices(field.options);
      return z
        .string({ error: m.oneAnswer(field.label) })
        .refine((v) => allowed.includes(v), { error: unavailableMessage(field, m) });
    }
    case 'checkboxes': {
      const allowed = choices(field.options);
      return z
        .array(z.string(), { error: m.listExpected(field.label) })
        .refine((list) => list.every((v) => allowed.includes(v)), { error: unavailableMessage(field, m) })
        .refine((list) => new Set(list).size === list.length, { error: m.eachOnce(field.label) })
        .refine((list) => !field.required || list.length > 0, { error: requiredMessage(field, m) });
    }
  }
}

function unavailableMessage(field: Field & { options: Option[] }, m: FormMessages) {
  const disabled = field.options.filter((o) => o.disabledReason).map((o) => `${o.label} : ${o.disabledReason}`);
  return m.unavailable(field.label, disabled);
}

/** The page's three fields arrive joined as 15/3/2010 (date-parts.ts); JSON clients may send 2010-03-15. */
function frenchDateToIso(text: string): string {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : text.trim();
}
