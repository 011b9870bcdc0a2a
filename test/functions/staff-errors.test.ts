/**
 * Issue 20: what an operator meets when a staff command cannot do its work is a French sentence naming
 * the cause and the fix, never a stack trace: a backup into a missing folder (and no audit line for a
 * backup that failed), a key file into a missing folder, and a D1 export (`wrangler d1 export`, made here
 * by Miniflare's own export, as `wrangler d1 export --local` does), which the command reads as it is.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keysCommand } from '../../functions/staff/keys-cli.ts';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { D1Store } from '../../functions/store/d1.ts';
import { SqliteStore } from '../../functions/store/sqlite.ts';
import { localD1 } from './local-d1.ts';

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'personnel-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const context = { now: new Date('2027-01-15T10:00:00Z'), user: 'fabrique', env: {} };
const submission = (id: string) => ({
  id,
  formKey: 'agir',
  receivedAt: '2027-01-15T09:00:00.000Z',
  deleteAfter: '2027-04-15T09:00:00.000Z',
  content: { kind: 'clear' as const, json: JSON.stringify({ prenom: 'Camille', message: 'Bonjour' }) },
});
const notification = { recipients: ['equipe@fabrique.example'] };

async function database() {
  const file = path.join(dir, 'submissions.sqlite');
  const store = new SqliteStore(file);
  await store.save(submission('01JHX0000000000000000000AA'), notification);
  await store.close();
  return file;
}

describe('sauvegarde', () => {
  it('into a missing folder: a French message with the fix, nothing written, no audit line', async () => {
    const db = await database();
    const audit = path.join(dir, 'audit.log');
    const out = path.join(dir, 'absent', 'sauvegarde.sqlite');
    const result = await submissionsCommand(['sauvegarde', '--db', db, '--out', out, '--audit', audit], context);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(/^Le dossier .*absent n’existe pas : le créer \(install -d/),
    });
    expect(existsSync(audit)).toBe(false);
    expect(existsSync(out)).toBe(false);
  });

  it('whose audit line cannot be written leaves no copy behind', async () => {
    const db = await database();
    const audit = path.join(dir, 'journal-bloque');
    mkdirSync(audit);
    const out = path.join(dir, 'sauvegarde.sqlite');
    const result = await submissionsCommand(['sauvegarde', '--db', db, '--out', out, '--audit', audit], context);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(/^Le journal d’audit .* ne peut pas être écrit \(EISDIR\)/),
    });
    expect(existsSync(out)).toBe(false);
  });

  it('that succeeds is audited once, after the copy', async () => {
    const db = await database();
    const audit = path.join(dir, 'audit.log');
    const out = path.join(dir, 'sauvegarde.sqlite');
    expect((await submissionsCommand(['sauvegarde', '--db', db, '--out', out, '--audit', audit], context)).code).toBe(0);
    expect(
      readFileSync(audit, 'utf8')
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { action: string }).action),
    ).toEqual(['sauvegarde']);
  });
});

describe('run as another account than the audit log’s', () => {
  it('is refused before anything is read or written, with the command to run instead', async () => {
    const db = await database();
    const audit = path.join(dir, 'audit.log');
    writeFileSync(audit, '');
    const owner = statSync(audit).uid;
    const result = await submissionsCommand(['stats', '--db', db, '--audit', audit], { ...context, uid: owner + 1 });
    expect(result).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(
        /^Le journal d’audit .*audit\.log est à un autre compte \(uid \d+\) .* sudo -u "\$\(stat -c %U .*\)" npm run submissions/,
      ),
    });
    expect(readFileSync(audit, 'utf8')).toBe('');
    expect((await submissionsCommand(['stats', '--db', db, '--audit', audit], { ...context, uid: owner })).code).toBe(0);
  });
});

describe('keys create', () => {
  it('into a missing folder: a French message with the fix, no key made', async () => {
    const out = path.join(dir, 'cles', 'accueil.json');
    const result = await keysCommand(['create', '--team', 'accueil', '--out', out]);
    expect(result).toEqual({
      code: 1,
      out: '',
      err: `Le dossier ${path.join(dir, 'cles')} n’existe pas : le créer (mkdir -m 700 -p ${path.join(dir, 'cles')}) ou choisir un autre --out. Aucune clé n’a été créée.\n`,
    });
  });
});

describe('a D1 export given to --db', () => {
  it('is read as it is (list, show), refused for what would not reach D1, and a stranger file is named', async () => {
    const { mf, db } = await localD1();
    try {
      await new D1Store(db).save(submission('01JHX0000000000000000000BB'), notification);
      // What `wrangler d1 export --local` runs (wrangler-dist/cli.js, exportLocal).
      const dump = await (db as unknown as { prepare(s: string): { bind(...a: unknown[]): { raw(): Promise<string[][]> } } })
        .prepare('PRAGMA miniflare_d1_export(?,?,?);')
        .bind(0, 0)
        .raw();
      writeFileSync(path.join(dir, 'fabrique-2027-01-15.sql'), dump[0]!.join('\n'));
    } finally {
      await mf.dispose();
    }
    const exported = path.join(dir, 'fabrique-2027-01-15.sql');
    const audit = ['--audit', path.join(dir, 'audit.log')];
    const list = await submissionsCommand(['list', '--db', exported, ...audit], context);
    expect(list.err).toBe('');
    expect(list.out).toContain('01JHX0000000000000000000BB');
    const show = await submissionsCommand(['show', '01JHX0000000000000000000BB', '--db', exported, ...audit], context);
    expect(show.out).toContain('Camille');
    const erase = await submissionsCommand(['delete', '01JHX0000000000000000000BB', '--db', exported, ...audit], context);
    expect(erase).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(/est un export D1, lu en mémoire : « delete » n’y changerait rien/),
    });

    writeFileSync(path.join(dir, 'notes.txt'), 'Liste des envois à relire\n');
    const stranger = await submissionsCommand(['list', '--db', path.join(dir, 'notes.txt'), ...audit], context);
    expect(stranger).toEqual({
      code: 1,
      out: '',
      err: expect.stringMatching(/n’est ni une base SQLite des envois ni un export D1/),
    });
  });
});
