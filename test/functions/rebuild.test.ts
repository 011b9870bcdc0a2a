/**
 * The daily rebuild of paths (b) and (c) (`npm run rebuild`, node/rebuild.ts): a new build is swapped in
 * while the Node server runs and serves requests; none fails, the new pages and their CSP hashes are
 * served without a restart, pages already open still find their old assets. A build of the other forms
 * mode is refused, at the swap and at the server's start.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../functions/node.ts';
import { BUILD_STAMP_FILE } from '../../functions/build-stamp.ts';
import { swapIn } from '../../functions/node/rebuild.ts';

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
