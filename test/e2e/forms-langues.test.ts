/**
 * A translated form in a right-to-left language, in Chromium (issue 23, items 3 and 6): the help request in Arabic,
 * without JavaScript (the handler's page) and with it (inline errors), errors in Arabic, nothing typed lost, axe clean,
 * no horizontal scroll at 320 px, the quick exit there; sent, it lands on the Arabic thank-you page and is stored
 * sealed with the language. One browser, one site.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { FORMULAIRES_EN_LANGUE } from '../../src/i18n/formulaires/index.ts';
import { textes } from '../../src/i18n/index.ts';
import { AXE_CONTEXT, axeViolations } from './browser.ts';
import { browserAndSealedSite, storedRows } from './forms-helpers.ts';

const AR = FORMULAIRES_EN_LANGUE.ar;
const MOTS = AR.formulaires['demande-aide']!;
const PAGE = '/ar/formulaires/demande-aide/';
/** An Arabic request with vowel marks, as a person may type it. */
const DEMANDE = 'أَبْحَثُ عَنْ مَكَانٍ لِلنَّوْمِ هَذَا الأُسْبُوعَ.';

const { run, dbFile } = await browserAndSealedSite('e2e-langues-');

/** Answers that miss a safe number for the text message asked for, and the subject. */
async function fillWithMistakes(page: Page) {
  await page.fill('#f-message', DEMANDE);
  await page.check('input[name="canal"][value="sms"]');
  await page.check('input[name="message_autorise"][value="non"]');
}

async function expectArabicErrors(page: Page, errors: string[]) {
  expect(await page.getAttribute('html', 'lang')).toBe('ar');
  expect(await page.getAttribute('html', 'dir')).toBe('rtl');
  expect(await page.locator('.resume-erreurs__titre').textContent()).toBe(AR.messages.problem);
  expect(await page.locator('.resume-erreurs a').allTextContents()).toEqual(errors);
  expect(await page.locator('[data-champ="telephone"] .champ__prefixe').textContent()).toBe(AR.messages.errorPrefix);
  expect(await page.title()).toMatch(new RegExp(`^${AR.messages.errorPrefix}`));
  // What was typed is still there, as typed.
  expect(await page.inputValue('#f-message')).toBe(DEMANDE);
  expect(await page.locator('input[name="_langue"]').getAttribute('value')).toBe('ar');
  expect(await page.locator('body').textContent()).not.toMatch(/Il y a un problème|Erreur :|Choisissez une réponse/);
}

describe('the help request in Arabic', () => {
  it('without JavaScript: the page in Arabic, errors in Arabic on the Arabic page, then the Arabic thank-you page', async () => {
    const context = await run.browser.newContext({
      ...AXE_CONTEXT,
      javaScriptEnabled: false,
      viewport: { width: 320, height: 700 },
    });
    const page = await context.newPage();
    await page.goto(`${run.site.url}${PAGE}`);
    expect(await page.locator('h1').textContent()).toBe(MOTS.title);
    expect(await page.locator('[data-traduction="brouillon"]').textContent()).toContain(textes('ar').traduction.brouillon);
    expect(await page.locator('.sortie-rapide__lien').textContent()).toBe(textes('ar').sortieRapide.lien);
    // The browser itself asks for what HTML marks required: the handler's own rule (a number for a text message) is left.
    await fillWithMistakes(page);
    await page.check('input[name="sujet"][value="hebergement"]');
    const [answer] = await Promise.all([page.waitForNavigation(), page.click('form.formulaire button[type="submit"]')]);
    expect(answer!.status()).toBe(422);
    await expectArabicErrors(page, [MOTS.regles!.telephone!]);
    // The Arabic page itself, refilled (not a bare page): its quick exit, its safety note, its stylesheet (the honeypot hidden).
    expect(await page.locator('.sortie-rapide__lien').textContent()).toBe(textes('ar').sortieRapide.lien);
    expect(await page.locator('[data-traduction="brouillon"]').count()).toBe(1);
    expect(await page.locator('.champ-piege').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    // The correction goes through to the thank-you page in Arabic.
    await page.fill('#f-telephone', '06 00 00 00 01');
    await Promise.all([
      page.waitForURL(`**/ar/formulaires/demande-aide/merci/`),
      page.click('form.formulaire button[type="submit"]'),
    ]);
    expect(await page.locator('h1').textContent()).toBe(MOTS.thanks.title);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const rows = await storedRows(dbFile, 'demande-aide');
    expect(rows.at(-1)).toMatchObject({ _langue: 'ar', message: DEMANDE.normalize('NFC'), telephone: '06 00 00 00 01' });
    await context.close();
  });

  it('with JavaScript: inline errors in Arabic, summary focused, no reload, axe clean', async () => {
    const context = await run.browser.newContext({ ...AXE_CONTEXT, viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${run.site.url}${PAGE}`);
    await fillWithMistakes(page);
    let navigations = 0;
    page.on('framenavigated', (f) => f === page.mainFrame() && navigations++);
    await page.click('form.formulaire button[type="submit"]');
    await page.waitForSelector('.resume-erreurs');
    expect(navigations).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('resume-erreurs'))).toBe(true);
    await expectArabicErrors(page, [AR.messages.chooseOne(MOTS.champs.sujet!.label), MOTS.regles!.telephone!]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
