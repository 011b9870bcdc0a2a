/**
 * French typography on what the server writes itself (issue 21, item 6), applied once where an answer or an
 * e-mail leaves: its pages (text nodes only, src/lib/page-tools/typographie.ts), the messages of its JSON
 * errors, its plain-text answers and its e-mails. Someone's own words are never changed: in a page, an
 * element marked `data-brut`; in an e-mail, a value wrapped in `brut()`.
 */
import type { MiddlewareHandler } from 'hono';
import { typographie, typographieHtml } from '../src/lib/page-tools/typographie.ts';
import type { OutgoingMail } from './notify/mail.ts';

// Private-use characters: they never appear in the site's text, and are removed before anything leaves.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/** A value kept as typed (a resident's answer, a subject they chose) inside a text that gets the typography. */
export const brut = (value: string) => `${OPEN}${value.replace(MARKS, '')}${CLOSE}`;

/** The typography on a text, except on its `brut()` values, whose marks are removed. */
export function typographieSaufBrut(text: string): string {
  return text
    .split(/(\uE000[^\uE001]*\uE001)/)
    .map((part) => (part.startsWith(OPEN) ? part.slice(1, -1) : typographie(part).replace(MARKS, '')))
    .join('');
}

/** An e-mail as it leaves: subject and body in French typography, `brut()` values untouched. */
export const mailEnFrancais = (mail: OutgoingMail): OutgoingMail => ({
  ...mail,
  subject: typographieSaufBrut(mail.subject),
  text: typographieSaufBrut(mail.text),
});

type JsonError = { error?: unknown; erreur?: unknown; errors?: unknown };

/** The messages of a JSON error (Formspree's `error` and `errors[].message`, the inbox's `erreur`), nothing else. */
function jsonMessages(body: JsonError): JsonError {
  const fix = (v: unknown) => (typeof v === 'string' ? typographie(v) : v);
  return {
    ...body,
    ...('error' in body ? { error: fix(body.error) } : {}),
    ...('erreur' in body ? { erreur: fix(body.erreur) } : {}),
    ...(Array.isArray(body.errors)
      ? {
          errors: body.errors.map((e: unknown) =>
            e && typeof e === 'object' && 'message' in e ? { ...e, message: fix(e.message) } : e,
          ),
        }
      : {}),
  };
}

/**
 * For the server's own routes (forms, private links, inbox), never the built files (they have it already):
 * HTML and plain text in full, JSON errors' messages. Downloads (an export) and 2xx JSON are left as they are.
 */
export const typographieDesReponses: MiddlewareHandler = async (c, next) => {
  await next();
  const res = c.res;
  const type = res.headers.get('content-type') ?? '';
  if (!res.body || res.headers.has('content-encoding') || res.headers.has('content-disposition')) return;
  // An answer in another language (a form sent from a translated page) keeps that language's own typography.
  if (!/^fr\b/.test(res.headers.get('content-language') ?? 'fr')) return;
  let body: string | undefined;
  if (type.startsWith('text/html')) body = typographieHtml(await res.text());
  else if (type.startsWith('text/plain')) body = typographie(await res.text());
  else if (type.startsWith('application/json') && res.status >= 400) {
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    body = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? JSON.stringify(jsonMessages(parsed)) : text;
  }
  if (body === undefined) return;
  c.res = new Response(body, res);
  c.res.headers.delete('content-length');
};
