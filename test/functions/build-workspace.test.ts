/**
 * Build and serve are kept apart (EXPLOITATION.md, « Le dossier de construction »): the nightly rebuild
 * stops with a French message in a folder installed to serve (`npm ci --omit=dev`, no build tools);
 * `npm run build` refuses to write through a `dist` that links to the release being served; git ignores
 * that link as it ignores the folder.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const node = process.execPath;
let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'construction-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A served release and a `dist` link to it, as `npm run rebuild` leaves them. */
function servedRelease() {
  const release = path.join(dir, 'releases', '2027-01-15T03-00-00');
  mkdirSync(release, { recursive: true });
  writeFileSync(path.join(release, 'index.html'), '<p>Version servie</p>');
  symlinkSync(path.join('releases', '2027-01-15T03-00-00'), path.join(dir, 'dist'));
  return release;
}

describe('npm run build never writes into a served release', () => {
  it('refuses, in French, when dist is a link; the release is untouched', () => {
    const release = servedRelease();
    const run = spawnSync(node, [path.join(root, 'functions/build-guard.ts')], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Construction refusée : npm run build n’écrit pas dans .*dist : c’est un lien vers une version en service/,
    );
    expect(run.stderr).toContain('npm run rebuild');
    expect(readFileSync(path.join(release, 'index.html'), 'utf8')).toBe('<p>Version servie</p>');
  });

  it('builds into a plain dist folder, or none yet', () => {
    expect(spawnSync(node, [path.join(root, 'functions/build-guard.ts')], { cwd: dir }).status).toBe(0);
    mkdirSync(path.join(dir, 'dist'));
    expect(spawnSync(node, [path.join(root, 'functions/build-guard.ts')], { cwd: dir }).status).toBe(0);
  });

  it('the guard is the first step of npm run build', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.build).toMatch(/^node functions\/build-guard\.ts && astro build/);
  });

  it('git ignores a dist link and releases/, as it ignores a dist folder', () => {
    servedRelease();
    copyFileSync(path.join(root, '.gitignore'), path.join(dir, '.gitignore'));
    expect(spawnSync('git', ['init', '-q'], { cwd: dir }).status).toBe(0);
    const ignored = (p: string) => spawnSync('git', ['check-ignore', '-q', p], { cwd: dir }).status === 0;
    expect(ignored('dist')).toBe(true);
    expect(ignored('releases/2027-01-15T03-00-00/index.html')).toBe(true);
    expect(ignored('src/dist.ts')).toBe(false);
  });
});

describe('npm run rebuild needs the build tools', () => {
  it('in a folder installed with npm ci --omit=dev it stops with a French message, and nothing changes', () => {
    const served = servedRelease();
    // The serving folder: the package files and the runtime dependencies only.
    copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
    mkdirSync(path.join(dir, 'node_modules', 'hono'), { recursive: true });
    writeFileSync(path.join(dir, 'node_modules', 'hono', 'package.json'), '{"name":"hono"}');
    const run = spawnSync(
      node,
      [
        path.join(root, 'functions/node/rebuild.ts'),
        '--source',
        dir,
        '--dist',
        path.join(dir, 'dist'),
        '--releases',
        path.join(dir, 'releases'),
      ],
      { cwd: dir, encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Reconstruction impossible : les outils de construction manquent dans .* \(@astrojs\/check, /);
    expect(run.stderr).toContain('npm ci --omit=dev');
    expect(run.stderr).toContain('/srv/fabrique/source');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(path.join(served, 'index.html'), 'utf8')).toBe('<p>Version servie</p>');
  });
});
