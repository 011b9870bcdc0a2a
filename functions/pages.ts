/**
 * HTML answers for browsers without JavaScript. They reuse the built pages (deps.pages) so that an error
 * page looks like the rest of the site: the form region is replaced by the form with the values typed
 * and the error summary, or by a message. Every value is escaped.
 */
import type { FormContext } from '../src/schemas/forms/context.ts';
import { fieldsOf, type FormDefinition } from '../src/schemas/forms/form.ts';
import { escapeHtml } from '../src/lib/forms/html.ts';
import { prefixTitle, replaceRegion, setTitle } from '../src/lib/forms/page-region.ts';
import { renderForm, type ShownError } from '../src/lib/forms/render-form.ts';
import { MESSAGES_FR } from '../src/schemas/forms/messages.ts';
import { langueEnvoyee } from '../src/i18n/formulaires/index.ts';
import { langue as langueDe } from '../src/i18n/languages.ts';
import type { RawFields } from './protocol/body.ts';

/** Built pages by path, e.g. "/formulaires/agir/" → its HTML. */
export type PageSource = { get(path: string): string | undefined };

/** The page that frames messages when no form page fits (src/pages/formulaires/erreur.astro). */
export const MESSAGE_PAGE = '/formulaires/erreur/';

/** The values as typed, to put back in the form: only strings and lists of strings. */
export function typedValues(fields: RawFields): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, v] of fields) {
    if (name.startsWith('_')) continue;
    if (typeof v === 'string') values[name] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) values[name] = v;
  }
  return values;
}

export function formErrorPage(
  pages: PageSource | undefined,
  input: {
    form: FormDefinition;
    ctx: FormContext;
    target?: string;
    values: Record<string, string | string[]>;
    errors: ShownError[];
  },
): string {
  const m = input.form.messages ?? MESSAGES_FR;
  const formHtml = renderForm(input);
  const page = pages?.get(input.form.pagePath(input.target));
  const filled = page && replaceRegion(page, formHtml);
  if (filled) return prefixTitle(filled, m.errorPrefix);
  return messagePage(
    pages,
    `${m.errorPrefix}${input.form.title}`,
    `<h1>${escapeHtml(input.form.title)}</h1>${formHtml}`,
    undefined,
    {
      form: input.form,
      target: input.target,
    },
  );
}

/** A page with a heading and paragraphs, in the site's layout when it is built. */
/**
 * A page with a heading and paragraphs, in the site's layout when it is built. `inLanguage`: a translated form's
 * message is framed by that form's own page (its `lang`, `dir` and chrome), never by the French one.
 */
export function messagePage(
  pages: PageSource | undefined,
  title: string,
  bodyHtml: string,
  backTo?: { href: string; label: string },
  inLanguage?: { form: FormDefinition; target?: string },
): string {
  const translated = inLanguage?.form.langue ? inLanguage : undefined;
  const m = translated?.form.messages ?? MESSAGES_FR;
  const langue = langueDe(langueEnvoyee(translated?.form.langue));
  const home = `${langue.prefixe}/`;
  const back = backTo
    ? `<p><a href="${escapeHtml(backTo.href)}">${escapeHtml(backTo.label)}</a></p>`
    : `<p><a href="${home}">${escapeHtml(m.home)}</a></p>`;
  const html = `<div class="message-formulaire">${bodyHtml}${back}</div>`;
  const shell = pages?.get(translated ? translated.form.pagePath(translated.target) : MESSAGE_PAGE);
  const filled = shell && replaceRegion(shell, html);
  if (filled) return setTitle(filled, title);
  return (
    `<!doctype html><html lang="${langue.tag}"${langue.dir === 'rtl' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="robots" content="noindex"><title>${escapeHtml(title)}</title></head><body><main id="contenu">${html}</main></body></html>`
  );
}

/**
 * A closed form refuses what was sent, and the person keeps it: each filled field, by its label, in a
 * read-only box to copy (nothing was stored). Hidden fields and the site's own fields are left out.
 */
export function typedCopyHtml(
  form: FormDefinition,
  ctx: FormContext,
  target: string | undefined,
  values: Record<string, string | string[]>,
): string {
  const rows = fieldsOf(form, ctx, target).flatMap((field) => {
    if (field.type === 'hidden') return [];
    const raw = [values[field.name] ?? []].flat().filter((v) => v.trim() !== '');
    if (raw.length === 0) return [];
    const options = 'options' in field ? field.options : [];
    const shown = raw.map((v) => options.find((o) => o.value === v)?.label ?? v).join(', ');
    const id = `copie-${field.name}`;
    return [
      `<p><label for="${escapeHtml(id)}">${escapeHtml(field.label)}</label><br>` +
        `<textarea id="${escapeHtml(id)}" readonly rows="${Math.min(8, Math.max(1, Math.ceil(shown.length / 60)))}">${escapeHtml(shown)}</textarea></p>`,
    ];
  });
  if (rows.length === 0) return '';
  const m = form.messages ?? MESSAGES_FR;
  return `<h2>${escapeHtml(m.typedTitle)}</h2>` + `<p>${escapeHtml(m.typedText)}</p>` + rows.join('');
}
