/**
 * `npm run bench`: every benchmark against ../shared/spec/budgets.md. Needs a built site (npm run build).
 *   npm run bench                      pages, search, forms, durability (1,000 kill -9 cycles)
 *   npm run bench -- pages             page weights only: HTML, CSS, JS, first visit, 2nd page, repeat visit
 *   npm run bench -- langues           each language's search bytes and page weights (BENCH_REFERENCE=<dist/> to
 *                                      compare French pages with another build's)
 *   npm run bench -- lighthouse [N]    Lighthouse mobile scores of every template, median of N runs (default 3)
 *   npm run bench -- formulaires       forms only: Node + SQLite, two Node instances on PostgreSQL, workerd + D1
 *   npm run bench -- sante             form latency alone, then under a flood of GET /_sante (Node + SQLite)
 *   npm run bench -- durabilite [N]    durability only, N cycles (default 1,000)
 *   npm run bench -- equipe [B,…]      the teams' inbox with 1,000 sealed requests: list, opening, page weights, on
 *                                      back-ends B (sqlite, postgres, d1; default all three, postgres only with
 *                                      FABRIQUE_TEST_PG_URL)
 *   npm run bench -- admin [CMS.js]    first load of the editor /admin/ (default Decap CMS), outside requests blocked
 * Exits non-zero when a budget is missed (pages, search, forms, durability, inbox).
 */
import { DURABILITY_BUDGET } from './budgets.ts';
import { benchDurability, durabilityBudgetLines, printDurability } from './durability.ts';
import { benchForms, formsBudgetLines, printBackends, printForms } from './forms.ts';

const [only, n] = process.argv.slice(2);
let missed = 0;

if (!only) {
  const { benchPages } = await import('./pages.ts');
  const { lighthouseRenderBlocking, lighthouseScores } = await import('./lighthouse.ts');
  const { benchSearch, searchBudgetMisses } = await import('./search.ts');
  missed += (await benchPages()).missed;
  await lighthouseRenderBlocking();
  missed += await lighthouseScores();
  missed += searchBudgetMisses(await benchSearch());
}
if (!only || only === 'langues') {
  const { benchLanguageWeights, benchSearchLanguages } = await import('./search-languages.ts');
  const { SEARCH_BUDGETS } = await import('./search.ts');
  for (const f of await benchSearchLanguages())
    missed += Number(f.first > SEARCH_BUDGETS.firstToday) + Number(f.followingMedian > SEARCH_BUDGETS.followingMedian);
  missed += await benchLanguageWeights();
}
if (only === 'pages') {
  const { benchPages } = await import('./pages.ts');
  missed += (await benchPages()).missed;
}
if (only === 'lighthouse') {
  const { lighthouseScores } = await import('./lighthouse.ts');
  missed += await lighthouseScores(n ? Number(n) : 3);
}
if (only === 'admin') {
  const { measureAdminLoad, printAdminLoad, DEFAULT_CMS } = await import('./admin.ts');
  const r = await measureAdminLoad(n ?? DEFAULT_CMS);
  printAdminLoad(n ?? 'Decap CMS', r);
  if (r.outside.length) missed += 1;
}
if (!only || only === 'formulaires') {
  const r = await benchForms();
  printForms(r);
  missed += formsBudgetLines(r).filter((l) => !l.ok).length;
  // Same load, same run: two Node instances on one PostgreSQL, and the Worker on workerd + D1 (Miniflare).
  const { benchFormsPostgres } = await import('./forms-postgres.ts');
  const p = await benchFormsPostgres();
  const { benchFormsD1 } = await import('./forms-d1.ts');
  const d = await benchFormsD1();
  printBackends([
    ['Node + SQLite', r],
    ['2 × Node + PostgreSQL', p],
    ['workerd + D1 (Miniflare)', d],
  ]);
  const { benchHealthFlood, printHealthFlood } = await import('./health-flood.ts');
  printHealthFlood(await benchHealthFlood());
}
if (!only || only === 'equipe') {
  const { benchInbox, inboxBudgetLines, printInbox } = await import('./equipe.ts');
  const { BACKEND_NAMES, BACKENDS } = await import('../e2e/equipe-backends.ts');
  const { noPostgres } = await import('../functions/postgres-server.ts');
  const { printBudgetLines } = await import('./budgets.ts');
  const asked = only === 'equipe' && n ? n.split(',') : [...BACKENDS];
  for (const backend of BACKENDS.filter((b) => asked.includes(b))) {
    if (backend === 'postgres' && (await noPostgres())) continue;
    const r = await benchInbox(backend);
    printInbox(r);
    const lines = inboxBudgetLines(r);
    printBudgetLines(`Budgets de l’espace équipe, ${BACKEND_NAMES[backend]} :`, lines);
    for (const url of r.outside) console.log(`  requête vers un autre site : ${url}`);
    missed += lines.filter((l) => !l.ok).length;
  }
}
if (only === 'sante') {
  const { benchHealthFlood, printHealthFlood } = await import('./health-flood.ts');
  printHealthFlood(await benchHealthFlood());
}
if (!only || only === 'durabilite') {
  const r = await benchDurability({ cycles: n ? Number(n) : DURABILITY_BUDGET.cycles, progress: (l) => console.log(l) });
  printDurability(r);
  // A shorter run than the budget's cycles is a trial: its losses count, its cycle count does not.
  missed += durabilityBudgetLines(r).filter((l) => !l.ok && (l.label !== 'cycles kill -9' || !n)).length;
}
if (missed) {
  console.log(`\n${missed} budget(s) manqué(s).`);
  process.exitCode = 1;
}
