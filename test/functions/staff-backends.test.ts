/**
 * The staff command (npm run submissions) beyond SQLite: on PostgreSQL (`--db postgres://…`: list, show a
 * sealed request with the key file, CSV export, pg_dump backup, delete; an unreachable server said in French
 * without the password) and on the Worker's local D1 through wrangler (`--d1 local`): one command, since each
 * wrangler run takes seconds; its copy opens at the version D1 records, with no PRAGMA user_version by hand.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETE } from '../scope.ts';
import { runEquipeCli } from '../../functions/equipe/cli.ts';
import { sha256 } from '../../functions/equipe/tokens.ts';
import { writeKeyFile } from '../../functions/staff/key-file.ts';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { D1Store, migrateD1, type D1Like } from '../../functions/store/d1.ts';
import { compatibilityDate } from '../../functions/worker/compatibility-date.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';
import { noPostgres } from './postgres-server.ts';
import { submission } from './store-contract.ts';

const env = { now: NOW, user: 'agent', env: {} };
const skipPg = await noPostgres();

describe.skipIf(skipPg)('PostgreSQL: npm run submissions -- … --db postgres://…', () => {
  let h: Harness;
  let audit: string;
  const run = (...argv: string[]) => submissionsCommand([...argv, '--db', h.pgUrl!, '--audit', audit], env);
  beforeAll(async () => {
    h = await makeHarness({ backend: 'postgres' });
    audit = path.join(h.dir, 'journal.log');
  }, 60_000);
  afterAll(() => h?.cleanup());

  it('lists, shows a sealed request with the key, exports, backs up with pg_dump, deletes; all audited', async () => {
    const post = async (k: keyof typeof validSubmissions) =>
      ((await (await h.postForm(k, urlEncoded(validSubmissions[k]), { accept: 'application/json' })).json()) as { id: string })
        .id;
    const sealed = await post('demande-aide');
    const clear = await post('agir');
    const list = await run('list');
    expect(list.code, list.err).toBe(0);
    expect(list.out).toContain('2 envoi(s)');
    expect(list.out).toMatch(new RegExp(`${sealed}\\s+demande-aide .*scellé`));
    const key = path.join(h.dir, 'cle.json');
    writeKeyFile(key, h.teamKey);
    const shown = await run('show', sealed, '--key', key);
    expect(shown.code, shown.err).toBe(0);
    expect(shown.out).toContain(validSubmissions['demande-aide'].message as string);
    const csv = await run('export', '--form', 'agir', '--format', 'csv');
    expect(csv.out).toContain(clear);
    const backup = path.join(h.dir, 'sauvegarde.dump');
    const saved = await run('sauvegarde', '--out', backup);
    expect(saved.code, saved.err).toBe(0);
    expect(saved.out).toContain('2 envoi(s)');
    expect(readFileSync(backup).subarray(0, 5).toString()).toBe('PGDMP');
    expect((await run('delete', clear)).code).toBe(0);
    expect((await run('list')).out).toContain('1 envoi(s)');
    const lines = readFileSync(audit, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string });
    expect(lines.map((l) => l.action)).toEqual(['dechiffrement', 'export', 'sauvegarde', 'suppression']);
  });
});

describe('PostgreSQL unreachable', () => {
  it('says so in French, and never prints the password', async () => {
    const result = await submissionsCommand(
      ['list', '--db', 'postgres://agent:mot-de-passe-secret@127.0.0.1:9/envois', '--audit', path.join(tmpdir(), 'x.log')],
      env,
    );
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Base PostgreSQL 127\.0\.0\.1:9\/envois injoignable : personne n’écoute/);
    expect(`${result.out}${result.err}`).not.toContain('mot-de-passe-secret');
  });
});

// wrangler's own export and two Workers: `npm run test:complet`; the staff commands' D1 reading is in CI through
// equipe-store-d1 and store-d1.
describe.runIf(COMPLETE)('the Worker’s local D1: npm run submissions -- list --d1 local', () => {
  let dir: string;
  const id = '00000000-0000-0000-0000-000000000000';
  /** The local D1 as `wrangler dev` keeps it in the project's folder. */
  const localD1 = () =>
    new Miniflare({
      modules: true,
      script: 'export default { fetch() { return new Response(null, { status: 404 }) } }',
      compatibilityDate: compatibilityDate(),
      d1Databases: { DB: id },
      d1Persist: path.join(dir, '.wrangler/state/v3/d1'),
    });
  beforeAll(async () => {
    // A project folder as `wrangler dev` leaves it: its configuration, and the local D1 in .wrangler/state.
    dir = mkdtempSync(path.join(tmpdir(), 'fabrique-d1-staff-'));
    writeFileSync(
      path.join(dir, 'wrangler.jsonc'),
      JSON.stringify({
        name: 'essai',
        compatibility_date: compatibilityDate(),
        d1_databases: [{ binding: 'DB', database_name: 'fabrique-formulaires', database_id: id }],
      }),
    );
    const mf = localD1();
    const db = (await mf.getD1Database('DB')) as unknown as D1Like;
    await migrateD1(db);
    await new D1Store(db).save(submission('essai-d1-1'), { recipients: ['equipe@exemple.fr'] });
    await mf.dispose();
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a copy exported by wrangler, at the version D1 records, and leaves no copy behind', async () => {
    const copies = () => readdirSync(tmpdir()).filter((f) => /^fabrique-d1-(?!staff)/.test(f));
    const before = copies();
    const result = await submissionsCommand(['list', '--d1', 'local', '--wrangler', path.join(dir, 'wrangler.jsonc')], env);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^1 envoi\(s\)\nessai-d1-1 {2}agir {2}reçu /);
    expect(copies()).toEqual(before);
  }, 60_000);

  it('npm run equipe -- inviter --d1 local: the first administrator’s single-use link, its hash on D1', async () => {
    const result = await runEquipeCli(
      [
        'inviter',
        '--email',
        'awa@exemple.fr',
        '--nom',
        'Awa Admin',
        '--d1',
        'local',
        '--wrangler',
        path.join(dir, 'wrangler.jsonc'),
      ],
      { SITE_URL: 'https://fabrique.test' },
    );
    expect(result.code, result.err).toBe(0);
    const token = /^https:\/\/fabrique\.test\/equipe\/invitation\/([A-Za-z0-9_-]{43})\n$/.exec(result.out)?.[1];
    expect(token).toBeDefined();
    const mf = localD1();
    try {
      const db = (await mf.getD1Database('DB')) as unknown as D1Like;
      const rows = await db.prepare('SELECT i.token_hash, s.role FROM invitations i JOIN staff s ON s.id = i.staff_id').all();
      expect(rows.results).toEqual([{ token_hash: await sha256(token!), role: 'administrateur' }]);
    } finally {
      await mf.dispose();
    }
  }, 60_000);
});
