/**
 * One round trip, on one page of every template, with the server's real headers (CSP not bypassed): the HTML and
 * its inlined stylesheet fit the first ~14 KB, nothing blocks rendering, the inline style is allowed by its hash
 * and applied, and no stylesheet is fetched.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { browserAndSite, sitemapPaths } from './browser.ts';
import { byTemplate, RENDER_BLOCKING_COUNT } from './templates.ts';

const run = browserAndSite();
const templates = [...byTemplate(await sitemapPaths())].map(([template, pages]) => [template, pages[0]!] as const);

describe.each(templates)('template %s (%s)', (_template, path) => {
  it('renders from its own HTML: ≤ 14 KB compressed, no render-blocking request, styled under the CSP', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    const stylesheets: string[] = [];
    page.on('request', (r) => r.resourceType() === 'stylesheet' && stylesheets.push(r.url()));
    const response = await page.goto(run.site.url + path);
    const html = await response!.body();
    expect(gzipSync(html).length).toBeLessThanOrEqual(14 * 1024);
    expect(response!.headers()['content-security-policy']).toMatch(/style-src 'self' 'sha256-[^']+'/);
    await page.waitForLoadState('load');
    expect(await page.evaluate(RENDER_BLOCKING_COUNT)).toBe(0);
    expect(stylesheets).toEqual([]);
    // The inline stylesheet applied: the skip link waits off screen.
    const top = await page.locator('.skip-link').evaluate((e) => getComputedStyle(e).top);
    expect(parseFloat(top)).toBeLessThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
