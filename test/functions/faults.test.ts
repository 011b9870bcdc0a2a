/** shared/spec/bad-inputs.md, "Faults" (items 22–23), with real processes, files and filesystems. */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer } from '../../functions/node.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';

const root = path.resolve(import.meta.dirname, '../..');
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanups.splice(0).reverse()) await f();
});

const tempDir = (prefix: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};

const submit = (url: string, body: unknown) =>
  fetch(`${url}/f/agir`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', origin: url },
    body: JSON.stringify(body),
  });

function inspect(dbFile: string) {
  const db = new DatabaseSync(dbFile);
  try {
    const integrity = (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check;
    const ids = new Set((db.prepare('SELECT id FROM submissions').all() as { id: string }[]).map((r) => r.id));
    const outbox = Number((db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n);
    return { integrity, ids, outbox };
  } finally {
    db.close();
  }
}

describe('22. kill -9 while submissions are being accepted', () => {
  it('every acknowledged submission is still there and the database is intact', async () => {
    const dir = tempDir('kill-');
    const dbFile = path.join(dir, 'submissions.sqlite');
    const child = spawn(
      path.join(root, 'node_modules/.bin/node'),
      ['test/fixtures/server-child.ts', dbFile, path.join(dir, 'dist')],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    cleanups.push(() => void child.kill('SIGKILL'));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const m = /URL (\S+)/.exec(chunk.toString());
        if (m) resolve(m[1]!);
      });
      child.on('exit', () => reject(new Error('server exited early')));
    });

    const acknowledged: string[] = [];
    let killed = false;
    const worker = async () => {
      while (!killed) {
        try {
          const res = await submit(url, validSubmissions.agir);
          if (res.status === 200) acknowledged.push(((await res.json()) as { id: string }).id);
        } catch {
          return; // connection cut by the kill
        }
        if (acknowledged.length >= 400 && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    await new Promise((r) => (child.exitCode !== null || child.signalCode ? r(null) : child.once('exit', r)));
    expect(child.signalCode).toBe('SIGKILL');

    const { integrity, ids, outbox } = inspect(dbFile);
    expect(integrity).toBe('ok');
    expect(acknowledged.length).toBeGreaterThanOrEqual(400);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    expect(outbox).toBe(ids.size);
  }, 60_000);
});

/** A tiny real filesystem when we may mount one (root); otherwise SQLite's own page cap stands in for it. */
function smallFilesystem(): { dir: string; real: boolean } {
  const dir = tempDir('full-');
  // FAULTS_NO_TMPFS=1 runs the fallback where a tmpfs could be mounted, to check it too.
  if (process.getuid?.() === 0 && !process.env.FAULTS_NO_TMPFS) {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
      cleanups.push(() => void execFileSync('umount', ['-l', dir], { stdio: 'ignore' }));
      return { dir, real: true };
    } catch {
      // not permitted here: fall back below
    }
  }
  return { dir, real: false };
}

function fillDisk(dir: string): string {
  const filler = path.join(dir, 'remplissage');
  const fd = openSync(filler, 'w');
  const block = Buffer.alloc(4096, 1);
  try {
    for (;;) writeSync(fd, block);
  } catch (error) {
    expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
  } finally {
    closeSync(fd);
  }
  return filler;
}

describe('23. disk full or database locked → 503, never a false success, and recovery', () => {
  it('disk full: 503 with a French message; every acknowledged submission survives; success again once space is back', async () => {
    const { dir, real } = smallFilesystem();
    const dbFile = path.join(dir, 'submissions.sqlite');
    if (!real) {
      // No tmpfs here: the database itself is capped (max_page_count) and a filler table, written
      // beforehand by another connection, takes most of it. Dropping the filler gives space back
      // without touching a submission, so the check below holds on every machine.
      const db = new DatabaseSync(dbFile);
      db.exec('PRAGMA journal_mode = WAL');
      db.exec('CREATE TABLE remplissage (b BLOB)');
      const insert = db.prepare('INSERT INTO remplissage VALUES (?)');
      for (let i = 0; i < 30; i++) insert.run(Buffer.alloc(4000, 7));
      db.close();
    }
    const server = await startServer({
      dbPath: dbFile,
      distDir: path.join(dir, 'dist'),
      rateLimit: { max: 1_000_000, windowMs: 60_000 },
      store: real ? {} : { maxPageCount: 96 },
    });
    cleanups.push(() => server.close());
    const acknowledged: string[] = [];
    const first = await submit(server.url, validSubmissions.agir);
    expect(first.status).toBe(200);
    acknowledged.push(((await first.json()) as { id: string }).id);

    const filler = real ? fillDisk(dir) : undefined;
    // Large messages make the WAL grow past whatever space is left.
    const big = { ...validSubmissions.agir, message: 'é'.repeat(2000) };
    let refused: Response | undefined;
    for (let i = 0; i < 400 && !refused; i++) {
      const res = await submit(server.url, big);
      if (res.status === 200) acknowledged.push(((await res.json()) as { id: string }).id);
      else refused = res;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('retry-after')).toBeTruthy();
    expect(((await refused!.json()) as { error: string }).error).toMatch(/n’a pas pu être enregistré/);

    // Browsers get their form back, nothing lost.
    const page = await fetch(`${server.url}/f/agir`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
      body: new URLSearchParams({
        ...validSubmissions.agir,
        domaines: 'rue',
        disponibilites: 'week-end',
        message: 'Mon texte précieux',
      }),
    });
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('Mon texte précieux</textarea>');

    if (filler) rmSync(filler);
    else {
      const db = new DatabaseSync(dbFile);
      db.exec('DROP TABLE remplissage');
      db.close();
    }
    const again = await submit(server.url, validSubmissions.agir);
    expect(again.status).toBe(200);
    acknowledged.push(((await again.json()) as { id: string }).id);

    await server.close();
    const { integrity, ids } = inspect(dbFile);
    expect(integrity).toBe('ok');
    expect(acknowledged.length).toBeGreaterThanOrEqual(2);
    expect(acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    console.info(`disque plein simulé par ${real ? 'un tmpfs de 1 Mio' : 'PRAGMA max_page_count'}`);
  }, 60_000);

  it('database locked by another process past the timeout: 503, then success once released', async () => {
    const dir = tempDir('lock-');
    const dbFile = path.join(dir, 'submissions.sqlite');
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'index.html'), '<!doctype html>');
    const server = await startServer({ dbPath: dbFile, distDir: path.join(dir, 'dist'), store: { busyTimeoutMs: 300 } });
    cleanups.push(() => server.close());
    const other = new DatabaseSync(dbFile);
    other.exec('BEGIN IMMEDIATE'); // holds the write lock, as a backup tool or a stuck process would
    const started = performance.now();
    const res = await submit(server.url, validSubmissions.agir);
    expect(res.status).toBe(503);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    other.exec('ROLLBACK');
    other.close();
    expect((await submit(server.url, validSubmissions.agir)).status).toBe(200);
    expect(inspect(dbFile).ids.size).toBe(1);
  });
});
