/**
 * The forms on Cloudflare Workers: the same createApp(deps) as Node, on a D1 store, with the built site
 * (dist/) as the Worker's static assets on the same origin and the same security headers. What Node reads
 * from disk at start (form settings, trainings and quartiers, the form pages, the style hashes, the
 * build's mode) is bundled at build time by worker/build.ts; secrets and settings come from `env`.
 * `scheduled` (cron) runs the retention purge and the notification delivery (worker/jobs.ts).
 */
import { Hono, type ExecutionContext } from 'hono';
import { createApp } from './app.ts';
import type { BuildStamp } from './build-stamp.ts';
import { Counters } from './counters.ts';
import { withDemonstrationKey } from './equipe/demonstration.ts';
import { levelOf, logLine, requestLine } from './log-line.ts';
import { httpMailer } from './notify/http-api.ts';
import type { PageSource } from './pages.ts';
import { securityHeaders, adminConnectFrom } from './security-headers.ts';
import { D1Store } from './store/d1.ts';
import { configFromWorkerEnv, type WorkerConfig, type WorkerEnv } from './worker/config.ts';
import { runScheduled } from './worker/jobs.ts';
import { applyFormsMode, describeFormsMode } from '../src/lib/forms/mode.ts';
import type { ContentContext } from '../src/schemas/forms/context.ts';
import type { FormKey } from '../src/schemas/forms/index.ts';
import type { FormSettings } from '../src/schemas/forms/settings.ts';

/** What the build bundles into the Worker (worker/build.ts). */
export type WorkerData = {
  settings: Record<FormKey, FormSettings>;
  content: ContentContext;
  styleHashes: string[];
  /** The built pages that hold a form, and the message page, by path: error pages are filled from them. */
  pages: Record<string, string>;
  build?: BuildStamp;
};

type ScheduledController = { cron: string; scheduledTime: number };

/** How often an isolate adds its counts to D1 (at most; only when it serves requests). */
const COUNTERS_EVERY_MS = 10_000;

type Isolate =
  | {
      ok: true;
      config: WorkerConfig;
      store: D1Store;
      app: Hono;
      counters: Counters;
      origins: string[];
      flushedAt: number;
      /** The forms' settings as served (forms mode applied): who may see which request, for the staff's e-mails. */
      settings: WorkerData['settings'];
    }
  | { ok: false; errors: string[] };

type ReadyIsolate = Extract<Isolate, { ok: true }>;

export function createWorker(data: WorkerData) {
  // One per isolate, made on first use: bindings and secrets only exist in a request's or a run's env.
  let isolate: Isolate | undefined;
  const setUp = (env: WorkerEnv): Isolate => (isolate ??= startIsolate(data, env));

  return {
    async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
      const ready = setUp(env);
      if (!ready.ok) return notConfigured(request, env);
      // Posts from the Worker's own address are same-origin (its workers.dev name, a custom domain): only
      // the routes set up for it reach it, and the list stays short.
      const own = new URL(request.url).origin;
      if (!ready.origins.includes(own) && ready.origins.length < 16) ready.origins.push(own);
      const response = await ready.app.fetch(request, env, ctx);
      flushCounts(ready, ctx);
      return response;
    },

    async scheduled(_controller: ScheduledController, env: WorkerEnv, ctx: ExecutionContext): Promise<void> {
      const ready = setUp(env);
      if (!ready.ok) throw new Error('réglage incorrect (voir le journal du Worker)');
      const run = runJobs(ready);
      ctx.waitUntil(run);
      await run;
    },
  };
}

/** Checks the settings once per isolate; a wrong one is logged and the forms answer 503. */
function startIsolate(data: WorkerData, env: WorkerEnv): Isolate {
  const checked = configFromWorkerEnv(env, data.build);
  if (!checked.ok) {
    console.error(
      logLine(
        'erreur',
        `Le Worker ne sert pas les formulaires : réglage incorrect.\n${checked.errors.map((e) => `  - ${e}`).join('\n')}`,
        { erreurs: checked.errors },
      ),
    );
    return checked;
  }
  const { config } = checked;
  for (const line of describeFormsMode(data.settings, config.mode)) console.log(logLine(levelOf(line), line));
  const store = new D1Store(config.db);
  const counters = new Counters();
  // Read by the forms at each request: the Worker's own origins are added as they are seen (fetch).
  const origins = [...config.origins];
  const forms = formsApp(data, config, store, counters, origins);
  const settings = applyFormsMode(data.settings, config.mode);
  return { ok: true, config, store, app: siteApp(data, config, forms), counters, origins, flushedAt: Date.now(), settings };
}

/** The same createApp as on Node, on D1, with the client's address from Cloudflare's edge. */
function formsApp(data: WorkerData, config: WorkerConfig, store: D1Store, counters: Counters, origins: string[]) {
  const pages: PageSource = { get: (path) => data.pages[path] };
  return createApp({
    store,
    clock: config.clock,
    config: {
      origins,
      // In demonstration, sealed to a key whose private half is in the repository (equipe/demonstration.ts).
      settings: applyFormsMode(
        config.mode === 'demonstration' ? withDemonstrationKey(data.settings) : data.settings,
        config.mode,
      ),
      content: data.content,
      rateLimit: config.rateLimit,
      clientHashSalt: config.clientHashSecret,
    },
    // Isolates come and go: the rate limit counts in D1, shared by all.
    rateLimit: store.rateLimiter(config.rateLimit),
    pages,
    // Set by Cloudflare's edge for every request; a client cannot forge it there.
    clientAddress: (c) => c.req.header('cf-connecting-ip'),
    log: (e) => console.log(requestLine(e)),
    counters,
    // The release served: the build's stamp bundled with the Worker (/_sante).
    release: () => (data.build ? { source: 'construction', mode: data.build.mode, builtAt: data.build.builtAt } : undefined),
    equipe: { demonstration: config.mode === 'demonstration', firstInvitation: config.firstInvitation },
  });
}

/** The forms, then the built site from the assets, every answer with the security headers. */
function siteApp(data: WorkerData, config: WorkerConfig, forms: ReturnType<typeof createApp>): Hono {
  const app = new Hono();
  app.use(securityHeaders(data.styleHashes, adminConnectFrom(config.adminConnect)));
  app.route('/', forms);
  app.all('*', async (c) => {
    const response = await config.assets.fetch(c.req.raw);
    // The assets' headers are immutable: copy them, so that the security headers can be added.
    const own = new Response(response.body, response);
    // File names carry a content hash: cache for a year.
    if (c.req.path.startsWith('/_astro/') && response.status === 200)
      own.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    return own;
  });
  return app;
}

/** Adds this isolate's counts to D1 at most every COUNTERS_EVERY_MS, after the answer. */
function flushCounts(ready: ReadyIsolate, ctx: ExecutionContext) {
  if (Date.now() - ready.flushedAt < COUNTERS_EVERY_MS) return;
  ready.flushedAt = Date.now();
  const counts = ready.counters.take();
  if (Object.keys(counts).length) ctx.waitUntil(ready.store.addCounts(counts).catch(() => undefined));
}

/** The cron's purge and delivery; a failure is said in the Worker's log, then rethrown so the platform counts it. */
function runJobs({ config, store, settings }: ReadyIsolate): ReturnType<typeof runScheduled> {
  return runScheduled({
    store,
    settings,
    clock: config.clock,
    mailer: config.mail ? httpMailer(config.mail) : undefined,
    mailDomain: config.mailDomain,
    log: (line) => console.log(line.startsWith('{') ? line : logLine(levelOf(line), line)),
  }).catch((error: unknown) => {
    console.error(logLine('erreur', `Tâche planifiée en échec : ${(error as Error).name} ${(error as Error).message}`));
    throw error;
  });
}

/** The site stays readable; the forms say the service is unavailable, with the numbers to call. */
async function notConfigured(request: Request, env: WorkerEnv): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (env.ASSETS && !path.startsWith('/f/') && !path.startsWith('/p/') && path !== '/_sante') return env.ASSETS.fetch(request);
  return new Response(
    'Service des formulaires indisponible pour le moment. Pour une aide maintenant\u00a0: 17 (police), 112, SMS au 114, 3919, 115.',
    { status: 503, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } },
  );
}
