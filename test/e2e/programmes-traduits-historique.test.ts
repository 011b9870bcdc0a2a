/**
 * The sensitive programme's summary in every language, in Chromium with JavaScript (issue 23): the tab and the
 * history show only its neutral title, and leaving it by one of its links replaces it in the history, as the French
 * page does (test/e2e/history-safety.test.ts). One tab walks every language in `npm run test:complet`, Dari in CI
 * (right to left; the titles of all are checked without a browser in programmes-traduits.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { TRADUITES } from '../../src/i18n/languages.ts';
import { textesProgramme } from '../../src/i18n/programmes.ts';
import { COMPLETE } from '../scope.ts';
import { browserAndSite } from './browser.ts';

const run = browserAndSite();
const LANGUES = COMPLETE ? TRADUITES : TRADUITES.filter((l) => l.code === 'prs');

describe('informations-pratiques in every language', () => {
  it('shows a neutral title, and leaving it replaces it in the history', async () => {
    const context = await run.browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    for (const l of LANGUES) {
      const sensible = `${run.site.url}${l.prefixe}/programmes/informations-pratiques/`;
      await page.goto(`${run.site.url}${l.prefixe}/`);
      await page.goto(sensible);
      const titre = await page.title();
      const h1 = (await page.locator('h1').innerText()).toLowerCase();
      // The heading says what the page is; the title none of its words.
      const mots = h1.split(/[\s,()]+/u).filter((m) => m.length > 3);
      expect(mots.length, l.code).toBeGreaterThan(3);
      for (const mot of mots) expect(titre.toLowerCase(), `${l.code}: ${mot}`).not.toContain(mot);
      await page.getByRole('link', { name: textesProgramme(l.code).aideMaintenant }).click();
      await page.waitForURL(`${run.site.url}${l.prefixe}/aide/`);
      const { entries, currentIndex } = await cdp.send('Page.getNavigationHistory');
      const avant = entries.slice(0, currentIndex + 1).map((e) => e.url);
      expect(avant.slice(-2), l.code).toEqual([`${run.site.url}${l.prefixe}/`, `${run.site.url}${l.prefixe}/aide/`]);
      expect(avant, l.code).not.toContain(sensible);
    }
    await context.close();
  });
});
