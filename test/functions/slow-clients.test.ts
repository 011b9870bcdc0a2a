/**
 * Issue 8, item 3: slow and abusive clients cannot stop others from submitting. Real server, real
 * sockets; the abusive client connects from other loopback addresses (127.0.0.2…) than the person
 * submitting (127.0.0.1), as two visitors would. Timeouts are shortened so the test sees them act.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';

let server: RunningServer;
let dir: string;
let port: number;
const sockets: net.Socket[] = [];
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'lents-'));
  server = await startServer({
    dbPath: path.join(dir, 'db.sqlite'),
    distDir: path.join(dir, 'dist'),
    rateLimit: { max: 1_000_000, windowMs: 60_000 },
    connectionLimits: {
      headersTimeoutMs: 1_500,
      requestTimeoutMs: 2_500,
      idleTimeoutMs: 2_000,
      maxConnectionsPerClient: 32,
      // Small: the pipelining client's answered requests are work the person's submission waits behind (2.5 s here).
      maxRequestsPerConnection: 20,
    },
  });
  port = Number(new URL(server.url).port);
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A socket from the abusive client; `closed` resolves when the server (or the test) ends it. */
function abusive(address = '127.0.0.2') {
  const s = net.connect({ port, host: '127.0.0.1', localAddress: address });
  s.on('error', () => {});
  sockets.push(s);
  const closed = new Promise<number>((r) => s.once('close', () => r(performance.now())));
  return { s, closed };
}

/** An ordinary submission from 127.0.0.1: must succeed, and quickly. */
async function ordinarySubmission() {
  const started = performance.now();
  const res = await fetch(`${server.url}/f/agir`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: server.url },
    body: urlEncoded(validSubmissions.agir),
  });
  expect(res.status).toBe(200);
  return performance.now() - started;
}

describe('slow and abusive clients', () => {
  it('headers a few bytes a second: others still submit, and the slow request is cut at the headers timeout', async () => {
    const slow = [abusive(), abusive()];
    const request = `POST /f/agir HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 50\r\n\r\n`;
    let i = 0;
    const drip = setInterval(() => {
      const byte = request[i++ % request.length]!;
      for (const { s } of slow) if (!s.destroyed) s.write(byte);
    }, 1000 / 3);
    const started = performance.now();
    try {
      expect(await ordinarySubmission()).toBeLessThan(1000);
      const closedAt = await Promise.race([slow[0]!.closed, new Promise<number>((r) => setTimeout(() => r(-1), 6_000))]);
      expect(closedAt).toBeGreaterThan(0);
      expect(closedAt - started).toBeLessThan(5_000);
    } finally {
      clearInterval(drip);
    }
  }, 15_000);

  it('a body sent one byte a second is cut at the request timeout', async () => {
    const { s, closed } = abusive();
    s.write(`POST /f/agir HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 500\r\n\r\n`);
    const drip = setInterval(() => !s.destroyed && s.write('a'), 1000);
    const started = performance.now();
    try {
      expect(await ordinarySubmission()).toBeLessThan(1000);
      const closedAt = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 7_000))]);
      expect(closedAt).toBeGreaterThan(0);
      expect(closedAt - started).toBeLessThan(6_000);
    } finally {
      clearInterval(drip);
    }
  }, 15_000);

  it('1,000 connections from one client: it keeps its cap, others still submit', async () => {
    const opened = Array.from({ length: 1000 }, () => abusive());
    // Every connection made (or already closed by the server) before the person submits.
    await Promise.all(opened.map(({ s, closed }) => Promise.race([new Promise((r) => s.once('connect', r)), closed])));
    expect(await ordinarySubmission()).toBeLessThan(2000);
    // The server closes the connections above the per-client cap as soon as it accepts them.
    const closedSoon = await Promise.all(
      opened.map(({ closed }) => Promise.race([closed.then(() => 1), new Promise<number>((r) => setTimeout(() => r(0), 3_000))])),
    );
    expect(closedSoon.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1000 - 32);
  }, 20_000);

  it('a client that pipelines requests and never reads its answers is dropped; others still submit', async () => {
    // The person's request waits behind the pipelined ones, answered by this same process. The cap keeps that
    // work small: the requests past it, already received, are not answered (node/connection-limits.ts); when
    // they were, a thousand of them took seconds on a loaded machine, and the person got a 408.
    const { s } = abusive();
    s.pause(); // never reads
    const request = `GET /f/agir HTTP/1.1\r\nHost: x\r\nAccept: text/html\r\n\r\n`;
    s.write(request.repeat(2000));
    // The server answers at most maxRequestsPerConnection of them, then closes the connection.
    expect(await ordinarySubmission()).toBeLessThan(2000);
    // On the server's side the connection is gone (whatever the client's kernel still buffers).
    const deadline = performance.now() + 8_000;
    while ((await server.openConnections()) > 1 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(await server.openConnections()).toBeLessThanOrEqual(1);
  }, 15_000);
});
