/**
 * The form handlers as one Hono app. Nothing Node-only is imported here: storage, time, settings,
 * built pages and the client's address come in `deps`, so the same app runs on Node and, later, Workers.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { forms, isFormKey } from '../src/schemas/forms/index.ts';
import type { AppDeps } from './deps.ts';
import { wantsJson } from './protocol/negotiate.ts';
import { refusal } from './protocol/codes.ts';
import { RateLimiter } from './rate-limit.ts';
import { answerRefusal } from './respond.ts';
import { handleSubmission } from './submit.ts';

export const BODY_LIMIT_BYTES = 64 * 1024;
export const FORM_ROUTES = ['/f/:formKey', '/p/:project/f/:formKey'] as const;
const ALLOWED_HEADERS = ['Content-Type', 'Accept', 'Formspree-Client', 'Formspree-Session-Data', 'X-Requested-With'];

export type { AppDeps } from './deps.ts';

export function createApp(deps: AppDeps) {
  const app = new Hono();
  const limiter = new RateLimiter(deps.config.rateLimit);

  for (const route of FORM_ROUTES) {
    app.use(route, async (c, next) => {
      const started = Date.now();
      await next();
      // Form answers are personal: never kept by a browser or a proxy.
      c.header('Cache-Control', 'no-store');
      deps.log?.({
        method: c.req.method,
        route: '/f/:formKey',
        form: safeKey(c.req.param('formKey')),
        status: c.res.status,
        ms: Date.now() - started,
      });
    });
    app.use(route, cors({ origin: deps.config.origins, allowMethods: ['POST'], allowHeaders: ALLOWED_HEADERS, maxAge: 600 }));
    app.post(
      route,
      bodyLimit({
        maxSize: BODY_LIMIT_BYTES,
        onError: (c) => {
          const key = c.req.param('formKey') ?? '';
          const r = refusal(
            413,
            'Envoi trop volumineux',
            'Votre envoi est trop long (64 Kio au plus). Raccourcissez vos textes et renvoyez le formulaire.',
            'FILES_TOO_BIG',
          );
          const back =
            isFormKey(key) && !forms[key].targetField
              ? { href: forms[key].pagePath(undefined), label: 'Revenir au formulaire' }
              : undefined;
          return answerRefusal(c, wantsJson(c.req.raw.headers), r, deps.pages, back);
        },
      }),
      (c) => handleSubmission(c, deps, limiter),
    );
    app.all(route, (c) => {
      c.header('Allow', 'POST');
      const r = refusal(
        405,
        'Méthode non acceptée',
        'Cette adresse reçoit les formulaires envoyés (POST) seulement. Pour remplir un formulaire, ouvrez sa page sur le site.',
      );
      return answerRefusal(c, wantsJson(c.req.raw.headers), r, deps.pages);
    });
  }

  // Only our own faults get here (a client's input never does: see no-5xx.property.test.ts). A 500, not a
  // 503: retrying would meet the same fault, so the person is told another way to reach us.
  app.onError((error, c) => {
    deps.log?.({ method: c.req.method, route: c.req.routePath, status: 500, ms: 0, note: error.name });
    const r = refusal(
      500,
      'Erreur de notre côté',
      'Une erreur de notre côté a empêché l’envoi ; ce n’est pas de votre fait. Si elle se reproduit, joignez l’équipe par téléphone ou à l’accueil.',
    );
    return answerRefusal(c, wantsJson(c.req.raw.headers), r, deps.pages);
  });
  return app;
}

/** A form key fit for a log line: known keys only, so nothing a client typed is logged. */
const safeKey = (key: string | undefined) => (key && isFormKey(key) ? key : key === undefined ? undefined : '(inconnu)');
