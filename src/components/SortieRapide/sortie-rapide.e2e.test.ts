/**
 * Quick exit (GOV.UK "Exit this page" behaviour): a link that works without JavaScript; with JavaScript,
 * a click or Shift pressed three times hides the page at once and leaves without a history entry.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../../../test/e2e/browser.ts';

const run = browserAndSite();
const NEUTRAL = 'https://meteofrance.com/';

/** The neutral site is answered locally: the test machine has no network. */
async function contextWithNeutralSite(javaScriptEnabled = true): Promise<BrowserContext> {
  const context = await run.browser.newContext({ javaScriptEnabled });
  await context.route(`${NEUTRAL}**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Météo</title><p>Prévisions</p>' }),
  );
  return context;
}

describe('quick exit on the pages for people facing violence', () => {
  it('appears on every kind of page, the safety note on the sensitive ones', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    for (const [path, sensitive] of [
      ['/programmes/informations-pratiques/', true],
      ['/aide/', true],
      ['/formulaires/informations/', true],
      ['/formations/', false],
      ['/', false],
      ['/plan-du-site/', false],
    ] as const) {
      await page.goto(run.site.url + path);
      expect(await page.locator('a[data-module="sortie-rapide"]').isVisible(), path).toBe(true);
      expect(await page.locator('.note-securite').count(), path).toBe(sensitive ? 1 : 0);
    }
    await context.close();
  });

  it('hints at Shift only where there is a keyboard', async () => {
    const hint = '[data-sortie-rapide-clavier]';
    const desktop = await contextWithNeutralSite();
    const onDesktop = await desktop.newPage();
    await onDesktop.goto(`${run.site.url}/aide/`);
    expect(await onDesktop.locator(hint).isVisible()).toBe(true);
    await desktop.close();
    const phone = await run.browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
    const onPhone = await phone.newPage();
    await onPhone.goto(`${run.site.url}/aide/`);
    expect(await onPhone.locator('a[data-module="sortie-rapide"]').isVisible()).toBe(true);
    expect(await onPhone.locator(hint).isVisible()).toBe(false);
    expect(await onPhone.locator('.sortie-rapide').innerText()).not.toMatch(/Maj|Shift/);
    await phone.close();
  });

  it('leaves no sensitive page behind in Back or the tab’s history, even after moving between them', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    await page.goto(`${run.site.url}/`);
    await page.goto(`${run.site.url}/programmes/informations-pratiques/`);
    // From a sensitive page, a link within the site replaces it in history.
    await page.click('main a.bouton[href="/aide/"]');
    await page.waitForURL(`${run.site.url}/aide/`);
    // The tab's history: the blank start page, the home page, this page.
    expect(await page.evaluate(() => history.length)).toBe(3);
    await page.click('a[data-module="sortie-rapide"]');
    await page.waitForURL(NEUTRAL);
    expect(await page.evaluate(() => history.length)).toBe(3);
    await page.goBack();
    expect(page.url()).toBe(`${run.site.url}/`);
    await page.goBack();
    expect(page.url()).toBe('about:blank');
    await context.close();
  });

  it('leaves by click, hides the page at once and leaves no history entry', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    await page.goto(`${run.site.url}/`);
    await page.goto(`${run.site.url}/programmes/informations-pratiques/`);
    await page.click('a[data-module="sortie-rapide"]');
    await page.waitForURL(NEUTRAL);
    await page.goBack();
    // Back skips the page that was left: it was replaced in history.
    expect(page.url()).toBe(`${run.site.url}/`);
    await context.close();
  });

  it('leaves when Shift is pressed three times, with the overlay shown first', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    await page.goto(`${run.site.url}/`);
    await page.goto(`${run.site.url}/aide/`);
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
    expect(page.url()).toBe(`${run.site.url}/aide/`);
    await page.keyboard.press('Shift');
    await page.waitForURL(NEUTRAL);
    expect(overlayShown).toBe(true);
    await page.goBack();
    expect(page.url()).toBe(`${run.site.url}/`);
    await context.close();
  });

  it('does not leave when another key breaks the sequence', async () => {
    const context = await contextWithNeutralSite();
    const page = await context.newPage();
    await page.goto(`${run.site.url}/aide/`);
    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.keyboard.press('a');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(300);
    expect(page.url()).toBe(`${run.site.url}/aide/`);
    await context.close();
  });

  it('works as a plain link without JavaScript', async () => {
    const context = await contextWithNeutralSite(false);
    const page = await context.newPage();
    await page.goto(`${run.site.url}/programmes/informations-pratiques/`);
    expect(await page.locator('.note-securite').isVisible()).toBe(true);
    await page.click('a[data-module="sortie-rapide"]');
    await page.waitForURL(NEUTRAL);
    await context.close();
  });
});

describe('printing', () => {
  it('prints the referent directory and a quartier page on A4 without menus, forms or overflow', async () => {
    const context = await run.browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    for (const path of ['/referents/', '/quartiers/le-blosne/']) {
      await page.goto(run.site.url + path);
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
