/**
 * Dev server: /admin/verification/, the content check as a page next to the editor: what is left out of the
 * site and why, in the same French lines as the terminal and the build.
 */
import type { ContentReport } from './check-all.ts';
import type { ContentProblem } from './types.ts';

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const item = (p: ContentProblem) =>
  `<li><strong>${escape(p.file)}</strong>${p.line ? `, ligne ${p.line}` : ''}${p.field ? `, champ « ${escape(p.field)} »` : ''} : ${escape(p.message)}</li>`;

export function problemsPage(report: Pick<ContentReport, 'errors' | 'leftOut' | 'warnings'>): string {
  const errors = [...report.errors, ...report.leftOut];
  const files = new Set(errors.map((p) => p.file)).size;
  const summary =
    errors.length === 0
      ? '<p>Aucune erreur : tout le contenu peut être publié.</p>'
      : `<p>${files} fichier${files > 1 ? 's' : ''} laissé${files > 1 ? 's' : ''} de côté : ${files > 1 ? 'ils n’apparaissent' : 'il n’apparaît'} pas sur le site de développement et la publication ${files > 1 ? 'les' : 'le'} refusera tant ${files > 1 ? 'qu’ils ne sont pas corrigés' : 'qu’il n’est pas corrigé'}.</p>
    <ul>${errors.map(item).join('')}</ul>`;
  const warnings =
    report.warnings.length === 0
      ? ''
      : `<h2>À revoir (la publication reste possible)</h2>
    <ul>${report.warnings.map(item).join('')}</ul>`;
  return `<!DOCTYPE html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <title>Vérification du contenu · Fabrique rennaise des solidarités</title>
  </head>
  <body>
    <main>
      <h1>Vérification du contenu</h1>
      ${summary}
      ${warnings}
      <p><a href="/admin/">Retour à l’éditeur</a> · rechargez cette page après chaque enregistrement.</p>
    </main>
  </body>
</html>
`;
}
