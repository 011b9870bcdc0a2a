/**
 * Backups that restore (issue 9, item 4). SQLite: `npm run submissions -- sauvegarde` while submissions
 * keep arriving; PostgreSQL: pg_dump then pg_restore into another database. Each restored copy holds
 * every submission acknowledged before the backup began, sealed ones still opening with the team key,
 * and a store opens on it (migrations recorded, nothing re-run).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openValues, type SealedRow } from '../../functions/seal/open.ts';
import { appendAudit } from '../../functions/staff/audit.ts';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { PostgresStore } from '../../functions/store/postgres.ts';
import { SqliteStore } from '../../functions/store/sqlite.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';
import { dropDatabase, noPostgres as checkPostgres, PG_URL } from './postgres-server.ts';
import { storedIds } from './sqlite-ids.ts';

const noPostgres = await checkPostgres();

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

type Row = {
  id: string;
  form_key: string;
  data_json: string | null;
  key_id: string | null;
  encapsulated_key: Uint8Array | null;
  sealed: Uint8Array | null;
};

/** Posts a clear (agir) or sealed (demande-aide) submission; resolves with its id once acknowledged. */
async function submit(harness: Harness, i: number): Promise<string> {
  const form = i % 2 ? 'demande-aide' : 'agir';
  const values = { ...validSubmissions[form], message: `Message numéro ${i}` };
  const res = await harness.postForm(form, urlEncoded(values), {
    accept: 'application/json',
    'x-test-client': `198.51.100.${i % 250}`,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

/** Every row's values, sealed ones opened with the harness's team key. */
async function opened(harness: Harness, rows: Row[]) {
  return Promise.all(
    rows.map(async (r) => {
      if (r.data_json !== null) return JSON.parse(r.data_json) as Record<string, unknown>;
      const sealed: SealedRow = {
        id: r.id,
        formKey: r.form_key,
        keyId: r.key_id!,
        encapsulatedKey: new Uint8Array(r.encapsulated_key!),
        ciphertext: new Uint8Array(r.sealed!),
      };
      return await openValues(harness.privateKey, sealed);
    }),
  );
}

const SELECT = 'SELECT id, form_key, data_json, key_id, encapsulated_key, sealed FROM submissions ORDER BY id';

describe('SQLite: online backup with the staff command, then restore', () => {
  it('copies every acknowledged submission while others keep arriving; sealed ones still open', async () => {
    h = await makeHarness({ backend: 'sqlite' });
    const before: string[] = [];
    for (let i = 0; i < 20; i++) before.push(await submit(h, i));
    // Submissions keep arriving during the backup.
    const during = Promise.all(Array.from({ length: 40 }, (_, i) => submit(h!, 100 + i)));
    const out = path.join(h.dir, 'sauvegarde.sqlite');
    const result = await submissionsCommand(
      ['sauvegarde', '--out', out, '--db', h.dbFile, '--audit', path.join(h.dir, 'audit.log')],
      {
        now: NOW,
        user: 'exploitant',
        env: {},
      },
    );
    expect(result).toMatchObject({ code: 0, out: expect.stringMatching(/^Sauvegarde écrite : .* \(\d+ envoi\(s\)\)/) });
    const arrived = await during;
    expect(statSync(out).mode & 0o777).toBe(0o600);
    // The audit trail is in the backup, its own line included (issue 20, item 6).
    const trail = readFileSync(`${out}.audit.log`, 'utf8');
    expect(statSync(`${out}.audit.log`).mode & 0o777).toBe(0o600);
    expect(trail).toContain('"action":"sauvegarde"');
    expect(result.out).toContain(`Journal d’audit copié à côté : ${out}.audit.log`);

    // Restore: a store opens on the copy (nothing re-run), and every submission acknowledged before is there.
    const restored = new SqliteStore(out);
    expect(await restored.writable()).toBe(true);
    await restored.close();
    const copy = new DatabaseSync(out, { readOnly: true });
    const rows = copy.prepare(SELECT).all() as Row[];
    copy.close();
    const ids = new Set(rows.map((r) => r.id));
    for (const id of before) expect(ids.has(id)).toBe(true);
    // Those arriving during the backup are either in it whole or not at all, and the live base has them all.
    for (const id of ids) expect([...before, ...arrived].includes(id)).toBe(true);
    expect((await h.count()).submissions).toBe(60);
    const values = await opened(h, rows);
    expect(values.filter((v) => String(v.message).startsWith('Message numéro')).length).toBe(rows.length);
    expect(rows.some((r) => r.sealed !== null)).toBe(true);
  });

  it('refuses to overwrite a file, saying so in French', async () => {
    h = await makeHarness({ backend: 'sqlite' });
    const argv = ['sauvegarde', '--out', h.dbFile, '--db', h.dbFile, '--audit', path.join(h.dir, 'audit.log')];
    expect(await submissionsCommand(argv, { now: NOW, user: 'exploitant', env: {} })).toMatchObject({
      code: 1,
      err: expect.stringMatching(/existe déjà : la sauvegarde ne remplace jamais un fichier/),
    });
  });
});

describe('SQLite: after a restore, the erasures made since the backup are made again', () => {
  it('npm run submissions -- reeffacer erases what the audit log in service and the set-aside base list, once', async () => {
    h = await makeHarness({ backend: 'sqlite' });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await submit(h, i));
    const audit = path.join(h.dir, 'audit.log');
    const run = (...argv: string[]) => submissionsCommand([...argv, '--audit', audit], { now: NOW, user: 'exploitant', env: {} });
    const out = path.join(h.dir, 'sauvegarde.sqlite');
    expect((await run('sauvegarde', '--out', out, '--db', h.dbFile)).code).toBe(0);
    // After the backup: two erased on request, one by the server's retention purge (its line as jobs.ts writes it).
    expect((await run('delete', ids[0]!, '--db', h.dbFile)).code).toBe(0);
    expect((await run('delete', ids[1]!, '--db', h.dbFile)).code).toBe(0);
    appendAudit(audit, { at: NOW.toISOString(), action: 'purge', user: 'serveur', ids: [ids[2]!], keyIds: [] });
    // And one from the teams' inbox (its RGPD page): in the base's own audit table, as rgpd.ts writes it.
    const live = new DatabaseSync(h.dbFile);
    live
      .prepare('INSERT INTO audit (at, staff_id, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(NOW.toISOString(), 'personne-1', 'suppression', ids[3]!, 'rgpd');
    live.close();

    // Restored: the backup replaces the base (the old one set aside), the log in service goes on; the four came back.
    const restored = path.join(h.dir, 'restauree.sqlite');
    copyFileSync(out, restored);
    const left = () => storedIds(restored);
    expect(left()).toEqual([...ids].sort());
    const again = await run('reeffacer', '--db', restored, '--ancienne-base', h.dbFile);
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/^4 envoi\(s\) effacé\(s\) à nouveau/);
    expect(left()).toEqual(ids.slice(4).sort());
    const last = JSON.parse(readFileSync(audit, 'utf8').trim().split('\n').at(-1)!) as { action: string; ids: string[] };
    expect(last.action).toBe('suppression');
    expect(last.ids.sort()).toEqual(ids.slice(0, 4).sort());
    // A second time: nothing left to erase.
    expect((await run('reeffacer', '--db', restored)).out).toMatch(/^Rien à réeffacer : aucun des 4 envoi\(s\) effacé\(s\)/);
    // The base set aside must be readable, or nothing is done.
    expect(await run('reeffacer', '--db', restored, '--ancienne-base', path.join(h.dir, 'absente.sqlite'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^L’ancienne base .*absente\.sqlite ne se lit pas \(fichier absent\)/),
    });
  });
});

/**
 * The guide's PostgreSQL lines (EXPLOITATION.md, « Sauvegardes »), run by bash as written, with only the
 * test's names put in: its server for `sudo -u postgres`, its database URL, a role of its own for `fabrique`,
 * a temporary folder for /sauvegardes, no password prompt.
 */
function guidePostgresLines(): string[] {
  const guide = readFileSync(path.resolve(import.meta.dirname, '../../functions/EXPLOITATION.md'), 'utf8');
  const block = /```sh\n((?:(?!```)[\s\S])*pg_restore(?:(?!```)[\s\S])*)```/.exec(guide)![1]!;
  return block
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

describe.skipIf(noPostgres)(
  'PostgreSQL: the guide’s pg_dump, then its pg_restore into a new database of the service’s user',
  () => {
    it('a 0600 dump; every submission restored, owned by that user; sealed ones still open; migrations not re-run', async () => {
      h = await makeHarness({ backend: 'postgres' });
      const acknowledged: string[] = [];
      for (let i = 0; i < 20; i++) acknowledged.push(await submit(h, i));
      const suffix = randomBytes(4).toString('hex');
      const role = `fabrique_${suffix}`;
      const database = `fabrique_restauree_${suffix}`;
      const admin = new URL(PG_URL!);
      const dump = path.join(h.dir, 'fabrique.dump');
      const lines = guidePostgresLines();
      expect(lines.map((l) => l.match(/pg_dump|createuser|createdb|pg_restore/)?.[0])).toEqual([
        'pg_dump',
        'createuser',
        'createdb',
        'pg_restore',
      ]);
      for (const line of lines) {
        const command = line
          .replace(/^sudo -u postgres /, '')
          .replace('--pwprompt ', '')
          .replace(/fabrique_restauree/g, database)
          .replace(/\bfabrique\b(?!-)/g, role)
          .replace(/\/sauvegardes\/fabrique-.*?\.dump/, dump);
        execFileSync('bash', ['-c', command], {
          env: {
            ...process.env,
            DATABASE_URL: h.pgUrl!,
            PGHOST: admin.hostname,
            PGPORT: admin.port,
            PGUSER: admin.username,
            PGDATABASE: 'postgres',
          },
        });
      }
      expect(statSync(dump).mode & 0o777).toBe(0o600);
      const target = new URL(PG_URL!);
      target.username = role;
      target.pathname = `/${database}`;
      try {
        const store = await PostgresStore.open(target.toString());
        const migrations = await store.pool.query('SELECT count(*)::int AS n FROM schema_migrations');
        const owners = await store.pool.query<{ tableowner: string }>(
          "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
        );
        expect(await store.writable()).toBe(true);
        await store.close();
        expect(migrations.rows[0].n).toBeGreaterThan(0);
        expect(owners.rows.map((r) => r.tableowner)).toEqual([role]);
        const client = new pg.Client({ connectionString: target.toString() });
        await client.connect();
        const rows = (await client.query<Row>(SELECT)).rows;
        await client.end();
        expect(rows.map((r) => r.id).sort()).toEqual([...acknowledged].sort());
        const values = await opened(h, rows);
        expect(values.map((v) => v.message).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `Message numéro ${i}`).sort());
        expect(rows.filter((r) => r.sealed !== null)).toHaveLength(10);
      } finally {
        await dropDatabase(target.toString())();
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP ROLE IF EXISTS ${role}`);
        await c.end();
      }
    });
  },
);
