/**
 * POST /f/:formKey — the path of one submission, as a pipeline of named steps. Each step either answers
 * (a refusal, or the honeypot's fake success) or hands what it learnt to the next:
 *   known form → same site → body → rate limit → special fields → open → valid → sealed → stored → answer.
 * The step that answers records the outcome (counters, log line); nothing a client sends reaches a 5xx.
 */
import type { Context } from 'hono';
import { forms, isFormKey, type FormKey } from '../src/schemas/forms/index.ts';
import type { ContentContext, FormContext } from '../src/schemas/forms/context.ts';
import { fieldsOf, type FormDefinition } from '../src/schemas/forms/form.ts';
import { joinDateParts } from '../src/schemas/forms/date-parts.ts';
import { todayInRennes } from '../src/lib/time/dates.ts';
import { validateSubmission, type FieldError } from '../src/schemas/forms/validate.ts';
import { CONFIRMATION_FIELD } from '../src/schemas/forms/shared-fields.ts';
import { currentKey, type FormSettings } from '../src/schemas/forms/settings.ts';
import type { ShownError } from '../src/lib/forms/render-form.ts';
import { formErrorPage, messagePage, typedCopyHtml, typedValues } from './pages.ts';
import { escapeHtml } from '../src/lib/forms/html.ts';
import { bodyKind, parseBody, type RawFields } from './protocol/body.ts';
import { refusal, type Refusal } from './protocol/codes.ts';
import { DAY_MS, MAX_NAME_SHOWN, STORE_RETRY_AFTER_S } from './protocol/limits.ts';
import { wantsJson } from './protocol/negotiate.ts';
import { isCrossSite } from './protocol/origin.ts';
import { REFUSALS } from './protocol/refusals.ts';
import { isSpecialField, readSpecialFields, type Special } from './protocol/special-fields.ts';
import { answerRefusal, answerSuccess, answerValidationJson } from './respond.ts';
import { hashClient, rateLimitAddress, type RateLimit } from './rate-limit.ts';
import type { AppDeps, FormsEnv, Outcome } from './deps.ts';
import { StoreUnavailableError, type SubmissionContent } from './store/types.ts';
import { sealValues } from './seal/seal.ts';
import { MESSAGES_FR, type FormMessages } from '../src/schemas/forms/messages.ts';
import { URGENCES } from '../src/lib/site/urgences.ts';
import { LANGUE_FIELD } from '../src/lib/forms/render-form.ts';
import { formulaireEn, langueEnvoyee, merciEn } from '../src/i18n/formulaires/index.ts';
import { langue as langueDe, type Code } from '../src/i18n/languages.ts';
import { randomToken, sha256 } from './equipe/tokens.ts';

type Ctx = Context<FormsEnv>;
type Back = { href: string; label: string };
/** What the steps have learnt so far about this submission. */
type Known = {
  c: Ctx;
  deps: AppDeps;
  json: boolean;
  formKey: FormKey;
  form: FormDefinition;
  settings: FormSettings;
  back?: Back;
};
/** `langue`: the language of the page the form was sent from (`_langue`); `form` is then that language's form. */
type Read = Known & { fields: RawFields; ctx: FormContext; target?: string; langue: Code };

/** The generic words of the form as the person read it. */
const wordsOf = (s: Known) => s.form.messages ?? MESSAGES_FR;

export async function handleSubmission(c: Ctx, deps: AppDeps, limiter: RateLimit): Promise<Response> {
  const known = knownForm(c, deps);
  if (known instanceof Response) return known;
  const sameSite = fromOurSite(known);
  if (sameSite) return sameSite;
  const read = await readBody(known);
  if (read instanceof Response) return read;
  const tooOften = await withinRateLimit(read, limiter);
  if (tooOften) return tooOften;
  const { special, problems } = readSpecialFields(read.fields, c.req.header('idempotency-key') ?? null);
  const nextPath = special.next ?? thanksIn(read);
  if (special.spam) return honeypot(read, nextPath);
  const closed = formClosed(read);
  if (closed) return closed;
  const values = validValues(read, problems);
  if (values instanceof Response) return values;
  return storeAndAnswer(read, special, values, nextPath);
}

/** Records what became of the request (log line, counters) and returns the answer. */
const answered = (c: Ctx, outcome: Outcome, response: Response) => (c.set('outcome', outcome), response);

/** The form page the person is sent back to, with what they typed and the errors. */
function formAgain(s: Read, errors: ShownError[], status: 422 | 429 | 503) {
  return s.c.html(
    formErrorPage(s.deps.pages, { form: s.form, ctx: s.ctx, target: s.target, values: typedValues(s.fields), errors }),
    status,
  );
}

function refusalAnswer(s: Known, outcome: Outcome, r: Refusal, back = s.back) {
  return answered(s.c, outcome, answerRefusal(s.c, s.json, r, s.deps.pages, back));
}

function knownForm(c: Ctx, deps: AppDeps): Known | Response {
  const json = wantsJson(c.req.raw.headers);
  const formKey = c.req.param('formKey') ?? '';
  if (!isFormKey(formKey)) return answered(c, 'formulaire_inconnu', answerRefusal(c, json, REFUSALS.formNotFound, deps.pages));
  const form = forms[formKey];
  const back = form.targetField
    ? undefined
    : { href: form.pagePath(undefined), label: `Revenir au formulaire « ${form.title} »` };
  return { c, deps, json, formKey, form, settings: deps.config.settings[formKey], back };
}

function fromOurSite(s: Known): Response | undefined {
  if (isCrossSite(s.c.req.raw.headers, s.deps.config.origins)) return refusalAnswer(s, 'autre_site', REFUSALS.crossSite);
}

// Today's date in Rennes, formatted once a minute (the day changes on a whole minute in every time zone
// Rennes uses): formatting it was a few per cent of a request's CPU.
let todayCache = { minute: Number.NaN, today: '' };
function todayAt(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (todayCache.minute !== minute) todayCache = { minute, today: todayInRennes(now, {}) };
  return todayCache.today;
}

// One context object per content and day, so fields and rules built for it are reused (see fieldsOf).
const contexts = new WeakMap<ContentContext, FormContext>();
function contextFor(content: ContentContext, today: string): FormContext {
  let ctx = contexts.get(content);
  if (ctx?.today !== today) contexts.set(content, (ctx = { ...content, today }));
  return ctx;
}

// The values a form's target field may take (quartiers, trainings, activities), once per form and context.
const targets = new WeakMap<FormContext, Map<string, ReadonlySet<string>>>();
function knownTargets(form: FormDefinition, ctx: FormContext): ReadonlySet<string> {
  let byForm = targets.get(ctx);
  if (!byForm) targets.set(ctx, (byForm = new Map<string, ReadonlySet<string>>()));
  let known = byForm.get(form.key);
  if (!known) {
    const field = fieldsOf(form, ctx, undefined).find((f) => f.name === form.targetField);
    const options = field && 'options' in field ? field.options : [];
    byForm.set(form.key, (known = new Set(options.map((o) => o.value))));
  }
  return known;
}

async function readBody(s: Known): Promise<Read | Response> {
  const contentType = s.c.req.header('content-type');
  const kind = bodyKind(contentType);
  if (!kind) return refusalAnswer(s, 'format', REFUSALS.contentType);
  const parsed = await parseBody(kind, contentType!, new Uint8Array(await s.c.req.arrayBuffer()));
  if (!parsed.ok) return refusalAnswer(s, parsed.refusal.status === 422 ? 'invalide' : 'illisible', parsed.refusal);
  const targetRaw = s.form.targetField ? parsed.fields.get(s.form.targetField) : undefined;
  const ctx = contextFor(s.deps.config.content, todayAt(s.deps.clock.now()));
  // Only a value the content knows becomes the target: per-target caches (fieldsOf) stay as small as the content.
  const target = typeof targetRaw === 'string' && knownTargets(s.form, ctx).has(targetRaw) ? targetRaw : undefined;
  // A date typed as day, month, year (three fields on the page) becomes the field's one value.
  joinDateParts(fieldsOf(s.form, ctx, target), parsed.fields);
  return { ...inLanguage(s, langueEnvoyee(parsed.fields.get(LANGUE_FIELD))), fields: parsed.fields, ctx, target };
}

/**
 * The form as the person read it: a page in another language sends `_langue`, and every answer (errors, refusals,
 * the thank-you page) is then in that language; names, limits and rules are the French form's (src/i18n/formulaires/).
 */
function inLanguage(s: Known, code: Code): Known & { langue: Code } {
  const form = formulaireEn(s.form, code);
  if (form === s.form) return { ...s, langue: 'fr' };
  // Every answer from here says its language (and so escapes the French typography, functions/typography.ts).
  s.c.header('Content-Language', langueDe(code).tag);
  const back = s.back && { href: form.pagePath(undefined), label: wordsOf({ ...s, form }).backToForm(form.title) };
  return { ...s, form, back, langue: code };
}

/** The settings' thank-you page; a translated form's own when the settings keep the default one. */
function thanksIn(s: Read): string {
  const french = s.settings.merci;
  const byDefault = `/formulaires/${s.form.adresse ?? s.form.key}/merci/`;
  return s.langue !== 'fr' && french === byDefault ? merciEn(s.langue, french) : french;
}

async function withinRateLimit(s: Read, limiter: RateLimit): Promise<Response | undefined> {
  const address = rateLimitAddress(s.deps.clientAddress(s.c) ?? 'inconnu');
  const client = await (s.deps.hashClient ?? hashClient)(s.deps.config.clientHashSalt, address);
  const rate = await limiter.hit(`${s.formKey}:${client}`, s.deps.clock.now().getTime());
  if (rate.allowed) return;
  const message = wordsOf(s).tooOften(Math.ceil(rate.retryAfterSeconds / 60));
  s.c.header('Retry-After', String(rate.retryAfterSeconds));
  if (s.json) return answered(s.c, 'trop_frequent', s.c.json({ error: message, errors: [{ code: 'BLOCKED', message }] }, 429));
  // The form comes back with what was typed, so waiting costs nothing.
  return answered(s.c, 'trop_frequent', formAgain(s, [{ message }], 429));
}

/** Looks like a success to a robot; nothing stored, nothing sent. */
function honeypot(s: Read, nextPath: string) {
  return answered(s.c, 'spam', answerSuccess(s.c, s.json, nextPath, s.deps.newId?.() ?? crypto.randomUUID()));
}

function formClosed(s: Read): Response | undefined {
  const m = wordsOf(s);
  const closed = !s.settings.ouvert ? closedBySettings(s, m) : s.form.inactive?.(s.ctx, s.target, Object.fromEntries(s.fields));
  if (!closed) return;
  const back = s.target ? { href: s.form.pagePath(s.target), label: m.backToPage } : s.back;
  const title = s.form.place || s.form.key.startsWith('inscription') ? m.registrationsClosed : m.closedTitle;
  const r = refusal(403, title, closed, 'INACTIVE');
  if (s.json) return refusalAnswer(s, 'ferme', r, back);
  // The browser's copy of what was typed is the only one: it comes back, to copy, not to send again; never on the
  // pages for people facing violence (quick exit), where a number written on the page could be read by someone else.
  const copy = s.form.quickExit ? '' : typedCopyHtml(s.form, s.ctx, s.target, typedValues(s.fields));
  const aide = `${langueDe(s.langue).prefixe}/aide/`;
  const body = `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(closed)}</p><p><a href="${aide}">${escapeHtml(m.helpNow)}</a></p>${copy}`;
  const page = messagePage(s.deps.pages, title, body, back, { form: s.form, target: s.target });
  return answered(s.c, 'ferme', s.c.html(page, 403));
}

/**
 * Why the settings close the form. Their message is the editors' French: a translated form says instead, in its
 * language, that it is not in service (with the free numbers) or that it is closed.
 */
function closedBySettings(s: Read, m: FormMessages): string {
  if (s.langue === 'fr') return s.settings.message_ferme ?? m.closed;
  if (s.settings.service !== 'pas-en-service') return m.closed;
  const numbers = URGENCES.map((u) => (u.lien.startsWith('sms') ? `${m.sms}${u.numero}` : u.numero)).join(', ');
  return `${m.notInServiceTitle}. ${m.notInServiceText} ${m.freeNumbers} ${numbers}.`;
}

function validValues(s: Read, problems: { field: string; message: string }[]): Record<string, string | string[]> | Response {
  const allowed = new Set(fieldsOf(s.form, s.ctx, s.target).map((f) => f.name));
  const errors: FieldError[] = problems.map((p) => ({ ...p, code: 'TYPE_TEXT' }));
  const input: Record<string, unknown> = {};
  let filled = 0;
  for (const [name, value] of s.fields) {
    if (isSpecialField(name)) continue;
    if (!allowed.has(name)) {
      const shown = name.slice(0, MAX_NAME_SHOWN);
      errors.push({ field: shown, code: 'TYPE_TEXT', message: wordsOf(s).unknownField(shown) });
      continue;
    }
    input[name] = value;
    if (name !== s.form.targetField && value !== '' && !(Array.isArray(value) && value.length === 0)) filled++;
  }
  if (filled === 0 && errors.length === 0) {
    const message = wordsOf(s).empty;
    if (s.json) return answered(s.c, 'vide', s.c.json({ error: message, errors: [{ code: 'EMPTY', message }] }, 422));
    return answered(s.c, 'vide', formAgain(s, [{ message }], 422));
  }
  const result = validateSubmission(s.form, s.ctx, s.target, input);
  if (!result.ok) errors.push(...result.errors);
  if (errors.length || !result.ok) {
    return answered(s.c, 'invalide', s.json ? answerValidationJson(s.c, errors) : formAgain(s, errors, 422));
  }
  return result.values;
}

/** The person's address when they ticked the confirmation box (only forms that have one; never sealed ones). */
function wantsConfirmation(values: Record<string, string | string[]>): string | undefined {
  const ticked = [values[CONFIRMATION_FIELD] ?? []].flat().includes('oui');
  return ticked && typeof values.email === 'string' ? values.email : undefined;
}

/** Sensitive forms are sealed here, before the store sees them: no clear copy is ever written. */
async function sealedOrClear(s: Read, id: string, values: Record<string, string | string[]>): Promise<SubmissionContent> {
  if (!s.settings.sensible) return { kind: 'clear', json: JSON.stringify(values) };
  const teamKey = currentKey(s.settings);
  if (!teamKey) throw new Error('formulaire sensible sans clé d’équipe');
  return sealValues(teamKey, s.formKey, id, values);
}

/**
 * The private link of a new submission of a non-sensitive form that has one, on a store with the inbox (not
 * for a `_next` of the client's, which asked for its own page): the token for the person, its hash to store.
 */
async function privateLink(s: Read, special: Special, now: Date) {
  if (!s.form.privateLink || s.settings.sensible || special.next || !s.deps.store.equipe) return undefined;
  const token = randomToken();
  const expiresAt = new Date(now.getTime() + s.settings.conservation_jours * DAY_MS).toISOString();
  return { path: `/suivi/${token}`, stored: { tokenHash: await sha256(token), expiresAt } };
}

async function storeAndAnswer(s: Read, special: Special, values: Record<string, string | string[]>, nextPath: string) {
  const now = s.deps.clock.now();
  const id = s.deps.newId?.() ?? crypto.randomUUID();
  const recipients = (s.target && s.settings.destinataires_par_quartier?.[s.target]) || s.settings.destinataires;
  const link = await privateLink(s, special, now);
  try {
    const saved = await s.deps.store.save(
      {
        id,
        formKey: s.formKey,
        receivedAt: now.toISOString(),
        deleteAfter: new Date(now.getTime() + s.settings.conservation_jours * DAY_MS).toISOString(),
        idempotencyKey: special.idempotencyKey,
        // A translated page's language is kept with the answers (sealed with them), for the team: « Langue de la personne ».
        content: await sealedOrClear(s, id, s.langue === 'fr' ? values : { [LANGUE_FIELD]: s.langue, ...values }),
        place: s.form.place?.(values, s.ctx),
        privateLink: link?.stored,
      },
      s.settings.sensible
        ? { recipients }
        : {
            recipients,
            subject: special.subject,
            replyTo: special.replyTo ?? (values.email as string | undefined),
            confirmationTo: wantsConfirmation(values),
            confirmationLink: link?.path,
          },
    );
    // A form with a private link answers with that page (not a retry: its link is the first submission's).
    const told =
      saved.waitingList && s.form.waitingList ? { listeAttente: true, message: s.form.waitingList.message } : undefined;
    if (link && !saved.duplicate)
      return answered(s.c, told ? 'liste_attente' : 'accepte', answerSuccess(s.c, s.json, link.path, saved.id, told));
    const waiting = saved.waitingList ? s.form.waitingList : undefined;
    if (waiting) {
      // Recorded, but no place: the person is told so plainly, never sent to a page (or `_next`) that confirms one.
      const answer = answerSuccess(s.c, s.json, waiting.path(values), saved.id, { listeAttente: true, message: waiting.message });
      return answered(s.c, saved.duplicate ? 'doublon' : 'liste_attente', answer);
    }
    const thanks = special.next ?? s.form.thanksPath?.(values, s.target, s.ctx) ?? nextPath;
    return answered(s.c, saved.duplicate ? 'doublon' : 'accepte', answerSuccess(s.c, s.json, thanks, saved.id));
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    s.c.header('Retry-After', String(STORE_RETRY_AFTER_S));
    const message = wordsOf(s).storeDown;
    if (s.json) return answered(s.c, 'stockage_indisponible', s.c.json({ error: message, errors: [{ message }] }, 503));
    return answered(s.c, 'stockage_indisponible', formAgain(s, [{ message }], 503));
  }
}
