/**
 * Issue 5, step 4, and bad-inputs item 24: the mail server is down, refuses (4xx, 5xx), times out and
 * comes back. Every submission succeeds for the person; in the end exactly one notification per
 * submission has arrived, and a sensitive form's one holds no content. Real SMTP server, real SQLite.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue, type DeliveryDeps } from '../../functions/notify/deliver.ts';
import { retryDelayMs } from '../../functions/notify/backoff.ts';
import { smtpMailer, smtpSettingsFromEnv } from '../../functions/notify/smtp.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, noNodeServer, type Harness } from './harness.ts';
import { freePort, SmtpSink } from './smtp-sink.ts';

let h: Harness;
let sink: SmtpSink;
let t: number;
let delivery: DeliveryDeps;

beforeEach(async () => {
  h = await makeHarness();
  sink = new SmtpSink(await freePort());
  t = NOW.getTime();
  delivery = deliveryWithTimeout(5000);
});
/**
 * Delivery through the sink with a given SMTP timeout: one a loaded machine cannot hit where the server answers
 * (a 451 reply must read as 451, not as a timeout), a short one where it is silent.
 */
function deliveryWithTimeout(ms: number): DeliveryDeps {
  const settings = smtpSettingsFromEnv({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(sink.port),
    SMTP_FROM: 'Fabrique <formulaires@fabrique.test>',
    SMTP_TIMEOUT_MS: String(ms),
    SMTP_TLS: 'aucun',
  })!;
  return { store: h.store, mailer: smtpMailer(settings), clock: { now: () => new Date(t) }, mailDomain: 'fabrique.test' };
}
afterEach(async () => {
  await sink.stop();
  await h.cleanup();
});

async function submit(key: keyof typeof validSubmissions, values: Record<string, string | string[]> = validSubmissions[key]) {
  const res = await h.postForm(key, urlEncoded(values), { accept: 'application/json' });
  expect(res.status, key).toBe(200);
  return ((await res.json()) as { id: string }).id;
}
const lastErrors = async () => (await h.rows('SELECT last_error FROM outbox ORDER BY id')).map((r) => r.last_error);
/** Moves the clock past the longest back-off any row may be waiting for. */
const later = (failures: number) => (t += retryDelayMs(failures) + 1000);

describe('item 24: mail server down, refusing, timing out, then back', () => {
  it('every submission succeeds, and exactly one notification per submission arrives in the end', async () => {
    const AGIR = { ...validSubmissions.agir, _subject: 'Bénévolat : nouvelle proposition' };
    const ids = [await submit('demande-aide'), await submit('agir', AGIR), await submit('femmes-rappel')];

    // Down: nothing listens.
    expect(await deliverDue(delivery)).toEqual({ sent: 0, failed: 3 });
    expect((await lastErrors()).every((e) => typeof e === 'string' && !/SMTP/.test(String(e)))).toBe(true);

    // Refuses for now (4xx).
    await sink.start('4xx');
    later(1);
    expect(await deliverDue(delivery)).toEqual({ sent: 0, failed: 3 });
    expect(await lastErrors()).toEqual(['SMTP 451', 'SMTP 451', 'SMTP 451']);

    // Refuses outright (5xx): still retried, a misconfigured server gets fixed.
    sink.mode = '5xx';
    later(2);
    expect(await deliverDue(delivery)).toEqual({ sent: 0, failed: 3 });
    expect(await lastErrors()).toEqual(['SMTP 550', 'SMTP 550', 'SMTP 550']);

    // Silent: each attempt times out. A person submitting meanwhile is not held up.
    sink.mode = 'timeout';
    ids.push(await submit('inscription-formation'));
    later(3);
    expect(await deliverDue(deliveryWithTimeout(400))).toEqual({ sent: 0, failed: 4 });
    expect(sink.received).toEqual([]);

    // Back up: everything goes, once.
    sink.mode = 'up';
    later(4);
    expect(await deliverDue(delivery)).toEqual({ sent: 4, failed: 0 });
    later(12);
    expect(await deliverDue(delivery)).toEqual({ sent: 0, failed: 0 });
    expect(sink.received).toHaveLength(4);
    expect(sink.received.map((m) => m.headers['message-id']).sort()).toEqual(
      ids.map((id) => `<${id}.equipe@fabrique.test>`).sort(),
    );
    expect((await h.rows("SELECT count(*) AS n FROM outbox WHERE status = 'sent'"))[0]!.n).toBe(4);

    // Sensitive forms: "Nouvelle demande n° … — formulaire …", no content, no Reply-To.
    for (const [i, key] of [
      [0, 'demande-aide'],
      [2, 'femmes-rappel'],
    ] as const) {
      const mail = sink.received.find((m) => m.headers['message-id']!.startsWith(`<${ids[i]}.`))!;
      expect(mail.headers.subject).toMatch(new RegExp(`^Nouvelle demande n° ${ids[i]} — formulaire `));
      expect(mail.headers['reply-to']).toBeUndefined();
      for (const value of Object.values(validSubmissions[key])
        .flat()
        .filter((v) => v.length >= 4)) {
        expect(`${mail.raw}\n${mail.text}`, `${key}: « ${value} »`).not.toContain(value);
      }
    }
    // A non-sensitive form: its answers, the person's _subject and address as Reply-To.
    const agir = sink.received.find((m) => m.headers['message-id']!.startsWith(`<${ids[1]}.`))!;
    expect(agir.headers.subject).toBe('Bénévolat : nouvelle proposition');
    expect(agir.headers['reply-to']).toBe(validSubmissions.agir.email);
    expect(agir.text).toContain(`${validSubmissions.agir.nom as string}`);
    expect(agir.headers.to).toContain('@');
  });

  it('back-off doubles from one minute up to six hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(retryDelayMs(30)).toBe(6 * 3_600_000);
  });

  it('a row is not retried before its time', async () => {
    await submit('agir');
    expect(await deliverDue(delivery)).toEqual({ sent: 0, failed: 1 });
    await sink.start('up');
    t += retryDelayMs(1) - 1000;
    expect(await deliverDue(delivery)).toEqual({ sent: 0, failed: 0 });
    t += 2000;
    expect(await deliverDue(delivery)).toEqual({ sent: 1, failed: 0 });
  });
});

// Node's timer and SMTP; on workerd delivery is the cron over an HTTP API (notify-http-api.test.ts).
describe.skipIf(noNodeServer)('the Node server’s delivery loop', () => {
  it('delivers the outbox on its timer once the mail server answers', async () => {
    const { startServer } = await import('../../functions/node.ts');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'boucle-'));
    const settings = smtpSettingsFromEnv({
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_FROM: 'f@fabrique.test',
      // A timeout a loaded machine cannot hit: a delivery cut short waits for its next attempt, minutes away.
      SMTP_TIMEOUT_MS: '5000',
      SMTP_TLS: 'aucun',
    })!;
    const server = await startServer({
      dbPath: path.join(dir, 'db.sqlite'),
      distDir: path.join(dir, 'dist'),
      mailer: smtpMailer(settings),
      deliveryIntervalMs: 50,
    });
    try {
      await sink.start('up');
      const res = await fetch(`${server.url}/f/agir`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: server.url },
        body: urlEncoded(validSubmissions.agir),
      });
      expect(res.status).toBe(200);
      const deadline = Date.now() + 15_000;
      while (sink.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(sink.received).toHaveLength(1);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('without SMTP settings the outbox is kept, and that is said once', async () => {
    const { startServer } = await import('../../functions/node.ts');
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'boucle-'));
    const notices: string[] = [];
    const saved = process.env.SMTP_HOST;
    delete process.env.SMTP_HOST;
    const server = await startServer({
      dbPath: path.join(dir, 'db.sqlite'),
      distDir: path.join(dir, 'dist'),
      notice: (l) => notices.push(l),
      deliveryIntervalMs: 20,
    });
    try {
      await new Promise((r) => setTimeout(r, 100));
      // Other start-up lines (the forms mode) may come first; the SMTP one is said once.
      expect(notices.filter((l) => l.includes('SMTP'))).toEqual([expect.stringMatching(/^SMTP non configuré/)]);
    } finally {
      if (saved !== undefined) process.env.SMTP_HOST = saved;
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('TLS is required, never opportunistic (issue 8)', () => {
  it('a server that does not offer STARTTLS (stripped on the way) gets neither the login nor the message', async () => {
    const { SMTPServer } = await import('smtp-server');
    const logins: string[] = [];
    const messages: string[] = [];
    const port = await freePort();
    const stripped = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) => {
        logins.push(auth.username ?? '');
        callback(null, { user: auth.username });
      },
      onData: (stream, _session, callback) => {
        stream.on('data', (c: Buffer) => messages.push(c.toString()));
        stream.on('end', () => callback());
      },
    });
    await new Promise<void>((r) => stripped.listen(port, '127.0.0.1', r));
    try {
      await submit('agir');
      const settings = smtpSettingsFromEnv({
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(port),
        SMTP_FROM: 'f@fabrique.test',
        SMTP_USER: 'equipe',
        SMTP_PASSWORD: 'secret',
        SMTP_TIMEOUT_MS: '1000',
      })!;
      expect(settings.tls).toBe('starttls');
      const report = await deliverDue({ ...delivery, mailer: smtpMailer(settings) });
      expect(report).toEqual({ sent: 0, failed: 1 });
      expect(logins).toEqual([]);
      expect(messages).toEqual([]);
      // The row waits for a server that speaks TLS.
      expect(await h.rows('SELECT status FROM outbox')).toEqual([{ status: 'pending' }]);
    } finally {
      await new Promise<void>((r) => stripped.close(() => r()));
    }
  });

  it('no TLS is allowed only for a relay on this machine', () => {
    expect(() => smtpSettingsFromEnv({ SMTP_HOST: 'smtp.exemple.fr', SMTP_FROM: 'f@x.fr', SMTP_TLS: 'aucun' })).toThrow(
      /relais sur cette machine/,
    );
  });
});
