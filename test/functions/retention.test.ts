/**
 * Retention (issue 5, step 6; issue 8): expired submissions are purged so the bytes leave the files;
 * never one whose notification is unsent; the server's purge follows its one clock, pinned or not, and
 * writes its audit line before deleting anything.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../functions/node.ts';
import { auditFailureNotice } from '../../functions/node/jobs.ts';
import { purgeExpired } from '../../functions/retention.ts';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, noNodeServer, notOnSqlite, settings, type Harness } from './harness.ts';

const DAY = 86_400_000;
let h: Harness;
beforeEach(
  async () =>
    (h = await makeHarness({
      // agir kept 30 days here, e2c a year: one purge removes the first and keeps the second.
      settings: { agir: { ...settings.agir, conservation_jours: 30 }, e2c: { ...settings.e2c, conservation_jours: 365 } },
    })),
);
afterEach(() => h.cleanup());

const TRACE = 'trace-a-effacer-5581';
const fileBytes = () => Buffer.concat([h.dbFile, `${h.dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f)));
async function submitBoth() {
  const post = (key: 'agir' | 'e2c', values: Record<string, string | string[]>) =>
    h.postForm(key, urlEncoded(values), { accept: 'application/json' });
  expect((await post('agir', { ...validSubmissions.agir, message: `Bonjour ${TRACE}`, _subject: `Objet ${TRACE}` })).status).toBe(
    200,
  );
  expect((await post('e2c', validSubmissions.e2c)).status).toBe(200);
  if (!notOnSqlite) expect(fileBytes().includes(Buffer.from(TRACE))).toBe(true);
}
/** Every notification delivered, as the outbox loop would. */
async function deliverAll() {
  for (const d of await h.store.dueNotifications(new Date(NOW.getTime() + 1000 * DAY), 100))
    await h.store.notificationSent(d.outboxId, NOW);
}
const audited: string[][] = [];
const purge = (days: number) => purgeExpired(h.store, new Date(NOW.getTime() + days * DAY), (ids) => void audited.push(ids));

describe('retention purge', () => {
  it('nothing goes before its retention ends', async () => {
    await submitBoth();
    await deliverAll();
    expect((await purge(29)).erased).toBe(0);
    expect(await h.count()).toEqual({ submissions: 2, outbox: 2 });
  });

  it('after it, the submission and its outbox row are gone, and their bytes are not in the file or the WAL', async () => {
    await submitBoth();
    await deliverAll();
    expect(await purge(31)).toMatchObject({ erased: 1, clean: true });
    expect(await h.rows('SELECT form_key FROM submissions')).toEqual([{ form_key: 'e2c' }]);
    expect(await h.count()).toEqual({ submissions: 1, outbox: 1 });
    // The bytes themselves: SQLite's file and WAL (PostgreSQL's files are the server's; see EXPLOITATION.md).
    if (notOnSqlite) return;
    expect(fileBytes().includes(Buffer.from(TRACE))).toBe(false);
    // The kept submission is still whole.
    expect(fileBytes().includes(Buffer.from(validSubmissions.e2c.nom as string))).toBe(true);
  });

  it('a submission whose notification was never sent does not expire: nobody would have been told of it', async () => {
    await submitBoth();
    expect(await purge(400)).toMatchObject({ ids: [], erased: 0 });
    expect(await h.count()).toEqual({ submissions: 2, outbox: 2 });
    await deliverAll();
    expect((await purge(400)).erased).toBe(2);
  });

  // The staff command reads the SQLite file (on PostgreSQL, not yet: EXPLOITATION.md).
  it.skipIf(notOnSqlite)('the staff purge command does the same, and logs the ids it removed', async () => {
    await submitBoth();
    await deliverAll();
    const audit = path.join(h.dir, 'journal.log');
    const result = await submissionsCommand(['purge', '--db', h.dbFile, '--audit', audit], {
      now: new Date(NOW.getTime() + 31 * DAY),
      user: 'agent',
      env: {},
    });
    expect(result).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^1 envoi\(s\) arrivé\(s\) en fin de conservation effacé\(s\)/),
    });
    expect(await h.count()).toEqual({ submissions: 1, outbox: 1 });
    expect(fileBytes().includes(Buffer.from(TRACE))).toBe(false);
    const lines = readFileSync(audit, 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as { action: string })).toEqual([expect.objectContaining({ action: 'purge' })]);
    expect(lines.join('')).not.toContain(TRACE);
  });
});

// The Node server's purge; on D1 the Worker's scheduled handler does it (its own tests).
describe.skipIf(noNodeServer)('the server’s own purge', () => {
  const serve = (over: Parameters<typeof startServer>[0] = {}) =>
    startServer({ ...h.serverStore, distDir: path.join(h.dir, 'dist'), auditLog: path.join(h.dir, 'audit.log'), ...over });

  it('follows the pinned date (FABRIQUE_AUJOURDHUI): what it accepted survives a restart', async () => {
    const saved = process.env.FABRIQUE_AUJOURDHUI;
    process.env.FABRIQUE_AUJOURDHUI = '2020-01-10';
    try {
      let server = await serve();
      const res = await fetch(`${server.url}/f/agir`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', origin: server.url },
        body: urlEncoded(validSubmissions.agir),
      });
      expect(res.status).toBe(200);
      await server.close();
      await deliverAll();
      server = await serve(); // purges at start
      await server.close();
      expect((await h.count()).submissions).toBe(1);
    } finally {
      if (saved === undefined) delete process.env.FABRIQUE_AUJOURDHUI;
      else process.env.FABRIQUE_AUJOURDHUI = saved;
    }
  });

  it('writes its audit line (user "serveur") before deleting, and deletes nothing when it cannot', async () => {
    await submitBoth();
    await deliverAll();
    const clock = { now: () => new Date(NOW.getTime() + 31 * DAY) };
    const blocked = path.join(h.dir, 'bloque');
    mkdirSync(blocked);
    const notices: string[] = [];
    let server = await serve({ clock, auditLog: blocked, notice: (l) => notices.push(l) });
    await server.close();
    expect((await h.count()).submissions).toBe(2);
    expect(notices.join('\n')).toMatch(
      /^purge : rien n’a été effacé, le journal d’audit .*bloque ne peut pas être écrit \(EISDIR\)/m,
    );
    rmSync(blocked, { recursive: true });

    server = await serve({ clock });
    await server.close();
    expect((await h.count()).submissions).toBe(1);
    const lines = readFileSync(path.join(h.dir, 'audit.log'), 'utf8').trim().split('\n');
    expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ action: 'purge', user: 'serveur', ids: [expect.any(String)] }),
    ]);
  });
});

// Issue 20: a staff command run as root created audit.log; the service's purge then failed at every run
// while /_sante stayed green. (As root, file modes refuse nothing; a folder in the log's place fails alike.)
describe.skipIf(noNodeServer)('a purge that cannot write its audit line', () => {
  it('is shown by /_sante (result and error code, no ids) and told in French with the cause and the fix', async () => {
    await submitBoth();
    await deliverAll();
    const blocked = path.join(h.dir, 'audit-bloque');
    mkdirSync(blocked);
    const notices: string[] = [];
    const server = await startServer({
      ...h.serverStore,
      distDir: path.join(h.dir, 'dist'),
      clock: { now: () => new Date(NOW.getTime() + 31 * DAY) },
      auditLog: blocked,
      notice: (l) => notices.push(l),
    });
    try {
      for (const end = Date.now() + 10_000; !notices.some((n) => n.startsWith('purge : ')) && Date.now() < end;)
        await new Promise((r) => setTimeout(r, 20));
      const res = await fetch(`${server.url}/_sante`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({
        ok: true,
        stockage: 'inscriptible',
        purge: { a: expect.any(String), resultat: 'echec', cause: 'EISDIR' },
      });
    } finally {
      await server.close();
    }
    expect((await h.count()).submissions).toBe(2);
    expect(auditFailureNotice('/srv/fabrique/data/audit.log', 'EACCES')).toBe(
      'purge : rien n’a été effacé, le journal d’audit /srv/fabrique/data/audit.log ne peut pas être écrit (EACCES) ; il appartient sans doute à un autre utilisateur que celui du service (une commande du personnel lancée sans « sudo -u fabrique ») : chown fabrique: /srv/fabrique/data/audit.log, puis lancer les commandes du personnel avec sudo -u fabrique. Nouvel essai à la prochaine purge.',
    );
  });
});
