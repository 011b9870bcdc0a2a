/**
 * Nothing moves once drawn (issue 21, item 9): the cumulative layout shift of a page stays ≤ 0.02, JavaScript on
 * or off, on a phone-sized screen. Measured by Chromium itself (Layout Instability API, buffered entries)
 * after the page has loaded and its scripts have run, as Lighthouse's CLS counts it. CI: the pages whose
 * scripts change the page (search, quartier finder, forms, next dates, live places) and the home page;
 * `npm run test:complet`: the first page of every template.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMPLETE } from '../scope.ts';
import { browserAndSite, sitemapPaths } from './browser.ts';
import { byTemplate } from './templates.ts';

const run = browserAndSite();
const sitemap = await sitemapPaths();
const firstOfTemplate = [...byTemplate(sitemap).values()].map((group) => group[0]!);
const scripted = ['/', '/recherche/', '/referents/', '/formations/', '/formulaires/contact/'];
const firstUnder = (prefix: string) => sitemap.find((p) => p.startsWith(prefix) && p !== prefix);
const paths = COMPLETE
  ? [...new Set([...firstOfTemplate, ...scripted])]
  : [...scripted, ...['/formations/'].flatMap((p) => firstUnder(p) ?? [])];
/** Lighthouse's threshold for "good" is 0.1; the site's own is stricter. */
const BUDGET = 0.02;

/**
 * The layout shifts not caused by the reader, as Chromium reports them to DevTools (PerformanceTimeline):
 * independent of the page's own JavaScript, so the same measure works with it off.
 */
async function recordShifts(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const shifts: { value: number; nodes: number[] }[] = [];
  cdp.on('PerformanceTimeline.timelineEventAdded', ({ event }) => {
    const details = event.layoutShiftDetails;
    if (details && !details.hadRecentInput)
      shifts.push({ value: details.value, nodes: (details.sources ?? []).flatMap((s) => s.nodeId ?? []) });
  });
  await cdp.send('DOM.enable');
  await cdp.send('PerformanceTimeline.enable', { eventTypes: ['layout-shift'] });
  return { cdp, shifts };
}

/** What moved, as `tag.class`, for the failure message. */
async function describeNodes(cdp: CDPSession, nodeIds: number[]): Promise<string[]> {
  const names: string[] = [];
  for (const nodeId of nodeIds) {
    const { node } = await cdp.send('DOM.describeNode', { backendNodeId: nodeId }).catch(() => ({ node: undefined }));
    if (!node) continue;
    const attrs = node.attributes ?? [];
    const cls = attrs[attrs.indexOf('class') + 1];
    names.push(`${node.nodeName.toLowerCase()}${attrs.includes('class') && cls ? `.${cls.split(' ')[0]}` : ''}`);
  }
  return names;
}

describe.each(paths)('%s', (path) => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(`shifts ≤ ${BUDGET} once drawn, %s`, async (_, js) => {
    const context = await run.browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: js });
    const page = await context.newPage();
    const { cdp, shifts } = await recordShifts(context, page);
    // Once the network is idle, the page's own scripts (modules, deferred) have run and drawn what they add.
    const response = await page.goto(run.site.url + path, { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    const total = shifts.reduce((sum, s) => sum + s.value, 0);
    const moved = await describeNodes(
      cdp,
      shifts.flatMap((s) => s.nodes),
    );
    expect(total, `moved: ${moved.join(', ')}`).toBeLessThanOrEqual(BUDGET);
    await context.close();
  });
});
