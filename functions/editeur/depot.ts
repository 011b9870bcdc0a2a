/**
 * The content repository the editor commits to (issue 22, item 3): a clone of the build folder, so that the
 * editor's branch switches (Decap's editorial workflow) never touch the files a build is reading. A publication
 * brings the build folder up to it (publication.ts). Made at the first start, if missing.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { git } from './git.ts';

export const AUTEUR = { name: 'Éditeur du site', email: 'editeur@fabrique.invalid' };

/** The build folder's current branch: the branch the editor publishes to. */
export async function brancheDe(dossier: string): Promise<string> {
  return (await git(dossier, ['symbolic-ref', '--short', 'HEAD'])).trim();
}

export async function preparerDepot(construction: string, depot: string): Promise<{ branche: string }> {
  if (!existsSync(path.join(construction, '.git')))
    throw new Error(
      `${construction} n’est pas un dépôt git : l’éditeur publie en enregistrant chaque changement dans l’historique du dossier de construction (voir EXPLOITATION.md, « Le dossier de construction »).`,
    );
  const branche = await brancheDe(construction);
  if (!existsSync(path.join(depot, '.git'))) {
    mkdirSync(path.dirname(depot), { recursive: true });
    await git(path.dirname(depot), ['clone', '--quiet', '--no-hardlinks', '--branch', branche, construction, depot]);
  }
  await git(depot, ['config', 'user.name', AUTEUR.name]);
  await git(depot, ['config', 'user.email', AUTEUR.email]);
  await git(depot, ['config', 'commit.gpgsign', 'false']);
  return { branche };
}
