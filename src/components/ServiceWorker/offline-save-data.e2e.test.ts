/**
 * Issue 12: the offline worker respects « Économie de données » (Save-Data). Chromium exposes the setting to the
 * worker as navigator.connection.saveData, which the worker reads; DevTools' Emulation.setDataSaverOverride sets
 * it, for the worker target itself. The worker's first precache request is held until the setting is on, so the
 * worker activates with it, as it would on a phone in data-saving mode.
 * With it: the worker fetches and keeps only the offline page and what that page needs. Without it: it also keeps
 * the page being read (fetched again by the worker).
 */
import { readFile } from 'node:fs/promises';
import type { BrowserContext, CDPSession } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from '../../../test/e2e/browser.ts';

const run = browserAndSite();
const sw = await readFile(new URL('../../../dist/sw.js', import.meta.url), 'utf8');
const config = JSON.parse(/const CONFIG = (\{.*\});/.exec(sw)![1]!) as { offline: string; assets: string[] };
const PAGE = '/quartiers/le-blosne/';

/** Turns data saving on inside the site's service worker, through the browser's DevTools protocol. */
async function saveDataInWorker(cdp: CDPSession) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url === `${run.site.url}/sw.js`);
  if (!worker) throw new Error('service worker introuvable');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  const done = new Promise<void>((resolve) =>
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      if (e.sessionId === sessionId && (JSON.parse(e.message) as { id?: number }).id === 1) resolve();
    }),
  );
  const message = { id: 1, method: 'Emulation.setDataSaverOverride', params: { dataSaverEnabled: true } };
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
  await done;
}

/** Opens PAGE in a fresh profile and waits until the worker has finished activating; returns what it did. */
async function firstVisit(saveData: boolean) {
  const context: BrowserContext = await run.browser.newContext();
  const cdp = await run.browser.newBrowserCDPSession();
  const workerFetched: string[] = [];
  // What the worker downloads, its own script apart.
  context.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.serviceWorker() && path !== '/sw.js') workerFetched.push(path);
  });
  // The worker's install starts with the offline page: held until the setting is on.
  await context.route(`${run.site.url}${config.offline}`, async (route) => {
    if (saveData && route.request().serviceWorker()) await saveDataInWorker(cdp);
    await route.continue();
  });
  try {
    const page = await context.newPage();
    // The worker comes on the reader's return only (register.ts): the page is read twice.
    await page.goto(`${run.site.url}${PAGE}`);
    await page.goto(`${run.site.url}${PAGE}`);
    // "activated" once the worker's activate step, which keeps the page being read, is over.
    await page.evaluate(async () => {
      const worker = (await navigator.serviceWorker.ready).active!;
      if (worker.state !== 'activated')
        await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(0)));
    });
    const [worker] = context.serviceWorkers();
    const workerSaveData = await worker!.evaluate(
      () => (self.navigator as Navigator & { connection?: { saveData: boolean } }).connection?.saveData,
    );
    const kept = await page.evaluate(async () => {
      const all: string[] = [];
      for (const name of await caches.keys())
        for (const r of await (await caches.open(name)).keys()) all.push(new URL(r.url).pathname);
      return all;
    });
    return { kept: kept.sort(), workerFetched: workerFetched.sort(), workerSaveData };
  } finally {
    await cdp.detach();
    await context.close();
  }
}

const precache = [config.offline, ...config.assets].sort();

describe('Save-Data (« Économie de données »)', () => {
  it('keeps only the offline page and what it needs when the browser saves data', async () => {
    const { kept, workerFetched, workerSaveData } = await firstVisit(true);
    expect(workerSaveData).toBe(true);
    expect(kept).toEqual(precache);
    // The page being read is not downloaded a second time by the worker.
    expect(workerFetched).toEqual(precache);
  });

  it('also keeps the page being read otherwise', async () => {
    const { kept, workerFetched, workerSaveData } = await firstVisit(false);
    expect(workerSaveData).toBe(false);
    expect(kept).toEqual([...precache, PAGE].sort());
    expect(workerFetched).toContain(PAGE);
  });
});
