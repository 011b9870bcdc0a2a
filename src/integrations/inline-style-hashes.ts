import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** File read by the Node server (functions/node/security-headers.ts) to allow exactly these inline styles. */
export const STYLE_HASHES_FILE = 'csp-style-hashes.json';

/** CSP source expressions ('sha256-…') of every distinct <style> element in the given HTML. */
export function styleHashes(html: string): string[] {
  return [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
}

/**
 * The stylesheet is inlined in every page (one round trip, astro.config.mjs); the CSP still forbids inline
 * styles except these, hashed once the site is written.
 */
export function inlineStyleHashes(): AstroIntegration {
  return {
    name: 'fabrique:inline-style-hashes',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const entries = await readdir(root, { withFileTypes: true, recursive: true });
        const hashes = new Set<string>();
        for (const e of entries.filter((e) => e.isFile() && e.name.endsWith('.html')))
          for (const h of styleHashes(await readFile(path.join(e.parentPath, e.name), 'utf8'))) hashes.add(h);
        await writeFile(path.join(root, STYLE_HASHES_FILE), JSON.stringify([...hashes].sort()) + '\n');
        logger.info(`styles en ligne : ${hashes.size} empreinte(s) pour la CSP`);
      },
    },
  };
}
