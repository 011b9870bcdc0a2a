/**
 * Composition of the Node server: the built site (dist/) and the form handlers on one port, with
 * security headers and compression, the store, the background jobs and the limits on connections.
 * Tests call startServer(); `functions/node.ts` reads the environment and calls it.
 */
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono, type MiddlewareHandler } from 'hono';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentContext, loadFormSettings } from '../../src/lib/forms/load.ts';
import { applyFormsMode, describeFormsMode, formsModeFromEnv, type FormsMode } from '../../src/lib/forms/mode.ts';
import type { FormKey } from '../../src/schemas/forms/index.ts';
import type { FormSettings } from '../../src/schemas/forms/settings.ts';
import type { AppDeps } from '../deps.ts';
import { equipeDeps } from '../equipe/mount.ts';
import type { EditeurReglages } from '../editeur/reglages.ts';
import { routesDeVerification } from '../editeur/verification.ts';
import { todayInRennes } from '../../src/lib/time/dates.ts';
import { createApp } from '../app.ts';
import { Counters } from '../counters.ts';
import type { LogEntry } from '../deps.ts';
import type { Mailer } from '../notify/mail.ts';
import { smtpMailer, smtpSettingsFromEnv } from '../notify/smtp.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitOptions } from '../rate-limit.ts';
import { withDemonstrationKey } from '../equipe/demonstration.ts';
import { PostgresStore } from '../store/postgres.ts';
import { SqliteStore, type SqliteStoreOptions } from '../store/sqlite.ts';
import type { SubmissionStore } from '../store/types.ts';
import { builtSite } from './built-site.ts';
import { modeMismatch, RELEASE_MANIFEST } from '../build-stamp.ts';
import { clientAddress, normalize, withForwardedProto } from './client-address.ts';
import { compression } from './compress.ts';
import { clockFrom, defaultAuditLog, type Clock } from './config.ts';
import { limitConnections, DEFAULT_CONNECTION_LIMITS, serverOptions, type ConnectionLimits } from './connection-limits.ts';
import { startJobs, type PurgeStatus } from './jobs.ts';
import type { ServedRelease } from '../health.ts';
import { METRICS_ROUTE, type MetricsSnapshot } from '../metrics.ts';
import { metricsRoute, METRICS_ALLOWED_DEFAULT, metricsSnapshot, requestLog } from './observe.ts';
import { servedReleaseOf } from './served-release.ts';

export type ServerOptions = {
  /** The site's editor on its own origin (functions/editeur/node.ts); none when absent. */
  editeur?: EditeurReglages;
  port?: number;
  host?: string;
  distDir?: string;
  /** SQLite file of submissions, created if missing. Default ./data/submissions.sqlite. */
  dbPath?: string;
  /** Audit log of purges and staff reading; default audit.log beside the database. */
  auditLog?: string;
  contentDir?: string;
  /** Origins allowed to post besides the server's own address, e.g. the public site's https origin. */
  origins?: string[];
  rateLimit?: RateLimitOptions;
  /** Reverse proxies whose X-Forwarded-For is believed (exact addresses). */
  trustedProxies?: string[];
  connectionLimits?: Partial<ConnectionLimits>;
  store?: SqliteStoreOptions;
  /** PostgreSQL instead of SQLite (several instances on one database): postgres://… */
  databaseUrl?: string;
  /**
   * Secret of the client-address hashes, the same on every instance (needed with databaseUrl so the
   * rate limit holds across them); by default new at each start.
   */
  clientHashSecret?: string;
  /** The server's one clock; default FABRIQUE_AUJOURDHUI if set, else the real time. */
  clock?: Clock;
  /** Where request log lines go; silent by default in tests. */
  log?: (entry: LogEntry) => void;
  /** Replaces some forms' settings after loading content/ (tests: their own team keys). */
  settings?: Partial<Record<FormKey, FormSettings>>;
  /** Sends the outbox; by default SMTP from SMTP_* variables, none if SMTP_HOST is unset. */
  mailer?: Mailer;
  /** Domain of notification Message-IDs; default the host of SITE_URL, else "localhost". */
  mailDomain?: string;
  /** How often the outbox is looked at, in ms (default 30 s). */
  deliveryIntervalMs?: number;
  /** How often expired submissions are purged, in ms (default 6 h). */
  purgeIntervalMs?: number;
  /** Operator messages (forms mode, delivery problems); console by default. */
  notice?: (line: string) => void;
  /** Forms with example recipients or keys refuse submissions in production; default from FABRIQUE_DEMONSTRATION. */
  mode?: FormsMode;
  /** Who may read /_metriques (addresses, networks); default loopback only (node/observe.ts). */
  metricsAllowed?: string[];
};
export type RunningServer = {
  url: string;
  close: () => Promise<void>;
  /** Connections the server holds open now (tests of abusive clients). */
  openConnections: () => Promise<number>;
};

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository's root, or a release's (functions/release.ts bundles this file into server.js at its root, beside its manifest). */
const projectRoot = existsSync(path.join(here, RELEASE_MANIFEST)) ? here : path.resolve(here, '../..');

/** The site was built for another forms mode than the server runs in (build-stamp.ts): it does not start. */
export class BuildModeError extends Error {
  override name = 'BuildModeError';
}

/** The requests the built files answered (node/compress.ts keeps only those compressed). */
const servedFromBuild = new WeakSet<Request>();

async function createNodeApp(
  options: ServerOptions & {
    origins: string[];
    store: SubmissionStore;
    clock: Clock;
    counters: Counters;
    trusted: Set<string>;
    site: ReturnType<typeof builtSite>;
    mode: FormsMode;
    lastPurge: { value?: PurgeStatus };
    release: () => ServedRelease | undefined;
    metrics: () => Promise<MetricsSnapshot>;
    sitePublic?: { value?: string };
  },
) {
  const distDir = options.distDir ?? path.join(projectRoot, 'dist');
  const contentDir = options.contentDir ?? path.join(projectRoot, 'content');
  const [loaded, content] = await Promise.all([loadFormSettings(contentDir), loadContentContext(contentDir)]);
  const mode = options.mode;
  // In demonstration, sealed to a key whose private half is in the repository (functions/equipe/demonstration.ts).
  const base = mode === 'demonstration' ? withDemonstrationKey(loaded) : loaded;
  const merged = { ...base, ...options.settings } as Record<FormKey, FormSettings>;
  for (const line of describeFormsMode(merged, mode)) options.notice?.(line);
  const settings = applyFormsMode(merged, mode);
  const appDeps: AppDeps = {
    store: options.store,
    clock: options.clock,
    config: {
      origins: options.origins,
      settings,
      content,
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      clientHashSalt: options.clientHashSecret ?? randomBytes(16).toString('hex'),
    },
    // Several instances count in their shared database; one process in its memory.
    rateLimit:
      options.store instanceof PostgresStore ? options.store.rateLimiter(options.rateLimit ?? DEFAULT_RATE_LIMIT) : undefined,
    pages: options.site.pages,
    clientAddress: (c) => clientAddress(getConnInfo(c).remote.address, c.req.header('x-forwarded-for'), options.trusted),
    log: options.log,
    counters: options.counters,
    hashClient: (salt, address) => createHmac('sha256', salt).update(address).digest('hex').slice(0, 32),
    equipe: { demonstration: mode === 'demonstration' },
    purgeStatus: () => options.lastPurge.value,
    release: options.release,
  };
  const editeurOrigin: { value?: string } = {};
  // The inbox links the editor once it listens (editeurOrigin is set then, and only if it started).
  if (options.editeur) appDeps.equipe = { ...appDeps.equipe, editeur: () => editeurOrigin.value };
  const forms = createApp(appDeps);
  const equipe = options.editeur ? equipeDeps(appDeps) : undefined;
  // An editor that cannot start (no git repository, no build tools) never takes the public site and its forms down.
  const reglages = options.editeur;
  const editeur =
    reglages && equipe
      ? // Loaded here only: a server installed without the editor's sources (src/admin/) serves without it.
        await import('../editeur/node.ts')
          .then(({ startEditeur }) =>
            startEditeur({
              reglages,
              deps: equipe,
              sitePublic: () => options.sitePublic?.value ?? options.origins[0] ?? 'http://localhost',
              dist: distDir,
              today: () => todayInRennes(options.clock.now()),
              notice: options.notice,
            }),
          )
          .catch((error: unknown) => {
            const raison =
              (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND'
                ? 'ses sources (src/admin/) ne sont pas installées ici ; l’éditeur tourne sur la machine de construction'
                : (error as Error).message;
            options.notice?.(
              `ATTENTION : l’éditeur du site ne peut pas démarrer, le site public et les formulaires sont servis sans lui : ${raison}`,
            );
            return undefined;
          })
      : undefined;
  if (mode === 'demonstration') options.notice?.('Espace équipe : /equipe/connexion (un compte de démonstration y est proposé).');

  const app = new Hono();
  app.use(requestLog(options.log));
  if (editeur) {
    // The editor's host gets the editor and nothing else; /admin/ on the public site is sent there.
    const editor = editeur.app;
    app.use('*', async (c, next) => {
      if (new URL(c.req.url).origin === editeurOrigin.value) return editor.fetch(c.req.raw, c.env);
      if (c.req.path === '/admin' || c.req.path.startsWith('/admin/'))
        return c.redirect(`${editeurOrigin.value ?? ''}/admin/`, 303);
      return next();
    });
  }
  app.use(options.site.headers);
  app.get(METRICS_ROUTE, metricsRoute(options.metricsAllowed ?? METRICS_ALLOWED_DEFAULT, options.metrics));
  app.use(
    compression({
      generation: (c) => options.site.key(c),
      // Only the built files are kept compressed: every other answer (a resident's private link, the inbox,
      // /_sante, a form's) is personal or changes with each request.
      cacheStatic: (c) => servedFromBuild.has(c.req.raw),
    }),
  );
  app.route('/', forms);
  // The editor's check before a save (src/admin/verifier.ts), where the editor runs: `npm start`, in demonstration.
  // A production server has no editor (its content comes with its release): there, nothing answers it.
  if (mode === 'demonstration') routesDeVerification(app, contentDir);
  app.use('/_astro/*', async (c, next) => {
    await next();
    // File names carry a content hash: cache for a year.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', async (c, next) => {
    await next();
    // Hono's table of types has no YAML: /admin/config.yml would go out as application/octet-stream.
    if (c.res.status === 200 && /\.ya?ml$/.test(c.req.path)) c.header('Content-Type', 'text/yaml; charset=utf-8');
  });
  const builtFiles: MiddlewareHandler = async (c, next) => {
    let passed = false;
    const answer = await options.site.files(c, async () => {
      passed = true;
      await next();
    });
    // Answered by the built files (they did not pass the request on): the compressed cache may keep it.
    if (!passed) servedFromBuild.add(c.req.raw);
    return answer;
  };
  app.use('*', builtFiles);
  const notFoundPage = (() => {
    try {
      return readFileSync(path.join(distDir, '404.html'), 'utf8');
    } catch {
      return '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page introuvable</title></head><body><main><h1>Page introuvable</h1></main></body></html>';
    }
  })();
  app.notFound((c) => c.html(notFoundPage, 404));
  return { app, settings, editeur, editeurOrigin };
}

function smtpFromEnv(notice: (line: string) => void): Mailer | undefined {
  const settings = smtpSettingsFromEnv(process.env);
  if (!settings) {
    notice('SMTP non configuré (SMTP_HOST) : les notifications restent dans la file d’envoi de la base.');
    return undefined;
  }
  return smtpMailer(settings);
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const notice = options.notice ?? (() => {});
  const mode = options.mode ?? formsModeFromEnv();
  const distDir = options.distDir ?? path.join(projectRoot, 'dist');
  // A rebuild swapped in later must agree too: said loudly if not (npm run rebuild refuses such a swap).
  const site = builtSite(distDir, (stamp) => {
    const mismatch = modeMismatch(stamp, mode);
    notice(
      mismatch
        ? `ATTENTION, nouvelle construction du site dans l’autre mode : ${mismatch}`
        : 'Nouvelle construction du site servie.',
    );
  });
  const mismatch = modeMismatch(site.stamp(), mode);
  if (mismatch) throw new BuildModeError(mismatch);
  const dbPath = options.dbPath ?? path.join(projectRoot, 'data', 'submissions.sqlite');
  const store: SubmissionStore = options.databaseUrl
    ? await PostgresStore.open(options.databaseUrl)
    : new SqliteStore(dbPath, options.store);
  const clock = options.clock ?? clockFrom(process.env.FABRIQUE_AUJOURDHUI);
  const counters = new Counters();
  const trusted = new Set((options.trustedProxies ?? []).map((a) => normalize(a)!));
  // The server's own address is learnt once it listens; the origin list is read at each request.
  const origins = [...(options.origins ?? [])];
  const lastPurge: { value?: PurgeStatus } = {};
  const release = servedReleaseOf(projectRoot, site.stamp);
  const listening: { server?: Server } = {};
  const metrics = metricsSnapshot({ store, counters, clock, lastPurge, release, http: () => listening.server });
  const sitePublic: { value?: string } = {};
  const { app, settings, editeur, editeurOrigin } = await createNodeApp({
    ...options,
    ...{ origins, store, clock, counters, trusted, site, mode, lastPurge, release, metrics, sitePublic },
  });
  const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
  const server = await new Promise<ServerType>((resolve) => {
    const s: ServerType = serve(
      {
        // Behind a trusted TLS proxy the visitor's scheme is https: `next` and any absolute URL say so.
        fetch: (request, env) => app.fetch(withForwardedProto(request, env.incoming.socket.remoteAddress, trusted), env),
        port: options.port ?? 0,
        hostname: host,
        serverOptions: serverOptions(limits),
      },
      () => resolve(s),
    );
  });
  const http = server as Server;
  listening.server = http;
  limitConnections(http, limits, trusted);

  const jobs = startJobs({
    store,
    clock,
    counters,
    auditLog: options.auditLog ?? defaultAuditLog(dbPath),
    mailer: options.mailer ?? smtpFromEnv(notice),
    mailDomain: options.mailDomain ?? 'localhost',
    settings,
    deliveryIntervalMs: options.deliveryIntervalMs ?? 30_000,
    purgeIntervalMs: options.purgeIntervalMs ?? 6 * 3_600_000,
    countersIntervalMs: 10_000,
    notice,
    onPurge: (report) => (lastPurge.value = report),
  });

  const { port } = http.address() as { port: number };
  const url = `http://${host}:${port}`;
  origins.push(url, `http://localhost:${port}`, `http://127.0.0.1:${port}`);
  sitePublic.value = options.origins?.[0] ?? `http://localhost:${port}`;
  if (options.editeur && editeur) {
    editeurOrigin.value = options.editeur.origine(port);
    notice(
      `Éditeur du site : ${editeurOrigin.value}/admin/ (se connecter d’abord à l’espace équipe, ${sitePublic.value}/equipe/).`,
    );
  }
  return {
    url,
    openConnections: () => new Promise((resolve) => http.getConnections((_error, n) => resolve(n))),
    close: async () => {
      await new Promise<void>((done) => {
        http.close(() => done());
        http.closeAllConnections?.();
      });
      await jobs.stop();
      await editeur?.close();
      await store.close();
    },
  };
}
