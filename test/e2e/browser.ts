/** Shared by the browser tests: Debian's Chromium via playwright-core, the built site on a free port, axe-core. */
import type axe from 'axe-core';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.ts';

export { CHROMIUM, CHROMIUM_ARGS };

/**
 * The run's Chromium (chromium.ts, started once by vitest), or one of its own outside vitest (the bench).
 * close() on it ends this file's connection and its contexts, not the shared Chromium.
 */
export function launchBrowser(): Promise<Browser> {
  const shared = process.env.VITEST ? inject('chromium') : undefined;
  if (shared) return chromium.connect(shared);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Serves dist/ (`npm test` builds it in demonstration mode) with the same Node server as `npm start`. */
export function startSite(options: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  // Submissions go to a throwaway database, never to the project's data/ folder.
  const dbPath = path.join(mkdtempSync(path.join(tmpdir(), 'site-')), 'submissions.sqlite');
  return startServer({ port: 0, dbPath, mode: 'demonstration', ...options });
}

/**
 * Chromium and the built site for the tests of one file: started before them, stopped after. Read `.browser` and
 * `.site` inside hooks and tests (they are set once the file's first beforeAll has run).
 */
export function browserAndSite(options: Parameters<typeof startSite>[0] = {}): { browser: Browser; site: RunningServer } {
  const running = {} as { browser: Browser; site: RunningServer };
  beforeAll(async () => {
    [running.browser, running.site] = await Promise.all([launchBrowser(), startSite(options)]);
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.site?.close();
  });
  return running;
}

/** Paths listed in the built sitemap, so every public page is tested. */
export async function sitemapPaths(): Promise<string[]> {
  const xml = await readFile(new URL('../../dist/sitemap-0.xml', import.meta.url), 'utf8');
  return [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

/** axe-core's minified build: half the size of `axe.source`, so half the time to parse in each page. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Puts axe-core in the page (window.axe). */
export async function injectAxe(page: Page): Promise<void> {
  await page.evaluate(AXE_SOURCE);
}

/** Runs axe-core in the page; returns violations as short readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  await injectAxe(page);
  const result = await page.evaluate(
    (tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    AXE_TAGS,
  );
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')})`,
  );
}

/** Context options: CSP bypassed only so axe's script can be evaluated. */
export const AXE_CONTEXT: BrowserContextOptions = { bypassCSP: true };

/** Lighthouse's threshold for a "good" layout shift is 0.1; the site's own is stricter (issue 21). */
export const LAYOUT_SHIFT_BUDGET = 0.02;

/**
 * Records the layout shifts not caused by the reader, as Chromium reports them to DevTools (PerformanceTimeline),
 * from before the page is opened: independent of the page's own JavaScript, so it measures with it off too.
 * `total()` waits for the frames already drawn to be reported, then sums them and names what moved.
 */
export async function recordLayoutShifts(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  const shifts: { value: number; nodes: number[] }[] = [];
  cdp.on('PerformanceTimeline.timelineEventAdded', ({ event }) => {
    const details = event.layoutShiftDetails;
    if (details && !details.hadRecentInput)
      shifts.push({ value: details.value, nodes: (details.sources ?? []).flatMap((s) => s.nodeId ?? []) });
  });
  await cdp.send('PerformanceTimeline.enable', { eventTypes: ['layout-shift'] });
  return {
    async total(): Promise<{ total: number; moved: string[] }> {
      // A round trip through the renderer: the entries of frames drawn so far have been delivered.
      await cdp.send('Runtime.evaluate', { expression: '0' });
      const moved: string[] = [];
      for (const backendNodeId of shifts.flatMap((s) => s.nodes)) {
        const node = await cdp
          .send('DOM.describeNode', { backendNodeId })
          .then((r) => r.node)
          .catch(() => undefined);
        if (!node) continue;
        const attrs = node.attributes ?? [];
        const i = attrs.indexOf('class');
        moved.push(`${node.nodeName.toLowerCase()}${i >= 0 && attrs[i + 1] ? `.${attrs[i + 1]!.split(' ')[0]}` : ''}`);
      }
      return { total: shifts.reduce((sum, s) => sum + s.value, 0), moved };
    },
  };
}
