/**
 * `npm run preview:content`: builds the site with your changes and serves it on this computer, then
 * lists the pages that show the files you changed (git status of content/), to check them before
 * publishing. Same pages, same components as the published site; forms in demonstration mode.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../functions/node.ts';
import { pagesFor, changedContentFiles } from '../lib/content-checks/changed-pages.ts';
import { checkAll } from '../lib/content-checks/check-all.ts';
import { formatProblems } from '../lib/content-checks/content-check.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const { errors, entries } = await checkAll(`${root}content`);
if (errors.length) {
  console.error(formatProblems(errors));
  process.exit(1);
}
const changed = changedContentFiles(
  execFileSync('git', ['status', '--porcelain', '--', 'content'], { cwd: root, encoding: 'utf8' }),
);
console.log('Construction du site avec vos modifications…');
execFileSync(process.execPath, [`${root}node_modules/astro/bin/astro.mjs`, 'build'], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, FABRIQUE_DEMONSTRATION: 'oui' },
});
const running = await startServer({ port: Number(process.env.PORT ?? 4321), host: '127.0.0.1', mode: 'demonstration' });
const pages = pagesFor(changed, entries);
console.log(`\nAperçu servi sur ${running.url}/ (arrêt : Ctrl+C)`);
console.log(
  pages.length
    ? ['Pages à regarder avant de publier :', ...pages.map((p) => `  - ${running.url}${p.page}  (${p.file})`)].join('\n')
    : 'Aucune fiche modifiée dans content/ (git status) : tout le site est en aperçu.',
);
process.on('SIGINT', () => void running.close().then(() => process.exit(0)));
