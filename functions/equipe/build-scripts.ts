/**
 * Bundles the inbox's browser scripts (browser/*.ts) into dist/equipe/, served from the site itself on Node
 * and as the Worker's assets: `node functions/equipe/build-scripts.ts [dist]`, run by `npm run build`.
 */
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SCRIPTS = ['connexion', 'ouvrir'];

export async function buildEquipeScripts(distDir: string) {
  await build({
    entryPoints: SCRIPTS.map((name) => path.join(here, 'browser', `${name}.ts`)),
    outdir: path.join(distDir, 'equipe'),
    bundle: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
}

if (import.meta.main) await buildEquipeScripts(path.resolve(process.argv[2] ?? path.join(here, '../../dist')));
