/**
 * « Afficher N résultats de plus » only when there are more (issue 21, item 6): the `.bouton` style once
 * overrode the `hidden` attribute, so « Afficher 0 résultat de plus » showed under small result sets.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../functions/node.ts';
import { launchBrowser, startSite } from './browser.ts';

let browser: Browser;
let site: RunningServer;

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the « more results » button', () => {
  it('is not shown when every result is already on the page', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/recherche/`);
    await page.locator('#recherche-q').fill('cirque');
    await page.locator('#recherche-q').press('Enter');
    await expect.poll(() => page.locator('.resultat').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const plus = page.locator('[data-recherche-resultats] button');
    expect(await page.locator('.resultat').count()).toBeLessThanOrEqual(4);
    expect(await plus.getAttribute('hidden')).not.toBeNull();
    expect(await plus.isVisible()).toBe(false);
    await context.close();
  });
});
