/**
 * Safety on the search page (issue 10, search part): the quick exit is there, and after it neither Back nor the
 * tab's history shows the words searched or the sensitive page. Also: results start on a phone's first screen.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../../../test/e2e/browser.ts';

const run = browserAndSite();
const NEUTRAL = 'https://meteofrance.com/';
const FEMMES = '/programmes/informations-pratiques/';

/** The neutral site is answered locally: the test machine has no network. */
async function contexte(javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await run.browser.newContext({ javaScriptEnabled });
  await context.route(`${NEUTRAL}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Météo</title><p>Prévisions</p>' }),
  );
  return context;
}

/** The tab's history as the Back menu lists it: address and title of every entry. */
async function historique(page: Page): Promise<{ url: string; title: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  // The new tab's about:blank is not the site's.
  return entries.filter((e) => e.url !== 'about:blank').map((e) => ({ url: e.url, title: e.title }));
}

/** From the home page's header box, as a resident would. */
async function chercherDepuisAccueil(page: Page, q: string): Promise<void> {
  await page.goto(`${run.site.url}/`);
  await page.locator('#recherche-entete').fill(q);
  await page.locator('#recherche-entete').press('Enter');
  await page.waitForURL(/\/recherche\//);
  await expect.poll(() => page.locator('.resultat').count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

describe('quick exit after a search', () => {
  it('search "violences", open the women’s page, quick exit, Back: no query and nothing sensitive', async () => {
    const context = await contexte();
    const page = await context.newPage();
    await chercherDepuisAccueil(page, 'violences');
    // Once results show, the address no longer carries the words.
    await expect.poll(() => page.url()).toBe(`${run.site.url}/recherche/`);
    expect(await page.locator('a[data-module="sortie-rapide"]').count()).toBe(1);
    await page.locator(`.resultat__titre a[href="${FEMMES}"]`).click();
    await page.waitForURL(`${run.site.url}${FEMMES}`);
    await page.click('a[data-module="sortie-rapide"]');
    await page.waitForURL(NEUTRAL);

    await page.goBack();
    expect(page.url()).toBe(`${run.site.url}/recherche/`);
    expect(await page.locator('#recherche-q').inputValue()).toBe('');
    expect(await page.locator('[data-recherche-statut]').textContent()).toBe('');
    expect(await page.locator('.resultat').count()).toBe(0);

    const entries = await historique(page);
    expect(entries.map((e) => e.url)).toEqual([`${run.site.url}/`, `${run.site.url}/recherche/`, NEUTRAL]);
    for (const e of entries) {
      expect(e.url).not.toMatch(/[?&]q=|violence|femmes/i);
      expect(e.title).not.toMatch(/violence|femmes/i);
    }
    await context.close();
  });

  it('quick exit from the search page itself leaves no entry for it', async () => {
    const context = await contexte();
    const page = await context.newPage();
    await chercherDepuisAccueil(page, 'violences');
    await page.click('a[data-module="sortie-rapide"]');
    await page.waitForURL(NEUTRAL);
    const entries = await historique(page);
    expect(entries.map((e) => e.url)).toEqual([`${run.site.url}/`, NEUTRAL]);
    await context.close();
  });

  it('without a quick exit, Back from a result finds the results again', async () => {
    const context = await contexte();
    const page = await context.newPage();
    await chercherDepuisAccueil(page, 'cirque');
    await page.locator('.resultat__titre a').first().click();
    await page.waitForURL((u) => !u.pathname.startsWith('/recherche/'));
    await page.goBack();
    // The search's part is fetched again if the page was reloaded (src/layouts/site-scripts.ts): waited for.
    await expect.poll(() => page.locator('#recherche-q').inputValue(), { timeout: 15_000 }).toBe('cirque');
    await expect.poll(() => page.locator('.resultat').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await context.close();
  });

  it('without JavaScript, the quick exit works and the safety note says the words stay in the history', async () => {
    const context = await contexte(false);
    const page = await context.newPage();
    await page.goto(`${run.site.url}/recherche/?q=violences`);
    expect(await page.locator('.note-securite').textContent()).toContain('Sans JavaScript');
    await page.click('a[data-module="sortie-rapide"]');
    await page.waitForURL(NEUTRAL);
    await context.close();
  });
});

describe('the search page on a 320 px phone', () => {
  it('starts the results within the first screen, leaving the header and emergency bar their 200 px', async () => {
    const context = await run.browser.newContext({ viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${run.site.url}/recherche/?q=handicap`);
    await expect.poll(() => page.locator('.resultat').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const { sortie, titre, premier } = await page.evaluate(() => ({
      sortie: document.querySelector('.sortie-rapide')!.getBoundingClientRect().height,
      titre: document.querySelector('main h1')!.getBoundingClientRect().top,
      premier: document.querySelector('.resultat__titre')!.getBoundingClientRect().top,
    }));
    // What this page adds between its title and the first result's title, under the quick exit bar and the
    // header and emergency bar (≤ 200 px at 320 px, issue 10), with room for the first result's title line.
    expect(premier - titre + sortie + 200 + 30).toBeLessThanOrEqual(640);
    await context.close();
  });
});
