/**
 * `npm run release` (functions/release.ts): one archive and its SHA-256; unpacked into an empty folder, with
 * no node_modules and no repository, `node server.js` serves its own pages and forms from its own content.
 * A release is refused when content/ changed after the build. The built site here is a tiny one (the
 * server is under test, not Astro): its stamp carries the real content's hash, as `npm run build` writes it.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { COMPLETE } from '../scope.ts';
import { BUILD_STAMP_FILE } from '../../functions/build-stamp.ts';
import { folderHash } from '../../functions/content-hash.ts';
import { BACKUP_SCRIPT, makeRelease, ReleaseRefused } from '../../functions/release.ts';
import { noGpg, operatorKey } from './operator-key.ts';

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

// --modifie: this checkout may have work in progress; the refusal itself is tested on a repository of its own below.
const release = (dist: string) =>
  spawnSync(
    process.execPath,
    [path.join(root, 'functions/release.ts'), '--dist', dist, '--out', path.join(dir, 'archives'), '--modifie'],
    { cwd: root, encoding: 'utf8' },
  );

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
      expect(archive).toMatch(/^fabrique-\d+\.\d+\.\d+-\w+(-modifie)?-2027-01-15\.tar\.gz$/);
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
          'functions',
          'migrations',
          'package.json',
          'server.js',
          'server.js.LEGAL.txt',
          'sqlite-worker.js',
          'submissions.js',
          'submissions.js.LEGAL.txt',
        ].sort(),
      );
      // The backup script at its repository path (the guide's unit names it there), executable.
      expect(readdirSync(path.join(app, 'functions'), { recursive: true }).sort()).toEqual([
        'staff',
        'staff/sauvegarde-chiffree.sh',
      ]);
      expect(statSync(path.join(app, BACKUP_SCRIPT)).mode & 0o111).toBe(0o111);
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
        // A trial archive (--modifie on a changed tree) says so; a clean one says nothing.
        modifie: manifest.modifie,
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

      // The nightly encrypted backup, run from the release as the guide's unit runs it: the release's Node first
      // on PATH (here the test's Node 24), no node_modules, the staff command bundled beside server.js.
      if (noGpg) return void console.warn('!!! release.test.ts : gpg absent, la sauvegarde de l’archive n’est pas essayée.');
      const key = operatorKey(dir);
      try {
        const folder = path.join(dir, 'sauvegardes');
        mkdirSync(folder, { mode: 0o700 });
        const runBackup = (nodeDir: string) =>
          spawnSync('bash', [path.join(app, BACKUP_SCRIPT), '--db', db], {
            cwd: app,
            encoding: 'utf8',
            env: {
              PATH: `${nodeDir}:/usr/bin:/bin`,
              FABRIQUE_SAUVEGARDES_DOSSIER: folder,
              FABRIQUE_SAUVEGARDES_DESTINATAIRE: key.fingerprint,
              FABRIQUE_SAUVEGARDES_CLE: key.publicKey,
            },
          });
        // Debian's own node first on PATH (Node 18 there): refused, nothing written.
        const old = path.join(dir, 'node-debian');
        mkdirSync(old);
        writeFileSync(path.join(old, 'node'), '#!/bin/sh\necho v18.19.0\n', { mode: 0o755 });
        const refused = runBackup(old);
        expect(refused.status).toBe(1);
        expect(refused.stderr).toMatch(/^Sauvegarde chiffrée impossible : .*node est Node « v18\.19\.0 » : il faut Node 24/);
        expect(readdirSync(folder)).toEqual([]);
        const saved = runBackup(path.dirname(process.execPath));
        expect(saved.stderr).toBe('');
        expect(saved.status).toBe(0);
        expect(saved.stdout).toMatch(/^Sauvegarde chiffrée pour [0-9A-F]{40} : .*\.tar\.gpg \(1 envoi\(s\)\)/);
        const [file] = readdirSync(folder);
        expect(statSync(path.join(folder, file!)).mode & 0o777).toBe(0o600);
        const unpacked = key.decryptInto(path.join(folder, file!), path.join(dir, 'restauration'));
        expect(unpacked).toEqual([expect.stringMatching(/\.sqlite$/), expect.stringMatching(/\.sqlite\.audit\.log$/)]);
        const copy = new DatabaseSync(path.join(dir, 'restauration', unpacked[0]!), { readOnly: true });
        expect((copy.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n).toBe(1);
        copy.close();
      } finally {
        key.stop();
      }
    },
  );

  it('is refused when content/ changed after the build, with a French message', () => {
    const refused = release(builtSite('sha256-de-la-veille'));
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^Archive refusée : content\/ a changé depuis la construction/);
  });

  it('refuses uncommitted changes unless --modifie, which the name and manifest say; prints the tag to set', async () => {
    // A repository of its own, with stand-ins for the entry points: the versioning is under test, not the bundle.
    const repo = path.join(dir, 'depot');
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ name: 'essai', version: '1.2.3', engines: { node: '>=24' } }),
      'functions/node.ts': "console.log('serveur');\n",
      'functions/store/sqlite-worker.ts': 'export {};\n',
      'functions/store/equipe-sqlite-worker.ts': 'export {};\n',
      'functions/staff/submissions-cli.ts': 'export {};\n',
      'functions/store/d1-migrations/0001_essai.sql': 'SELECT 1;\n',
      [BACKUP_SCRIPT]: '#!/usr/bin/env bash\n',
      'content/essai.yaml': 'titre: essai\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, file)), { recursive: true });
      writeFileSync(path.join(repo, file), text);
    }
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Essai', '-c', 'user.email=essai@exemple.invalid', ...args], {
        cwd: repo,
        encoding: 'utf8',
      }).trim();
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'v1.2.3');
    const commit = git('rev-parse', '--short=12', 'HEAD');
    const dist = builtSite(folderHash(path.join(repo, 'content')));
    const out = path.join(dir, 'archives');
    const make = (allowModified = false) => makeRelease(dist, out, repo, { allowModified });

    const clean = await make();
    expect(clean.name).toBe(`fabrique-1.2.3-${commit}-2027-01-15`);
    expect(clean.manifest).toMatchObject({ version: '1.2.3', commit });
    expect(clean.manifest.modifie).toBeUndefined();
    expect(clean.advice).toBe(
      `Pour publier cette version : git tag -a v1.2.3 ${commit} -m "Version 1.2.3" && git push origin v1.2.3`,
    );
    git('tag', '-a', 'v1.2.3', '-m', 'Version 1.2.3');
    expect((await make()).advice).toBe('Version déjà étiquetée v1.2.3 sur ce commit.');

    // A tracked file changed: refused in French, nothing written; --modifie makes a trial archive, marked.
    writeFileSync(path.join(repo, 'functions/node.ts'), "console.log('serveur modifié');\n");
    rmSync(out, { recursive: true });
    await expect(make()).rejects.toThrow(
      new ReleaseRefused(
        `le dépôt a 1 fichier(s) modifié(s) depuis le commit ${commit} (functions/node.ts) : l’archive porterait ce commit sans être son code. Valider (git commit) ou mettre de côté (git stash), reconstruire, puis relancer ; pour une archive d’essai, npm run release -- --modifie.`,
      ),
    );
    expect(existsSync(out)).toBe(false);
    const trial = await make(true);
    expect(trial.name).toBe(`fabrique-1.2.3-${commit}-modifie-2027-01-15`);
    expect(trial.manifest.modifie).toBe(true);
    expect(trial.advice).toMatch(/^Archive d’essai/);

    // Committed without raising the version: the tag already names another commit, and it is said.
    git('commit', '-qam', 'suite');
    const next = git('rev-parse', '--short=12', 'HEAD');
    expect((await make()).advice).toBe(
      `Attention : l’étiquette v1.2.3 désigne déjà le commit ${commit}, pas ${next}. Pour publier celui-ci, augmenter version dans package.json (npm version patch --no-git-tag-version), valider, puis refaire npm run build et npm run release.`,
    );
  });
});
