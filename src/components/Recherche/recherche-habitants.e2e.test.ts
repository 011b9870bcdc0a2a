/**
 * Residents' own words (issue 11): each query of test/e2e/search-queries.ts, typed in the search page of the
 * built site in Chromium, must bring its expected page in the top 3; at least 95 % of them do.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../functions/node.ts';
import { launchBrowser, startSite } from '../../../test/e2e/browser.ts';
import { REQUETES } from '../../../test/e2e/search-queries.ts';

let browser: Browser;
let site: RunningServer;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The first three result links once the count is announced. */
async function top3(page: Page, q: string): Promise<string[]> {
  await page.goto(`${site.url}/recherche/?${new URLSearchParams({ q })}`);
  await expect.poll(() => page.locator('[data-recherche-statut]').textContent(), { timeout: 15_000 }).toMatch(/résultat/);
  const liens = await page.locator('.resultat__titre a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return liens.slice(0, 3);
}

describe('search in residents’ words', () => {
  it(`finds the expected page in the top 3 for at least 95 % of ${REQUETES.length} queries`, async () => {
    expect(REQUETES.length).toBeGreaterThanOrEqual(40);
    const page = await browser.newPage();
    const rates: string[] = [];
    for (const r of REQUETES) {
      const trouves = await top3(page, r.q);
      if (!trouves.includes(r.page)) rates.push(`« ${r.q} » (${r.sorte}) → ${trouves.join(', ') || 'rien'} ; attendu ${r.page}`);
    }
    await page.close();
    const taux = (REQUETES.length - rates.length) / REQUETES.length;
    console.log(
      `recherche, mots des habitants : ${Math.round(taux * 1000) / 10} % (${REQUETES.length - rates.length}/${REQUETES.length})`,
    );
    if (rates.length) console.log(`  manqués :\n  ${rates.join('\n  ')}`);
    expect(taux, rates.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
});
