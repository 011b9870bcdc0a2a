/**
 * Build and server (Node and Worker): The whole form as HTML: error summary, fields, honeypot, submit button. The page renders it at build
 * time and the handler renders it again, with the values typed and the errors, when a submission is refused.
 */
import type { FormContext } from '../../schemas/forms/context.ts';
import type { FormDefinition } from '../../schemas/forms/form.ts';
import type { Field } from '../../schemas/forms/field.ts';
import { MESSAGES_FR, type FormMessages } from '../../schemas/forms/messages.ts';
import { attrs, escapeHtml } from './html.ts';
import { fieldId, renderField } from './render-field.ts';

export type ShownError = { field?: string; message: string };

/** Comments that frame the form in a built page, so the handler can put the form back with errors. */
export const REGION_START = '<!--formulaire:debut-->';
export const REGION_END = '<!--formulaire:fin-->';

export const formAction = (key: string) => `/f/${key}`;

/** The hidden field that carries a translated page's language to the handler (a Formspree-style special field). */
export const LANGUE_FIELD = '_langue';

export function renderErrorSummary(errors: ShownError[], fields: Field[], m: FormMessages = MESSAGES_FR): string {
  if (errors.length === 0) return '';
  const visible = new Set(fields.filter((f) => f.type !== 'hidden').map((f) => f.name));
  const items = errors
    .map((e) =>
      e.field && visible.has(e.field)
        ? `<li><a href="#${fieldId(e.field)}">${escapeHtml(e.message)}</a></li>`
        : `<li>${escapeHtml(e.message)}</li>`,
    )
    .join('');
  // autofocus brings keyboard and screen-reader users to the summary even without JavaScript.
  return (
    `<div class="resume-erreurs" data-module="resume-erreurs" tabindex="-1" autofocus aria-labelledby="resume-erreurs-titre">` +
    `<div role="alert"><h2 class="resume-erreurs__titre" id="resume-erreurs-titre">${escapeHtml(m.problem)}</h2>` +
    `<ul class="resume-erreurs__liste">${items}</ul></div></div>`
  );
}

/** A translated form's words for its script (form-enhance.ts), which has the French ones: French pages stay as they were. */
function scriptWords(form: FormDefinition): Record<string, string | undefined> {
  const m = form.langue ? form.messages : undefined;
  return { 'data-mot-erreur': m?.errorPrefix, 'data-mot-probleme': m?.problem, 'data-mot-reseau': m?.network };
}

export type RenderFormInput = {
  form: FormDefinition;
  ctx: FormContext;
  target?: string;
  values?: Record<string, string | string[]>;
  errors?: ShownError[];
};

export function renderForm({ form, ctx, target, values = {}, errors = [] }: RenderFormInput): string {
  const fields = form.fields(ctx, target);
  const m = form.messages ?? MESSAGES_FR;
  const firstError = new Map<string, string>();
  for (const e of errors) if (e.field && !firstError.has(e.field)) firstError.set(e.field, e.message);
  const withTarget = form.targetField && target !== undefined ? { ...values, [form.targetField]: target } : values;
  const body = fields.map((f) => renderField(f, withTarget[f.name], firstError.get(f.name), m)).join('');
  return (
    `<div class="formulaire-zone" data-zone-formulaire>${renderErrorSummary(errors, fields, m)}` +
    `<form${attrs({ class: 'formulaire', method: 'post', action: formAction(form.key), 'accept-charset': 'utf-8', 'data-module': 'form-enhance', 'data-form-key': form.key, ...scriptWords(form) })}>` +
    body +
    // A translated form says its language, for the handler to answer in it (functions/submit.ts).
    (form.langue ? `<input${attrs({ type: 'hidden', name: LANGUE_FIELD, value: form.langue })}>` : '') +
    // Honeypot: hidden from people by CSS and from assistive technologies; robots fill it in.
    `<div class="champ-piege" aria-hidden="true"><label for="f-_gotcha">${escapeHtml(m.honeypot)}</label><input type="text" id="f-_gotcha" name="_gotcha" tabindex="-1" autocomplete="off"></div>` +
    `<button type="submit" class="bouton bouton--principal">${escapeHtml(form.submitLabel)}</button>` +
    `</form></div>`
  );
}
