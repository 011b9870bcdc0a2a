/**
 * Issue 8, item 2: nothing a client sends produces a 5xx. fast-check generates bodies and special fields
 * for every content type the endpoint reads and posts them to the real Node server over real sockets
 * (the adapter's own header checks included). Each answer must be 2xx, 3xx or 4xx, a refusal must carry
 * a French message, the server must keep serving and its memory must stay bounded.
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { forms, FORM_KEYS } from '../../src/schemas/forms/index.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { COMPLETE } from '../scope.ts';

/** Cases per content type: hundreds in CI, thousands in `npm run test:complet` (test/scope.ts). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? (COMPLETE ? 2500 : 250));

// A full garbage collection on demand, without a command-line flag for the test runner.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function heapAfterGc() {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}
let server: RunningServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'no5xx-'));
  server = await startServer({
    dbPath: path.join(dir, 'submissions.sqlite'),
    distDir: path.join(dir, 'dist'),
    rateLimit: { max: 1_000_000, windowMs: 60_000 },
  });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

// Names the handler treats specially, every form's field names, and anything at all.
const SPECIAL = ['_next', '_subject', '_replyto', '_gotcha', '_idempotency', '_cc', '_format', '_language', '__proto__'];
const KNOWN = [...new Set(FORM_KEYS.flatMap((k) => Object.keys(validSubmissions[k])))];
const CONTROLS = fc.constantFrom(
  '\u0000',
  '\u0001',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u001f',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ufeff',
);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }),
  fc.tuple(fc.string({ maxLength: 20 }), CONTROLS, fc.string({ maxLength: 20 })).map(([a, c, b]) => a + c + b),
  fc.constantFrom('/merci', '/merci\u0001', '/merci\u007f', '/mercié', '//evil.example', '/\\evil', 'https://x.example/', ''),
);
const fieldName = fc.oneof(fc.constantFrom(...SPECIAL, ...KNOWN), anyText);
const fieldValue = fc.oneof(anyText, fc.constantFrom(...KNOWN), fc.array(anyText, { maxLength: 4 }));
const entries = fc.array(fc.tuple(fieldName, fieldValue), { maxLength: 12 });
const specials = fc.array(fc.tuple(fc.constantFrom(...SPECIAL), anyText), { maxLength: 4 });
/** A valid submission with special fields added (or, less often, anything): reaches storage and the answer. */
// A same-site path with anything after it: the shape that reaches the Location header.
const nextPath = fc
  .tuple(fc.constantFrom('/', '/merci', '/formulaires/'), anyText)
  .map(([p, rest]) => ['_next', p + rest] as [string, string]);
const nearlyValid = fc
  .tuple(
    fc.constantFrom(...FORM_KEYS),
    fc.option(nextPath, { nil: undefined }),
    fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 2, arbitrary: specials }, { weight: 1, arbitrary: entries }),
  )
  .map(([form, next, extra]) => ({
    form: form as string,
    pairs: [...Object.entries(validSubmissions[form]), ...(next ? [next] : []), ...extra],
  }));
const formKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FORM_KEYS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
const accept = fc.option(
  fc.constantFrom('application/json', 'text/html', '*/*', 'application/json;q=0', 'text/*, application/xml', 'é'),
);
// Mostly the site's own origin, so that most cases get past the origin check.
const originOf = (url: string) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(url) },
    { weight: 1, arbitrary: fc.constantFrom(undefined, 'https://autre.example', 'null') },
  );

/** Percent-encodes bytes as a form does; raw bytes may be invalid UTF-8. */
const pct = (bytes: Uint8Array) =>
  Array.from(bytes, (b) =>
    /[A-Za-z0-9_.-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`,
  ).join('');
const utf8 = (s: string) => new TextEncoder().encode(s);
const urlencoded = (pairs: [string, unknown][]) =>
  pairs.flatMap(([k, v]) => [v].flat().map((x) => `${pct(utf8(k))}=${pct(utf8(String(x)))}`)).join('&');

function multipart(pairs: [string, unknown][], boundary: string, file: boolean) {
  const parts = pairs.flatMap(([k, v]) =>
    [v]
      .flat()
      .map(
        (x) => `--${boundary}\r\nContent-Disposition: form-data; name="${k.replace(/["\r\n]/g, '_')}"\r\n\r\n${String(x)}\r\n`,
      ),
  );
  if (file) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\n\r\nx\r\n`);
  return utf8(`${parts.join('')}--${boundary}--\r\n`);
}

type Sent = { form: string; contentType?: string; accept?: string | null; origin?: string; body: Uint8Array | string };

async function send(s: Sent) {
  const headers: Record<string, string> = {};
  if (s.contentType !== undefined) headers['content-type'] = s.contentType;
  if (s.accept) headers.accept = s.accept;
  if (s.origin) headers.origin = s.origin;
  const res = await fetch(`${server.url}/f/${encodeURIComponent(s.form)}`, {
    method: 'POST',
    headers,
    body: s.body as BodyInit,
    redirect: 'manual',
  });
  const text = await res.text();
  return { status: res.status, text, type: res.headers.get('content-type') ?? '' };
}

/** 2xx, 3xx or 4xx; a refusal says why in French (JSON errors or a French page). */
function expectClientAnswer(r: { status: number; text: string; type: string }, sent: Sent) {
  if (r.status >= 500) throw new Error(`${r.status} pour ${JSON.stringify(sent).slice(0, 400)} : ${r.text.slice(0, 200)}`);
  if (r.status < 400) return;
  if (r.type.includes('json')) {
    const body = JSON.parse(r.text) as { errors: { message: string }[] };
    expect(body.errors.length).toBeGreaterThan(0);
    for (const e of body.errors) expect(e.message).toMatch(/[a-zàâçéèêëîïôûù’ ]{8}/i);
  } else {
    expect(r.text).toContain('lang="fr"');
  }
}

const check = (arb: fc.Arbitrary<Sent>) =>
  fc.assert(
    fc.asyncProperty(arb, async (sent) => expectClientAnswer(await send(sent), sent)),
    { numRuns: RUNS },
  );

describe('no client input produces a 5xx', () => {
  const memoryBefore = heapAfterGc();

  it('urlencoded bodies, valid UTF-8 or raw bytes, control characters in any field and special field', async () => {
    const body = fc.oneof(
      { weight: 6, arbitrary: nearlyValid.map((n) => ({ form: n.form, body: urlencoded(n.pairs) })) },
      fc.tuple(formKey, entries).map(([form, pairs]) => ({ form, body: urlencoded(pairs) })),
      fc
        .tuple(formKey, fc.uint8Array({ maxLength: 300 }))
        .map(([form, bytes]) => ({ form, body: `nom=${pct(bytes)}&_next=${pct(bytes)}` })),
      fc.tuple(formKey, fc.string({ unit: 'binary', maxLength: 300 })).map(([form, raw]) => ({ form, body: raw })),
    );
    await check(
      fc
        .tuple(body, accept, originOf(server.url))
        .map(([b, a, origin]) => ({ ...b, contentType: 'application/x-www-form-urlencoded', accept: a, origin })),
    );
  }, 120_000);

  it('JSON of any shape and depth, and text that is not JSON', async () => {
    const body = fc.oneof(
      { weight: 4, arbitrary: nearlyValid.map((n) => ({ form: n.form, body: JSON.stringify(Object.fromEntries(n.pairs)) })) },
      fc
        .tuple(formKey, fc.dictionary(fieldName, fc.jsonValue({ maxDepth: 6 }), { maxKeys: 12 }))
        .map(([form, o]) => ({ form, body: JSON.stringify(o) })),
      fc.tuple(formKey, fc.jsonValue({ maxDepth: 8 })).map(([form, v]) => ({ form, body: JSON.stringify(v) ?? '' })),
      fc.tuple(formKey, fc.uint8Array({ maxLength: 300 })).map(([form, bytes]) => ({ form, body: bytes })),
    );
    const type = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON;charset="UTF8"');
    await check(
      fc
        .tuple(body, type, accept, originOf(server.url))
        .map(([b, contentType, a, origin]) => ({ ...b, contentType, accept: a, origin })),
    );
  }, 120_000);

  it('multipart, well formed or not, with or without a file', async () => {
    const body = fc
      .tuple(
        fc.oneof(
          nearlyValid,
          fc.tuple(formKey, entries).map(([form, pairs]) => ({ form, pairs })),
        ),
        fc.boolean(),
        fc.boolean(),
      )
      .map(([n, file, broken]) => {
        const bytes = multipart(n.pairs, 'limite42', file);
        return { form: n.form, body: broken ? bytes.slice(0, Math.floor(bytes.length / 2)) : bytes };
      });
    const type = fc.constantFrom(
      'multipart/form-data; boundary=limite42',
      'multipart/form-data',
      'multipart/form-data; boundary=autre',
    );
    await check(
      fc
        .tuple(body, type, accept, originOf(server.url))
        .map(([b, contentType, a, origin]) => ({ ...b, contentType, accept: a, origin })),
    );
  }, 120_000);

  it('a wrong, odd or missing Content-Type', async () => {
    const type = fc.option(
      fc.oneof(
        fc.constantFrom('text/plain', 'application/xml', 'application/json; charset=latin1', 'multipart/mixed', ';', ''),
        fc.string({ unit: 'binary-ascii', maxLength: 40 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
      ),
      { nil: undefined },
    );
    await check(
      fc
        .tuple(nearlyValid, type, accept, originOf(server.url))
        .map(([n, contentType, a, origin]) => ({ form: n.form, body: urlencoded(n.pairs), contentType, accept: a, origin })),
    );
  }, 120_000);

  it('the server still takes an ordinary submission afterwards, and its memory stayed bounded', async () => {
    const res = await fetch(`${server.url}/f/agir`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', origin: server.url },
      body: JSON.stringify(validSubmissions.agir),
    });
    expect(res.status).toBe(200);
    // The heap after a full collection, not the RSS (the allocator keeps freed pages): measured here
    // ~10 MB more after 500 cases per type as after 2,500, so a leak of a few KB per request would show.
    expect(heapAfterGc() - memoryBefore).toBeLessThan(48 * 1024 * 1024);
    expect(forms.agir).toBeDefined();
  });
});
