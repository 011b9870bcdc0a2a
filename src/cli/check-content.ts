/** `npm run check:content`: the editors' check, the same one the build runs, without building. */
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblems } from '../lib/content-check.ts';

const contentDir = process.argv[2] ?? fileURLToPath(new URL('../../content/', import.meta.url));
const { problems, entries } = await checkContent(contentDir);
if (problems.length > 0) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`Contenu vérifié : ${entries.length} fiches, aucune erreur.`);
