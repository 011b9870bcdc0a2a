/**
 * `npm run rollback`: puts the previous release of the site back in service (node/releases.ts), in one
 * step, while the Node server keeps serving: no restart, no failed request. Runs on the server, in the
 * served folder or the build folder alike (it needs no build tools).
 * Usage: npm run rollback [-- --dist dist --releases releases]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ReleaseError, rollBack } from './releases.ts';

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { dist: { type: 'string' }, releases: { type: 'string' } } });
const distLink = path.resolve(values.dist ?? path.join(root, 'dist'));
const releasesDir = path.resolve(values.releases ?? path.join(root, 'releases'));
try {
  const { from, to } = rollBack(distLink, releasesDir);
  console.log(
    `Version précédente remise en service : ${path.basename(to)} (à la place de ${path.basename(from)}). ` +
      'La prochaine reconstruction (npm run rebuild) repartira du contenu du dossier de construction.',
  );
} catch (error) {
  if (!(error instanceof ReleaseError)) throw error;
  console.error(`Retour en arrière impossible : ${error.message}`);
  process.exit(1);
}
