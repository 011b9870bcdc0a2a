/**
 * Encrypted backups (issue 20, item 6): functions/staff/sauvegarde-chiffree.sh run by bash as the guide's
 * systemd unit runs it, with a throw-away operator key made by gpg in a temporary GNUPGHOME. The server side
 * only has the public key file: its backup is 0600, holds nothing readable, and does not open without the
 * private key; the operator decrypts it, restores it (SQLite: a store opens on it; PostgreSQL: pg_restore into
 * a new database) and finds every submission and the audit trail; backups older than FABRIQUE_SAUVEGARDES_JOURS
 * are deleted, newer ones kept.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { D1Store, migrateD1 } from '../../functions/store/d1.ts';
import { SqliteStore } from '../../functions/store/sqlite.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';
import { localD1Project } from './local-d1.ts';
import { freshDatabase, noPostgres as checkPostgres, PG_URL } from './postgres-server.ts';
import { submission } from './store-contract.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { storedIds } from './sqlite-ids.ts';

const root = path.resolve(import.meta.dirname, '../..');
const SCRIPT = path.join(root, 'functions/staff/sauvegarde-chiffree.sh');
const noPostgres = await checkPostgres();
const noGpg = spawnSync('gpg', ['--version']).status !== 0;
if (noGpg && process.env.CI === 'true') throw new Error('gpg requis en CI (paquet gnupg) : lancer les tests par .ci/run.');
if (noGpg) console.warn('\n!!! Sauvegardes chiffrées SAUTÉES : gpg manque (paquet gnupg ; .ci/run l’installe).\n');

let dir: string;
let operator: string;
let fingerprint: string;
let publicKey: string;
const gpg = (home: string, args: string[], input?: Buffer) =>
  spawnSync('gpg', ['--batch', '--homedir', home, ...args], { input, maxBuffer: 256 << 20 });

beforeAll(() => {
  if (noGpg) return;
  dir = mkdtempSync(path.join(tmpdir(), 'sauvegarde-chiffree-'));
  // The operator's key pair, on the operator's computer (here a temporary GNUPGHOME): no passphrase for the test.
  operator = path.join(dir, 'exploitant');
  mkdirSync(operator, { mode: 0o700 });
  const made = gpg(operator, [
    '--pinentry-mode',
    'loopback',
    '--passphrase',
    '',
    '--quick-gen-key',
    'Exploitant d’essai <exploitant@exemple.invalid>',
    'ed25519',
    'cert',
    'never',
  ]);
  expect(made.status, made.stderr.toString()).toBe(0);
  fingerprint = /^fpr:+([0-9A-F]{40}):/m.exec(gpg(operator, ['--with-colons', '--list-keys']).stdout.toString())![1]!;
  const sub = gpg(operator, [
    '--pinentry-mode',
    'loopback',
    '--passphrase',
    '',
    '--quick-add-key',
    fingerprint,
    'cv25519',
    'encr',
    'never',
  ]);
  expect(sub.status, sub.stderr.toString()).toBe(0);
  // What the server receives: the public key file only.
  publicKey = path.join(dir, 'exploitant.pub.asc');
  writeFileSync(publicKey, gpg(operator, ['--armor', '--export', fingerprint]).stdout);
}, 60_000);
afterAll(() => {
  if (noGpg) return;
  spawnSync('gpgconf', ['--homedir', operator, '--kill', 'all']);
  rmSync(dir, { recursive: true, force: true });
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.cleanup();
  h = undefined;
});

/** A clear (contact) or sealed (demande-aide) submission; its id once acknowledged. */
async function submit(harness: Harness, i: number): Promise<string> {
  const form = i % 2 ? 'demande-aide' : 'contact';
  const res = await harness.postForm(form, urlEncoded({ ...validSubmissions[form], message: `Message numéro ${i}` }), {
    accept: 'application/json',
    'x-test-client': `198.51.100.${i}`,
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

const privateTmp = () => {
  const tmp = path.join(dir, 'tmp');
  mkdirSync(tmp, { recursive: true, mode: 0o700 });
  return tmp;
};

/** The operator's key, as the unit's options give it: its fingerprint and the public key file. */
const operatorKey = () => ['--destinataire', fingerprint, '--cle-publique', publicKey];

/** The script as the systemd unit runs it: its settings in the environment, nothing of the test's own. */
function backup(args: string[], env: Record<string, string> = {}) {
  return spawnSync('bash', [SCRIPT, ...args], {
    cwd: root,
    encoding: 'utf8',
    // Its own temporary folder, as systemd's PrivateTmp=yes gives it: nothing left there is checked below.
    env: { PATH: process.env.PATH!, HOME: path.join(dir, 'pas-de-dossier-personnel'), TMPDIR: privateTmp(), ...env },
  });
}

/** The operator's restore: decrypt with the private key, unpack into an empty folder. */
function decryptInto(file: string, target: string) {
  const clear = gpg(operator, ['--quiet', '--decrypt', file]);
  expect(clear.status, clear.stderr.toString()).toBe(0);
  mkdirSync(target);
  execFileSync('tar', ['-x', '-C', target], { input: clear.stdout });
  return readdirSync(target).sort();
}

const DAY = 86_400_000;
const age = (file: string, days: number) => {
  writeFileSync(file, 'une ancienne sauvegarde');
  const t = new Date(Date.now() - days * DAY);
  utimesSync(file, t, t);
};

describe.skipIf(noGpg)('sauvegarde-chiffree.sh', () => {
  it('SQLite: 0600, unreadable without the key, restores every submission and the audit trail; retention', async () => {
    h = await makeHarness({ backend: 'sqlite' });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await submit(h, i));
    const folder = path.join(dir, 'sauvegardes-sqlite');
    mkdirSync(folder, { mode: 0o700 });
    age(path.join(folder, 'fabrique-ancienne.tar.gpg'), 40);
    age(path.join(folder, 'fabrique-recente.tar.gpg'), 5);
    const audit = path.join(h.dir, 'audit.log');
    writeFileSync(
      audit,
      `${JSON.stringify({ at: '2027-01-15T09:00:00.000Z', action: 'purge', user: 'serveur', ids: ['ancien'], keyIds: [] })}\n`,
    );

    const run = backup(['--db', h.dbFile, '--audit', audit], {
      FABRIQUE_SAUVEGARDES_DOSSIER: folder,
      FABRIQUE_SAUVEGARDES_DESTINATAIRE: fingerprint,
      FABRIQUE_SAUVEGARDES_CLE: publicKey,
      FABRIQUE_SAUVEGARDES_JOURS: '30',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Anciennes sauvegardes effacées \(plus de 30 jours\) : 1\./);
    expect(run.stdout).toMatch(
      /^Sauvegarde chiffrée pour [0-9A-F]{40} : .*\.tar\.gpg \(6 envoi\(s\)\), avec les copies du journal d’audit/,
    );
    const files = readdirSync(folder).sort();
    // Retention: the 40-day-old one is gone, the 5-day-old one stays; no clear copy, no partial file.
    expect(files.filter((f) => f !== 'fabrique-recente.tar.gpg')).toEqual([
      expect.stringMatching(/^fabrique-\d{4}-\d\d-\d\dT\d{6}Z\.tar\.gpg$/),
    ]);
    expect(files).toContain('fabrique-recente.tar.gpg');
    const file = path.join(
      folder,
      files.find((f) => /T\d{6}Z/.test(f))!,
    );
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(privateTmp())).toEqual([]);

    // Nothing readable in it, and no opening without the private key (the server's side has the public key only).
    const bytes = readFileSync(file);
    for (const clear of ['SQLite format 3', 'Message numéro', 'lea.martin', '"action"'])
      expect(bytes.includes(clear)).toBe(false);
    const stranger = path.join(dir, 'sans-la-cle');
    mkdirSync(stranger, { mode: 0o700 });
    gpg(stranger, ['--import', publicKey]);
    const refused = gpg(stranger, ['--decrypt', file]);
    spawnSync('gpgconf', ['--homedir', stranger, '--kill', 'all']);
    expect(refused.status).not.toBe(0);
    expect(refused.stdout.length).toBe(0);

    // The operator decrypts and restores: a store opens on the copy, every submission and the audit trail are there.
    const restored = path.join(dir, 'restauration-sqlite');
    const unpacked = decryptInto(file, restored);
    expect(unpacked).toEqual([expect.stringMatching(/\.sqlite$/), expect.stringMatching(/\.sqlite\.audit\.log$/)]);
    const copy = path.join(restored, unpacked[0]!);
    const store = new SqliteStore(copy);
    expect(await store.writable()).toBe(true);
    await store.close();
    expect(storedIds(copy)).toEqual([...ids].sort());
    const trail = readFileSync(path.join(restored, unpacked[1]!), 'utf8').trim().split('\n');
    expect(trail.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual(['purge', 'sauvegarde']);
  }, 60_000);

  it('refuses without the operator’s key, or with a wrong retention, and writes nothing', () => {
    const folder = path.join(dir, 'sauvegardes-refus');
    mkdirSync(folder, { mode: 0o700 });
    const noKey = backup(['--dossier', folder, '--db', path.join(dir, 'absente.sqlite')]);
    expect(noKey.status).toBe(1);
    expect(noKey.stderr).toMatch(/^Sauvegarde chiffrée impossible : indiquez la clé publique de l’exploitant/);
    const days = backup(['--dossier', folder, '--destinataire', fingerprint], { FABRIQUE_SAUVEGARDES_JOURS: 'trente' });
    expect(days.status).toBe(1);
    expect(days.stderr).toMatch(/FABRIQUE_SAUVEGARDES_JOURS = « trente » : attendu un nombre de jours/);
    const wrongKey = backup(
      [
        '--dossier',
        folder,
        '--destinataire',
        '0123456789ABCDEF0123456789ABCDEF01234567',
        '--cle-publique',
        publicKey,
        '--db',
        path.join(dir, 'vide.sqlite'),
      ],
      {},
    );
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stderr).toMatch(/gpg ne peut pas chiffrer pour « 0123456789ABCDEF0123456789ABCDEF01234567 »/);
    expect(readdirSync(folder)).toEqual([]);
  }, 30_000);

  // The D1 restore itself is drilled in backup-restore-d1.test.ts.
  it('D1: the wrangler d1 export in the encrypted archive (--d1 local)', async () => {
    const project = localD1Project(dir, 'd1', '00000000-0000-0000-0000-0000000000c3');
    const { mf, db } = await project.open();
    await migrateD1(db);
    await new D1Store(db).save(submission('essai-d1-chiffre'), { recipients: ['equipe@exemple.fr'] });
    await mf.dispose();
    const folder = path.join(dir, 'sauvegardes-d1');
    mkdirSync(folder, { mode: 0o700 });
    const run = backup([
      '--dossier',
      folder,
      ...operatorKey(),
      '--d1',
      'local',
      '--wrangler',
      project.config,
      '--audit',
      path.join(dir, 'audit-d1.log'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const [name] = readdirSync(folder);
    const target = path.join(dir, 'restauration-d1');
    const unpacked = decryptInto(path.join(folder, name!), target);
    expect(unpacked).toEqual([expect.stringMatching(/\.sql$/), expect.stringMatching(/\.sql\.audit\.log$/)]);
    expect(readFileSync(path.join(target, unpacked[0]!), 'utf8')).toContain('essai-d1-chiffre');
  }, 90_000);

  it.skipIf(noPostgres)(
    'PostgreSQL: the pg_dump in the encrypted archive restores with pg_restore',
    async () => {
      h = await makeHarness({ backend: 'postgres' });
      const ids: string[] = [];
      for (let i = 0; i < 4; i++) ids.push(await submit(h, i));
      const folder = path.join(dir, 'sauvegardes-pg');
      mkdirSync(folder, { mode: 0o700 });
      const run = backup(['--dossier', folder, ...operatorKey(), '--db', h.pgUrl!, '--audit', path.join(dir, 'audit-pg.log')]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const [name] = readdirSync(folder);
      const unpacked = decryptInto(path.join(folder, name!), path.join(dir, 'restauration-pg'));
      expect(unpacked).toEqual([expect.stringMatching(/\.dump$/), expect.stringMatching(/\.dump\.audit\.log$/)]);
      // As the guide restores: a new database of the service's own role, the tables given to that role (--role).
      const role = `fabrique_${randomBytes(4).toString('hex')}`;
      const admin = async (sql: string) => {
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(sql);
        await c.end();
      };
      await admin(`CREATE ROLE ${role} LOGIN`);
      const target = await freshDatabase();
      try {
        await admin(`ALTER DATABASE ${new URL(target.url).pathname.slice(1)} OWNER TO ${role}`);
        execFileSync('pg_restore', [
          '--no-owner',
          '--role',
          role,
          '--exit-on-error',
          '--dbname',
          target.url,
          path.join(dir, 'restauration-pg', unpacked[0]!),
        ]);
        const c = new pg.Client({ connectionString: target.url });
        await c.connect();
        const rows = (await c.query<{ id: string }>('SELECT id FROM submissions ORDER BY id')).rows;
        const owners = await c.query<{ tableowner: string }>(
          "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'",
        );
        await c.end();
        expect(rows.map((r) => r.id)).toEqual([...ids].sort());
        expect(owners.rows.map((r) => r.tableowner)).toEqual([role]);
      } finally {
        await target.drop();
        await admin(`DROP ROLE IF EXISTS ${role}`);
      }
    },
    60_000,
  );
});
