/**
 * The site in other languages (issue 23), in a real Chromium: each language's home and help page carry their own
 * `lang` and `dir`, say they are a draft translation, keep the quick exit and every emergency number dialable, pass
 * axe and fit 320 px; the language menu works without JavaScript; right to left (Arabic, Dari), numbers still read
 * left to right and the quick exit sits in the mirrored corner (the start of the line, as in French).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LANGUES, TRADUITES, cheminTraduit, langue } from '../../src/i18n/languages.ts';
import { textes } from '../../src/i18n/index.ts';
import { URGENCES } from '../../src/lib/site/urgences.ts';
import { COMPLETE } from '../scope.ts';
import { axeViolations, browserAndSite } from './browser.ts';

const run = browserAndSite();
const LIENS = URGENCES.map((u) => u.lien);
/**
 * axe on every language's pages in `npm run test:complet`; in CI on Dari's (right to left, Persian script), beside
 * Arabic's, which test/e2e/pages.test.ts checks as the first of the /:langue/ templates: all share one template.
 */
const AXE = new Set(COMPLETE ? TRADUITES.map((l) => l.code) : ['prs']);

describe('each language’s home and help page', () => {
  it.each(TRADUITES.map((l) => [l.code, l] as const))(
    '%s: lang, dir, draft notice, quick exit, emergency numbers, 320 px, axe (AXE)',
    async (_, l) => {
      const context = await run.browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      for (const chemin of [cheminTraduit('accueil', l), cheminTraduit('aide', l)]) {
        // The stylesheet is inline: the layout is final once the document is parsed; axe waits for the page's scripts.
        const response = await page.goto(run.site.url + chemin, { waitUntil: AXE.has(l.code) ? 'load' : 'domcontentloaded' });
        expect(response?.status(), chemin).toBe(200);
        // One round trip to the page for all of it (CI time).
        const vu = await page.evaluate((liens) => {
          const visible = (selector: string) => !!document.querySelector(selector)?.checkVisibility();
          const html = document.documentElement;
          return {
            lang: html.getAttribute('lang'),
            dir: html.getAttribute('dir'),
            // A draft says so, in its own language, with the French page one link away.
            brouillon: document.querySelectorAll('[data-traduction="brouillon"] a[hreflang="fr"]').length,
            sortieRapide: visible('a[data-module="sortie-rapide"]'),
            // The quick exit and, on the help page, the safety note speak the page's language.
            sortieRapideTexte: document.querySelector('a[data-module="sortie-rapide"]')?.textContent,
            noteSecurite: document.querySelector('#note-securite-titre')?.textContent,
            // Every number in the strip and in the page's own list, as it is dialled.
            bandeau: liens.filter((lien) => visible(`.urgences a[href="${lien}"]`)),
            liste: liens.filter((lien) => document.querySelectorAll(`[data-urgences-traduites] a[href="${lien}"]`).length === 1),
            defilement: html.scrollWidth - html.clientWidth,
          };
        }, LIENS);
        expect(vu, chemin).toEqual({
          lang: l.tag,
          dir: l.dir,
          brouillon: 1,
          sortieRapide: true,
          sortieRapideTexte: textes(l.code).sortieRapide.lien,
          noteSecurite: chemin === cheminTraduit('aide', l) ? textes(l.code).noteSecurite.titre : undefined,
          bandeau: LIENS,
          liste: LIENS,
          defilement: 0,
        });
        if (AXE.has(l.code)) expect(await axeViolations(page), chemin).toEqual([]);
      }
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});

describe('the language menu, without JavaScript', () => {
  it('leads from one language’s help page to the next, each named in itself, and back to French', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${run.site.url}/aide/`);
    // Search engines and browsers find each language's version of the page, French by default.
    const alternates = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="alternate"][hreflang]')].map((e) => [
        e.getAttribute('hreflang'),
        new URL(e.getAttribute('href')!).pathname,
      ]),
    );
    expect(alternates).toEqual([...LANGUES.map((l) => [l.tag, cheminTraduit('aide', l)]), ['x-default', '/aide/']]);
    // From each help page to the next language's, by the menu, then back to French.
    for (const l of [...TRADUITES, langue('fr')]) {
      await page.locator(`nav.langues a[lang="${l.tag}"]`, { hasText: l.nom }).click();
      // Until the new page has loaded: on a busy machine the address changes before its document is there.
      await page.waitForURL((url) => url.pathname === cheminTraduit('aide', l));
      const vu = await page.evaluate(() => ({
        lang: document.documentElement.lang,
        titre: !!document.querySelector('main h1')?.checkVisibility(),
        // The menu names every language in itself, the current one marked.
        menu: [...document.querySelectorAll<HTMLElement>('nav.langues a')].map((a) => a.innerText),
        actuelle: document.querySelector('nav.langues a[aria-current="true"]')?.getAttribute('lang'),
      }));
      expect(vu).toEqual({ lang: l.tag, titre: true, menu: LANGUES.map((x) => x.nom), actuelle: l.tag });
    }
    // A French page with no translation links to the menu.
    await page.goto(`${run.site.url}/mentions-legales/`);
    await page.locator('footer a[href="/#langues"]').click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.locator('nav.langues#langues a').count()).toBe(LANGUES.length);
    await context.close();
  });
});

describe('right to left', () => {
  const RTL = LANGUES.filter((l) => l.dir === 'rtl');

  /** What the test compares, measured in the page in one round trip. */
  const mesures = (page: Page) =>
    page.evaluate(() => {
      const range = document.createRange();
      /** The left edge of a text node's i-th character. */
      const gauche = (text: Node, i: number) => {
        range.setStart(text, i);
        range.setEnd(text, i + 1);
        return range.getBoundingClientRect().left;
      };
      const chiffres = [...document.querySelectorAll('.urgences a > span, [data-urgences-traduites] a > span')].map((e) => {
        const text = e.firstChild!;
        return { numero: text.textContent!, premier: gauche(text, 0), dernier: gauche(text, text.textContent!.length - 1) };
      });
      const sms = document.querySelector('.urgences a[href="sms:114"]');
      const sortie = document.querySelector('a[data-module="sortie-rapide"]')!.getBoundingClientRect();
      return {
        chiffres,
        // The strip's « 114 SMS »: where the number and the word start.
        sms: sms?.querySelector(':scope > span')
          ? {
              numero: gauche(sms.querySelector(':scope > span')!.firstChild!, 0),
              mot: sms.querySelector('.urgences__label')!.getBoundingClientRect().left,
            }
          : undefined,
        sortie: { gauche: sortie.left, droite: sortie.right, haut: sortie.top },
        largeur: document.documentElement.clientWidth,
      };
    });

  it('has Arabic and Dari, numbers left to right, « 114 SMS » in that order, the quick exit in the mirrored corner', async () => {
    expect(RTL.map((l) => l.code)).toEqual(['ar', 'prs']);
    const context = await run.browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await page.goto(run.site.url + cheminTraduit('aide', langue('fr')), { waitUntil: 'domcontentloaded' });
    const francais = await mesures(page);
    for (const l of RTL) {
      await page.goto(run.site.url + cheminTraduit('aide', l), { waitUntil: 'domcontentloaded' });
      const m = await mesures(page);
      expect(m.chiffres.length, l.code).toBeGreaterThanOrEqual(2 * LIENS.length);
      for (const c of m.chiffres) expect(c.premier, `${l.code} ${c.numero}`).toBeLessThan(c.dernier);
      // The number first, on the left, as written on a phone's keypad.
      expect(m.sms!.numero, l.code).toBeLessThan(m.sms!.mot);
      // The quick exit starts the line: on the left in French, on the right here, the same distance from the edge.
      expect(Math.abs(m.largeur - m.sortie.droite - francais.sortie.gauche), l.code).toBeLessThanOrEqual(2);
      expect(Math.abs(m.sortie.haut - francais.sortie.haut), l.code).toBeLessThanOrEqual(2);
    }
    await context.close();
  });
});

describe('search', () => {
  it('keeps one index per language: the translated pages in their own, so the French search page loads French words only', () => {
    // Pagefind splits its index by <html lang>; each search page loads its own (test/e2e/search-languages.test.ts).
    const dist = (chemin: string) => readFileSync(new URL(`../../dist${chemin}`, import.meta.url), 'utf8');
    const entry = JSON.parse(dist('/pagefind/pagefind-entry.json')) as { languages: Record<string, unknown> };
    expect(Object.keys(entry.languages).sort()).toEqual(LANGUES.map((l) => l.tag.toLowerCase()).sort());
    for (const l of TRADUITES)
      for (const page of ['accueil', 'aide'] as const)
        expect(dist(`${cheminTraduit(page, l)}index.html`), `${l.code} ${page}`).toContain('data-pagefind-body');
    expect(dist('/recherche/index.html')).toMatch(/<html lang="fr"/);
  });
});
