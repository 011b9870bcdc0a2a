/**
 * `npm run release` (functions/release.ts): one archive and its SHA-256; unpacked into an empty folder, with
 * no node_modules and no repository, `node server.js` serves its own pages and forms from its own content.
 * A release is refused when content/ changed after the build. The built site here is a tiny one (the
 * server is under test, not Astro): its stamp carries the real content's hash, as `npm run build` writes it.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPLETE } from '../scope.ts';
import { BUILD_STAMP_FILE } from '../../functions/build-stamp.ts';
import { folderHash } from '../../functions/content-hash.ts';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let server: ChildProcess | undefined;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'archive-'))));
afterEach(() => {
  server?.kill();
  server = undefined;
  rmSync(dir, { recursive: true, force: true });
});

function builtSite(contentHash: string) {
  const dist = path.join(dir, 'dist');
  mkdirSync(dist);
  writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><html lang="fr"><title>Essai</title><p>Version de l’archive</p></html>',
  );
  writeFileSync(
    path.join(dist, BUILD_STAMP_FILE),
    JSON.stringify({ mode: 'demonstration', builtAt: '2027-01-15T03:10:00.000Z', contentHash }),
  );
  return dist;
}

const release = (dist: string) =>
  spawnSync(process.execPath, [path.join(root, 'functions/release.ts'), '--dist', dist, '--out', path.join(dir, 'archives')], {
    cwd: root,
    encoding: 'utf8',
  });

describe('npm run release', () => {
  // CI installs the production build's archive the same way (.ci/release-install); this one, on a demonstration
  // build with its forms open, in `npm run test:complet`.
  it.runIf(COMPLETE)(
    'an archive and its SHA-256; unpacked in an empty folder, node server.js serves pages and forms',
    async () => {
      const built = release(builtSite(folderHash(path.join(root, 'content'))));
      expect(built.stderr).toBe('');
      expect(built.status).toBe(0);
      const archives = path.join(dir, 'archives');
      const archive = readdirSync(archives).find((f) => f.endsWith('.tar.gz'))!;
      expect(archive).toMatch(/^fabrique-\d+\.\d+\.\d+-\w+-2027-01-15\.tar\.gz$/);
      const [sum, name] = readFileSync(path.join(archives, `${archive}.sha256`), 'utf8')
        .trim()
        .split(/\s+/);
      expect(name).toBe(archive);
      expect(sum).toBe(
        createHash('sha256')
          .update(readFileSync(path.join(archives, archive)))
          .digest('hex'),
      );

      const install = path.join(dir, 'srv');
      mkdirSync(install);
      execFileSync('tar', ['-xzf', path.join(archives, archive), '-C', install]);
      const app = path.join(install, archive.replace(/\.tar\.gz$/, ''));
      expect(readdirSync(app).sort()).toEqual(
        [
          'content',
          'dist',
          'equipe-sqlite-worker.js',
          'fabrique-release.json',
          'migrations',
          'package.json',
          'server.js',
          'server.js.LEGAL.txt',
          'sqlite-worker.js',
        ].sort(),
      );
      const manifest = JSON.parse(readFileSync(path.join(app, 'fabrique-release.json'), 'utf8')) as Record<string, string>;
      expect(manifest).toMatchObject({
        mode: 'demonstration',
        builtAt: '2027-01-15T03:10:00.000Z',
        node: '>=24',
        entry: 'server.js',
      });
      expect(manifest.contentHash).toBe(folderHash(path.join(app, 'content')));
      console.log(
        `archive : ${Math.round(statSync(path.join(archives, archive)).size / 1024)} Ko (site d’essai minuscule), server.js ${Math.round(statSync(path.join(app, 'server.js')).size / 1024)} Ko`,
      );

      // Served from the release alone: its cwd, its content, no node_modules anywhere above it.
      const db = path.join(dir, 'data', 'submissions.sqlite');
      const started = spawn(process.execPath, ['server.js'], {
        cwd: app,
        env: { PATH: '/usr/bin:/bin', PORT: '0', FABRIQUE_DEMONSTRATION: 'oui', DB_PATH: db },
      });
      server = started;
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        started.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /servis sur (http:\/\/\S+?)\/ /.exec(out);
          if (m) resolve(m[1]!);
        });
        started.stderr.on('data', (d: Buffer) => (out += d.toString()));
        started.on('exit', () => reject(new Error(out)));
      });
      expect(await (await fetch(`${url}/`)).text()).toContain('Version de l’archive');
      // /_sante names the release served, from its manifest (issue 20, item 4).
      const health = (await (await fetch(`${url}/_sante`)).json()) as { version: Record<string, unknown> };
      expect(health.version).toMatchObject({
        source: 'manifeste',
        version: manifest.version,
        commit: manifest.commit,
        mode: 'demonstration',
        construite_le: '2027-01-15T03:10:00.000Z',
      });
      const post = await fetch(`${url}/f/contact`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: url, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'email=personne%40exemple.fr&sujet=question&message=Bonjour%2C+une+question.',
      });
      expect(post.status).toBe(303);
      const stored = new DatabaseSync(db, { readOnly: true });
      expect((stored.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n).toBe(1);
      stored.close();
    },
  );

  it('is refused when content/ changed after the build, with a French message', () => {
    const refused = release(builtSite('sha256-de-la-veille'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Archive refusée : content\/ a changé depuis la construction/);
  });
});
