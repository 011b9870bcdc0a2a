/**
 * Content check, not a code test: which pages today's content brings in the top 3 of the search page (built
 * site, Chromium, our own interface), for the words residents type. Run by `npm run check:recherche` after an
 * editor's change; CI's code tests do not depend on it (issue 18). Two lists: words that must each find
 * their page, and residents' own words (search-queries.ts), of which at least 95 % must.
 */
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../e2e/browser.ts';
import { pagesAttendues, REQUETES } from './search-queries.ts';

const run = browserAndSite();

// What residents type, and the page they must find in the top 3: accents or not, singular or plural,
// quartier names and their other spellings, acronyms and phone numbers.
const QUERIES: [string, string][] = [
  ['handicap Blosne', '/quartiers/le-blosne/'],
  ['formation assistante maternelle', '/formations/accueillir-enfant-handicap-creche/'],
  ['assistantes maternelles', '/formations/accueillir-enfant-handicap-creche/'],
  ['crèche', '/formations/accueillir-enfant-handicap-creche/'],
  ['creches', '/formations/accueillir-enfant-handicap-creche/'],
  ['E2C', '/programmes/ecole-deuxieme-chance/'],
  ['deuxième chance', '/programmes/ecole-deuxieme-chance/'],
  ['deuxieme chance', '/programmes/ecole-deuxieme-chance/'],
  ['jeunes sans diplome', '/programmes/ecole-deuxieme-chance/'],
  ['violences', '/programmes/informations-pratiques/'],
  ['violence', '/programmes/informations-pratiques/'],
  ['3919', '/programmes/informations-pratiques/'],
  ['hébergement femmes', '/programmes/informations-pratiques/'],
  ['LSF', '/quartiers/maurepas-bellangerais/'],
  ['Maurepas', '/quartiers/maurepas-bellangerais/'],
  ['gros chene', '/quartiers/maurepas-bellangerais/'],
  ["Bourg l'Evesque", '/quartiers/bourg-levesque-la-touche-moulin-du-comte/'],
  ['saint helier', '/quartiers/thabor-saint-helier-alphonse-guerin/'],
  ['villejean', '/quartiers/villejean-beauregard/'],
  ['référents', '/referents/'],
  ['referent handicap', '/referents/'],
  ['dossier MDPH', '/programmes/referents-handicap-inclusion/'],
  ['MDPH', '/lieux/mdph-ille-et-vilaine/'],
  ['école inclusive', '/formations/ecole-inclusive-parents-enseignants/'],
  ['enseignant', '/formations/ecole-inclusive-parents-enseignants/'],
  ['soignants', '/formations/soins-et-handicap-ecouter-les-parents/'],
  ['loisirs enfants handicap', '/programmes/loisirs-partages/'],
  ['cirque', '/activites/atelier-cirque-le-blosne/'],
  ['éveil musical', '/activites/eveil-musical-villejean/'],
  ['urgence', '/aide/'],
  ['115', '/aide/'],
  ['sans abri', '/programmes/fabrique/'],
  ['déclaration accessibilité', '/accessibilite/'],
];

/** The first three result links once the count is announced. */
async function top3(page: Page, q: string): Promise<string[]> {
  await page.goto(`${run.site.url}/recherche/?${new URLSearchParams({ q })}`);
  await expect.poll(() => page.locator('[data-recherche-statut]').textContent(), { timeout: 15_000 }).toMatch(/résultat/);
  const liens = await page.locator('.resultat__titre a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return liens.slice(0, 3);
}

describe('search in residents’ words', () => {
  it('covers every need of the brief, every quartier and every place', async () => {
    expect(REQUETES.length).toBeGreaterThanOrEqual(150);
    for (const theme of ['danger', 'logement', 'aide', 'benevolat', 'handicap', 'jeunes'] as const)
      expect(REQUETES.filter((r) => r.theme === theme).length, theme).toBeGreaterThanOrEqual(10);
    const attendues = new Set(REQUETES.flatMap(pagesAttendues));
    const dossier = (d: string) =>
      readdirSync(new URL(`../../content/${d}/`, import.meta.url)).map((f) => f.replace(/\.md$/, ''));
    for (const [d, adresse] of [
      ['quartiers', 'quartiers'],
      ['lieux', 'lieux'],
    ])
      for (const slug of dossier(d!))
        expect(attendues, `aucune requête ne mène à /${adresse}/${slug}/`).toContain(`/${adresse}/${slug}/`);
    // Each quartier is found from a place name too, not only from its own name.
    for (const slug of dossier('quartiers'))
      expect(
        REQUETES.filter((r) => r.sorte === 'lieu' && pagesAttendues(r).includes(`/quartiers/${slug}/`)).length,
        slug,
      ).toBeGreaterThanOrEqual(2);
  });

  it(`finds the expected page in the top 3 for at least 95 % of ${REQUETES.length} queries`, { timeout: 900_000 }, async () => {
    const page = await run.browser.newPage();
    const manques: string[] = [];
    const parTheme = new Map<string, [number, number]>();
    for (const r of REQUETES) {
      const trouves = await top3(page, r.q);
      const ok = pagesAttendues(r).some((p) => trouves.includes(p));
      const [n, total] = parTheme.get(r.theme) ?? [0, 0];
      parTheme.set(r.theme, [n + Number(ok), total + 1]);
      if (!ok)
        manques.push(
          `« ${r.q} » (${r.theme}, ${r.sorte}) → ${trouves.join(', ') || 'rien'} ; attendu ${pagesAttendues(r).join(' ou ')}`,
        );
    }
    await page.close();
    const taux = (REQUETES.length - manques.length) / REQUETES.length;
    const pourcent = (x: number) => `${Math.round(x * 1000) / 10} %`;
    console.log(
      `recherche, mots des habitants : ${pourcent(taux)} (${REQUETES.length - manques.length}/${REQUETES.length})\n` +
        [...parTheme].map(([t, [n, total]]) => `  ${t} : ${n}/${total}`).join('\n'),
    );
    if (manques.length) console.log(`  manqués (${manques.length}) :\n  ${manques.join('\n  ')}`);
    expect(taux, manques.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});

describe('relevance', () => {
  it.each(QUERIES)('« %s » finds %s in the top 3', async (q, expected) => {
    const page = await run.browser.newPage();
    expect(await top3(page, q)).toContain(expected);
    await page.close();
  });
});
