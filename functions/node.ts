/**
 * Node entry: serves the built site (dist/) and the form handlers on one port, with security headers
 * on everything and compressed static files. `npm start` builds then runs this; tests call startServer().
 */
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContentContext, loadFormSettings } from '../src/lib/forms/load.ts';
import { createApp } from './app.ts';
import type { LogEntry } from './deps.ts';
import type { FormKey } from '../src/schemas/forms/index.ts';
import type { FormSettings } from '../src/schemas/forms/settings.ts';
import { builtPages } from './node/built-pages.ts';
import { compression } from './node/compress.ts';
import { builtStyleHashes, securityHeaders } from './node/security-headers.ts';
import type { RateLimitOptions } from './rate-limit.ts';
import { SqliteStore, type SqliteStoreOptions } from './store/sqlite.ts';
import { deliverDue } from './notify/deliver.ts';
import type { Mailer } from './notify/mail.ts';
import { smtpMailer, smtpSettingsFromEnv } from './notify/smtp.ts';

export type ServerOptions = {
  port?: number;
  host?: string;
  distDir?: string;
  /** SQLite file of submissions, created if missing. Default ./data/submissions.sqlite. */
  dbPath?: string;
  contentDir?: string;
  /** Origins allowed to post besides the server's own address, e.g. the public site's https origin. */
  origins?: string[];
  rateLimit?: RateLimitOptions;
  store?: SqliteStoreOptions;
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
  /** Operator messages (delivery problems); console by default. */
  notice?: (line: string) => void;
};
export type RunningServer = { url: string; close: () => Promise<void> };

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Default: 30 submissions of one form per client per 10 minutes; a shelter's shared connection stays well under. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 30, windowMs: 10 * 60_000 };

export async function createNodeApp(options: ServerOptions & { origins: string[]; store: SqliteStore }) {
  const distDir = options.distDir ?? path.join(projectRoot, 'dist');
  const contentDir = options.contentDir ?? path.join(projectRoot, 'content');
  const [loaded, content] = await Promise.all([loadFormSettings(contentDir), loadContentContext(contentDir)]);
  const settings = { ...loaded, ...options.settings } as Record<FormKey, FormSettings>;
  const pages = builtPages(distDir);
  const forms = createApp({
    store: options.store,
    clock: { now: pinnedOrRealClock },
    config: {
      origins: options.origins,
      settings,
      content,
      rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
      clientHashSalt: randomBytes(16).toString('hex'),
    },
    pages,
    clientAddress: (c) => getConnInfo(c).remote.address,
    log: options.log,
  });

  const app = new Hono();
  app.use(securityHeaders(builtStyleHashes(distDir)));
  app.use(
    compression({
      cacheStatic: (p, method, status) => method === 'GET' && status === 200 && !p.startsWith('/f/') && !p.startsWith('/p/'),
    }),
  );
  app.route('/', forms);
  app.use('/_astro/*', async (c, next) => {
    await next();
    // File names carry a content hash: cache for a year.
    if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
  });
  app.use('*', serveStatic({ root: path.relative(process.cwd(), distDir) || '.' }));
  const notFoundPage = (() => {
    try {
      return readFileSync(path.join(distDir, '404.html'), 'utf8');
    } catch {
      return '<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Page introuvable</title></head><body><main><h1>Page introuvable</h1></main></body></html>';
    }
  })();
  app.notFound((c) => c.html(notFoundPage, 404));
  return app;
}

function smtpFromEnv(notice: (line: string) => void): Mailer | undefined {
  const settings = smtpSettingsFromEnv(process.env);
  if (!settings) {
    notice('SMTP non configuré (SMTP_HOST) : les notifications restent dans la file d’envoi de la base.');
    return undefined;
  }
  return smtpMailer(settings);
}

/** FABRIQUE_AUJOURDHUI=AAAA-MM-JJ pins "today" for the build (src/lib/dates.ts); the handlers follow it, at noon in Rennes. */
function pinnedOrRealClock(): Date {
  const pinned = process.env.FABRIQUE_AUJOURDHUI;
  return pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned) ? new Date(`${pinned}T11:00:00Z`) : new Date();
}

export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const store = new SqliteStore(options.dbPath ?? path.join(projectRoot, 'data', 'submissions.sqlite'), options.store);
  // The server's own address is learnt once it listens; the origin list is read at each request.
  const origins = [...(options.origins ?? [])];
  const app = await createNodeApp({ ...options, origins, store });
  const server = await new Promise<ServerType>((resolve) => {
    const s: ServerType = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
  });
  // Slow clients (slowloris) must not hold the server: headers in 10 s, a whole request in 30 s.
  const http = server as import('node:http').Server;
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  // Retention: submissions past their settings' conservation_jours are deleted at start and every 6 hours.
  const purge = () =>
    void store.purgeExpired(new Date()).catch(() => options.log?.({ method: '-', route: 'purge', status: 503, ms: 0 }));
  purge();
  const purgeTimer = setInterval(purge, 6 * 3_600_000);
  purgeTimer.unref();
  // Notifications: the outbox is delivered by a timer, apart from requests, so a mail outage never
  // fails a submission. Without SMTP settings the rows wait in the outbox, said once at start.
  const notice = options.notice ?? (() => {});
  const mailer = options.mailer ?? smtpFromEnv(notice);
  let deliveryTimer: ReturnType<typeof setInterval> | undefined;
  if (mailer) {
    let running = false;
    const deliver = async () => {
      if (running) return;
      running = true;
      try {
        await deliverDue({
          store,
          mailer,
          clock: { now: () => new Date() },
          mailDomain: options.mailDomain ?? 'localhost',
          log: notice,
        });
      } catch (error) {
        notice(`notifications : ${(error as Error).name}`);
      } finally {
        running = false;
      }
    };
    deliveryTimer = setInterval(() => void deliver(), options.deliveryIntervalMs ?? 30_000);
    deliveryTimer.unref();
    void deliver();
  }
  const { port } = http.address() as { port: number };
  const url = `http://${host}:${port}`;
  origins.push(url, `http://localhost:${port}`, `http://127.0.0.1:${port}`);
  return {
    url,
    close: async () => {
      clearInterval(purgeTimer);
      clearInterval(deliveryTimer);
      await new Promise<void>((done) => {
        http.close(() => done());
        http.closeAllConnections?.();
      });
      await store.close();
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const port = Number(process.env.PORT ?? 4321);
  const siteOrigin = process.env.SITE_URL ? [new URL(process.env.SITE_URL).origin] : [];
  const rateMax = process.env.FORMS_RATE_LIMIT ? Number(process.env.FORMS_RATE_LIMIT) : undefined;
  const running = await startServer({
    port,
    host: process.env.HOST ?? '127.0.0.1',
    dbPath: process.env.DB_PATH,
    origins: siteOrigin,
    rateLimit: rateMax ? { ...DEFAULT_RATE_LIMIT, max: rateMax } : undefined,
    notice: (line) => console.log(line),
    mailDomain: process.env.SITE_URL ? new URL(process.env.SITE_URL).hostname : undefined,
    log: (e) =>
      console.log(`${e.method} ${e.route}${e.form ? ` ${e.form}` : ''} ${e.status} ${e.ms}ms${e.note ? ` ${e.note}` : ''}`),
  });
  console.log(`Site et formulaires servis sur ${running.url}/ (arrêt : Ctrl+C)`);
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
