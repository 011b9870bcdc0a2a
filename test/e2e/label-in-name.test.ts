/**
 * Label in name (WCAG 2.5.3, issue 21 item 8): the accessible name of a control starts with the words it
 * shows, so that a person using voice control can say what they see. axe's rule is experimental, hence off
 * in the general run: it is run here on its own, on pages of every kind.
 */
import type axe from 'axe-core';
import { describe, expect, it } from 'vitest';
import { AXE_CONTEXT, browserAndSite, injectAxe } from './browser.ts';

const run = browserAndSite();

describe('label in name', () => {
  it.each(['/', '/aide/', '/quartiers/le-blosne/', '/programmes/informations-pratiques/', '/recherche/'])(
    '%s: no control whose visible words are missing from its accessible name',
    async (chemin) => {
      const context = await run.browser.newContext(AXE_CONTEXT);
      const page = await context.newPage();
      await page.goto(`${run.site.url}${chemin}`);
      await injectAxe(page);
      const result = await page.evaluate(() =>
        (window as unknown as { axe: typeof axe }).axe.run(document, {
          runOnly: { type: 'rule', values: ['label-content-name-mismatch'] },
        }),
      );
      expect(result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.html}`))).toEqual([]);
      // The emergency SMS link in particular: its name starts with what it shows.
      const sms = page.locator('.urgences a[href="sms:114"]');
      const visible = (await sms.innerText()).replace(/\s+/g, ' ').trim();
      expect(await sms.getAttribute('aria-label')).toMatch(new RegExp(`^${visible}`));
      await context.close();
    },
  );
});
