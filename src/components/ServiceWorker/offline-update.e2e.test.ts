/**
 * A rebuilt site replaces the service worker cleanly: the new worker (new version in sw.js) takes over and the
 * previous build's cache is deleted. The built site is copied to a temporary folder whose sw.js is then changed
 * the way a rebuild changes it. And the documented switch-off: a switched-off sw.js removes caches and itself.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../functions/node.ts';
import { launchBrowser, startSite } from '../../../test/e2e/browser.ts';

let browser: Browser;
let site: RunningServer;
let dir: string;
const DIST = fileURLToPath(new URL('../../../dist/', import.meta.url));

// Not browserAndSite(): the site is served from a copy of dist/ that the tests rewrite, and restarted.
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'site-sw-'));
  await cp(DIST, dir, { recursive: true });
  [browser, site] = await Promise.all([launchBrowser(), startSite({ distDir: dir })]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

const cacheNames = (p: Page) => p.evaluate(() => caches.keys());
/** The server keeps compressed static files in memory: a changed sw.js is served by a restarted server, same port. */
async function restart() {
  const port = Number(new URL(site.url).port);
  await site.close();
  site = await startSite({ distDir: dir, port });
}
async function until(check: () => Promise<boolean>) {
  for (let i = 0; i < 100 && !(await check()); i++) await new Promise((r) => setTimeout(r, 100));
}

/** A file of the build changed in place: its precompressed copies (npm run build) would be stale, so they go. */
async function rewrite(file: string, content: string | Buffer) {
  await writeFile(file, content);
  await Promise.all([rm(`${file}.br`, { force: true }), rm(`${file}.gz`, { force: true })]);
}

describe('service worker updates', () => {
  it('a rebuild installs the new worker and deletes the old cache; switching off removes both', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // The worker comes on the reader's return only (register.ts): the landing page is read twice.
    await page.goto(`${site.url}/`);
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
    const sw = path.join(dir, 'sw.js');
    const version = /"version":"([0-9a-f]+)"/.exec(await readFile(sw, 'utf8'))![1]!;
    expect(await cacheNames(page)).toEqual([`fabrique-${version}`]);

    // What a rebuild with changed pages does to sw.js: a new version.
    await rewrite(sw, (await readFile(sw, 'utf8')).replaceAll(version, 'rebuilt00000'));
    await restart();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await until(async () => (await cacheNames(page)).join() === 'fabrique-rebuilt00000');
    expect(await cacheNames(page)).toEqual(['fabrique-rebuilt00000']);

    // FABRIQUE_SERVICE_WORKER=off: the published sw.js deletes the caches and unregisters itself.
    await rewrite(sw, await readFile(fileURLToPath(new URL('./switched-off.js', import.meta.url))));
    await restart();
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
    await until(
      async () =>
        (await cacheNames(page)).length === 0 && !(await page.evaluate(() => navigator.serviceWorker.getRegistration())),
    );
    expect(await cacheNames(page)).toEqual([]);
    expect(await page.evaluate(async () => Boolean(await navigator.serviceWorker.getRegistration()))).toBe(false);
    await context.close();
  });
});
