/**
 * The previous release, for the upgrade tests: the code as it was just before the last schema change (the
 * newest first-parent commit whose migration list is shorter than today's), taken from git into a temporary
 * folder and run with this checkout's node_modules (a link: same dependencies, no install). It moves on by
 * itself when a new migration is added. Its servers are started as the guide starts them: `node functions/node.ts`
 * with the settings in the environment.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
const MIGRATIONS_FILE = 'functions/store/sqlite-migrations.ts';

const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });

/** Migrations in a version of sqlite-migrations.ts: each entry opens with its numbered comment (« // 6: … »). */
export const migrationCount = (source: string) => (source.match(/^ {2}\/\/ \d+:/gm) ?? []).length;

/** The commit of the previous release and its schema version (migrations), next to today's. */
export function previousCommit(): { commit: string; migrations: number; current: number } {
  // Today's list is the working tree's: a migration being written counts.
  const current = migrationCount(readFileSync(path.join(root, MIGRATIONS_FILE), 'utf8'));
  const touched = git('log', '--first-parent', '--format=%H', '--', MIGRATIONS_FILE).split('\n').filter(Boolean);
  // HEAD itself (when the working tree adds a migration), then the parent of each commit that changed the list.
  for (const candidate of ['HEAD', ...touched.map((c) => `${c}^1`)]) {
    let before: string;
    try {
      before = git('show', `${candidate}:${MIGRATIONS_FILE}`);
    } catch {
      break; // the file's first commit, or a shallow clone
    }
    const migrations = migrationCount(before);
    if (migrations < current) return { commit: git('rev-parse', candidate).trim(), migrations, current };
  }
  throw new Error(
    `Aucune version précédente au schéma plus ancien dans l’historique git (${MIGRATIONS_FILE}) : clone superficiel ? (git fetch --unshallow)`,
  );
}

/**
 * The previous release's code, in a folder kept between test runs (one per commit and per checkout, under the
 * system's temporary folder), with a link to this checkout's node_modules. A folder whose link no longer leads
 * anywhere (its checkout was removed) is made again.
 */
export function previousRelease(): { dir: string; commit: string; migrations: number; current: number } {
  const found = previousCommit();
  return { dir: codeAt(found.commit), ...found };
}

/**
 * The commit whose release archive the archive upgrade starts from: the newest first-parent commit that could
 * make one (functions/release.ts) with an older schema than today's; while none has, the oldest that could with
 * today's very migration list (same schema: the archive procedure is what is tried then, schema changes from git
 * by previousRelease). Not a merely equal count: two first-parent commits of 2026-12-05 (6517768 and its child)
 * count 8 migrations with a placeholder for the 7th, and a base they made never gets private_links.
 */
export function previousArchiveCommit(): { commit: string; migrations: number; current: number } {
  const today = readFileSync(path.join(root, MIGRATIONS_FILE), 'utf8');
  const current = migrationCount(today);
  let oldest: { commit: string; migrations: number } | undefined;
  for (const commit of git('rev-list', '--first-parent', 'HEAD').split('\n').filter(Boolean)) {
    // Before release archives (or at a shallow clone's end): no older one can make one.
    if (spawnSync('git', ['cat-file', '-e', `${commit}:functions/release.ts`], { cwd: root }).status !== 0) break;
    const list = git('show', `${commit}:${MIGRATIONS_FILE}`);
    const migrations = migrationCount(list);
    if (migrations < current) return { commit, migrations, current };
    if (list === today) oldest = { commit, migrations };
  }
  if (!oldest) throw new Error('Aucune version précédente qui fasse une archive (functions/release.ts) dans l’historique git.');
  return { ...oldest, current };
}

/** A commit's code in a kept temporary folder, this checkout's node_modules linked (see previousRelease). */
export function codeAt(commit: string): string {
  const checkout = createHash('sha256').update(root).digest('hex').slice(0, 8);
  const dir = path.join(tmpdir(), `fabrique-version-${commit.slice(0, 12)}-${checkout}`);
  if (!existsSync(path.join(dir, 'node_modules/.bin/node'))) rmSync(dir, { recursive: true, force: true });
  if (!existsSync(path.join(dir, 'functions/node.ts'))) {
    // Unpacked beside, then renamed: two test files starting together never see half a folder.
    const partial = mkdtempSync(`${dir}-`);
    execFileSync('bash', ['-c', 'git archive --format=tar "$1" | tar -x -C "$2"', 'archive', commit, partial], {
      cwd: root,
    });
    symlinkSync(path.join(root, 'node_modules'), path.join(partial, 'node_modules'));
    try {
      renameSync(partial, dir);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another file made it first
    }
  }
  return dir;
}

export type NodeServer = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<void> };

/**
 * `node functions/node.ts` of a checkout (the previous release's folder, or this one), or `node server.js` of an
 * installed release archive (entry), as the systemd unit runs it; resolves once it says where it serves. stop() sends SIGTERM (systemctl stop) and waits for the exit.
 */
export function startNodeServer(dir: string, env: Record<string, string>, entry = 'functions/node.ts'): Promise<NodeServer> {
  const child = spawn(path.join(root, 'node_modules/.bin/node'), [entry], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', PORT: '0', HOST: '127.0.0.1', FABRIQUE_DEMONSTRATION: 'oui', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /servis sur (http:\/\/\S+?)\/ /.exec(out);
      if (m)
        resolve({
          url: m[1]!,
          child,
          output: () => out,
          stop: async () => {
            if (child.exitCode === null) child.kill('SIGTERM');
            await exited;
          },
        });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`le serveur de ${dir} s’est arrêté (code ${code}) :\n${out}`)));
  });
}
