/**
 * What the browser's history keeps (issue 21, item 2), read through Chromium's own list
 * (CDP Page.getNavigationHistory) and every address the tab was navigated to: with JavaScript, a search
 * typed in the header box on a desktop never puts its words in an address; the women's page, its form
 * and its thank-you page appear under neutral addresses and titles while the page itself says what it
 * is; the old addresses redirect there.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAndSite } from './browser.ts';

const run = browserAndSite();
const REVELATEUR = /violence|femme|rappel|danger/i;

/** The tab's history as the Back menu lists it, without the new tab's blank page. */
async function historique(page: Page): Promise<{ url: string; title: string }[]> {
  const cdp = await page.context().newCDPSession(page);
  const { entries } = await cdp.send('Page.getNavigationHistory');
  await cdp.detach();
  return entries.filter((e) => e.url !== 'about:blank').map((e) => ({ url: e.url, title: e.title }));
}

/** A desktop tab that records every address its main frame was navigated to. */
async function ongletBureau(): Promise<{ page: Page; adresses: string[]; fermer: () => Promise<void> }> {
  const context = await run.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const adresses: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) adresses.push(frame.url());
  });
  return { page, adresses, fermer: () => context.close() };
}

describe('the header search box on a desktop', () => {
  it('never puts the words in an address, so neither the history nor the address bar holds them', async () => {
    const { page, adresses, fermer } = await ongletBureau();
    await page.goto(`${run.site.url}/lieux/`);
    const boite = page.locator('#recherche-entete');
    expect(await boite.isVisible()).toBe(true);
    await boite.fill('violences conjugales');
    await boite.press('Enter');
    await page.waitForURL(`${run.site.url}/recherche/`);
    await expect.poll(() => page.locator('.resultat').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await page.locator('#recherche-q').inputValue()).toBe('violences conjugales');
    for (const adresse of adresses) expect(adresse).not.toMatch(/[?&]q=|violence|conjugal/i);
    const entries = await historique(page);
    expect(entries.map((e) => e.url)).toEqual([`${run.site.url}/lieux/`, `${run.site.url}/recherche/`]);
    for (const e of entries) expect(`${e.url} ${e.title}`).not.toMatch(/[?&]q=|violence|conjugal/i);
    await fermer();
  });
});

describe('the search page’s own box', () => {
  it('keeps the words out of the address too, and a second search adds nothing to the history', async () => {
    const { page, adresses, fermer } = await ongletBureau();
    await page.goto(`${run.site.url}/recherche/`);
    for (const mots of ['hébergement urgence', 'violences conjugales']) {
      await page.locator('#recherche-q').fill(mots);
      await page.locator('#recherche-q').press('Enter');
      await expect.poll(() => page.locator('.resultat').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    }
    expect(page.url()).toBe(`${run.site.url}/recherche/`);
    for (const adresse of adresses) expect(adresse).not.toMatch(/[?&]q=|violence|conjugal|hébergement|h%C3%A9bergement/i);
    const entries = await historique(page);
    expect(entries.map((e) => e.url)).toEqual([`${run.site.url}/recherche/`]);
    for (const e of entries) expect(`${e.url} ${e.title}`).not.toMatch(/violence|conjugal|hébergement/i);
    await fermer();
  });
});

describe('the sensitive pages in the history', () => {
  it('the women’s page, its form and its thank-you page: neutral addresses and titles, the page says what it is', async () => {
    const { page, adresses, fermer } = await ongletBureau();
    await page.goto(`${run.site.url}/`);
    for (const chemin of [
      '/programmes/informations-pratiques/',
      '/formulaires/informations/',
      '/formulaires/informations/merci/',
    ]) {
      await page.goto(`${run.site.url}${chemin}`);
      expect(await page.title()).toBe('Informations pratiques — Fabrique rennaise des solidarités');
    }
    await page.goto(`${run.site.url}/programmes/informations-pratiques/`);
    expect(await page.locator('main h1').innerText()).toMatch(/femmes victimes de violences/i);
    expect(await page.locator('.note-securite').innerText()).toMatch(/«\s*Informations pratiques\s*»/);
    // The note says what the site cannot hide: without JavaScript, the other tabs.
    const note = await page.locator('.note-securite').innerText();
    expect(note).toMatch(/Sans JavaScript, .*mots cherchés restent écrits dans l’adresse/);
    expect(note).toMatch(/autres onglets ouverts sur ce site restent ouverts/);
    const entries = await historique(page);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const e of entries) expect(`${e.url} ${e.title}`).not.toMatch(REVELATEUR);
    for (const adresse of adresses) expect(adresse).not.toMatch(REVELATEUR);
    await fermer();
  });

  it('the old addresses lead to the new ones', async () => {
    const { page, fermer } = await ongletBureau();
    for (const [ancienne, nouvelle] of [
      ['/programmes/lieu-ressources-femmes/', '/programmes/informations-pratiques/'],
      ['/formulaires/femmes-rappel/', '/formulaires/informations/'],
      ['/formulaires/femmes-rappel/merci/', '/formulaires/informations/merci/'],
    ]) {
      await page.goto(`${run.site.url}${ancienne}`);
      await page.waitForURL(`${run.site.url}${nouvelle}`);
    }
    await fermer();
  });

  it('the call-back form collects nothing while the place does not exist, and its thank-you page promises nothing', async () => {
    const { page, fermer } = await ongletBureau();
    await page.goto(`${run.site.url}/formulaires/informations/`);
    expect(await page.locator('main form.formulaire').count()).toBe(0);
    const main = await page.locator('main').innerText();
    expect(main).toMatch(/pas encore ouvert/);
    expect(main).not.toMatch(/vous rappelle/);
    expect(await page.locator('main a[href="tel:3919"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href="sms:114"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href="/aide/"]').count()).toBeGreaterThan(0);
    const refus = await fetch(`${run.site.url}/f/femmes-rappel`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: run.site.url },
      body: 'telephone=0600000002&moments=matin&message_autorise=non',
    });
    expect(refus.status).toBeGreaterThanOrEqual(400);
    expect(refus.status).toBeLessThan(500);
    await page.goto(`${run.site.url}/formulaires/informations/merci/`);
    expect(await page.locator('main').innerText()).not.toMatch(/vous rappelle|équipe vous/);
    await fermer();
  });
});
