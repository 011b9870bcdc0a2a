/**
 * Nothing found is never a dead end (issue 11): the empty result says so and offers the emergency numbers, the
 * help page, the A–Z index, the quartier finder and the contact form; the urgent ways first when the words look
 * like danger. Checked with axe, with and without JavaScript, at 320 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AXE_CONTEXT, axeViolations, browserAndSite } from '../../../test/e2e/browser.ts';

const run = browserAndSite();

const statut = (page: Page) => page.locator('[data-recherche-statut]');
/** The first link of each offered way, in the order shown. */
const voies = (page: Page) =>
  page
    .locator('[data-recherche-aide] .recherche-aide__liste > li:visible')
    .evaluateAll((lis) => lis.map((li) => li.querySelector('a')?.getAttribute('href')));

const ORDRE_URGENCE = ['tel:3919', '/aide/', '#index-az', '/quartiers/#trouver-quartier', '/formulaires/contact/'];

/**
 * Without JavaScript, the page is served without its scripts, so that axe (itself a script) can still run on
 * exactly what a browser without JavaScript shows.
 */
async function ouvrir(q: string, javaScriptEnabled = true): Promise<Page> {
  const ctx = await run.browser.newContext({ ...AXE_CONTEXT, viewport: { width: 320, height: 640 } });
  if (!javaScriptEnabled) {
    await ctx.route('**/recherche/**', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(/<script\b[\s\S]*?<\/script>/g, '');
      await route.fulfill({ response, body });
    });
  }
  const page = await ctx.newPage();
  await page.goto(`${run.site.url}/recherche/?${new URLSearchParams({ q })}`);
  if (javaScriptEnabled) await expect.poll(() => statut(page).textContent(), { timeout: 15_000 }).toMatch(/résultat/);
  return page;
}

describe('an empty result with JavaScript', () => {
  it('says nothing was found and offers the other ways, the A–Z index first for an ordinary query', async () => {
    const page = await ouvrir('kwijibo');
    expect(await statut(page).textContent()).toBe('Aucun résultat pour «\u202fkwijibo\u202f».');
    expect(await page.locator('[data-recherche-aide] h2').textContent()).toBe('Trouver autrement');
    expect(await voies(page)).toEqual([
      '#index-az',
      '/quartiers/#trouver-quartier',
      '/formulaires/contact/',
      '/aide/',
      'tel:3919',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('puts the emergency numbers and the help page first when the words look like danger', async () => {
    const page = await ouvrir('expulsée');
    expect(await statut(page).textContent()).toMatch(/^Aucun résultat/);
    expect(await voies(page)).toEqual(ORDRE_URGENCE);
    // Every emergency number is one tap away.
    expect(await page.locator('[data-recherche-aide] a[href^="tel:"]').count()).toBeGreaterThanOrEqual(5);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows the emergency numbers above the results when a query about danger finds pages', async () => {
    const page = await ouvrir('violences');
    expect(await page.locator('.resultat').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-recherche-aide] h2').textContent()).toBe('Besoin d’aide tout de suite\u202f?');
    expect(await voies(page)).toEqual(['tel:3919', '/aide/']);
    const [aide, resultats] = await Promise.all(
      ['[data-recherche-aide]', '.resultats'].map((s) => page.locator(s).evaluate((e) => e.getBoundingClientRect().top)),
    );
    expect(aide).toBeLessThan(resultats!);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('shows no help box above ordinary results', async () => {
    const page = await ouvrir('cirque');
    expect(await page.locator('[data-recherche-aide]').isHidden()).toBe(true);
    await page.context().close();
  });
});

describe('the search page without JavaScript', () => {
  it('offers every other way, urgent ones first, and passes axe', async () => {
    const page = await ouvrir('kwijibo', false);
    expect(await page.locator('[data-recherche-sans-js]').isVisible()).toBe(true);
    expect(await voies(page)).toEqual(ORDRE_URGENCE);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
