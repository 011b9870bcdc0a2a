/**
 * Checks a submission against its form: every field with its own zod rule, then the rules across
 * fields. Each problem gets a Formspree error code and a French message.
 */
import { fieldSchema } from './rules.ts';
import { isMultiple, requiredMessage, type Field } from './field.ts';
import { cleanText } from './text.ts';
import { MESSAGES_FR } from './messages.ts';
import type { FormContext } from './context.ts';
import { fieldsOf, type FormDefinition, type Values } from './form.ts';

export type FieldErrorCode = 'REQUIRED_FIELD_MISSING' | 'REQUIRED_FIELD_EMPTY' | 'TYPE_EMAIL' | 'TYPE_NUMERIC' | 'TYPE_TEXT';
export type FieldError = { field: string; code: FieldErrorCode; message: string };

export type Validation = { ok: true; values: Values } | { ok: false; errors: FieldError[] };

const isEmpty = (v: unknown) => (typeof v === 'string' && cleanText(v).trim() === '') || (Array.isArray(v) && v.length === 0);

const typeCode = (field: Field): FieldErrorCode => (field.type === 'email' ? 'TYPE_EMAIL' : 'TYPE_TEXT');

/**
 * `input` holds only the form's own field names (the caller refuses unknown ones): strings, or any
 * JSON value a client sent, which is then refused with a clear message if it is of the wrong type.
 */
export function validateSubmission(
  form: FormDefinition,
  ctx: FormContext,
  target: string | undefined,
  input: Record<string, unknown>,
): Validation {
  const m = form.messages ?? MESSAGES_FR;
  const errors: FieldError[] = [];
  const values: Values = {};
  const sent = new Set<string>();
  for (const field of fieldsOf(form, ctx, target)) {
    let raw = Object.hasOwn(input, field.name) ? input[field.name] : undefined;
    if (raw === undefined) {
      if (field.required) errors.push({ field: field.name, code: 'REQUIRED_FIELD_MISSING', message: requiredMessage(field, m) });
      continue;
    }
    if (isMultiple(field) && typeof raw === 'string') raw = [raw];
    if (isEmpty(raw)) {
      if (field.required) errors.push({ field: field.name, code: 'REQUIRED_FIELD_EMPTY', message: requiredMessage(field, m) });
      continue;
    }
    sent.add(field.name);
    if (Array.isArray(raw) && !isMultiple(field)) {
      errors.push({
        field: field.name,
        code: 'TYPE_TEXT',
        message: m.sentTwice(field.label),
      });
      continue;
    }
    const result = fieldSchema(field, m).safeParse(raw);
    if (result.success) values[field.name] = result.data;
    else
      errors.push({
        field: field.name,
        code: typeof raw === 'string' ? typeCode(field) : 'TYPE_TEXT',
        message: result.error.issues[0]?.message ?? requiredMessage(field, m),
      });
  }
  if (form.check) {
    // Rules across fields see only the values that are valid; a field already in error keeps its first message.
    const inError = new Set(errors.map((e) => e.field));
    for (const problem of form.check(values, ctx, target, sent))
      if (!inError.has(problem.field)) errors.push({ ...problem, code: 'TYPE_TEXT' });
  }
  return errors.length ? { ok: false, errors } : { ok: true, values };
}
