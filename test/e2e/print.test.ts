/**
 * Paper: the pages people print (each quartier, the referent directory, each training, each programme), printed
 * to PDF in Chromium. A quartier sheet fits one A4; every sheet shows the page's address as a printed link, and its
 * QR code, read back from a screenshot with jsQR, leads to that address. CI prints one sheet per kind; every
 * sheet of today's content is printed by `npm run test:complet` (a longer text is the editors' matter).
 */
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { COMPLETE } from '../scope.ts';
import { browserAndSite, sitemapPaths } from './browser.ts';
import { byTemplate, templateOf } from './templates.ts';

const run = browserAndSite();
const paths = await sitemapPaths();
/** Most A4 pages each kind of sheet may take. */
const MAX_PAGES: Record<string, number> = {
  '/quartiers/:id/': 1,
  '/referents/': 4,
  '/formations/:id/': 2,
  '/programmes/:id/': 3,
};
const printed = paths.filter((p) => templateOf(p) in MAX_PAGES);
const sample = COMPLETE ? printed : [...byTemplate(printed).values()].map((group) => group[0]!);

const a4Pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

/** Reads the QR code drawn in the page: a screenshot of it, decoded to pixels by the browser, then by jsQR. */
async function readQr(page: Page): Promise<string | undefined> {
  const png = await page.locator('.imprime-adresse svg').screenshot();
  const { width, height, pixels } = await page.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    return { width: bitmap.width, height: bitmap.height, pixels: [...ctx.getImageData(0, 0, bitmap.width, bitmap.height).data] };
  }, png.toString('base64'));
  return jsQR(Uint8ClampedArray.from(pixels), width, height)?.data;
}

describe('printed sheets', () => {
  it('covers the directory and every kind of sheet', () => {
    expect(printed).toContain('/referents/');
    expect([...byTemplate(printed).keys()].sort()).toEqual(Object.keys(MAX_PAGES).sort());
  });

  it.each(sample)('%s prints on A4 with its address and a QR code that leads back to it', async (pagePath) => {
    const context = await run.browser.newContext({ deviceScaleFactor: 3 });
    const page = await context.newPage();
    await page.goto(run.site.url + pagePath);
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(canonical).toBe(new URL(pagePath, canonical!).href);

    const pdf = await page.pdf({ preferCSSPageSize: true });
    const pages = a4Pages(pdf);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(MAX_PAGES[templateOf(pagePath)]!);

    await expect(page.locator('.imprime-adresse').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'print' });
    const link = page.locator('.imprime-adresse a');
    await expect(link.isVisible()).resolves.toBe(true);
    await expect(link.textContent()).resolves.toBe(canonical);
    await expect(readQr(page)).resolves.toBe(canonical);
    await context.close();
  });
});
