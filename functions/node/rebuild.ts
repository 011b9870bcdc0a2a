/**
 * `npm run rebuild`: builds the site into a new folder of releases/ and swaps it in atomically for the
 * running Node server (paths (b) and (c) of EXPLOITATION.md; a systemd timer runs it daily so that dates
 * never go stale). dist is then a symbolic link to the current release, replaced by rename(2): a request
 * sees the old site or the new one, never half of each, and the server needs no restart (node/built-site.ts).
 * The previous release's hashed assets are copied in, so pages already open still load theirs. Refuses
 * to swap in a build of another forms mode than the one served (build-stamp.ts).
 * It runs in a build workspace (a clone installed with `npm ci`, build tools included), never in the folder
 * installed with `npm ci --omit=dev` to serve: without the build tools it stops with a French message.
 * The build runs with a cleaned environment (buildEnvironment): the server's secrets never reach it.
 * `npm run rollback` puts the previous release back (rollback.ts).
 * Usage: npm run rebuild [-- --dist dist --releases releases --garder 3 --source .]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ReleaseError, swapIn } from './releases.ts';

export { swapIn } from './releases.ts';

const here = path.resolve(import.meta.dirname, '../..');

/**
 * The build's environment: what the build reads (SITE_URL, FABRIQUE_…) and what a process needs (PATH, HOME,
 * locale, time zone, temporary folder, Node's options), nothing else. The server's secrets, which systemd gives
 * this unit from the same settings file (SMTP_PASSWORD, DATABASE_URL, FORMS_CLIENT_SECRET…), never reach the
 * ~1,400 packages of the build.
 */
export function buildEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const kept =
    /^(PATH|HOME|USER|LOGNAME|SHELL|LANG|LANGUAGE|LC_[A-Z]+|TZ|TMPDIR|TERM|CI|SITE_URL|FABRIQUE_[A-Z_]+|NODE_OPTIONS|NODE_EXTRA_CA_CERTS)$/;
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => kept.test(entry[0]) && entry[1] !== undefined),
  );
}

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
  const keep = Number(values.garder ?? 3);
  if (!Number.isInteger(keep) || keep < 2) {
    console.error(
      `Reconstruction refusée : --garder ${values.garder} : attendu un nombre entier, 2 ou plus (la version servie et la précédente, pour npm run rollback).`,
    );
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
    const run = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: buildEnvironment(process.env) });
    if (run.status !== 0) {
      rmSync(release, { recursive: true, force: true });
      console.error('Reconstruction échouée : le site en service n’a pas changé.');
      process.exit(1);
    }
  }
  try {
    swapIn(release, distLink, releasesDir, keep);
  } catch (error) {
    rmSync(release, { recursive: true, force: true });
    if (!(error instanceof ReleaseError)) throw error;
    console.error(`Reconstruction refusée : ${error.message}`);
    process.exit(1);
  }
  console.log(`Site reconstruit et mis en service : ${path.relative(root, distLink)} → ${path.relative(root, release)}`);
}
