/** The two ways of answering, JSON for fetch clients and pages or redirects for browsers. */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { FieldError } from '../src/schemas/forms/validate.ts';
import { escapeHtml } from '../src/lib/forms/html.ts';
import type { Refusal } from './protocol/codes.ts';
import { messagePage, type PageSource } from './pages.ts';

export function answerRefusal(
  c: Context,
  json: boolean,
  r: Refusal,
  pages: PageSource | undefined,
  backTo?: { href: string; label: string },
) {
  for (const [name, value] of Object.entries(r.headers ?? {})) c.header(name, value);
  if (json) return c.json({ error: r.error, errors: r.errors }, r.status as ContentfulStatusCode);
  const body = `<h1>${escapeHtml(r.title)}</h1>${r.errors.map((e) => `<p>${escapeHtml(e.message)}</p>`).join('')}`;
  return c.html(messagePage(pages, r.title, body, backTo), r.status as ContentfulStatusCode);
}

export function answerValidationJson(c: Context, errors: FieldError[]) {
  return c.json({ error: 'Validation errors', errors }, 422);
}

/** `extra`: what a JSON client may show beyond Formspree's fields (a sign-up on the waiting list). */
export function answerSuccess(c: Context, json: boolean, nextPath: string, id: string, extra?: Record<string, unknown>) {
  if (json) return c.json({ ok: true, next: new URL(nextPath, c.req.url).href, id, ...extra }, 200);
  // 303: the browser follows with GET, so reloading the thank-you page never posts again.
  return c.redirect(nextPath, 303);
}
