/**
 * The daily rebuild of paths (b) and (c) (`npm run rebuild`, node/rebuild.ts): a new build is swapped in
 * while the Node server runs and serves requests; none fails, the new pages and their CSP hashes are
 * served without a restart, pages already open still find their old assets. A build of the other forms
 * mode is refused, at the swap and at the server's start; an incomplete one too. `npm run rollback` puts
 * the previous release back the same way, under the same load. The build never sees the server's secrets.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../functions/node.ts';
import { BUILD_STAMP_FILE } from '../../functions/build-stamp.ts';
import { swapIn } from '../../functions/node/rebuild.ts';
import { rollBack } from '../../functions/node/releases.ts';

const root = path.resolve(import.meta.dirname, '../..');

let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'rebuild-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A tiny built site: one page, one hashed asset, its style hashes and its stamp. */
function site(
  at: string,
  name: string,
  mode: 'demonstration' | 'production' = 'demonstration',
  builtAt = new Date().toISOString(),
) {
  mkdirSync(path.join(at, '_astro'), { recursive: true });
  writeFileSync(
    path.join(at, 'index.html'),
    `<!doctype html><html lang="fr"><title>${name}</title><p>Version ${name}</p>${'<p>Texte de la page.</p>'.repeat(60)}</html>`,
  );
  writeFileSync(path.join(at, '_astro', `site.${name}.css`), `body{color:#111}/*${name}*/`);
  writeFileSync(path.join(at, 'csp-style-hashes.json'), JSON.stringify([`'sha256-${name}'`]));
  writeFileSync(path.join(at, BUILD_STAMP_FILE), JSON.stringify({ mode, builtAt }));
  return at;
}

/** Resolves once `ok()` holds, or after 10 s (the test's expectations then say what is missing). */
async function until(ok: () => boolean) {
  for (const end = Date.now() + 10_000; !ok() && Date.now() < end;) await new Promise((r) => setTimeout(r, 20));
}

describe('npm run rebuild: a new build swapped in under load', () => {
  it('no request fails; the new pages and CSP are served without a restart; old assets still load', async () => {
    const dist = site(path.join(dir, 'dist'), 'A', 'demonstration', '2027-01-14T03:00:00Z');
    const releases = path.join(dir, 'releases');
    mkdirSync(releases);
    const server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: dist, mode: 'demonstration' });
    try {
      expect(await (await fetch(`${server.url}/`)).text()).toContain('Version A');
      const statuses: number[] = [];
      let seenB = false;
      let stop = false;
      // Pages are compressed and kept in memory: a new build must not be answered with the old one's.
      const load = async () => {
        while (!stop) {
          const res = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br' } });
          statuses.push(res.status);
          const text = await res.text();
          if (text.includes('Version B')) {
            seenB = true;
            expect(res.headers.get('content-security-policy')).toContain("'sha256-B'");
          } else expect(text).toContain('Version A');
        }
      };
      const clients = Array.from({ length: 8 }, load);
      // Requests under way before the swap and after it: waited for by count, not by time.
      await until(() => statuses.length >= 30);
      // The first rebuild turns the plain dist/ folder into a link to the new release.
      swapIn(site(path.join(releases, '2027-01-15T03-00-00'), 'B'), dist, releases);
      await until(() => seenB);
      const atSwap = statuses.length;
      await until(() => statuses.length >= atSwap + 30);
      stop = true;
      await Promise.all(clients);
      expect(seenB).toBe(true);
      expect(statuses.length).toBeGreaterThan(50);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(lstatSync(dist).isSymbolicLink()).toBe(true);
      expect(readlinkSync(dist)).toBe(path.join('releases', '2027-01-15T03-00-00'));
      // A page opened before the swap still finds its stylesheet.
      expect((await fetch(`${server.url}/_astro/site.A.css`)).status).toBe(200);
      expect((await fetch(`${server.url}/_astro/site.B.css`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('keeps the last releases only', () => {
    const releases = path.join(dir, 'releases');
    const dist = path.join(dir, 'dist');
    mkdirSync(releases);
    for (const day of ['10', '11', '12', '13'])
      swapIn(site(path.join(releases, `2027-01-${day}T03-00-00`), day), dist, releases, 2);
    expect(existsSync(path.join(releases, '2027-01-13T03-00-00'))).toBe(true);
    expect(existsSync(path.join(releases, '2027-01-12T03-00-00'))).toBe(true);
    expect(existsSync(path.join(releases, '2027-01-11T03-00-00'))).toBe(false);
  });

  it('a build of the other mode is not swapped in, and the site served stays', () => {
    const releases = path.join(dir, 'releases');
    const dist = path.join(dir, 'dist');
    mkdirSync(releases);
    swapIn(site(path.join(releases, '2027-01-14T03-00-00'), 'A', 'production'), dist, releases);
    expect(() => swapIn(site(path.join(releases, '2027-01-15T03-00-00'), 'B', 'demonstration'), dist, releases)).toThrow(
      /construit en mode démonstration .* le site servi est en mode production/,
    );
    expect(readlinkSync(dist)).toBe(path.join('releases', '2027-01-14T03-00-00'));
  });
});

describe('the Node server and the build agree on the forms mode', () => {
  it('a site built in demonstration mode is not served in production, with a French message', async () => {
    const dist = site(path.join(dir, 'dist'), 'A', 'demonstration');
    await expect(startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: dist, mode: 'production' })).rejects.toThrow(
      /le site a été construit en mode démonstration .* le serveur démarre en mode production/,
    );
  });
});

describe('npm run rollback: the previous release back, under load', () => {
  it('one command, no restart, no failed request; pages opened on the newer release still load their assets', async () => {
    const releases = path.join(dir, 'releases');
    const dist = path.join(dir, 'dist');
    mkdirSync(releases);
    swapIn(site(path.join(releases, '2027-01-14T03-00-00'), 'A'), dist, releases);
    swapIn(site(path.join(releases, '2027-01-15T03-00-00'), 'B'), dist, releases);
    const server = await startServer({ dbPath: path.join(dir, 'db.sqlite'), distDir: dist, mode: 'demonstration' });
    try {
      const statuses: number[] = [];
      let seenA = false;
      let stop = false;
      const load = async () => {
        while (!stop) {
          const res = await fetch(`${server.url}/`, { headers: { 'accept-encoding': 'br' } });
          statuses.push(res.status);
          const text = await res.text();
          if (text.includes('Version A')) {
            seenA = true;
            expect(res.headers.get('content-security-policy')).toContain("'sha256-A'");
          } else expect(text).toContain('Version B');
        }
      };
      const clients = Array.from({ length: 8 }, load);
      await until(() => statuses.length >= 30);
      // The operator's one command, as a separate process while requests keep coming.
      const started = performance.now();
      const command = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, [
          path.join(root, 'functions/node/rollback.ts'),
          '--dist',
          dist,
          '--releases',
          releases,
        ]);
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('close', (code) => resolve({ code, out }));
      });
      const took = performance.now() - started;
      expect(command).toEqual({
        code: 0,
        out: expect.stringMatching(/^Version précédente remise en service : 2027-01-14T03-00-00/),
      });
      await until(() => seenA);
      const atSwap = statuses.length;
      await until(() => statuses.length >= atSwap + 30);
      stop = true;
      await Promise.all(clients);
      expect(seenA).toBe(true);
      expect(statuses.every((s) => s === 200)).toBe(true);
      expect(readlinkSync(dist)).toBe(path.join('releases', '2027-01-14T03-00-00'));
      expect((await fetch(`${server.url}/_astro/site.B.css`)).status).toBe(200);
      // Both releases stay: the next rebuild moves forward again.
      expect(existsSync(path.join(releases, '2027-01-15T03-00-00'))).toBe(true);
      console.log(`npm run rollback : ${Math.round(took)} ms (processus compris), ${statuses.length} requêtes, 0 échec`);
    } finally {
      await server.close();
    }
  });

  it('with no previous release, says so in French and changes nothing', () => {
    const releases = path.join(dir, 'releases');
    const dist = path.join(dir, 'dist');
    mkdirSync(releases);
    swapIn(site(path.join(releases, '2027-01-14T03-00-00'), 'A'), dist, releases);
    expect(() => rollBack(dist, releases)).toThrow(/est la plus ancienne version gardée .* il n’y a pas de version précédente/);
    expect(readlinkSync(dist)).toBe(path.join('releases', '2027-01-14T03-00-00'));
  });

  it('an incomplete release is never put in service', () => {
    const releases = path.join(dir, 'releases');
    const dist = path.join(dir, 'dist');
    mkdirSync(path.join(releases, '2027-01-15T03-00-00'), { recursive: true });
    swapIn(site(path.join(releases, '2027-01-14T03-00-00'), 'A'), dist, releases);
    expect(() => swapIn(path.join(releases, '2027-01-15T03-00-00'), dist, releases)).toThrow(
      /n’est pas une construction complète/,
    );
    expect(readlinkSync(dist)).toBe(path.join('releases', '2027-01-14T03-00-00'));
  });
});

describe('the rebuild gives the build a cleaned environment', () => {
  it('no server secret reaches the build; what the build reads does; the new release is put in service', () => {
    // A build folder whose build steps only record what they receive (the rebuild is under test, not Astro).
    const source = path.join(dir, 'source');
    const files: Record<string, string> = {
      'package.json': JSON.stringify({ type: 'module', devDependencies: { astro: '*' } }),
      'node_modules/astro/package.json': '{"name":"astro"}',
      'node_modules/astro/bin/astro.mjs': `import { mkdirSync, writeFileSync } from 'node:fs';
const out = process.argv[process.argv.indexOf('--outDir') + 1];
mkdirSync(out, { recursive: true });
writeFileSync(out + '/index.html', '<p>Version C</p>');
writeFileSync(new URL('../../../environnement-de-la-construction.json', import.meta.url), JSON.stringify(process.env));`,
      'functions/equipe/build-scripts.ts': '',
      'functions/build-compress.ts': '',
      'functions/build-stamp-write.ts': `import { writeFileSync } from 'node:fs';
writeFileSync(process.argv[2] + '/fabrique-build.json', JSON.stringify({ mode: process.env.FABRIQUE_DEMONSTRATION === 'oui' ? 'demonstration' : 'production', builtAt: new Date().toISOString() }));`,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(source, name)), { recursive: true });
      writeFileSync(path.join(source, name), text);
    }
    const releases = path.join(dir, 'releases');
    const dist = path.join(dir, 'dist');
    mkdirSync(releases);
    swapIn(site(path.join(releases, '2027-01-14T03-00-00'), 'A', 'production'), dist, releases);
    const secrets = {
      SMTP_PASSWORD: 'mot-de-passe-smtp-9f2',
      DATABASE_URL: 'postgres://fabrique:mot-de-passe-pg@db.interne:5432/fabrique',
      FORMS_CLIENT_SECRET: '4b1f0c9e7d2a8e5f3c6b0a9d8e7f6a5b',
      MAIL_API_KEY: 'cle-api-courriel',
      DB_PATH: '/srv/fabrique/data/submissions.sqlite',
    };
    const run = spawnSync(
      process.execPath,
      [path.join(root, 'functions/node/rebuild.ts'), '--source', source, '--dist', dist, '--releases', releases],
      { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: dir, SITE_URL: 'https://fabrique.exemple.fr', ...secrets } },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const seen = JSON.parse(readFileSync(path.join(source, 'environnement-de-la-construction.json'), 'utf8')) as Record<
      string,
      string
    >;
    for (const name of Object.keys(secrets)) expect(seen[name], name).toBeUndefined();
    expect(JSON.stringify(seen)).not.toMatch(/mot-de-passe|cle-api|4b1f0c9e/);
    expect(seen.SITE_URL).toBe('https://fabrique.exemple.fr');
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toBe('<p>Version C</p>');
  });
});
