/**
 * The E2C journey as a young person would try it on a phone and a desktop, JavaScript on and off:
 * one story (a project, not an application), no block at 26 but a note beside the date (with JavaScript) and a
 * thank-you page for that age, no route the sources do not name, e-mail or phone said before sending,
 * the date of birth typed in three boxes and read the French way whatever the browser's language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../functions/node.ts';
import { AXE_CONTEXT, axeViolations, launchBrowser, startSite } from './browser.ts';
import { answers, fill, storedRows } from './forms-helpers.ts';

let browser: Browser;
let site: RunningServer;
const dir = mkdtempSync(path.join(tmpdir(), 'e2e-e2c-'));
const dbFile = path.join(dir, 'submissions.sqlite');

beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), startSite({ dbPath: dbFile })]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const SIZES = [
  { name: 'phone', viewport: { width: 360, height: 740 } },
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
];

describe.each(SIZES)('E2C on a $name', ({ viewport }) => {
  for (const javaScriptEnabled of [true, false])
    it(`a 30-year-old with an English browser registers interest, JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, async () => {
      const context = await browser.newContext({ ...AXE_CONTEXT, viewport, javaScriptEnabled, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${site.url}/programmes/ecole-deuxieme-chance/`);
      expect(await page.locator('main').innerText()).toMatch(/pas encore ouverte/);
      await page.click('main a[href="/formulaires/e2c/"]');
      const intro = await page.locator('.formulaire-intro').innerText();
      expect(intro).toMatch(/projet.*pas encore ouverte.*pas une candidature/s);
      // shared/reference names no route for 26 and over, nor the Mission locale: the page says where to ask.
      expect(intro).not.toMatch(/Mission locale/);
      expect(intro).toMatch(/26\sans ou plus.*ne citent pas de parcours.*formulaire de contact.*Besoin d’aide.*à tout âge/s);
      expect(intro).toMatch(/e-mail ou un numéro de téléphone\s:\sau moins l’un des deux/);
      // Neither contact field says "facultatif": the pair is explained instead.
      expect(await page.locator('label[for="f-email"]').innerText()).toMatch(/au moins l’un des deux/);
      expect(await page.locator('label[for="f-telephone"]').innerText()).toMatch(/au moins l’un des deux/);
      expect(await page.locator('input[type="date"]').count()).toBe(0);
      for (const part of ['', '-mois', '-annee'])
        expect(await page.getAttribute(`#f-naissance${part}`, 'inputmode')).toBe('numeric');

      const marker = `e2c-${viewport.width}-${javaScriptEnabled}`;
      await fill(page, 'e2c', { ...answers('e2c'), naissance: '1996-05-14', message: marker });
      const note = page.locator('#f-naissance-note');
      if (javaScriptEnabled) {
        expect(await note.getAttribute('aria-live')).toBe('polite');
        expect(await note.innerText()).toMatch(/26\sans ou plus.*quand même envoyer ce formulaire/s);
      } else expect(await note.innerText()).toBe('');
      await Promise.all([
        page.waitForURL(/\/formulaires\/e2c\/merci\/26-ans\/$/),
        page.click('form.formulaire button[type="submit"]'),
      ]);
      const thanks = await page.locator('main').innerText();
      expect(thanks).toMatch(/pas encore ouverte.*pas une candidature/s);
      expect(thanks).toMatch(/vous avez 26\sans ou plus.*ne citent pas encore de parcours.*formulaire de contact/s);
      expect(thanks).toMatch(/Version de démonstration.*personne ne le lit/s);
      if (javaScriptEnabled) expect(await axeViolations(page), 'thank-you page for 26 and over').toEqual([]);
      expect(thanks).not.toMatch(/l’équipe de l’E2C vous contacte/i);
      const row = (await storedRows(dbFile, 'e2c')).find((r) => r.message === marker);
      expect(row?.naissance).toBe('1996-05-14');
      await context.close();
    });

  it('a 19-year-old sees no note and lands on the usual thank-you page', async () => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    await page.goto(`${site.url}/formulaires/e2c/`);
    await fill(page, 'e2c', { ...answers('e2c'), naissance: '2007-03-27' });
    expect(await page.locator('#f-naissance-note').innerText()).toBe('');
    await Promise.all([page.waitForURL(/\/formulaires\/e2c\/merci\/$/), page.click('form.formulaire button[type="submit"]')]);
    expect(await page.locator('main').innerText()).not.toMatch(/26\sans ou plus/);
    await context.close();
  });
});
