/** In production, a form on example settings refuses every submission and stores nothing; the server says so at start. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../functions/node.ts';
import { applyFormsMode } from '../../src/lib/forms/mode.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, noNodeServer, settings, type Harness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

describe('production mode', () => {
  it('refuses a form whose recipients and key are examples, with the ways to get help now', async () => {
    h = await makeHarness({ settings: applyFormsMode(settings, 'production') });
    const res = await h.postJson('femmes-rappel', validSubmissions['femmes-rappel']);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { errors: { code: string; message: string }[] };
    expect(body.errors[0]).toMatchObject({ code: 'INACTIVE', message: expect.stringMatching(/pas encore en service.*17.*3919/) });
    const page = await h.postForm('agir', urlEncoded(validSubmissions.agir));
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('pas encore en service');
    expect(await h.count()).toEqual({ submissions: 0, outbox: 0 });
  });

  it('accepts the same submission in demonstration mode', async () => {
    h = await makeHarness({ settings: applyFormsMode(settings, 'demonstration') });
    expect((await h.postJson('agir', validSubmissions.agir)).status).toBe(200);
    expect((await h.count()).submissions).toBe(1);
  });

  // The Node server's start; on workerd the Worker's mode is tested in worker.test.ts.
  it.skipIf(noNodeServer)('the Node server defaults to production and says which forms are not in service at start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mode-'));
    const lines: string[] = [];
    const env = process.env.FABRIQUE_DEMONSTRATION;
    delete process.env.FABRIQUE_DEMONSTRATION;
    try {
      const server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: dir, notice: (l) => lines.push(l) });
      const res = await fetch(`${server.url}/f/agir`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.url },
        body: JSON.stringify(validSubmissions.agir),
      });
      expect(res.status).toBe(403);
      await server.close();
      expect(lines[0]).toMatch(/pas encore en service/);
      expect(lines.join('\n')).toContain('femmes-rappel : adresses d’exemple');
    } finally {
      if (env !== undefined) process.env.FABRIQUE_DEMONSTRATION = env;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(noNodeServer)('the demonstration mode is said at start, as `npm start` runs it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mode-'));
    const lines: string[] = [];
    try {
      const server = await startServer({
        dbPath: path.join(dir, 'db.sqlite'),
        distDir: dir,
        mode: 'demonstration',
        notice: (l) => lines.push(l),
      });
      await server.close();
      expect(lines[0]).toMatch(/^MODE DÉMONSTRATION/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
