/**
 * Run first by `npm run build` (build machine): refuses to build when `dist` is a symbolic link. After
 * `npm run rebuild`, dist is the link to the release being served (node/rebuild.ts): `astro build` would
 * empty and rewrite that release under the running server (pages missing, wrong CSP hashes). Exit 1 with
 * a French message naming the cause and the fix; nothing is written.
 * Usage: node functions/build-guard.ts [distDir]
 */
import { lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';

/** The French refusal when `dist` is a link (a release served), undefined when a build may write there. */
export function distLinkProblem(dist: string): string | undefined {
  try {
    if (!lstatSync(dist).isSymbolicLink()) return undefined;
  } catch {
    return undefined; // no dist yet
  }
  return (
    `npm run build n’écrit pas dans ${dist} : c’est un lien vers une version en service (${readlinkSync(dist)}), ` +
    'que la construction viderait sous le serveur (pages manquantes, styles refusés). ' +
    'Pour mettre à jour le site servi : npm run rebuild (nouvelle version, mise en service d’un coup). ' +
    `Pour une construction à part, dans ce dossier : supprimer le lien (rm ${dist} ; la version servie n’est pas touchée) puis relancer npm run build.`
  );
}

if (import.meta.main) {
  const problem = distLinkProblem(path.resolve(process.argv[2] ?? 'dist'));
  if (problem) {
    console.error(`Construction refusée : ${problem}`);
    process.exit(1);
  }
}
