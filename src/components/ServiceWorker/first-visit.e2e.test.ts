/**
 * Issue 21, item 10: a first visit pays only for itself. In Chromium, on the built site: one page read brings
 * no worker and no offline pack; a second page (or a later visit) brings them, and the offline page is then
 * kept with what it needs; with « Économie de données » (Save-Data, set through DevTools) never, even after
 * several pages.
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../../../test/e2e/browser.ts';

const run = browserAndSite();
const sw = await readFile(new URL('../../../dist/sw.js', import.meta.url), 'utf8');
const config = JSON.parse(/const CONFIG = (\{.*\});/.exec(sw)![1]!) as { offline: string; assets: string[] };
const pack = [config.offline, ...config.assets].sort();

/** A fresh profile recording the worker's script and everything the worker downloads. */
async function profile(): Promise<{ context: BrowserContext; fetched: string[] }> {
  const context = await run.browser.newContext();
  const fetched: string[] = [];
  context.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path === '/sw.js' || r.serviceWorker()) fetched.push(path);
  });
  return { context, fetched };
}

/** Reads a page to its end, then gives the worker time it would take to register and precache. */
async function read(page: Page, path: string) {
  await page.goto(`${run.site.url}${path}`, { waitUntil: 'load' });
  await page.waitForTimeout(800);
}

const keptPaths = (page: Page) =>
  page.evaluate(async () => {
    const all: string[] = [];
    for (const name of await caches.keys())
      for (const r of await (await caches.open(name)).keys()) all.push(new URL(r.url).pathname);
    return all.sort();
  });

async function workerReady(page: Page) {
  await page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state !== 'activated')
      await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(0)));
  });
}

describe('the offline pack on a first visit', () => {
  it('one page: no worker, no pack; the second page brings the pack, complete', async () => {
    const { context, fetched } = await profile();
    try {
      const page = await context.newPage();
      await read(page, '/quartiers/le-blosne/');
      expect(fetched).toEqual([]);
      expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()))).toBe(false);
      await page.click('a[href="/aide/"]');
      await page.waitForURL(`${run.site.url}/aide/`);
      await workerReady(page);
      const kept = await keptPaths(page);
      for (const p of pack) expect(kept).toContain(p);
      expect(fetched).toContain('/sw.js');
      expect(fetched).toContain(config.offline);
    } finally {
      await context.close();
    }
  });

  it('a later visit (the same browser, a new tab, no link followed) brings the pack', async () => {
    const { context, fetched } = await profile();
    try {
      const first = await context.newPage();
      await read(first, '/');
      await first.close();
      expect(fetched).toEqual([]);
      const later = await context.newPage();
      await read(later, '/');
      await workerReady(later);
      expect(fetched).toContain(config.offline);
    } finally {
      await context.close();
    }
  });

  it('with Save-Data: no worker and no pack, even after three pages', async () => {
    const { context, fetched } = await profile();
    try {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setDataSaverOverride', { dataSaverEnabled: true });
      await read(page, '/');
      expect(
        await page.evaluate(() => (navigator as Navigator & { connection?: { saveData: boolean } }).connection?.saveData),
      ).toBe(true);
      await read(page, '/aide/');
      await read(page, '/quartiers/le-blosne/');
      expect(fetched).toEqual([]);
      expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()))).toBe(false);
    } finally {
      await context.close();
    }
  });
});
