/**
 * The form handlers as one Hono app. Nothing Node-only is imported here: storage, time, settings,
 * built pages and the client's address come in `deps`, so the same app runs on Node (node.ts) and on Workers (worker.ts).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { routePath } from 'hono/route';
import { forms, isFormKey } from '../src/schemas/forms/index.ts';
import type { AppDeps, FormsEnv } from './deps.ts';
import { BODY_LIMIT_BYTES } from './protocol/limits.ts';
import { wantsJson } from './protocol/negotiate.ts';
import { REFUSALS } from './protocol/refusals.ts';
import { RateLimiter } from './rate-limit.ts';
import { answerRefusal } from './respond.ts';
import { answerPlaces, PLACES_ROUTE } from './places.ts';
import { handleSubmission } from './submit.ts';
import { healthReport } from './health.ts';
import { equipeDeps } from './equipe/mount.ts';
import { createEquipeApp } from './equipe/app.ts';
import { suiviRoutes } from './suivi.ts';
import { typographieDesReponses } from './typography.ts';

export const FORM_ROUTES = ['/f/:formKey', '/p/:project/f/:formKey'] as const;
/** For a load balancer: 200 when the store took a write in the last seconds, 503 otherwise; the body says the backlog, the last purge (Node) and the release (health.ts). No content, no ids. */
export const HEALTH_ROUTE = '/_sante';
const ALLOWED_HEADERS = ['Content-Type', 'Accept', 'Formspree-Client', 'Formspree-Session-Data', 'X-Requested-With'];

export type { AppDeps } from './deps.ts';

export function createApp(deps: AppDeps) {
  const app = new Hono<FormsEnv>();
  const limiter = deps.rateLimit ?? new RateLimiter(deps.config.rateLimit);

  // What the server writes itself gets the site's typography; the built files have it already.
  for (const path of ['/f/*', '/p/*', '/equipe', '/equipe/*', '/suivi/*']) app.use(path, typographieDesReponses);

  const health = healthReport(deps);
  app.get(HEALTH_ROUTE, async (c) => {
    c.header('Cache-Control', 'no-store');
    // Only the store decides the status: a failed purge or a backlog is for monitoring, not for the load balancer.
    const body = await health();
    return c.json(body, body.ok ? 200 : 503);
  });

  app.get(PLACES_ROUTE, (c) => answerPlaces(c, deps));

  // A post to /f/ names no form: the same French refusal as an unknown one (not the site's bare 404).
  app.all('/f/', (c) => answerRefusal(c, wantsJson(c.req.raw.headers), REFUSALS.formNotFound, deps.pages));

  // The teams' inbox, on every store that keeps its data (issue 19).
  const equipe = equipeDeps(deps);
  if (equipe) app.route('/equipe', createEquipeApp(equipe));
  // A resident's private link to follow a request (issue 19, item 6).
  suiviRoutes(app, deps, limiter);

  for (const route of FORM_ROUTES) {
    app.use(route, async (c, next) => {
      const started = performance.now();
      await next();
      // Form answers are personal: never kept by a browser or a proxy.
      c.header('Cache-Control', 'no-store');
      const outcome = c.get('outcome') ?? (c.res.status === 413 ? 'trop_gros' : c.res.status === 405 ? 'methode' : undefined);
      if (outcome && c.req.method === 'POST') deps.counters?.add(outcome);
      deps.log?.({
        method: c.req.method,
        route: '/f/:formKey',
        form: safeKey(c.req.param('formKey')),
        status: c.res.status,
        outcome,
        ms: Math.round(performance.now() - started),
      });
    });
    app.use(route, cors({ origin: deps.config.origins, allowMethods: ['POST'], allowHeaders: ALLOWED_HEADERS, maxAge: 600 }));
    app.post(
      route,
      bodyLimit({
        maxSize: BODY_LIMIT_BYTES,
        onError: (c) => {
          const key = c.req.param('formKey') ?? '';
          const back =
            isFormKey(key) && !forms[key].targetField
              ? { href: forms[key].pagePath(undefined), label: 'Revenir au formulaire' }
              : undefined;
          return answerRefusal(c, wantsJson(c.req.raw.headers), REFUSALS.tooBig, deps.pages, back);
        },
      }),
      (c) => handleSubmission(c, deps, limiter),
    );
    app.all(route, (c) => {
      c.header('Allow', 'POST');
      return answerRefusal(c, wantsJson(c.req.raw.headers), REFUSALS.method, deps.pages);
    });
  }

  app.onError((error, c) => {
    c.set('outcome', 'erreur_interne');
    deps.log?.({ method: c.req.method, route: routePath(c), status: 500, outcome: 'erreur_interne', ms: 0, note: error.name });
    return answerRefusal(c, wantsJson(c.req.raw.headers), REFUSALS.internal, deps.pages);
  });
  return app;
}

/** A form key fit for a log line: known keys only, so nothing a client typed is logged. */
const safeKey = (key: string | undefined) => (key && isFormKey(key) ? key : key === undefined ? undefined : '(inconnu)');
