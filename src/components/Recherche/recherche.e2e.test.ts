/**
 * Search on the built site, in Chromium, through our own interface: filters, what a result shows, keyboard use, the live count, axe, 320 px, lazy loading of Pagefind,
 * the site's CSP, and the page without JavaScript. Which page today's content brings for which words is a content
 * check (test/content/recherche.test.ts, `npm run check:recherche`).
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AXE_CONTEXT, axeViolations, browserAndSite } from '../../../test/e2e/browser.ts';
import { COMPLETE } from '../../../test/scope.ts';

const run = browserAndSite();
let context: BrowserContext;

beforeAll(async () => {
  context = await run.browser.newContext(AXE_CONTEXT);
});

const statut = (page: Page) => page.locator('[data-recherche-statut]');
const liens = (page: Page) => page.locator('.resultat__titre a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));

/** Opens /recherche/?… as the header box does, and waits for the announced count. */
async function chercher(page: Page, query: string): Promise<void> {
  await page.goto(`${run.site.url}/recherche/?${query}`);
  await expect.poll(() => statut(page).textContent(), { timeout: 15_000 }).toMatch(/résultat/);
}

describe('the search page with JavaScript', () => {
  it('fetches nothing from Pagefind until a search starts, then searches as one types', async () => {
    const page = await context.newPage();
    const pagefind: string[] = [];
    page.on('request', (r) => r.url().includes('/pagefind/') && pagefind.push(r.url()));
    await page.goto(`${run.site.url}/`);
    await page.goto(`${run.site.url}/recherche/`);
    await page.waitForLoadState('networkidle');
    expect(pagefind).toEqual([]);
    expect(await page.locator('[data-recherche-sans-js]').isHidden()).toBe(true);
    await page.locator('#recherche-q').pressSequentially('cirque');
    await expect
      .poll(() => statut(page).textContent(), { timeout: 15_000 })
      .toMatch(/^\d+ résultats? pour «\u202fcirque\u202f»\.$/);
    expect(await liens(page)).toContain('/activites/atelier-cirque-le-blosne/');
    expect(pagefind.some((u) => u.endsWith('/pagefind/pagefind.js'))).toBe(true);
    // The words searched stay out of the address, hence out of the history (issue 10).
    expect(page.url()).toBe(`${run.site.url}/recherche/`);
    await page.close();
  });

  it('takes the query from the header box and announces the count in a polite live region', async () => {
    const page = await context.newPage();
    await page.goto(`${run.site.url}/programmes/`);
    await page.locator('#recherche-entete').fill('E2C');
    await page.locator('#recherche-entete').press('Enter');
    // The words travel through the tab's memory, never the address (history-safety.test.ts).
    await page.waitForURL(`${run.site.url}/recherche/`);
    await expect.poll(() => statut(page).textContent(), { timeout: 15_000 }).toMatch(/^\d+ résultats? pour «\u202fE2C\u202f»\.$/);
    expect(await statut(page).getAttribute('role')).toBe('status');
    expect(await page.locator('#recherche-q').inputValue()).toBe('E2C');
    await page.close();
  });

  it('shows title, kind, quartier and, for a training, its next session', async () => {
    const page = await context.newPage();
    await chercher(page, 'q=formation+assistante+maternelle');
    const formation = page
      .locator('.resultat')
      .filter({ has: page.locator('a[href="/formations/accueillir-enfant-handicap-creche/"]') });
    expect(await formation.locator('h3 a').textContent()).toBe(
      "Accueillir un enfant en situation de handicap à la crèche et chez l'assistante maternelle",
    );
    expect(await formation.locator('.resultat__meta').textContent()).toMatch(/^Formation · .*Le Blosne/);
    expect(await formation.locator('.resultat__session').textContent()).toMatch(
      /^Prochaine session\u00a0: (\p{L}+ \d{1,2} \p{L}+ \d{4}, de .+, .+|pas de session à venir)$/u,
    );
    expect(await formation.locator('.resultat__extrait mark').count()).toBeGreaterThan(0);

    await chercher(page, 'q=cirque');
    const cirque = page.locator('.resultat').filter({ has: page.locator('a[href="/activites/atelier-cirque-le-blosne/"]') });
    expect(await cirque.locator('.resultat__meta').textContent()).toBe('Loisir partagé · Le Blosne · Entrée de plain-pied');
    await page.close();
  });

  it('filters by kind, quartier, audience and step-free access, and keeps them on reload, not in the address', async () => {
    const page = await context.newPage();
    await chercher(page, 'q=handicap');
    // The announced count: only the first results are shown.
    const nombre = async () => Number(/^(\d+) résultat/.exec((await statut(page).textContent()) ?? '')?.[1] ?? 0);
    const tous = await nombre();

    await page.locator('[data-recherche-filtres-repli] summary').click();
    await page.locator('#filtre-type').selectOption('Formation');
    await expect.poll(async () => (await liens(page)).every((h) => h?.startsWith('/formations/'))).toBe(true);
    expect((await liens(page)).length).toBeGreaterThan(0);
    expect(await statut(page).textContent()).toMatch(/pour «\u202fhandicap\u202f» avec ces filtres\.$/);

    await page.locator('#filtre-public').selectOption('Soignants');
    await expect.poll(() => liens(page)).toEqual(['/formations/soins-et-handicap-ecouter-les-parents/']);

    await page.locator('#filtre-type').selectOption('');
    await page.locator('#filtre-public').selectOption('');
    await page.locator('#filtre-quartier').selectOption('Le Blosne');
    const metasBlosne = () => page.locator('.resultat__meta').allTextContents();
    await expect.poll(async () => (await metasBlosne()).every((m) => m.includes('Le Blosne'))).toBe(true);
    expect((await metasBlosne()).length).toBeGreaterThan(0);

    await page.locator('#filtre-quartier').selectOption('');
    await page.locator('#filtre-acces').check();
    await expect.poll(nombre).toBeLessThan(tous);
    const metas = await page.locator('.resultat__meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas) expect(meta).toMatch(/^(Lieu d’accueil|Loisir partagé) · .* · Entrée de plain-pied$/);

    // Reloading gives the same filtered results, from this tab's memory: the address says nothing.
    expect(page.url()).toBe(`${run.site.url}/recherche/`);
    await page.reload();
    expect(await page.locator('#filtre-acces').isChecked()).toBe(true);
    expect(await page.locator('#recherche-q').inputValue()).toBe('handicap');
    await expect.poll(() => page.locator('.resultat__meta').allTextContents()).toEqual(metas);
    await page.close();
  });

  it('is operable with the keyboard alone, including "more results"', async () => {
    const page = await context.newPage();
    await page.goto(`${run.site.url}/recherche/`);
    await page.locator('#recherche-q').focus();
    await page.keyboard.type('handicap');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.resultat').count(), { timeout: 15_000 }).toBe(4);
    const plus = page.getByRole('button', { name: /^Afficher \d+ résultats? de plus$/ });
    for (let i = 0; i < 40 && !(await plus.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.resultat').count()).toBeGreaterThan(4);
    // Focus moves to the first new result, so keyboard and screen reader users continue from there.
    expect(
      await page.evaluate(() => document.activeElement?.closest('.resultat') === document.querySelectorAll('.resultat')[4]),
    ).toBe(true);
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${run.site.url}${href}`);
    await page.close();
  });

  // With no results: in CI, the page with no query passes axe (pages.test) and the help box is checked by
  // recherche-securite; this state itself under axe in `npm run test:complet` (with recherche-vide).
  it.each([['with results', 'q=handicap+Blosne'], ...(COMPLETE ? [['with no results', 'q=kwijibo']] : [])])(
    'passes axe and fits 320 px %s',
    async (_, query) => {
      const ctx = await run.browser.newContext({ ...AXE_CONTEXT, viewport: { width: 320, height: 640 } });
      const page = await ctx.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await chercher(page, query);
      if (query.includes('kwijibo')) {
        expect(await statut(page).textContent()).toBe('Aucun résultat pour «\u202fkwijibo\u202f».');
        expect(await page.locator('[data-recherche-aide] a[href="#index-az"]').isVisible()).toBe(true);
      }
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBeLessThanOrEqual(0);
      expect(await axeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await ctx.close();
    },
  );

  it('works under the CSP the server sends (no inline code; WebAssembly allowed)', async () => {
    // The server's own policy when it sends one; until then, the policy it must allow search under.
    const fallback =
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";
    const ctx = await run.browser.newContext();
    await ctx.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = response.headers();
      headers['content-security-policy'] ??= fallback;
      await route.fulfill({ response, headers });
    });
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('console', (m) => ['error', 'warning'].includes(m.type()) && errors.push(m.text()));
    await page.goto(`${run.site.url}/recherche/?q=E2C`);
    await expect.poll(() => statut(page).textContent(), { timeout: 15_000 }).not.toBe('');
    expect(errors, "Pagefind needs 'wasm-unsafe-eval' in script-src").toEqual([]);
    expect((await liens(page))[0]).toBe('/programmes/ecole-deuxieme-chance/');
    await ctx.close();
  });

  it('ships at most 5 KB (gzip) of our own search script, fetched on the search page only', async () => {
    // Every page loads one script (src/layouts/site-scripts.ts); the search's part comes when there is a search.
    const scripts = async (path: string): Promise<string[]> => {
      const ctx = await run.browser.newContext();
      const page = await ctx.newPage();
      const seen: string[] = [];
      page.on('requestfinished', (r) => {
        const url = new URL(r.url());
        if (url.pathname.startsWith('/_astro/') && url.pathname.endsWith('.js')) seen.push(url.pathname);
      });
      await page.goto(run.site.url + path);
      if (path.startsWith('/recherche/')) await expect.poll(() => statut(page).textContent(), { timeout: 15_000 }).not.toBe('');
      else await page.waitForTimeout(300);
      await ctx.close();
      return seen;
    };
    const ailleurs = await scripts('/programmes/informations-pratiques/');
    const recherche = (await scripts('/recherche/?q=E2C')).filter((src) => !ailleurs.includes(src));
    expect(recherche.some((src) => /\/recherche\.[\w-]+\.js$/.test(src))).toBe(true);
    const gz = async (src: string) =>
      gzipSync(Buffer.from(await (await fetch(run.site.url + src)).arrayBuffer()), { level: 9 }).length;
    expect((await Promise.all(recherche.map(gz))).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(5 * 1024);
  });
});

describe('the search page without JavaScript', () => {
  it('says search needs JavaScript and offers the A–Z index of every kind of page', async () => {
    const ctx = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${run.site.url}/`);
    await page.locator('#recherche-entete').fill('E2C');
    await page.locator('#recherche-entete').press('Enter');
    await page.waitForURL(/\/recherche\/\?q=E2C$/);
    expect(await page.locator('[data-recherche-sans-js]').textContent()).toContain('La recherche a besoin de JavaScript');
    expect(await page.locator('[data-recherche-sans-js]').isVisible()).toBe(true);
    // Filters would do nothing without the script: hidden, and disabled so they are not submitted either.
    expect(await page.locator('[data-recherche-filtres]').isHidden()).toBe(true);
    const index = await page.locator('#index-az ~ section a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    for (const href of [
      '/programmes/ecole-deuxieme-chance/',
      '/referents/',
      '/quartiers/le-blosne/',
      '/formations/accueillir-enfant-handicap-creche/',
      '/activites/atelier-cirque-le-blosne/',
      '/lieux/mdph-ille-et-vilaine/',
      '/accessibilite/',
    ]) {
      expect(index).toContain(href);
    }
    await page.locator('#recherche-q').fill('cirque');
    await page.locator('#recherche-q').press('Enter');
    await page.waitForURL(/\/recherche\/\?q=cirque$/);
    await ctx.close();
  });
});
