/**
 * Right to left (issue 23): the Arabic and Dari pages are mirrored by the browser from `dir="rtl"` and the
 * stylesheet's logical properties, and nothing that must not turn round does. Screenshots at 320 and 1280 px of the
 * home, a programme (once translated), a form with its errors (once translated; the help page until then) and the
 * emergency strip are saved under test-results/rtl/ for a person to look at. Checked here: phone numbers and their
 * digits run left to right, no element is flipped by a transform, the quick exit keeps its logical corner (mirrored
 * from the French page's), and no horizontal scroll at 320 px.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { langue } from '../../src/i18n/languages.ts';
import { browserAndSite } from './browser.ts';

const run = browserAndSite();
const DOSSIER = new URL('../../test-results/rtl/', import.meta.url);
const RTL = [langue('ar'), langue('prs')];
const LARGEURS = [320, 1280];
const dist = (chemin: string) => new URL(`../../dist${chemin}index.html`, import.meta.url);

/** The pages to look at in a language: those built today. */
function pages(prefixe: string): { nom: string; chemin: string; erreurs?: boolean }[] {
  const liste: { nom: string; chemin: string; erreurs?: boolean }[] = [{ nom: 'accueil', chemin: `${prefixe}/` }];
  const programme = `${prefixe}/programmes/ecole-deuxieme-chance/`;
  if (existsSync(dist(programme))) liste.push({ nom: 'programme', chemin: programme });
  const formulaires = new URL(`../../dist${prefixe}/formulaires/`, import.meta.url);
  const forme = existsSync(formulaires)
    ? readdirSync(formulaires).find((f) => existsSync(new URL(`${f}/index.html`, formulaires)))
    : undefined;
  liste.push(
    forme
      ? { nom: 'formulaire-erreurs', chemin: `${prefixe}/formulaires/${forme}/`, erreurs: true }
      : { nom: 'aide', chemin: `${prefixe}/aide/` },
  );
  return liste;
}

/** Where the quick exit sits: the distance from its left edge to the window's left, and from its right edge to the right. */
function coinSortie(page: Page): Promise<{ gauche: number; droite: number }> {
  return page.evaluate(() => {
    const r = document.querySelector('a[data-module="sortie-rapide"]')!.getBoundingClientRect();
    return { gauche: r.left, droite: document.documentElement.clientWidth - r.right };
  });
}

let frCoin: Record<number, { gauche: number; droite: number }> = {};

beforeAll(async () => {
  mkdirSync(DOSSIER, { recursive: true });
  // The French home, as the reference the right-to-left pages mirror.
  const context = await run.browser.newContext();
  const page = await context.newPage();
  for (const largeur of LARGEURS) {
    await page.setViewportSize({ width: largeur, height: 800 });
    await page.goto(`${run.site.url}/`);
    frCoin[largeur] = await coinSortie(page);
  }
  await context.close();
});
afterAll(() => {
  frCoin = {};
});

describe.each(RTL.map((l) => [l.code, l] as const))('%s, right to left', (_code, l) => {
  it(
    'screenshots, numbers left to right, nothing flipped, quick exit in its corner, no horizontal scroll',
    { timeout: 60_000 },
    async () => {
      const context = await run.browser.newContext();
      const page = await context.newPage();
      for (const p of pages(l.prefixe))
        for (const largeur of LARGEURS) {
          await page.setViewportSize({ width: largeur, height: 800 });
          await page.goto(`${run.site.url}${p.chemin}`);
          if (p.erreurs) {
            // Sent empty: the errors' summary at the top, each field's error beside it; then back to the top, so the
            // sticky quick-exit bar is drawn where it belongs in the full-page picture.
            await page.locator('main form button[type="submit"]').first().click();
            await page.locator('.resume-erreurs').waitFor();
            await page.evaluate(() => window.scrollTo(0, 0));
          }
          expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
            l.tag,
            'rtl',
          ]);
          const nom = `${l.code}-${p.nom}-${largeur}`;
          await page.screenshot({ path: new URL(`${nom}.png`, DOSSIER).pathname, fullPage: true });
          if (p.nom === 'accueil')
            await page
              .locator('.urgences')
              .screenshot({ path: new URL(`${l.code}-bandeau-urgences-${largeur}.png`, DOSSIER).pathname });

          // No horizontal scroll.
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
            nom,
          ).toBeLessThanOrEqual(0);

          // Every phone number's digits are laid out left to right: each digit starts to the right of the one before.
          const numeros = await page.evaluate(() =>
            [...document.querySelectorAll<HTMLAnchorElement>('a[href^="tel:"], a[href^="sms:"]')]
              .filter((a) => a.getClientRects().length > 0)
              .map((a) => {
                const chiffres: number[] = [];
                const walker = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
                for (let n = walker.nextNode(); n; n = walker.nextNode()) {
                  const texte = n.textContent ?? '';
                  for (let i = 0; i < texte.length; i++) {
                    if (!/\d/.test(texte[i]!)) continue;
                    const range = document.createRange();
                    range.setStart(n, i);
                    range.setEnd(n, i + 1);
                    chiffres.push(range.getBoundingClientRect().left);
                  }
                }
                return { lien: a.getAttribute('href')!, texte: a.textContent ?? '', chiffres };
              }),
          );
          expect(numeros.length, nom).toBeGreaterThan(0);
          for (const n of numeros) {
            // The number dialled is the number written.
            expect(n.texte.replace(/\D/g, ''), `${nom} ${n.lien}`).toContain(n.lien.replace(/\D/g, ''));
            for (let i = 1; i < n.chiffres.length; i++)
              expect(n.chiffres[i]!, `${nom} ${n.lien} « ${n.texte.trim()} »`).toBeGreaterThan(n.chiffres[i - 1]!);
          }

          // Nothing turned round by a transform (icons, arrows, the number's digits): no negative horizontal scale.
          const retournes = await page.evaluate(() =>
            [...document.querySelectorAll('*')]
              .filter((e) => {
                const t = getComputedStyle(e).transform;
                return t !== 'none' && new DOMMatrixReadOnly(t).a < 0;
              })
              .map((e) => e.outerHTML.slice(0, 80)),
          );
          expect(retournes, nom).toEqual([]);

          // The quick exit keeps its logical corner: where the French page has it on the left, this one has it on the right.
          const coin = await coinSortie(page);
          const fr = frCoin[largeur]!;
          const cote = (c: { gauche: number; droite: number }) => (c.gauche < c.droite ? 'gauche' : 'droite');
          expect(cote(coin), nom).not.toBe(cote(fr));
          expect(Math.abs(Math.min(coin.gauche, coin.droite) - Math.min(fr.gauche, fr.droite)), nom).toBeLessThanOrEqual(2);
        }
      await context.close();
    },
  );
});

describe('the stylesheet turns round by itself', () => {
  it('uses logical properties only: no physical side, no mirroring transform, no rule for right to left', async () => {
    const page = await run.browser.newPage();
    await page.goto(`${run.site.url}/ar/`);
    const css = await page.evaluate(() =>
      [...document.styleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n'),
    );
    await page.close();
    expect(css.length).toBeGreaterThan(1000);
    expect(css).not.toMatch(
      /(?:margin|padding|border)-(?:left|right)\s*:|text-align:\s*(?:left|right)|float:\s*(?:left|right)|(?<![-\w])(?:left|right)\s*:/,
    );
    expect(css).not.toMatch(/scaleX\(\s*-|scale\(\s*-|rotateY\(|\[dir=["']?rtl|:dir\(rtl\)/);
  });
});
