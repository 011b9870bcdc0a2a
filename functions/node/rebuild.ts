/**
 * `npm run rebuild`: builds the site into a new folder of releases/ and swaps it in atomically for the
 * running Node server (paths (b) and (c) of EXPLOITATION.md; a systemd timer runs it daily so that dates
 * never go stale). dist is then a symbolic link to the current release, replaced by rename(2): a request
 * sees the old site or the new one, never half of each, and the server needs no restart (node/built-site.ts).
 * The previous release's hashed assets are copied in, so pages already open still load theirs. Refuses
 * to swap in a build of another forms mode than the one served (build-stamp.ts).
 * It runs in a build workspace (a clone installed with `npm ci`, build tools included), never in the folder
 * installed with `npm ci --omit=dev` to serve: without the build tools it stops with a French message.
 * Usage: npm run rebuild [-- --dist dist --releases releases --garder 3 --source .]
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  readFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { modeMismatch } from '../build-stamp.ts';
import { readBuildStamp } from './built-site.ts';

const here = path.resolve(import.meta.dirname, '../..');

/**
 * Why `source` cannot build, in French with the fix, or undefined: every devDependency of its package.json
 * must be installed there (`npm ci`, not `npm ci --omit=dev`), since astro and its integrations build the pages.
 */
export function buildToolsProblem(source: string): string | undefined {
  let manifest: { devDependencies?: Record<string, string> };
  try {
    manifest = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as typeof manifest;
  } catch {
    return `${source} n’est pas un dossier du site (pas de package.json lisible) : lancer la reconstruction depuis le dossier de construction (voir EXPLOITATION.md, « Le dossier de construction »).`;
  }
  const missing = Object.keys(manifest.devDependencies ?? {}).filter(
    (name) => !existsSync(path.join(source, 'node_modules', name, 'package.json')),
  );
  if (!missing.length) return undefined;
  return (
    `les outils de construction manquent dans ${source} (${missing.slice(0, 3).join(', ')}${missing.length > 3 ? `, et ${missing.length - 3} autres` : ''}) : ` +
    'ce dossier a sans doute été installé avec npm ci --omit=dev, pour servir seulement. ' +
    'Reconstruire depuis le dossier de construction (un clone du dépôt installé avec npm ci, par exemple /srv/fabrique/source ; voir EXPLOITATION.md, « Le dossier de construction »), ' +
    'ou y lancer npm ci.'
  );
}

/** Puts `release` in service at `distLink` (a symbolic link, made so if dist was a plain folder). */
export function swapIn(release: string, distLink: string, releasesDir: string, keep = 3): { previous?: string } {
  const current = existsSync(distLink) ? realpathSync(distLink) : undefined;
  const served = current ? readBuildStamp(current) : undefined;
  const next = readBuildStamp(release);
  const mismatch = served && next && modeMismatch(next, served.mode);
  if (mismatch)
    throw new Error(
      `la nouvelle construction n’est pas mise en service : ${mismatch.replace('le serveur démarre', 'le site servi est')}`,
    );
  if (current) {
    // Hashed file names never collide: pages already open in a browser still find their assets.
    const oldAssets = path.join(current, '_astro');
    if (existsSync(oldAssets)) cpSync(oldAssets, path.join(release, '_astro'), { recursive: true, force: false });
  }
  // The first time, dist is a plain folder: it becomes a release itself, then the link replaces it.
  if (current && !lstatSync(distLink).isSymbolicLink()) {
    const moved = path.join(releasesDir, `0000-initiale-${Date.now()}`);
    renameSync(distLink, moved);
  }
  const temporary = `${distLink}.nouveau-${process.pid}`;
  rmSync(temporary, { force: true });
  symlinkSync(path.relative(path.dirname(distLink), release), temporary);
  renameSync(temporary, distLink);
  // Older releases go, the current one and the previous ones kept.
  const releases = readdirSync(releasesDir)
    .map((name) => path.join(releasesDir, name))
    .filter((p) => p !== release)
    .sort()
    .reverse();
  for (const old of releases.slice(keep - 1)) rmSync(old, { recursive: true, force: true });
  return { previous: current };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string' },
      releases: { type: 'string' },
      garder: { type: 'string' },
      source: { type: 'string' },
    },
  });
  const root = path.resolve(values.source ?? here);
  const missingTools = buildToolsProblem(root);
  if (missingTools) {
    console.error(`Reconstruction impossible : ${missingTools} Le site en service n’a pas changé.`);
    process.exit(1);
  }
  const distLink = path.resolve(values.dist ?? path.join(root, 'dist'));
  const releasesDir = path.resolve(values.releases ?? path.join(root, 'releases'));
  mkdirSync(releasesDir, { recursive: true });
  const release = path.join(releasesDir, new Date().toISOString().replace(/[:.]/g, '-'));
  const astro = path.join(root, 'node_modules/astro/bin/astro.mjs');
  const steps = [
    [astro, 'build', '--outDir', release],
    // The teams' inbox's browser scripts, as `npm run build` makes them.
    [path.join(root, 'functions/equipe/build-scripts.ts'), release],
    [path.join(root, 'functions/build-stamp-write.ts'), release],
    [path.join(root, 'functions/build-compress.ts'), release],
  ];
  for (const args of steps) {
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
    if (run.status !== 0) {
      rmSync(release, { recursive: true, force: true });
      console.error('Reconstruction échouée : le site en service n’a pas changé.');
      process.exit(1);
    }
  }
  try {
    swapIn(release, distLink, releasesDir, Number(values.garder ?? 3));
  } catch (error) {
    rmSync(release, { recursive: true, force: true });
    console.error(`Reconstruction refusée : ${(error as Error).message}`);
    process.exit(1);
  }
  console.log(`Site reconstruit et mis en service : ${path.relative(root, distLink)} → ${path.relative(root, release)}`);
}
