/**
 * Requests over a few kept-alive connections (undici, as a load balancer reuses them): pages, health
 * checks and form posts mixed. Counts errors and the connections the server ended, each of which must
 * end on a completed answer that said `Connection: close`. Used by keep-alive.test.ts and the bench.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Pool } from 'undici';
import { startServer } from '../../functions/node.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';

export type KeepAliveResult = {
  requests: number;
  connections: number;
  errors: number;
  /** Answers that carried `Connection: close` (each then ends its connection). */
  closeAnswers: number;
  /** Connections opened in all (the first ones and those after each close). */
  opened: number;
  statuses: Record<number, number>;
  ms: number;
};

export async function runKeepAlive(o: {
  requests: number;
  connections: number;
  maxRequestsPerConnection?: number;
  distDir?: string;
}): Promise<KeepAliveResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'keepalive-'));
  const server = await startServer({
    dbPath: path.join(dir, 'db.sqlite'),
    distDir: o.distDir ?? path.join(dir, 'dist'),
    rateLimit: { max: 10_000_000, windowMs: 60_000 },
    connectionLimits: o.maxRequestsPerConnection ? { maxRequestsPerConnection: o.maxRequestsPerConnection } : {},
  });
  let opened = 0;
  const pool = new Pool(server.url, { connections: o.connections, pipelining: 1 });
  pool.on('connect', () => opened++);
  const result: KeepAliveResult = {
    requests: o.requests,
    connections: o.connections,
    errors: 0,
    closeAnswers: 0,
    opened: 0,
    statuses: {},
    ms: 0,
  };
  const invalid = urlEncoded({ ...validSubmissions.agir, email: 'pas une adresse' });
  const headers = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: server.url };
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < o.requests) {
      const i = next++;
      try {
        // Mostly a page and a health check, one in four a form post (refused: no store write).
        const res =
          i % 4 === 3
            ? await pool.request({ path: '/f/agir', method: 'POST', headers, body: invalid })
            : await pool.request({ path: i % 2 ? '/_sante' : '/formulaires/agir/', method: 'GET' });
        await res.body.dump();
        result.statuses[res.statusCode] = (result.statuses[res.statusCode] ?? 0) + 1;
        if (String(res.headers.connection).toLowerCase() === 'close') result.closeAnswers++;
      } catch {
        result.errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.connections }, worker));
    result.ms = Math.round(performance.now() - started);
    result.opened = opened;
  } finally {
    await pool.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return result;
}
