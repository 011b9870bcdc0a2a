/**
 * The E2C journey as a young person would try it on a phone and a desktop, JavaScript on and off:
 * one story (a project, not an application), no block at 26, e-mail or phone said before sending,
 * the date of birth typed in three boxes and read the French way whatever the browser's language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../functions/node.ts';
import { launchBrowser, startSite } from './browser.ts';
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
      const context = await browser.newContext({ viewport, javaScriptEnabled, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${site.url}/programmes/ecole-deuxieme-chance/`);
      expect(await page.locator('main').innerText()).toMatch(/pas encore ouverte/);
      await page.click('main a[href="/formulaires/e2c/"]');
      const intro = await page.locator('.formulaire-intro').innerText();
      expect(intro).toMatch(/projet.*pas encore ouverte.*pas une candidature/s);
      expect(intro).toMatch(/Mission locale \(pour les jeunes de 16 à 25\sans/);
      expect(intro).toMatch(/26\sans ou plus.*pas encore de parcours pour votre âge.*Besoin d’aide.*quand même nous écrire/s);
      expect(intro).toMatch(/e-mail ou un numéro de téléphone\s:\sau moins l’un des deux/);
      // Neither contact field says "facultatif": the pair is explained instead.
      expect(await page.locator('label[for="f-email"]').innerText()).toMatch(/au moins l’un des deux/);
      expect(await page.locator('label[for="f-telephone"]').innerText()).toMatch(/au moins l’un des deux/);
      expect(await page.locator('input[type="date"]').count()).toBe(0);
      for (const part of ['', '-mois', '-annee'])
        expect(await page.getAttribute(`#f-naissance${part}`, 'inputmode')).toBe('numeric');

      const marker = `e2c-${viewport.width}-${javaScriptEnabled}`;
      await fill(page, 'e2c', { ...answers('e2c'), naissance: '1996-05-14', message: marker });
      await Promise.all([page.waitForURL(/\/formulaires\/e2c\/merci\/$/), page.click('form.formulaire button[type="submit"]')]);
      const thanks = await page.locator('main').innerText();
      expect(thanks).toMatch(/pas encore ouverte.*pas une candidature/s);
      expect(thanks).not.toMatch(/l’équipe de l’E2C vous contacte/i);
      const row = (await storedRows(dbFile, 'e2c')).find((r) => r.message === marker);
      expect(row?.naissance).toBe('1996-05-14');
      await context.close();
    });
});
