/**
 * The releases of the built site beside the Node server (paths (b) and (c) of EXPLOITATION.md): folders of
 * `releases/`, named by build time so that their order is their age, and `dist`, a symbolic link to the one
 * served. Putting a release in service replaces the link by rename(2): a request sees one release or the
 * other, never half of each, and the server picks it up without a restart (node/built-site.ts). Used by
 * `npm run rebuild` (a new release) and `npm run rollback` (the previous one). Runs on the server.
 */
import { cpSync, existsSync, lstatSync, readdirSync, realpathSync, renameSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { BUILD_STAMP_FILE, modeMismatch } from '../build-stamp.ts';
import { readBuildStamp } from './built-site.ts';

/** A French refusal: nothing was changed, the site served stays. */
export class ReleaseError extends Error {
  override name = 'ReleaseError';
}

/** The releases in `releasesDir`, oldest first (their names are their build times). */
export function releasesIn(releasesDir: string): string[] {
  if (!existsSync(releasesDir)) return [];
  return readdirSync(releasesDir)
    .map((name) => path.join(releasesDir, name))
    .filter((p) => statSync(p).isDirectory())
    .sort();
}

/** The release `distLink` designates, or undefined before the first. */
export function servedRelease(distLink: string): string | undefined {
  return existsSync(distLink) ? realpathSync(distLink) : undefined;
}

/**
 * Puts `release` in service at `distLink` (a symbolic link, made so if dist was a plain folder), after checking
 * it is a whole build of the mode served. `keep`: how many releases stay (the one put in service and the most
 * recent others); `prune: false` keeps them all (a rollback removes nothing).
 */
export function swapIn(
  release: string,
  distLink: string,
  releasesDir: string,
  keep = 3,
  { copyAssets = true, prune = true } = {},
): { previous?: string } {
  if (!existsSync(path.join(release, 'index.html')) || !existsSync(path.join(release, BUILD_STAMP_FILE)))
    throw new ReleaseError(
      `${release} n’est pas une construction complète (index.html ou ${BUILD_STAMP_FILE} manque) : elle n’est pas mise en service.`,
    );
  const current = servedRelease(distLink);
  const served = current ? readBuildStamp(current) : undefined;
  const mismatch = served && modeMismatch(readBuildStamp(release), served.mode);
  if (mismatch)
    throw new ReleaseError(
      `la nouvelle construction n’est pas mise en service : ${mismatch.replace('le serveur démarre', 'le site servi est')}`,
    );
  if (current && copyAssets) {
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
  if (prune)
    for (const old of releasesIn(releasesDir)
      .filter((p) => p !== release)
      .reverse()
      .slice(keep - 1))
      rmSync(old, { recursive: true, force: true });
  return { previous: current };
}

/**
 * `npm run rollback`: puts back the release built before the one served, at once and without a restart.
 * Assets of the release left are copied in (pages opened on it still load theirs); no release is removed,
 * so a second rollback goes one further back, and `npm run rebuild` moves forward again.
 */
export function rollBack(distLink: string, releasesDir: string): { from: string; to: string } {
  const current = servedRelease(distLink);
  const all = releasesIn(releasesDir);
  const at = current ? all.indexOf(current) : -1;
  if (!current || at === -1)
    throw new ReleaseError(
      `${distLink} ne désigne aucune version de ${releasesDir} : rien à annuler (le site servi n’a pas été mis en service par npm run rebuild, ou --releases désigne un autre dossier).`,
    );
  if (at === 0)
    throw new ReleaseError(
      `${path.basename(current)} est la plus ancienne version gardée dans ${releasesDir} : il n’y a pas de version précédente. Le site servi n’a pas changé.`,
    );
  const previous = all[at - 1]!;
  swapIn(previous, distLink, releasesDir, all.length, { prune: false });
  return { from: current, to: previous };
}
