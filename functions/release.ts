/**
 * `npm run release` (build machine, after `npm run build`): one versioned archive holding everything the
 * Node server needs and nothing it does not, and its SHA-256:
 *   server.js (+ its two thread modules)  the server bundled by esbuild with its runtime dependencies
 *   submissions.js                        the staff command (npm run submissions), bundled the same way
 *   functions/staff/sauvegarde-chiffree.sh the nightly encrypted backup, at the same path as in the repository,
 *                                         so the guide's unit runs it from the release (it runs submissions.js)
 *   dist/                                 the built pages
 *   content/                              the content and form settings the pages were built from
 *   migrations/                           D1's migration files (SQLite's and PostgreSQL's are in server.js)
 *   fabrique-release.json                 the manifest: version, commit, mode, build date, content hash, Node
 * The server of a release reads its own content/ and dist/ (node/server.ts), so pages and handlers agree.
 * Run on the server with `node server.js` (Node 24), no `npm install`. Refuses, in French, when content/ has
 * changed since the build (the pages would say one thing and the forms another).
 * Refuses a tree with uncommitted changes to tracked files (the archive would carry a commit that is not its
 * code) unless --modifie, which marks the name and the manifest; then prints the git tag to set for the version.
 * Usage: npm run release [-- --dist dist --out dist-release --modifie]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { BUILD_STAMP_FILE, RELEASE_MANIFEST } from './build-stamp.ts';
import { folderHash } from './content-hash.ts';

const root = path.resolve(import.meta.dirname, '..');
export const BACKUP_SCRIPT = 'functions/staff/sauvegarde-chiffree.sh';

export type ReleaseManifest = {
  version: string;
  commit: string;
  mode: string;
  builtAt: string;
  contentHash: string;
  node: string;
  entry: 'server.js';
  /** Built with --modifie from a tree with uncommitted changes: not the code of `commit`. */
  modifie?: true;
};

/** A French refusal: no archive was written. */
export class ReleaseRefused extends Error {}

const git = (dir: string, args: string[]) => spawnSync('git', args, { cwd: dir, encoding: 'utf8' });

/** The source's commit and the tracked files changed since it (an archive of them would not be that commit). */
export function sourceState(dir: string): { commit: string; changed: string[] } {
  const head = git(dir, ['rev-parse', '--short=12', 'HEAD']);
  if (head.status !== 0) return { commit: 'inconnu', changed: [] };
  const status = git(dir, ['status', '--porcelain', '--untracked-files=no']);
  return {
    commit: head.stdout.trim(),
    changed: status.stdout
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(3)),
  };
}

/** What to do with the version once the archive is made: the tag to set, or why not. */
export function tagAdvice(dir: string, version: string, commit: string, modified: boolean): string {
  if (modified) return 'Archive d’essai (modifications non validées) : pas d’étiquette de version.';
  if (commit === 'inconnu') return 'Pas de dépôt git : pas d’étiquette de version.';
  const tag = `v${version}`;
  const tagged = git(dir, ['rev-parse', '-q', '--verify', `refs/tags/${tag}^{commit}`]);
  if (tagged.status !== 0)
    return `Pour publier cette version : git tag -a ${tag} ${commit} -m "Version ${version}" && git push origin ${tag}`;
  const at = tagged.stdout.trim().slice(0, 12);
  return at === commit
    ? `Version déjà étiquetée ${tag} sur ce commit.`
    : `Attention : l’étiquette ${tag} désigne déjà le commit ${at}, pas ${commit}. Pour publier celui-ci, augmenter version dans package.json (npm version patch --no-git-tag-version), valider, puis refaire npm run build et npm run release.`;
}

/** Builds the archive in `outDir`; returns its path, its SHA-256 and its manifest. */
export async function makeRelease(distDir: string, outDir: string, source = root, { allowModified = false } = {}) {
  const stampText = existsSync(path.join(distDir, BUILD_STAMP_FILE))
    ? readFileSync(path.join(distDir, BUILD_STAMP_FILE), 'utf8')
    : '';
  if (!stampText) throw new ReleaseRefused(`${distDir} n’a pas de ${BUILD_STAMP_FILE} : lancer npm run build d’abord.`);
  const stamp = JSON.parse(stampText) as { mode: string; builtAt: string; contentHash?: string };
  const contentDir = path.join(source, 'content');
  const contentHash = folderHash(contentDir);
  if (stamp.contentHash !== contentHash)
    throw new ReleaseRefused(
      `content/ a changé depuis la construction de ${distDir} (${stamp.builtAt}) : les pages et les formulaires ne diraient pas la même chose. Relancer npm run build, puis npm run release.`,
    );
  const pkg = JSON.parse(readFileSync(path.join(source, 'package.json'), 'utf8')) as {
    version: string;
    engines: { node: string };
  };
  const { commit, changed } = sourceState(source);
  if (changed.length && !allowModified)
    throw new ReleaseRefused(
      `le dépôt a ${changed.length} fichier(s) modifié(s) depuis le commit ${commit} (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? '…' : ''}) : l’archive porterait ce commit sans être son code. Valider (git commit) ou mettre de côté (git stash), reconstruire, puis relancer ; pour une archive d’essai, npm run release -- --modifie.`,
    );
  const manifest: ReleaseManifest = {
    version: pkg.version,
    commit,
    mode: stamp.mode,
    builtAt: stamp.builtAt,
    contentHash,
    node: pkg.engines.node,
    entry: 'server.js',
    ...(changed.length ? { modifie: true as const } : {}),
  };
  const name = `fabrique-${manifest.version}-${manifest.commit}${changed.length ? '-modifie' : ''}-${stamp.builtAt.slice(0, 10)}`;
  const stage = path.join(outDir, name);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  await build({
    entryPoints: {
      server: path.join(source, 'functions/node.ts'),
      'sqlite-worker': path.join(source, 'functions/store/sqlite-worker.ts'),
      'equipe-sqlite-worker': path.join(source, 'functions/store/equipe-sqlite-worker.ts'),
      // The staff command beside the server: the backup script runs it, and so can the operator (node submissions.js).
      submissions: path.join(source, 'functions/staff/submissions-cli.ts'),
    },
    outdir: stage,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    // pg's optional native binding is never used; esbuild only where the build tools are (the editor's script, read
    // from the release's dist/ otherwise); CommonJS packages (pg, nodemailer) get a require.
    external: ['pg-native', 'esbuild'],
    banner: {
      js: "import { createRequire as __fabriqueRequire } from 'node:module'; const require = __fabriqueRequire(import.meta.url);",
    },
    legalComments: 'linked',
    logLevel: 'error',
  });
  cpSync(distDir, path.join(stage, 'dist'), { recursive: true, dereference: true });
  cpSync(contentDir, path.join(stage, 'content'), { recursive: true });
  cpSync(path.join(source, 'functions/store/d1-migrations'), path.join(stage, 'migrations'), { recursive: true });
  // Executable, at its repository path: the guide's backup unit names /srv/fabrique/app/functions/staff/….
  mkdirSync(path.join(stage, 'functions/staff'), { recursive: true });
  cpSync(path.join(source, BACKUP_SCRIPT), path.join(stage, BACKUP_SCRIPT));
  writeFileSync(
    path.join(stage, 'package.json'),
    `${JSON.stringify({ name: 'fabrique-release', private: true, type: 'module', engines: { node: manifest.node } }, null, 2)}\n`,
  );
  writeFileSync(path.join(stage, RELEASE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  const archive = path.join(outDir, `${name}.tar.gz`);
  execFileSync('tar', ['-czf', archive, '-C', outDir, name]);
  rmSync(stage, { recursive: true, force: true });
  const sha256 = createHash('sha256').update(readFileSync(archive)).digest('hex');
  writeFileSync(`${archive}.sha256`, `${sha256}  ${path.basename(archive)}\n`);
  return { archive, sha256, manifest, name, advice: tagAdvice(source, manifest.version, commit, changed.length > 0) };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { dist: { type: 'string' }, out: { type: 'string' }, modifie: { type: 'boolean' } },
  });
  try {
    const { archive, manifest, advice } = await makeRelease(
      path.resolve(values.dist ?? path.join(root, 'dist')),
      path.resolve(values.out ?? path.join(root, 'dist-release')),
      root,
      { allowModified: values.modifie },
    );
    console.log(
      `Version ${manifest.version} (${manifest.commit}${manifest.modifie ? ', modifiée' : ''}, mode ${manifest.mode}, construite le ${manifest.builtAt}) : ${archive} et ${path.basename(archive)}.sha256\n${advice}`,
    );
  } catch (error) {
    if (!(error instanceof ReleaseRefused)) throw error;
    console.error(`Archive refusée : ${error.message}`);
    process.exit(1);
  }
}
