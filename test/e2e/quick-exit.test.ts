/**
 * Quick exit (GOV.UK "Exit this page" behaviour): a link that works without JavaScript; with JavaScript,
 * a click or Shift pressed three times hides the page at once and leaves without a history entry.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../functions/node.ts';
import { launchBrowser, startSite } from './browser.ts';

let browser: Browser;
let site: RunningServer;
const NEUTRAL = 'https://meteofrance.com/';

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The neutral site is answered locally: the test machine has no network. */
async function contextWithNeutralSite(javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await browser.newContext({ javaScriptEnabled });
  await context.route(`${NEUTRAL}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Météo</title><p>Prévisions</p>' }),
  );
  return context;
}

describe('quick exit on the pages for people facing violence', () => {
  it('appears on the women’s resource page and the help page, not elsewhere', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    for (const [path, expected] of [
      ['/programmes/lieu-ressources-femmes/', 1],
      ['/aide/', 1],
      ['/formations/', 0],
    ] as const) {
      await page.goto(site.url + path);
      expect(await page.locator('a[data-module="sortie-rapide"]').count(), path).toBe(expected);
    }
    await context.close();
  });

  it('leaves by click, hides the page at once and leaves no history entry', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}/programmes/lieu-ressources-femmes/`);
    await page.click('a[data-module="sortie-rapide"]');
    await page.waitForURL(NEUTRAL);
    await page.goBack();
    // Back skips the page that was left: it was replaced in history.
    expect(page.url()).toBe(`${site.url}/`);
    await context.close();
  });

  it('leaves when Shift is pressed three times, with the overlay shown first', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}/aide/`);
    // Record the moment the overlay is shown: it must cover the page before the navigation starts.
    let overlayShown = false;
    await page.exposeFunction('signalVoile', () => (overlayShown = true));
    await page.evaluate(() => {
      const voile = document.querySelector<HTMLElement>('.sortie-rapide__voile')!;
      const signal = (window as unknown as { signalVoile: () => void }).signalVoile;
      new MutationObserver(() => !voile.hidden && signal()).observe(voile, { attributes: true });
    });
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    expect(await page.locator('.sortie-rapide__voile').isVisible()).toBe(false);
    expect(page.url()).toBe(`${site.url}/aide/`);
    await page.keyboard.press('Shift');
    await page.waitForURL(NEUTRAL);
    expect(overlayShown).toBe(true);
    await page.goBack();
    expect(page.url()).toBe(`${site.url}/`);
    await context.close();
  });

  it('does not leave when another key breaks the sequence', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    await page.goto(`${site.url}/aide/`);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('a');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${site.url}/aide/`);
    await context.close();
  });

  it('works as a plain link without JavaScript', async () => {
    const context = await contextWithNeutralSite(false);
    const page = await context.newPage();
    await page.goto(`${site.url}/programmes/lieu-ressources-femmes/`);
    expect(await page.locator('.note-securite').isVisible()).toBe(true);
    await page.click('a[data-module="sortie-rapide"]');
    await page.waitForURL(NEUTRAL);
    await context.close();
  });
});

describe('printing', () => {
  it('prints the referent directory and a quartier page on A4 without menus, forms or overflow', async () => {
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    for (const path of ['/referents/', '/quartiers/le-blosne/']) {
      await page.goto(site.url + path);
      await page.emulateMedia({ media: 'print' });
      for (const hidden of ['.urgences', '.site-nav', '.recherche-rapide']) {
        expect(await page.locator(hidden).first().isVisible(), `${hidden} on ${path}`).toBe(false);
      }
      expect(await page.locator('main h1').isVisible()).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    }
    await context.close();
  });
});
