/**
 * POST /f/:formKey — the path of one submission: negotiate, check origin and rate, read the body,
 * special fields, open or closed, validate, store (submission + outbox in one commit), answer.
 */
import type { Context } from 'hono';
import { forms, isFormKey } from '../src/schemas/forms/index.ts';
import type { ContentContext, FormContext } from '../src/schemas/forms/context.ts';
import { fieldsOf } from '../src/schemas/forms/form.ts';
import { joinDateParts } from '../src/schemas/forms/date-parts.ts';
import { todayInRennes } from '../src/lib/dates.ts';
import { validateSubmission, type FieldError } from '../src/schemas/forms/validate.ts';
import { formErrorPage, typedValues } from './pages.ts';
import { bodyKind, parseBody } from './protocol/body.ts';
import { refusal } from './protocol/codes.ts';
import { wantsJson } from './protocol/negotiate.ts';
import { isCrossSite } from './protocol/origin.ts';
import { isSpecialField, readSpecialFields } from './protocol/special-fields.ts';
import { answerRefusal, answerSuccess, answerValidationJson } from './respond.ts';
import { hashClient, type RateLimiter } from './rate-limit.ts';
import type { AppDeps } from './deps.ts';
import { StoreUnavailableError, type SubmissionContent } from './store/types.ts';
import { sealValues } from './seal/seal.ts';
import { CONFIRMATION_FIELD } from '../src/schemas/forms/shared-fields.ts';
import { currentKey } from '../src/schemas/forms/settings.ts';

const DAY_MS = 86_400_000;

/** The person's address when they ticked the confirmation box (only forms that have one; never sealed ones, see caller). */
function wantsConfirmation(values: Record<string, string | string[]>): string | undefined {
  const ticked = [values[CONFIRMATION_FIELD] ?? []].flat().includes('oui');
  return ticked && typeof values.email === 'string' ? values.email : undefined;
}

// One context object per content and day, so fields and rules built for it are reused (see fieldsOf).

const contexts = new WeakMap<ContentContext, FormContext>();
function contextFor(content: ContentContext, today: string): FormContext {
  let ctx = contexts.get(content);
  if (ctx?.today !== today) contexts.set(content, (ctx = { ...content, today }));
  return ctx;
}

export async function handleSubmission(c: Context, deps: AppDeps, limiter: RateLimiter) {
  const json = wantsJson(c.req.raw.headers);
  const formKey = c.req.param('formKey') ?? '';
  const { pages, config } = deps;

  if (!isFormKey(formKey)) {
    const r = refusal(
      404,
      'Formulaire introuvable',
      'Ce formulaire n’existe pas ou plus. Revenez à la page précédente, ou à l’accueil du site.',
      'FORM_NOT_FOUND',
    );
    return answerRefusal(c, json, { ...r, error: 'Form not found' }, pages);
  }
  const form = forms[formKey];
  const settings = config.settings[formKey];
  const back = form.targetField
    ? undefined
    : { href: form.pagePath(undefined), label: `Revenir au formulaire « ${form.title} »` };

  if (isCrossSite(c.req.raw.headers, config.origins)) {
    return answerRefusal(
      c,
      json,
      refusal(
        403,
        'Envoi refusé',
        'Cet envoi vient d’un autre site : il a été refusé. Remplissez le formulaire directement sur notre site.',
        'BLOCKED',
      ),
      pages,
      back,
    );
  }

  const contentType = c.req.header('content-type');
  const kind = bodyKind(contentType);
  if (!kind) {
    return answerRefusal(
      c,
      json,
      refusal(
        415,
        'Format non accepté',
        'Format d’envoi non accepté : envoyez le formulaire depuis la page du site (encodages acceptés : formulaire HTML, multipart ou JSON en UTF-8).',
      ),
      pages,
      back,
    );
  }
  const parsed = await parseBody(kind, contentType!, new Uint8Array(await c.req.arrayBuffer()));
  if (!parsed.ok) return answerRefusal(c, json, parsed.refusal, pages, back);
  const fields = parsed.fields;
  const ctx = contextFor(config.content, todayInRennes(deps.clock.now(), {}));
  const targetRaw = form.targetField ? fields.get(form.targetField) : undefined;
  const target = typeof targetRaw === 'string' ? targetRaw : undefined;
  // A date typed as day, month, year (three fields on the page) becomes the field's one value.
  joinDateParts(fieldsOf(form, ctx, target), fields);

  const client = await hashClient(config.clientHashSalt, deps.clientAddress(c) ?? 'inconnu');
  const rate = limiter.hit(`${formKey}:${client}`, deps.clock.now().getTime());
  if (!rate.allowed) {
    const minutes = Math.ceil(rate.retryAfterSeconds / 60);
    const message = `Trop d’envois de ce formulaire depuis votre connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`;
    c.header('Retry-After', String(rate.retryAfterSeconds));
    if (json) return c.json({ error: message, errors: [{ code: 'BLOCKED', message }] }, 429);
    // The form comes back with what was typed, so waiting costs nothing.
    return c.html(formErrorPage(pages, { form, ctx, target, values: typedValues(fields), errors: [{ message }] }), 429);
  }

  const { special, problems } = readSpecialFields(fields, c.req.header('idempotency-key') ?? null);
  const nextPath = special.next ?? settings.merci;
  if (special.spam) {
    // Looks like a success to a robot; nothing stored, nothing sent.
    return answerSuccess(c, json, nextPath, deps.newId?.() ?? crypto.randomUUID());
  }

  const closed = !settings.ouvert
    ? (settings.message_ferme ??
      'Ce formulaire est fermé pour le moment. Revenez plus tard ou écrivez à l’équipe par la page Contact.')
    : form.inactive?.(ctx, target, Object.fromEntries(fields));
  if (closed) {
    return answerRefusal(
      c,
      json,
      refusal(403, 'Inscriptions fermées', closed, 'INACTIVE'),
      pages,
      target ? { href: form.pagePath(target), label: 'Revenir à la page' } : back,
    );
  }

  const allowed = new Set(fieldsOf(form, ctx, target).map((f) => f.name));
  const errors: FieldError[] = problems.map((p) => ({ ...p, code: 'TYPE_TEXT' }));
  const input: Record<string, unknown> = {};
  let filled = 0;
  for (const [name, value] of fields) {
    if (isSpecialField(name)) continue;
    if (!allowed.has(name)) {
      errors.push({
        field: name.slice(0, 60),
        code: 'TYPE_TEXT',
        message: `Ce formulaire n’a pas de champ « ${name.slice(0, 60)} » : rechargez la page et renvoyez le formulaire.`,
      });
      continue;
    }
    input[name] = value;
    if (name !== form.targetField && value !== '' && !(Array.isArray(value) && value.length === 0)) filled++;
  }

  if (filled === 0 && errors.length === 0) {
    const message = 'Le formulaire est vide : remplissez au moins les champs obligatoires.';
    if (json) return c.json({ error: message, errors: [{ code: 'EMPTY', message }] }, 422);
    return c.html(formErrorPage(pages, { form, ctx, target, values: typedValues(fields), errors: [{ message }] }), 422);
  }

  const result = validateSubmission(form, ctx, target, input);
  if (!result.ok) errors.push(...result.errors);
  if (errors.length || !result.ok) {
    if (json) return answerValidationJson(c, errors);
    return c.html(formErrorPage(pages, { form, ctx, target, values: typedValues(fields), errors }), 422);
  }

  const now = deps.clock.now();
  const id = deps.newId?.() ?? crypto.randomUUID();
  const recipients = (target && settings.destinataires_par_quartier?.[target]) || settings.destinataires;
  // Sensitive forms are sealed here, before the store sees them: no clear copy is ever written.
  const teamKey = settings.sensible ? currentKey(settings) : undefined;
  if (settings.sensible && !teamKey) throw new Error('formulaire sensible sans clé d’équipe');
  const content: SubmissionContent = teamKey
    ? await sealValues(teamKey, formKey, id, result.values)
    : { kind: 'clear', json: JSON.stringify(result.values) };
  try {
    const saved = await deps.store.save(
      {
        id,
        formKey,
        receivedAt: now.toISOString(),
        deleteAfter: new Date(now.getTime() + settings.conservation_jours * DAY_MS).toISOString(),
        idempotencyKey: special.idempotencyKey,
        content,
      },
      settings.sensible
        ? { recipients }
        : {
            recipients,
            subject: special.subject,
            replyTo: special.replyTo ?? (result.values.email as string | undefined),
            confirmationTo: wantsConfirmation(result.values),
          },
    );
    return answerSuccess(c, json, special.next ?? form.thanksPath?.(result.values, target) ?? nextPath, saved.id);
  } catch (error) {
    if (!(error instanceof StoreUnavailableError)) throw error;
    c.header('Retry-After', '30');
    const message =
      'Votre envoi n’a pas pu être enregistré, à cause d’un problème de notre côté. Rien n’a été perdu de ce que vous avez écrit : réessayez dans quelques minutes.';
    if (json) return c.json({ error: message, errors: [{ message }] }, 503);
    return c.html(formErrorPage(pages, { form, ctx, target, values: typedValues(fields), errors: [{ message }] }), 503);
  }
}
