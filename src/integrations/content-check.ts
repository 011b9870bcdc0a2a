import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { formatLeftOut, formatRefusal } from '../lib/content-checks/check-all.ts';
import { currentReport } from '../lib/content-checks/checked-loader.ts';
import { formatWarnings } from '../lib/content-checks/content-check.ts';

/**
 * Checks content/ before Astro's loaders, with French, file-and-field messages. `astro build` stops with the
 * list and exit code 1 (no stack trace); `astro dev` goes on without the refused files (checked-loader.ts), so
 * a content mistake never takes the dev server and the editor down with it.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'fabrique:content-check',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        const contentDir = fileURLToPath(new URL('./content/', config.root));
        const shared = currentReport(contentDir);
        const report = await shared.report;
        if (report.warnings.length > 0) logger.warn(formatWarnings(report.warnings));
        if (report.errors.length === 0) {
          logger.info(`contenu vérifié : ${report.entries.length} fiches`);
          return;
        }
        if (command === 'build') {
          // An editor's mistake, not a crash: the French list alone, and the exit code says the build failed.
          console.error(`\n${formatRefusal(report.errors)}\n`);
          process.exit(1);
        }
        for (const file of report.refused) shared.logged.add(file);
        logger.error(formatLeftOut(report));
      },
    },
  };
}
