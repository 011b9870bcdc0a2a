/**
 * The Worker's scheduled run on workerd (Miniflare), delivering over an HTTP mail API: a real local HTTP
 * server stands for the provider, and is down, answers 5xx, 4xx, too slowly, then comes back. Every
 * submission succeeds for the person; in the end the provider has accepted exactly one message per
 * notification, a sealed form's holding no content; the purge never erases a submission whose team
 * has not been told; two scheduled runs at once send nothing twice (D1 lease). The Worker's clock is
 * pinned (FABRIQUE_AUJOURDHUI) and moved by redeploying it on the same D1, as time passing would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../functions/notify/backoff.ts';
import { content, NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { ORIGIN, settings } from './harness.ts';
import { startWorker, type RunningWorker } from './worker-server.ts';

type Mode = 'up' | 'error-5xx' | 'error-4xx' | 'slow';
type Received = {
  apiKey: string | undefined;
  body: { to: { email: string }[]; subject: string; textContent: string; headers: Record<string, string> };
};

/** The provider: records what it accepts (2xx) only. */
class MailApi {
  mode: Mode = 'up';
  delayMs = 0;
  accepted: Received[] = [];
  requests = 0;
  private server?: Server;
  port = 0;
  async start(port = 0) {
    this.server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.requests++;
        // The mode when the request arrived decides its answer, however late that answer comes.
        const mode = this.mode;
        const answer = () => {
          if (mode === 'error-5xx') return void res.writeHead(503).end('{"message":"indisponible"}');
          if (mode === 'error-4xx') return void res.writeHead(400).end('{"message":"requête refusée"}');
          if (mode === 'slow') return void res.writeHead(503).end();
          this.accepted.push({
            apiKey: req.headers['api-key'] as string | undefined,
            body: JSON.parse(Buffer.concat(chunks).toString()),
          });
          res.writeHead(201, { 'content-type': 'application/json' }).end('{"messageId":"<x@brevo>"}');
        };
        // Too slow: the Worker has given up (MAIL_API_TIMEOUT_MS) before this answer.
        setTimeout(answer, mode === 'slow' ? 1_500 : this.delayMs);
      });
    });
    await new Promise<void>((r) => this.server!.listen(port, '127.0.0.1', () => r()));
    this.port = (this.server.address() as { port: number }).port;
  }
  async stop() {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
    this.server = undefined;
  }
}

let api: MailApi;
let persistDir: string;
let worker: RunningWorker | undefined;
let t: number;

beforeAll(async () => {
  api = new MailApi();
  await api.start();
});
afterAll(() => api.stop());
afterEach(async () => {
  await worker?.dispose();
  worker = undefined;
  rmSync(persistDir, { recursive: true, force: true });
});

/** The Worker at time t, on the same D1 as before (a new deployment with the clock moved on). */
async function deployAt(time: number) {
  await worker?.dispose();
  worker = await startWorker({
    data: { settings, content, styleHashes: [], pages: {} },
    persistDir,
    vars: {
      SITE_URL: ORIGIN,
      FABRIQUE_DEMONSTRATION: 'oui',
      FABRIQUE_AUJOURDHUI: new Date(time).toISOString(),
      MAIL_API_URL: `http://127.0.0.1:${api.port}/v3/smtp/email`,
      MAIL_API_KEY: 'cle-api-des-essais',
      MAIL_FROM: 'formulaires@fabrique.test',
      MAIL_API_TIMEOUT_MS: '400',
    },
  });
  return worker;
}
async function submit(key: keyof typeof validSubmissions, values = validSubmissions[key]) {
  const res = await fetch(`${worker!.url}/f/${key}`, {
    method: 'POST',
    body: urlEncoded(values),
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: ORIGIN },
  });
  expect(res.status, key).toBe(200);
  return ((await res.json()) as { id: string }).id;
}
const outbox = async () =>
  (await worker!.db.prepare('SELECT submission_id, attempts, last_error, sent_at FROM outbox ORDER BY id').all()).results as {
    submission_id: string;
    attempts: number;
    last_error: string | null;
    sent_at: string | null;
  }[];
const later = (failures: number) => (t += retryDelayMs(failures) + 1000);

describe('notifications from the Worker over an HTTP mail API', () => {
  it('down, 5xx, 4xx, too slow, then back: every submission kept, exactly one message per notification', async () => {
    persistDir = mkdtempSync(path.join(tmpdir(), 'worker-mail-'));
    t = NOW.getTime();
    await deployAt(t);
    const AGIR = { ...validSubmissions.agir, _subject: 'Bénévolat : nouvelle proposition' };
    const ids = [await submit('demande-aide'), await submit('agir', AGIR), await submit('femmes-rappel')];

    // Down: nothing listens on the provider's port.
    const port = api.port;
    await api.stop();
    await worker!.scheduled();
    expect((await outbox()).map((r) => [r.attempts, r.last_error])).toEqual(Array(3).fill([1, 'réseau']));
    await api.start(port);

    for (const [mode, code, failures] of [
      ['error-5xx', 'HTTP 503', 2],
      ['error-4xx', 'HTTP 400', 3],
      ['slow', 'délai dépassé', 4],
    ] as const) {
      // Not yet due: a run before the back-off has passed tries nothing.
      const before = api.requests;
      await worker!.scheduled();
      expect(api.requests, mode).toBe(before);
      api.mode = mode;
      await deployAt(later(failures - 1));
      await worker!.scheduled();
      expect(
        (await outbox()).map((r) => [r.attempts, r.last_error]),
        mode,
      ).toEqual(Array(3).fill([failures, code]));
    }
    expect(api.accepted).toHaveLength(0);

    api.mode = 'up';
    await deployAt(later(4));
    await worker!.scheduled();
    await deployAt(later(5));
    await worker!.scheduled();
    const sentTo = api.accepted.map((m) => m.body.headers['Message-ID']);
    expect(new Set(sentTo).size).toBe(3);
    expect(sentTo).toHaveLength(3);
    expect((await outbox()).every((r) => r.sent_at !== null)).toBe(true);
    expect(api.accepted.every((m) => m.apiKey === 'cle-api-des-essais')).toBe(true);
    // A sealed form's message names the request and the form, and nothing the person wrote.
    const sealed = api.accepted.find((m) => m.body.subject.includes(ids[0]!))!;
    expect(sealed.body.textContent).toContain(ids[0]!);
    for (const value of Object.values(validSubmissions['demande-aide']).flat())
      if (String(value).length > 3) expect(sealed.body.textContent).not.toContain(String(value));
    const agir = api.accepted.find((m) => m.body.subject === AGIR._subject);
    expect(agir?.body.textContent).toContain(String(validSubmissions.agir.prenom));
    // Eight deployments of workerd (a new day each): about 8 s alone, four times that on a busy machine.
  }, 90_000);

  it('the purge keeps a submission past its date until its team was told, then erases it', async () => {
    persistDir = mkdtempSync(path.join(tmpdir(), 'worker-mail-'));
    t = NOW.getTime();
    api.mode = 'error-5xx';
    await deployAt(t);
    await submit('demande-aide');
    await worker!.scheduled();
    // A year on, past the 90 days of demande-aide: kept, its notification unsent.
    await deployAt((t += 365 * 86_400_000));
    api.mode = 'error-5xx';
    await worker!.scheduled();
    expect(await outbox()).toHaveLength(1);
    api.mode = 'up';
    await deployAt(later(2));
    await worker!.scheduled();
    expect((await outbox())[0]!.sent_at).not.toBeNull();
    await worker!.scheduled();
    expect(await outbox()).toHaveLength(0);
    expect((await worker!.db.prepare('SELECT count(*) AS n FROM submissions').first<{ n: number }>())!.n).toBe(0);
  });

  it('two scheduled runs at once send each notification once (the D1 lease)', async () => {
    persistDir = mkdtempSync(path.join(tmpdir(), 'worker-mail-'));
    t = NOW.getTime();
    api.mode = 'up';
    api.delayMs = 300;
    api.accepted = [];
    await deployAt(t);
    for (let i = 0; i < 4; i++) await submit('agir', { ...validSubmissions.agir, message: `Proposition numéro ${i}, merci.` });
    await Promise.all([worker!.scheduled(), worker!.scheduled(), worker!.scheduled()]);
    await worker!.scheduled();
    api.delayMs = 0;
    const sent = api.accepted.map((m) => m.body.headers['Message-ID']);
    expect(sent).toHaveLength(4);
    expect(new Set(sent).size).toBe(4);
  });
});
