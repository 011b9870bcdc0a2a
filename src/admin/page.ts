/**
 * The editor's page and its scripts, shared by the build (dist/admin/, integrations/admin.ts), the dev server
 * and the Node server's editor (functions/editeur/app.ts).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The editor's page: Decap CMS from our own server, in French, never indexed. */
export const ADMIN_PAGE = `<!DOCTYPE html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title>Modifier le site · Fabrique rennaise des solidarités</title>
    <link href="/admin/config.yml" type="text/yaml" rel="cms-config-url">
  </head>
  <body>
    <noscript>L’éditeur du site a besoin de JavaScript. Vous pouvez aussi modifier les fichiers de content/ (voir le guide).</noscript>
    <script src="/admin/decap-cms.js"></script>
    <script src="/admin/verifier.js"></script>
  </body>
</html>
`;

/** Folder of the Decap CMS bundle and its lazy chunks in node_modules. */
export function decapDist(from: string = import.meta.url): string {
  return path.dirname(createRequire(from).resolve('decap-cms/dist/decap-cms.js'));
}

/** The editor's check before a save (src/admin/verifier.ts), as one browser script. */
export async function verifierScript(): Promise<string> {
  const { build } = await import('esbuild');
  const out = await build({
    entryPoints: [fileURLToPath(new URL('../admin/verifier.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2020',
  });
  return out.outputFiles[0]!.text;
}
