/**
 * One page per template (every page of the sitemap in `npm run test:complet`), in a real Chromium under the
 * server's real headers (CSP not bypassed): loads without console errors or third-party requests, passes axe
 * (WCAG 2.2 AA tags), is readable without JavaScript, has no horizontal scroll at 320 px, and offers the
 * emergency numbers within one tap; nothing moves once drawn (layout shift ≤ 0.02, JavaScript on and off, issue 21:
 * what a script adds reserves its place or replaces in place). The page of each template also renders in one round trip: the HTML and
 * its inlined stylesheet fit the first ~14 KB, nothing blocks rendering, the inline style is allowed by its
 * hash and applied, and no stylesheet is fetched.
 */
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { textes } from '../../src/i18n/index.ts';
import { langueDuChemin } from '../../src/i18n/languages.ts';
import { COMPLETE } from '../scope.ts';
import { axeViolations, browserAndSite, LAYOUT_SHIFT_BUDGET, recordLayoutShifts, sitemapPaths } from './browser.ts';
import { byTemplate, RENDER_BLOCKING_COUNT } from './templates.ts';

const run = browserAndSite();
const sitemap = await sitemapPaths();
/** The first page of each template: the one that must render in one round trip. */
const firstOfTemplate = new Set([...byTemplate(sitemap).values()].map((group) => group[0]!));
const paths = COMPLETE ? sitemap : [...firstOfTemplate];
/** How many entries content/<folder> holds: one page each, whatever the editors add. */
const entries = (folder: string) =>
  readdirSync(new URL(`../../content/${folder}/`, import.meta.url)).filter((f) => /\.mdx?$/.test(f)).length;

describe('the sitemap', () => {
  it('lists every kind of page', () => {
    for (const p of [
      '/',
      '/aide/',
      '/referents/',
      '/formations/',
      '/activites/',
      '/lieux/',
      '/plan-du-site/',
      '/recherche/',
      '/accessibilite/',
      '/mentions-legales/',
      '/confidentialite/',
    ]) {
      expect(sitemap).toContain(p);
    }
    expect(sitemap.filter((p) => p.startsWith('/programmes/') && p !== '/programmes/')).toHaveLength(entries('programmes'));
    expect(sitemap.filter((p) => p.startsWith('/quartiers/') && p.split('/').length === 4)).toHaveLength(entries('quartiers'));
  });
});

describe.each(paths)('page %s', (path) => {
  it(`loads cleanly, passes axe, fits 320 px, nothing moves${firstOfTemplate.has(path) ? ', in one round trip' : ''}`, async () => {
    // The real CSP: axe is evaluated by the test (DevTools), which the page's CSP does not restrict.
    const context = await run.browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on(
      'request',
      (r) =>
        !r.url().startsWith(run.site.url) && !r.url().startsWith('data:') && problems.push(`third-party request: ${r.url()}`),
    );
    const stylesheets: string[] = [];
    page.on('request', (r) => r.resourceType() === 'stylesheet' && stylesheets.push(r.url()));
    const shifts = await recordLayoutShifts(context, page);
    const response = await page.goto(run.site.url + path);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.evaluate(() => document.readyState)).toBe('complete');
    if (firstOfTemplate.has(path)) {
      // One round trip: ≤ 14 KB compressed, no render-blocking request, styled under the CSP.
      expect(gzipSync(await response!.body()).length, 'compressed HTML').toBeLessThanOrEqual(14 * 1024);
      expect(response!.headers()['content-security-policy']).toMatch(/style-src 'self' 'sha256-[^']+'/);
      expect(await page.evaluate(RENDER_BLOCKING_COUNT), 'render-blocking requests').toBe(0);
      expect(stylesheets, 'stylesheets fetched').toEqual([]);
      // The inline stylesheet applied: the skip link waits off screen.
      const top = await page.locator('.skip-link').evaluate((e) => getComputedStyle(e).top);
      expect(parseFloat(top), 'skip link off screen').toBeLessThan(0);
    }

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'horizontal scroll at 320 px').toBeLessThanOrEqual(0);
    for (const tel of ['tel:3919', 'tel:115', 'tel:17', 'tel:112', 'sms:114', 'tel:119']) {
      expect(await page.locator(`.urgences a[href="${tel}"]`).count(), tel).toBe(1);
      expect(await page.locator(`.urgences a[href="${tel}"]`).isVisible(), tel).toBe(true);
    }
    // Quick exit, every emergency number and the header fit in 200 px: the page's title stays on the first screen.
    expect(await page.locator('a[data-module="sortie-rapide"]').isVisible()).toBe(true);
    const headerBottom = await page.evaluate(() => document.querySelector('.site-header')!.getBoundingClientRect().bottom);
    expect(headerBottom, 'height of the quick exit, emergency bar and header at 320 px').toBeLessThanOrEqual(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    // Read last: by now the page's scripts have run and what they changed has been drawn.
    const { total, moved } = await shifts.total();
    expect(total, `layout shift with JavaScript; moved: ${moved.join(', ')}`).toBeLessThanOrEqual(LAYOUT_SHIFT_BUDGET);
    await context.close();
  });

  it('is readable and navigable without JavaScript, and nothing moves', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const shifts = await recordLayoutShifts(context, page);
    await page.goto(run.site.url + path);
    expect(await page.locator('main h1').isVisible()).toBe(true);
    expect((await page.locator('main').innerText()).length).toBeGreaterThan(40);
    // Each page in its own language (a translated page under /<language>/, never a French page there).
    const langue = langueDuChemin(path);
    expect(await page.locator('html').getAttribute('lang')).toBe(langue.tag);
    expect(await page.locator(`nav[aria-label="${textes(langue.code).entete.menuPrincipal}"] a`).count()).toBeGreaterThan(
      langue.code === 'fr' ? 4 : 1,
    );
    const { total, moved } = await shifts.total();
    expect(total, `layout shift without JavaScript; moved: ${moved.join(', ')}`).toBeLessThanOrEqual(LAYOUT_SHIFT_BUDGET);
    await context.close();
  });
});
