import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems } from '../lib/content-check.ts';

/** Stops `astro build` and `astro dev` with French, file-and-field messages when content/ has mistakes. */
export function contentCheck(): AstroIntegration {
  return {
    name: 'fabrique:content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const contentDir = fileURLToPath(new URL('./content/', config.root));
        const { problems, entries } = await checkContent(contentDir);
        if (problems.length > 0) throw new Error(formatProblems(problems));
        logger.info(`contenu vérifié : ${entries.length} fiches`);
      },
    },
  };
}
