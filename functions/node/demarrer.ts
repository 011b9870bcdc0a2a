/**
 * `npm start` (demonstration): builds the site, then serves it with the forms, the teams' inbox and the editor.
 * A build that fails (a content mistake) does not stop it when an earlier build is there: the server serves that
 * one, and the editor opens to fix the mistake (issue 22, item 2: the editor never depends on a successful build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const env = { ...process.env, FABRIQUE_DEMONSTRATION: 'oui' };

const build = spawnSync(npm, ['run', 'build'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) {
  if (!existsSync(path.join(root, 'dist', 'fabrique-build.json'))) {
    console.error(
      '\nLa construction a échoué et aucune version construite n’existe encore : corrigez ce que dit le message ci-dessus (npm run check:content le redit), ou ouvrez l’éditeur sans construction : npx decap-server, puis npm run dev, et http://localhost:4321/admin/verification/.',
    );
    process.exit(1);
  }
  console.error(
    '\nATTENTION : la construction a échoué (message ci-dessus) ; le site servi est la dernière version construite. L’éditeur s’ouvre quand même : corrigez-y les fiches signalées (sa page « vérification » les liste), la publication reconstruira le site.\n',
  );
}
const server = spawnSync(process.execPath, [path.join(root, 'functions/node.ts')], { cwd: root, env, stdio: 'inherit' });
process.exit(server.status ?? 1);
