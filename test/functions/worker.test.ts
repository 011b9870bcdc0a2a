/**
 * The Worker as deployed (functions/worker.ts bundled with what the build gives it), on workerd with
 * the built site (dist/) as its assets: the same security headers as the Node server on pages, assets,
 * /admin/ and form answers; error pages in the site's layout; configuration checked with French
 * messages; the build's mode and the Worker's must agree. Needs `npm run build` (as `npm test` does).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE } from '../scope.ts';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { workerData } from '../../functions/worker/build.ts';
import type { WorkerData } from '../../functions/worker.ts';
import { urlEncoded } from '../fixtures/valid-submissions.ts';
import { startWorker, type RunningWorker } from './worker-server.ts';

const dist = path.resolve(import.meta.dirname, '../../dist');
const asset = `/_astro/${readdirSync(path.join(dist, '_astro')).find((f) => f.endsWith('.css') || f.endsWith('.js'))}`;
const SECURITY_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-frame-options',
  'x-content-type-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'permissions-policy',
];

let data: WorkerData;
let worker: RunningWorker;
let node: RunningServer;
let dir: string;
const logs: string[] = [];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'worker-'));
  data = await workerData({ distDir: dist });
  [worker, node] = await Promise.all([
    startWorker({ data, vars: { FABRIQUE_DEMONSTRATION: 'oui' }, onLog: (l) => logs.push(l) }),
    startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: dist, mode: 'demonstration' }),
  ]);
  // Bundling the Worker (with the inbox's passkey library) takes a few seconds on a busy machine.
}, 60_000);
afterAll(async () => {
  await Promise.all([worker.dispose(), node.close()]);
  rmSync(dir, { recursive: true, force: true });
});

const headersOf = (res: Response) => Object.fromEntries(SECURITY_HEADERS.map((h) => [h, res.headers.get(h)]));

describe('the Worker serves the site and the forms on one origin', () => {
  it.each(['/', '/formulaires/contact/', '/admin/', asset, '/absente/'])(
    '%s: the same security headers as the Node server',
    async (p) => {
      const [w, n] = await Promise.all([fetch(`${worker.url}${p}`), fetch(`${node.url}${p}`)]);
      expect(w.status).toBe(n.status);
      expect(headersOf(w)).toEqual(headersOf(n));
      expect(w.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    },
  );

  it('a form answer has the same headers, and is never cached', async () => {
    const post = (url: string) =>
      fetch(`${url}/f/contact`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: '{}' });
    const [w, n] = await Promise.all([post(worker.url), post(node.url)]);
    expect(w.status).toBe(422);
    expect(headersOf(w)).toEqual(headersOf(n));
    expect(w.headers.get('cache-control')).toBe('no-store');
  });

  it('hashed assets are cached for a year; pages are served as built', async () => {
    const res = await fetch(`${worker.url}${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('immutable');
    const page = await fetch(`${worker.url}/formulaires/contact/`);
    expect(await page.text()).toContain('action="/f/contact"');
    expect((await fetch(`${worker.url}/absente/`)).status).toBe(404);
  });

  it('a browser post refused comes back in the site’s own page, with what was typed', async () => {
    const res = await fetch(`${worker.url}/f/contact`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: worker.url },
      body: urlEncoded({ nom: 'Yann <b>Le Goff</b>', message: 'Trop court' }),
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/<title>Erreur\s:\s/);
    expect(html).toContain('Yann &lt;b&gt;Le Goff&lt;/b&gt;');
    // The site's layout: the page's header and its quick exit.
    expect(html).toContain('<header');
  });

  it('the health check answers 200 with D1 writable', async () => {
    const res = await fetch(`${worker.url}/_sante`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      ok: true,
      stockage: 'inscriptible',
      notifications: { en_attente: 0, en_echec: 0, plus_ancienne_s: null },
    });
    // The build's stamp bundled with the Worker (null when the tests run without a built dist/).
    expect(body).toHaveProperty('version');
  });
});

// Three Workers started with wrong settings (about 15 s each on a busy machine): `npm run test:complet`. The
// settings parser they share with Node (functions/settings.ts) is checked in CI on Node.
describe.runIf(COMPLETE)('configuration', () => {
  it('a missing secret or a wrong value: the forms answer 503, the site is still served, the log says which variable', async () => {
    const lines: string[] = [];
    const w = await startWorker({
      data,
      vars: { FORMS_CLIENT_SECRET: 'court', FORMS_RATE_LIMIT: 'beaucoup', MAIL_API_URL: 'http://mail.example.org/api' },
      onLog: (l) => lines.push(l),
    });
    try {
      const form = await fetch(`${w.url}/f/contact`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(form.status).toBe(503);
      expect(await form.text()).toContain('3919');
      expect((await fetch(`${w.url}/`)).status).toBe(200);
      const log = lines.join('\n');
      expect(log).toContain('Le Worker ne sert pas les formulaires');
      expect(log).toContain('FORMS_CLIENT_SECRET');
      expect(log).toContain('FORMS_RATE_LIMIT = « beaucoup »');
      expect(log).toContain('MAIL_API_URL');
      expect(log).not.toContain('court');
    } finally {
      await w.dispose();
    }
  });

  it('a site built in demonstration mode is not served by a Worker in production (nor the reverse)', async () => {
    for (const [built, vars] of [
      ['demonstration', {}],
      ['production', { FABRIQUE_DEMONSTRATION: 'oui' }],
    ] as const) {
      const lines: string[] = [];
      const w = await startWorker({
        data: { ...data, build: { mode: built, builtAt: '2027-01-15T10:00:00Z' } },
        vars,
        onLog: (l) => lines.push(l),
      });
      try {
        const res = await fetch(`${w.url}/f/contact`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        expect(res.status).toBe(503);
        expect(lines.join('\n')).toMatch(/le site a été construit en mode (démonstration|production)/);
      } finally {
        await w.dispose();
      }
    }
  });

  it('in production, a form on example settings refuses submissions, as on Node', async () => {
    const w = await startWorker({ data: { ...data, build: { mode: 'production', builtAt: '2027-01-15T10:00:00Z' } }, vars: {} });
    try {
      const res = await fetch(`${w.url}/f/contact`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', origin: w.url },
        body: JSON.stringify({ nom: 'A', email: 'a@exemple.fr', sujet: 'autre', message: 'Un message de test assez long.' }),
      });
      expect((await res.json()) as { errors: { code: string }[] }).toMatchObject({ errors: [{ code: 'INACTIVE' }] });
    } finally {
      await w.dispose();
    }
  });
});
