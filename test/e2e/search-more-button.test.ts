/**
 * « Afficher N résultats de plus » only when there are more (issue 21, item 6): the `.bouton` style once
 * overrode the `hidden` attribute, so « Afficher 0 résultat de plus » showed under small result sets.
 */
import { describe, expect, it } from 'vitest';
import { browserAndSite } from './browser.ts';

const run = browserAndSite();

describe('the « more results » button', () => {
  it('is not shown when every result is already on the page', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${run.site.url}/recherche/`);
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
