/**
 * What the Node server tells its operator besides the forms' own lines: one JSON log line per request to a
 * page, a file, /_sante or the inbox (method, route, status, duration; never an address nor a query string,
 * and a path only when it named a file of the build), and the OpenMetrics endpoint (metrics.ts), answered
 * only to the addresses METRICS_ALLOWED lists (loopback by default) and never through a proxy: 404 otherwise,
 * as for a page that does not exist.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { BlockList, isIP } from 'node:net';
import type { LogEntry } from '../deps.ts';
import { OPENMETRICS_TYPE, openMetrics, type MetricsSnapshot } from '../metrics.ts';
import type { Server } from 'node:http';
import type { Counters } from '../counters.ts';
import { healthProbe, type ServedRelease } from '../health.ts';
import type { SubmissionStore } from '../store/types.ts';
import { normalize } from './client-address.ts';
import type { Clock } from './config.ts';
import type { PurgeStatus } from './jobs.ts';

/** METRICS_ALLOWED's default: Prometheus on the same machine. */
export const METRICS_ALLOWED_DEFAULT = ['127.0.0.1', '::1'];

/** Form posts are logged by the forms' own middleware (app.ts), with their outcome. */
const FORM_ROUTE = /^\/(?:p\/[^/]+\/)?f\/[^/]+$/;

/** The route a log line names: a file of the build as it is, the inbox without its ids or tokens, else a word. */
export function loggedRoute(pathname: string, status: number): string {
  if (pathname.startsWith('/equipe/') || pathname === '/equipe')
    return pathname
      .split('/')
      .slice(0, 3)
      .join('/')
      .concat(pathname.split('/').length > 3 ? '/…' : '');
  if (status === 404) return '(introuvable)';
  // 200, 206, 304, and the server's own redirects: the path named something the build has.
  if (status < 400) return pathname;
  return '(refusé)';
}

export function requestLog(log: ((entry: LogEntry) => void) | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!log || FORM_ROUTE.test(c.req.path)) return next();
    const started = performance.now();
    await next();
    log({
      method: c.req.method,
      route: loggedRoute(c.req.path, c.res.status),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
    });
  };
}

/** METRICS_ALLOWED: addresses or networks (10.0.0.0/8, fd00::/8), comma-separated, or « aucune ». */
export function parseAllowed(text: string | undefined): { allowed: string[]; errors: string[] } {
  if (text === undefined) return { allowed: METRICS_ALLOWED_DEFAULT, errors: [] };
  if (text.trim() === 'aucune') return { allowed: [], errors: [] };
  const allowed = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const errors: string[] = [];
  for (const a of allowed)
    if (!toBlock(new BlockList(), a))
      errors.push(
        `METRICS_ALLOWED : « ${a} » n’est ni une adresse IP ni un réseau (par exemple 10.0.0.5 ou 10.0.0.0/24) ; liste séparée par des virgules, ou « aucune » pour fermer /_metriques.`,
      );
  return { allowed, errors };
}

function toBlock(list: BlockList, entry: string): boolean {
  const [address, prefix, extra] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || extra !== undefined) return false;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (prefix === undefined) return (list.addAddress(address!, type), true);
  const bits = Number(prefix);
  if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) return false;
  list.addSubnet(address!, bits, type);
  return true;
}

export function metricsRoute(allowed: string[], snapshot: () => Promise<MetricsSnapshot>): MiddlewareHandler {
  const list = new BlockList();
  for (const a of allowed) toBlock(list, a);
  const permitted = (c: Context) => {
    // Relayed by a proxy (nginx sets X-Forwarded-For): the visitor is elsewhere, whatever the socket says.
    if (c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined) return false;
    const peer = normalize(getConnInfo(c).remote.address);
    if (!peer) return false;
    return list.check(peer, isIP(peer) === 4 ? 'ipv4' : 'ipv6');
  };
  return async (c) => {
    if (!permitted(c)) return c.notFound();
    c.header('Cache-Control', 'no-store');
    return c.body(openMetrics(await snapshot()), 200, { 'Content-Type': OPENMETRICS_TYPE });
  };
}

/** What the metrics read at each scrape: the store's counters (one read) and what this process knows. */
export function metricsSnapshot(deps: {
  store: SubmissionStore;
  counters: Counters;
  clock: Clock;
  lastPurge: { value?: PurgeStatus };
  release: () => ServedRelease | undefined;
  http: () => Server | undefined;
}): () => Promise<MetricsSnapshot> {
  const startedAt = new Date();
  const probe = healthProbe(deps.store);
  return async () => {
    const writable = await probe();
    const stored = writable ? await deps.store.counters().catch(() => undefined) : undefined;
    // Counts not yet written to the store (every 10 s) are added, so a counter never seems to go back.
    const counters = stored && {
      ...stored,
      counts: Object.entries(deps.counters.peek()).reduce<Record<string, number>>(
        (all, [name, n]) => ((all[name] = (all[name] ?? 0) + n), all),
        { ...stored.counts },
      ),
    };
    const server = deps.http();
    const openConnections = server
      ? await new Promise<number | undefined>((resolve) => server.getConnections((error, n) => resolve(error ? undefined : n)))
      : undefined;
    return {
      counters,
      writable,
      now: deps.clock.now(),
      purge: deps.lastPurge.value,
      release: deps.release(),
      startedAt,
      openConnections,
    };
  };
}
