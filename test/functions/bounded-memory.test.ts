/**
 * Issue 17, item 3: nothing a client sends grows a cache, a map or a table without bound. Once, each new
 * `quartier`, `formation` or `activite` value left an entry in the page cache (a miss, with a file read)
 * and a field list in the per-target cache, even on a 422 or a 429. Here distinct values are posted
 * (10,000 in CI, 100,000 with FABRIQUE_ESSAIS_COMPLETS=oui: `npm run test:properties`) from distinct addresses,
 * and the heap after a full collection must stay put. On Node + SQLite, where those structures live, with the
 * app as the Node server composes it (node/server.ts): the rate limit in memory, the build's form pages. (The
 * shared harness counts the rate limit in the database, as several instances would: that neither exercises
 * the in-memory limiter nor runs at the server's speed, each hit being a write.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/app.ts';
import { SqliteStore } from '../../functions/store/sqlite.ts';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { COMPLETE } from '../scope.ts';
import { builtPages } from '../../functions/node/built-pages.ts';
import { MAX_COUNTED_CLIENTS, RateLimiter } from '../../functions/rate-limit.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';

const DISTINCT = COMPLETE ? 100_000 : 10_000;
const distDir = path.resolve(import.meta.dirname, '../../dist');

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** The heap after full collections, with the finalizers they queue run in between (fetch's Request keeps its signal until then). */
async function heapAfterGc() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 20));
  }
  return process.memoryUsage().heapUsed;
}
const MB = 1024 * 1024;

const ORIGIN = 'https://fabrique.test';
const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));
let dir: string;
let store: SqliteStore;
let app: ReturnType<typeof createApp>;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'bounded-'));
  store = new SqliteStore(path.join(dir, 'submissions.sqlite'));
  // No `rateLimit` dep: the in-memory limiter, as the Node server on SQLite has.
  app = createApp({
    store,
    clock: { now: () => NOW },
    config: { origins: [ORIGIN], settings, content, rateLimit: { max: 2, windowMs: 600_000 }, clientHashSalt: 'sel' },
    pages: builtPages(distDir),
    clientAddress: (c) => c.req.header('x-test-client'),
  });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The i-th request: a form with a target, a never-seen target value, a new client address; one in four wants a page. */
function nth(i: number) {
  const [form, field] = (
    [
      ['contact-referent', 'quartier'],
      ['inscription-formation', 'formation'],
      ['inscription-loisirs', 'activite'],
    ] as const
  )[i % 3]!;
  const body = { ...validSubmissions[form], [field]: `valeur-inconnue-${i}-${'x'.repeat(40)}` };
  const client =
    i % 2
      ? `2001:db8:${(i >> 16).toString(16)}:${(i & 0xffff).toString(16)}::1`
      : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  return { form, body, client, json: i % 4 !== 0 };
}

describe('distinct values from distinct clients: memory stays bounded', () => {
  it(`${DISTINCT.toLocaleString('en')} distinct target values and addresses`, async () => {
    const send = async (i: number) => {
      const { form, body, client, json } = nth(i);
      const res = await app.request(`/f/${form}`, {
        method: 'POST',
        headers: json
          ? { origin: ORIGIN, 'x-test-client': client, 'content-type': 'application/json', accept: 'application/json' }
          : { origin: ORIGIN, 'x-test-client': client, 'content-type': 'application/x-www-form-urlencoded' },
        body: json ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString(),
      });
      await res.arrayBuffer();
      return res.status;
    };
    // Warm-up: code paths compiled, per-form caches filled once.
    for (let i = 0; i < 1_000; i++) expect(await send(i)).toBeLessThan(500);
    const before = await heapAfterGc();
    const statuses = new Map<number, number>();
    for (let i = 1_000; i < 1_000 + DISTINCT; i += 50) {
      const batch = await Promise.all(Array.from({ length: 50 }, (_, k) => send(i + k)));
      for (const s of batch) statuses.set(s, (statuses.get(s) ?? 0) + 1);
    }
    const grown = (await heapAfterGc()) - before;
    console.log(
      `mémoire : ${DISTINCT} valeurs distinctes, tas après GC ${(before / MB).toFixed(1)} Mo → +${(grown / MB).toFixed(1)} Mo ; statuts ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect([...statuses.keys()].every((s) => s === 422)).toBe(true);
    // The rate limiter counts each new client (about 150 bytes, MAX_COUNTED_CLIENTS at most); nothing else grows.
    expect(grown).toBeLessThan(4 * MB + Math.min(DISTINCT, MAX_COUNTED_CLIENTS) * 300);
  }, 900_000);
});

describe('each structure has its bound', () => {
  it('the in-memory rate limiter never counts more than its capacity', () => {
    const limiter = new RateLimiter({ max: 2, windowMs: 600_000 }, 1_000);
    for (let i = 0; i < 10_000; i++) limiter.hit(`agir:${i}`, 1_000);
    expect(limiter.size).toBeLessThanOrEqual(1_000);
    // A client counted recently is still counted: the oldest go first.
    limiter.hit('agir:9999', 1_000);
    expect(limiter.hit('agir:9999', 1_000)).toMatchObject({ allowed: false });
    expect(MAX_COUNTED_CLIENTS).toBe(100_000);
  });

  it('the page source holds the build’s form pages, read once: no file read nor entry per request', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'pages-'));
    try {
      const page = (p: string, html: string) => {
        mkdirSync(path.join(dist, p), { recursive: true });
        writeFileSync(path.join(dist, p, 'index.html'), html);
      };
      page('/quartiers/le-blosne/contact/', 'blosne');
      page('/formulaires/agir/', 'agir');
      const pages = builtPages(dist);
      page('/quartiers/nouveau/contact/', 'ajouté après');
      expect(pages.get('/quartiers/le-blosne/contact/')).toBe('blosne');
      expect(pages.get('/formulaires/agir/')).toBe('agir');
      expect(pages.get('/quartiers/nouveau/contact/')).toBeUndefined();
      expect(pages.get('/quartiers/../../etc/')).toBeUndefined();
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
