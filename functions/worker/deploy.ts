/**
 * The last step of `npm run rebuild:worker` (path (a) of EXPLOITATION.md), on the build machine or the
 * forge's CI: applies the D1 migrations the database lacks, then deploys the Worker. A Worker that needs a
 * new column never runs against a database without it; when the migrations fail, nothing is deployed and
 * the Worker in service stays. `--local DIR` applies them to a local D1 kept in DIR and deploys nothing
 * (to try, and for the tests).
 * Usage: node functions/worker/deploy.ts [--local DIR]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '../..');
const wrangler = path.join(root, 'node_modules/wrangler/bin/wrangler.js');

/** The binding of the forms' database in wrangler.jsonc; wrangler accepts it in place of the database's name. */
export const D1_BINDING = 'DB';

/** The wrangler commands, in their order: migrations first, then the deployment (none when local). */
export function deploySteps(local?: string): string[][] {
  const where = local ? ['--local', '--persist-to', local] : ['--remote'];
  const migrations = ['d1', 'migrations', 'apply', D1_BINDING, ...where];
  return local ? [migrations] : [migrations, ['deploy']];
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { local: { type: 'string' } } });
  for (const args of deploySteps(values.local)) {
    const run = spawnSync(process.execPath, [wrangler, ...args], { cwd: root, stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(
        args[0] === 'd1'
          ? 'Déploiement arrêté : les migrations D1 n’ont pas été appliquées (message de wrangler ci-dessus : connexion, CLOUDFLARE_API_TOKEN, database_id de wrangler.jsonc). Le Worker en service n’a pas changé.'
          : 'Déploiement échoué (message de wrangler ci-dessus) : les migrations sont appliquées, le Worker en service est encore l’ancien. Relancer npm run rebuild:worker.',
      );
      process.exit(1);
    }
  }
}
