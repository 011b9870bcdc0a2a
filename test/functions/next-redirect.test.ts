/**
 * Issue 8, gap 1: a `_next` the browser cannot be sent to (a control or non-ASCII character) used to reach
 * the Location header, where Node refused it with a bare 500 after the row was stored, inviting a
 * duplicate. Over a real socket: such a `_next` is ignored, the answer is the form's thank-you page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { noNodeServer } from './harness.ts';

let server: RunningServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'next-'));
  server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: path.join(dir, 'dist') });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const post = (next: string, accept = 'text/html') =>
  fetch(`${server.url}/f/agir`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept },
    body: `${urlEncoded(validSubmissions.agir)}&_next=${next}`,
  });

const stored = () => {
  const db = new DatabaseSync(path.join(dir, 'db.sqlite'), { readOnly: true });
  try {
    return Number((db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n);
  } finally {
    db.close();
  }
};

// A Location header over a Node socket; the Worker's _next answers are checked by protocol.test.ts's _next tests.
describe.skipIf(noNodeServer)('_next that cannot be a Location', () => {
  it.each(['%01', '%7F', '%00', '%C3%A9', '%E2%80%A8'])('/merci%s: 303 to the thank-you page, one row', async (bad) => {
    const before = stored();
    const res = await post(`/merci${bad}`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/formulaires/agir/merci/');
    expect(stored()).toBe(before + 1);
  });

  it('JSON clients get the thank-you address too', async () => {
    const res = await post('/merci%01', 'application/json');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { next: string }).next).toBe(`${server.url}/formulaires/agir/merci/`);
  });

  it('a printable same-site path is still followed', async () => {
    const res = await post('/merci%3Fa%3D1');
    expect(res.headers.get('location')).toBe('/merci?a=1');
  });
});
