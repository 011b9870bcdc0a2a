/**
 * Issue 21, item 10: a first visit pays only for itself. What it loads besides the page is one script (every
 * response's headers count, budgets.md), never the icon as a request, and none of the parts fetched at first use
 * (the finder's names and matching, the search, the forms' enhancement, read-aloud) until the reader uses them.
 * The bytes themselves are the benchmark's (`npm run bench -- pages`).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browserAndSite, sitemapPaths } from './browser.ts';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const run = browserAndSite();

/** What a fresh profile fetches for `pagePath` after its load, the page itself left out; then `use` runs. */
async function fetched(pagePath: string, use?: (page: import('playwright-core').Page) => Promise<void>) {
  const context = await run.browser.newContext();
  const page = await context.newPage();
  const paths: string[] = [];
  context.on('requestfinished', (r) => paths.push(new URL(r.url()).pathname));
  await page.goto(run.site.url + pagePath, { waitUntil: 'load' });
  await page.waitForTimeout(300);
  const atLoad = paths.filter((p) => p !== pagePath);
  await use?.(page);
  const afterUse = paths.filter((p) => p !== pagePath && !atLoad.includes(p));
  await context.close();
  return { atLoad, afterUse };
}

describe('a first visit', () => {
  it('every page of the sitemap names one script and carries its icon', async () => {
    for (const p of await sitemapPaths()) {
      const html = await readFile(path.join(dist, p, 'index.html'), 'utf8');
      expect(
        [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]),
        p,
      ).toHaveLength(1);
      expect(html, p).toMatch(/<link rel="icon" href="data:image\/svg\+xml,/);
    }
  });

  it('the home page fetches one script; the finder’s part and names only when its field is used', async () => {
    const { atLoad, afterUse } = await fetched('/', async (page) => {
      await page.locator('#trouver-quartier-nom').fill('blosne');
      await expect.poll(() => page.locator('[data-trouver-resultats] li').count()).toBeGreaterThan(0);
    });
    expect(atLoad).toHaveLength(1);
    expect(atLoad[0]).toMatch(/^\/_astro\/.+\.js$/);
    expect(afterUse).toContain('/quartiers/noms.json');
    expect(afterUse.some((p) => /\/trouver-quartier\.[\w-]+\.js$/.test(p))).toBe(true);
  });

  it('a form page fetches one script; the enhancement comes when the form is reached', async () => {
    const { atLoad, afterUse } = await fetched('/formulaires/contact/', async (page) => {
      await page.locator('form.formulaire input, form.formulaire textarea').first().focus();
      await page.waitForTimeout(300);
    });
    expect(atLoad).toHaveLength(1);
    expect(afterUse.some((p) => /\/form-enhance\.[\w-]+\.js$/.test(p))).toBe(true);
  });

  it('a form sent before its enhancement arrived gets the French summary of errors, no browser bubble', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${run.site.url}/formulaires/contact/`);
    await page.locator('form.formulaire [type="submit"]').click();
    await page.locator('.resume-erreurs').waitFor();
    expect(await page.locator('.resume-erreurs').textContent()).toMatch(/[A-Z]/);
    expect(new URL(page.url()).pathname).toBe('/formulaires/contact/');
    await context.close();
  });

  it('the search page fetches one script; the search comes with the first letters', async () => {
    const { atLoad, afterUse } = await fetched('/recherche/', async (page) => {
      await page.locator('#recherche-q').fill('aide');
      await expect.poll(() => page.locator('[data-recherche-statut]').textContent(), { timeout: 15_000 }).not.toBe('');
    });
    expect(atLoad).toHaveLength(1);
    expect(afterUse.some((p) => /\/recherche\.[\w-]+\.js$/.test(p))).toBe(true);
  });
});
