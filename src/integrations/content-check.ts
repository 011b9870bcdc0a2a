import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems, formatWarnings } from '../lib/content-checks/content-check.ts';
import { checkEditorial } from '../lib/content-checks/editorial-check.ts';

/** Stops `astro build` and `astro dev` with French, file-and-field messages when content/ has mistakes. */
export function contentCheck(): AstroIntegration {
  return {
    name: 'fabrique:content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const contentDir = fileURLToPath(new URL('./content/', config.root));
        const { problems, entries } = await checkContent(contentDir);
        const { errors, warnings } = await checkEditorial(contentDir, entries);
        if (problems.length + errors.length > 0) throw new Error(formatProblems([...problems, ...errors]));
        if (warnings.length > 0) logger.warn(formatWarnings(warnings));
        logger.info(`contenu vérifié : ${entries.length} fiches`);
      },
    },
  };
}
