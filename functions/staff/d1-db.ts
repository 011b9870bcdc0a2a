/**
 * The staff command on the Worker's D1 (`--d1 local` for `wrangler dev`'s database, `--d1 distant` for
 * Cloudflare's): `wrangler d1 export` (wrangler from npm) writes the database as SQL into a private temporary
 * folder, loaded into a SQLite file that the usual opener reads (its migrations from D1's d1_migrations);
 * list, show, export, stats read that copy, removed at the end. `delete` runs the store's own erasure on D1
 * through `wrangler d1 execute`; `sauvegarde` keeps the SQL export itself, which D1 restores.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { stripVTControlCharacters } from 'node:util';
import { D1 } from '../store/dialect.ts';
import { eraseStatements } from '../store/save-statements.ts';
import { UserError } from './command.ts';
import type { StaffDb } from './staff-db.ts';
import { SubmissionsDb } from './submissions-db.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WRANGLER = path.join(ROOT, 'node_modules/wrangler/bin/wrangler.js');
export type D1Where = 'local' | 'distant';
export const isD1Where = (v: string | undefined): v is D1Where => v === 'local' || v === 'distant';
/** Submission ids as the server makes them: safe to write into SQL text for `wrangler d1 execute --command`. */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export type D1Options = {
  where: D1Where;
  /** wrangler's configuration (default: the project's wrangler.jsonc). */ config?: string;
};

/** Runs wrangler from npm; its first error line when it fails (it never prints a secret). */
export function wrangler(args: string[], options: D1Options): Promise<string | undefined> {
  const all = [
    WRANGLER,
    ...args,
    options.where === 'local' ? '--local' : '--remote',
    ...(options.config ? ['--config', options.config] : []),
  ];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, all, {
      cwd: ROOT,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', (e) => resolve(`wrangler ne démarre pas (${(e as NodeJS.ErrnoException).code})`));
    child.on('close', (code) => {
      if (code === 0) return resolve(undefined);
      // wrangler colours its output.
      const lines = stripVTControlCharacters(text)
        .split('\n')
        .map((l) => l.trim());
      resolve(lines.find((l) => /ERROR|✘/.test(l))?.replace(/^✘\s*\[ERROR\]\s*/, '') ?? `code de sortie ${code}`);
    });
  });
}

export class D1StaffDb implements StaffDb {
  readonly label: string;
  private readonly copy: SubmissionsDb;
  private readonly dir: string;
  private readonly dump: string;
  private readonly options: D1Options;
  private constructor(copy: SubmissionsDb, dir: string, dump: string, options: D1Options) {
    this.copy = copy;
    this.dir = dir;
    this.dump = dump;
    this.options = options;
    this.label = `D1 ${options.where === 'local' ? 'locale' : 'distante'}`;
  }

  static async open(options: D1Options): Promise<D1StaffDb> {
    // mkdtemp makes the folder readable by this account only: the copy holds what the database holds.
    const dir = mkdtempSync(path.join(tmpdir(), 'fabrique-d1-'));
    const dump = path.join(dir, 'export.sql');
    try {
      const failed = await wrangler(['d1', 'export', 'DB', '--output', dump], options);
      if (failed !== undefined)
        throw new UserError(
          `Export de la base D1 ${options.where} impossible (wrangler d1 export) : ${failed}` +
            (options.where === 'distant' ? ' Connectez-vous d’abord : npx wrangler login.' : ''),
        );
      const file = path.join(dir, 'copie.sqlite');
      const db = new DatabaseSync(file);
      try {
        db.exec(readFileSync(dump, 'utf8'));
      } finally {
        db.close();
      }
      return new D1StaffDb(new SubmissionsDb(file), dir, dump, options);
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  list(formKey?: string) {
    return this.copy.list(formKey);
  }
  get(id: string) {
    return this.copy.get(id);
  }
  counters() {
    return this.copy.counters();
  }

  /** On D1 itself, the store's statements (outbox rows, then the submission): one transaction per command. */
  async erase(ids: string[]) {
    if (!ids.length) return { erased: 0, clean: true };
    if (!ids.every((id) => ID.test(id))) throw new UserError('Identifiant d’envoi invalide.');
    const sql = eraseStatements(D1, ids)
      .map((s) => s.sql.replace(/\?1\b/g, `'${String(s.params[0])}'`))
      .join('; ');
    const failed = await wrangler(['d1', 'execute', 'DB', '--command', sql, '-y'], this.options);
    if (failed !== undefined)
      throw new UserError(`Effacement sur D1 impossible (wrangler d1 execute) : ${failed}. Rien n’a été effacé.`);
    // D1 keeps its own history (Time Travel, 30 days): said in functions/EXPLOITATION.md.
    return { erased: ids.length, clean: true };
  }

  async purge(): Promise<never> {
    throw new UserError('Sur D1, la purge est faite chaque minute par le Worker (tâche planifiée) : rien à lancer ici.');
  }

  /** The SQL export itself: what D1 restores (`wrangler d1 execute DB --remote --file …` on an empty database). */
  async backup(file: string) {
    copyFileSync(this.dump, file, constants.COPYFILE_EXCL);
    return {
      count: (await this.copy.list()).length,
      restore: `Restaurer : sur une base D1 vide, npx wrangler d1 execute DB --remote --file ${file}`,
    };
  }

  async close() {
    await this.copy.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
