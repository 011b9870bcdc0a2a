/**
 * The service worker in Chromium, with the network really gone (the server stopped): a visited quartier page is
 * still readable, an unvisited one gives the offline page with the emergency numbers and the referents, and
 * nothing fails in the console. Form pages and quick-exit pages are never kept.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../functions/node.ts';
import { AXE_CONTEXT, axeViolations, launchBrowser, startSite } from '../../../test/e2e/browser.ts';
import { textesProgramme } from '../../i18n/programmes.ts';

let browser: Browser;
let site: RunningServer;
let context: BrowserContext;
let page: Page;
const problems: string[] = [];
let offlinePageViolations: string[] = [];

const keptPaths = (p: Page) =>
  p.evaluate(async () => {
    const all: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) all.push(new URL(r.url).pathname);
    return all;
  });

// Not browserAndSite(): the site is stopped once the pages are kept, to test the browser offline.
beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite()]);
  // The offline page is out of the sitemap, so pages.test.ts does not see it: axe here, online.
  const axeContext = await browser.newContext(AXE_CONTEXT);
  const axePage = await axeContext.newPage();
  await axePage.goto(`${site.url}/hors-ligne/`);
  offlinePageViolations = await axeViolations(axePage);
  await axeContext.close();
  context = await browser.newContext();
  context.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  // The worker comes on the reader's return only (register.ts): the landing page is read twice.
  await page.goto(`${site.url}/`);
  await page.goto(`${site.url}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await page.goto(`${site.url}/quartiers/le-blosne/`);
  await page.goto(`${site.url}/formulaires/demande-aide/`);
  await page.goto(`${site.url}/aide/`);
  await page.goto(`${site.url}/quartiers/le-blosne/contact/`);
  // A page in Dari: that language's offline page is kept too (issue 23).
  await page.goto(`${site.url}/prs/`);
  // The page is written to the cache just after it is shown.
  const allKept = async () => {
    const kept = await keptPaths(page);
    return ['/quartiers/le-blosne/', '/prs/hors-ligne/'].every((p) => kept.includes(p));
  };
  for (let i = 0; i < 50 && !(await allKept()); i++) await page.waitForTimeout(100);
  await site.close();
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('offline, after the network is gone', () => {
  it('keeps the offline page, the landing page and visited pages, never forms or quick-exit pages', async () => {
    const kept = await keptPaths(page);
    expect(kept).toEqual(expect.arrayContaining(['/hors-ligne/', '/', '/quartiers/le-blosne/', '/prs/hors-ligne/']));
    expect(kept).not.toContain('/uk/hors-ligne/');
    for (const never of ['/formulaires/demande-aide/', '/aide/', '/quartiers/le-blosne/contact/'])
      expect(kept, never).not.toContain(never);
    expect(kept.some((p) => p.startsWith('/pagefind/') || p.startsWith('/f/'))).toBe(false);
  });

  it('shows a visited quartier page', async () => {
    const response = await page.goto(`${site.url}/quartiers/le-blosne/`);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1').textContent()).resolves.toContain('Le Blosne');
  });

  it('shows the offline page, with emergency numbers and referents, for a page never visited', async () => {
    await page.goto(`${site.url}/quartiers/centre/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Pas de réseau pour le moment');
    for (const tel of ['tel:3919', 'tel:115', 'tel:17', 'tel:112', 'sms:114', 'tel:119'])
      expect(await page.locator(`main a[href="${tel}"]`).count(), tel).toBe(1);
    expect(await page.locator('main h2', { hasText: 'Référents du quartier' }).count()).toBe(12);
    expect(await page.locator('main').textContent()).toContain('Permanences');
    await expect(page.locator('main a[href="/formulaires/contact/"]').count()).resolves.toBe(1);
  });

  it('shows the offline page in the language of a translated page never visited, in French for a language never read', async () => {
    await page.goto(`${site.url}/prs/programmes/fabrique/`);
    const vu = () => page.evaluate(() => [document.documentElement.lang, document.querySelector('h1')?.textContent]);
    await expect(vu()).resolves.toEqual(['fa-AF', textesProgramme('prs').horsLigne.h1]);
    for (const tel of ['tel:3919', 'tel:115', 'tel:17', 'tel:112', 'sms:114', 'tel:119'])
      expect(await page.locator(`main a[href="${tel}"]`).count(), tel).toBe(1);
    await page.goto(`${site.url}/uk/programmes/fabrique/`);
    await expect(vu()).resolves.toEqual(['fr', 'Pas de réseau pour le moment']);
  });

  it('gives an offline page that passes axe', () => {
    expect(offlinePageViolations).toEqual([]);
  });

  it('logs no error', () => {
    expect(problems).toEqual([]);
  });
});
