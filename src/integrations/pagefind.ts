import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { buildSearchIndex } from '../lib/search/build-index.ts';

/**
 * Builds the Pagefind index once the site is written, as Starlight does: `astro build` alone gives a
 * searchable dist/, and nobody can ship pages with a stale index.
 */
export function pagefind(): AstroIntegration {
  return {
    name: 'fabrique:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { pages, ms } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`index de recherche : ${pages} pages en ${ms} ms`);
      },
    },
  };
}
