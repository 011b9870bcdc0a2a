/** Sessions read as cards on a phone and as a table on a desktop; the site map lists topics as people look for them. */
import { describe, expect, it } from 'vitest';
import { browserAndSite } from './browser.ts';

const run = browserAndSite();

const TRAINING = '/formations/ecole-inclusive-parents-enseignants/';

describe('sessions of a training', () => {
  for (const javaScriptEnabled of [true, false])
    it(`are one card per session at 320 px, date, place and places first (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await run.browser.newContext({ javaScriptEnabled, viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      await page.goto(run.site.url + TRAINING);
      const rows = page.locator('table.sessions tbody tr');
      expect(await rows.count()).toBeGreaterThan(0);
      for (const row of await rows.all()) {
        const box = (await row.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(320);
        const order = await row.evaluate((tr) =>
          [...tr.querySelectorAll('td')]
            .map((td) => ({ label: td.dataset.label, top: td.getBoundingClientRect().top }))
            .sort((a, b) => a.top - b.top)
            .map((c) => c.label),
        );
        expect(order).toEqual(['Date', 'Lieu', 'Places', 'Horaires']);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
      expect(await page.locator('.sessions').innerText()).not.toMatch(/\d+\s+places? sur \d+/);
      await context.close();
    });

  it('are a table on a desktop', async () => {
    const context = await run.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(run.site.url + TRAINING);
    expect(
      await page
        .locator('table.sessions tbody tr')
        .first()
        .evaluate((tr) => getComputedStyle(tr).display),
    ).toBe('table-row');
    expect(await page.locator('table.sessions thead').isVisible()).toBe(true);
    await context.close();
  });
});

describe('site map', () => {
  it('lists topics as people look for them, and programmes by their short title', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${run.site.url}/plan-du-site/`);
    for (const [text, href] of [
      ['Femmes victimes de violences', '/programmes/informations-pratiques/'],
      ['Violences faites aux femmes', '/programmes/informations-pratiques/'],
      ['E2C (École de la deuxième chance)', '/programmes/ecole-deuxieme-chance/'],
      ['Handicap', '/referents/'],
      ['Urgence', '/aide/'],
    ])
      expect(await page.locator(`main a[href="${href}"]`, { hasText: text }).count(), text).toBeGreaterThan(0);
    expect(await page.locator('main a', { hasText: /^Un lieu ressource/ }).count()).toBe(0);
    await context.close();
  });
});
