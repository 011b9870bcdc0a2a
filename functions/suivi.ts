/**
 * A resident's private link /suivi/<token> (issue 19, item 6), on Node and Workers: the state of their request
 * in plain French and, for a sign-up to a session, a plain form to cancel it, which frees the place at once for
 * the first person waiting (told by e-mail through the outbox). Only forms with `privateLink` (never a
 * sensitive one) get a link; the token's hash is stored, it ends with the form's retention; the page shows no
 * name and no answer. No referrer, not indexed, never kept; rate-limited per client like the forms.
 */
import type { Context, Hono } from 'hono';
import { forms, isFormKey } from '../src/schemas/forms/index.ts';
import { escapeHtml } from '../src/lib/forms/html.ts';
import { formatCreneau, formatDate, formatDateLongue } from '../src/lib/time/dates.ts';
import { typographie } from '../src/lib/page-tools/typographie.ts';
import type { ContentContext } from '../src/schemas/forms/context.ts';
import type { AppDeps, FormsEnv } from './deps.ts';
import { sha256 } from './equipe/tokens.ts';
import { messagePage } from './pages.ts';
import { isCrossSite } from './protocol/origin.ts';
import { hashClient, rateLimitAddress, type RateLimit } from './rate-limit.ts';
import type { InboxRequest, RequestStateName } from './store/equipe-types.ts';

export const SUIVI_ROUTE = '/suivi/:token';

const STATES: Record<RequestStateName, string> = {
  nouveau: 'Reçue : l’équipe ne l’a pas encore ouverte.',
  en_cours: 'En cours : une personne de l’équipe s’en occupe.',
  repondu: 'Répondue : l’équipe vous a répondu.',
  clos: 'Close.',
};
/** Who cancels, in the request's history, when the person does it themselves. */
const RESIDENT = 'habitant';

/** 32 random bytes, base64url: nothing else is ever accepted. */
const wellFormed = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** What, when and where of a sign-up's session: the programme's public facts, as its thank-you page says them. */
function sessionLine(content: ContentContext, key: string | undefined): string {
  const [formationId, sessionId] = (key ?? '').split('/');
  const formation = content.formations.find((f) => f.id === formationId);
  const session = formation?.sessions.find((x) => x.id === sessionId);
  if (!formation || !session) return '';
  // The content's words with the site's typography (apostrophes, no-break spaces), as the built pages have them.
  const text = `Formation « ${formation.titre} », ${formatDateLongue(session.date)}, ${formatCreneau(session.creneau)}, ${content.lieux[session.lieu] ?? session.lieu}.`;
  return `<p>${escapeHtml(typographie(text))}</p>`;
}

export function suiviRoutes(app: Hono<FormsEnv>, deps: AppDeps, limiter: RateLimit) {
  const equipe = deps.store.equipe?.();
  if (!equipe) return;

  const guard = async (c: Context<FormsEnv>) => {
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    c.header('Cache-Control', 'no-store');
    const address = rateLimitAddress(deps.clientAddress(c) ?? 'inconnu');
    const client = await (deps.hashClient ?? hashClient)(deps.config.clientHashSalt, address);
    const rate = await limiter.hit(`suivi:${client}`, deps.clock.now().getTime());
    if (!rate.allowed) {
      c.header('Retry-After', String(rate.retryAfterSeconds));
      return c.html(
        messagePage(deps.pages, 'Trop de demandes', '<h1>Trop de demandes</h1><p>Réessayez dans quelques minutes.</p>'),
        429,
      );
    }
    const token = c.req.param('token') ?? '';
    const request = wellFormed(token) ? await equipe.privateLink(await sha256(token), deps.clock.now().toISOString()) : undefined;
    if (!request || request.sealed) {
      const text =
        '<h1>Lien inconnu ou expiré</h1><p>Ce lien de suivi n’existe pas, ou la demande a été effacée à la fin de sa durée de conservation.</p>';
      return c.html(messagePage(deps.pages, 'Lien inconnu ou expiré', text), 404);
    }
    return { token, request };
  };

  const cancellable = (r: InboxRequest) => Boolean(r.sessionKey) && !r.cancelled && r.state !== 'clos';

  app.get(SUIVI_ROUTE, async (c) => {
    const found = await guard(c);
    if (found instanceof Response) return found;
    const { token, request } = found;
    const form = isFormKey(request.formKey) ? forms[request.formKey] : undefined;
    const state = request.cancelled
      ? 'Annulée : votre place a été libérée.'
      : request.waitingList
        ? `Sur la liste d’attente. ${STATES[request.state]}`
        : STATES[request.state];
    const cancel = cancellable(request)
      ? `<form method="post" action="/suivi/${token}/annuler">
          <p>Vous ne pouvez plus venir\u202f? Annulez\u00a0: la place va aussitôt à la première personne en liste d’attente.</p>
          <button type="submit">Annuler mon inscription</button>
        </form>`
      : '';
    // Just sent: the form's own thank-you words (or the waiting list's), which name nothing typed.
    const words =
      request.state === 'nouveau' && !request.cancelled ? (request.waitingList ? form?.waitingList : form?.thanks) : undefined;
    const thanks = words
      ? `<h2>${escapeHtml(words.title)}</h2>${words.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`
      : '';
    const asked = c.req.query('annule');
    const done =
      asked === 'oui' && request.cancelled
        ? '<p role="status">Votre inscription est annulée. Merci de nous avoir prévenus.</p>'
        : asked === 'non' && !request.cancelled
          ? `<p role="status">Cette inscription ne peut plus être annulée ici (la session est passée, ou l’équipe a clos la demande)\u00a0: écrivez-nous par le formulaire de contact du site.</p>`
          : '';
    const body =
      `<h1>Suivi de votre demande</h1>${done}` +
      `<p>Formulaire «\u202f${escapeHtml(form?.title ?? request.formKey)}\u202f», envoyé le ${escapeHtml(formatDate(request.receivedAt.slice(0, 10)))}.</p>` +
      sessionLine(deps.config.content, request.sessionKey) +
      `<p><strong>État\u00a0:</strong> ${escapeHtml(state)}</p>${thanks}${cancel}` +
      '<p>Ce lien est personnel : gardez-le pour suivre votre demande, ne le partagez pas. Il cesse de fonctionner quand la demande est effacée.</p>';
    return c.html(messagePage(deps.pages, 'Suivi de votre demande', body));
  });

  app.post(`${SUIVI_ROUTE}/annuler`, async (c) => {
    if (isCrossSite(c.req.raw.headers, deps.config.origins))
      return c.text('Demande refusée : elle ne vient pas de ce site.', 403);
    const found = await guard(c);
    if (found instanceof Response) return found;
    const { token, request } = found;
    const form = isFormKey(request.formKey) ? forms[request.formKey] : undefined;
    const values = JSON.parse(request.clearJson ?? '{}') as Record<string, string>;
    const place = form?.place?.(values, { ...deps.config.content, today: deps.clock.now().toISOString().slice(0, 10) });
    // Cancelled already (a second click, a reload): the same answer, nothing moves.
    let cancelled = request.cancelled;
    if (cancellable(request) && place && place.session === request.sessionKey) {
      const at = deps.clock.now().toISOString();
      const change = { sessionKey: place.session, capacity: place.capacity, submissionId: request.id, staffId: RESIDENT, at };
      const result = await equipe.cancelSignUp({ ...change, reason: 'annulée par la personne' });
      cancelled = cancelled || result.cancelled;
      const next = result.promoted ? await equipe.request(result.promoted) : undefined;
      const email = next?.clearJson ? (JSON.parse(next.clearJson) as { email?: string }).email : undefined;
      if (next && email) await equipe.tellPerson(next.id, email, 'place-attribuee', at);
    }
    return c.redirect(`/suivi/${token}?annule=${cancelled ? 'oui' : 'non'}`, 303);
  });
}
