/**
 * Search in each translated language (issue 23), through the real search page in Chromium: one page per language,
 * residents' queries typed one after another (search-languages-queries.ts), each expecting its page in the top 3.
 * Also: results are in the page's language only, and the page fetches only its own language's index (Pagefind
 * chooses it from <html lang>). Prints the hit rate per language.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TRADUITES, type Langue } from '../../src/i18n/languages.ts';
import { AXE_CONTEXT, axeViolations, browserAndSite } from './browser.ts';
import { REQUETES_LANGUES, type RequeteLangue } from './search-languages-queries.ts';

const run = browserAndSite();

/** The pages a query expects; a programme's: the language's home until that programme's page is built. */
function attendues(l: Langue, r: RequeteLangue): { chemins: string[]; repli: boolean } {
  let repli = false;
  const chemins = (Array.isArray(r.page) ? r.page : [r.page]).map((cible) => {
    if (cible === 'aide') return `${l.prefixe}/aide/`;
    if (cible === 'accueil') return `${l.prefixe}/`;
    const chemin = `${l.prefixe}/programmes/${cible.slice('programme:'.length)}/`;
    if (existsSync(new URL(`../../dist${chemin}index.html`, import.meta.url))) return chemin;
    repli = true;
    return `${l.prefixe}/`;
  });
  return { chemins, repli };
}

/** Types a query in the page's field, as a resident does, and reads the result links once the count is said. */
async function chercher(page: Page, q: string): Promise<{ liens: string[]; statut: string }> {
  await page.locator('#recherche-q').fill(q);
  await page.locator('#recherche-q').press('Enter');
  const statut = page.locator('[data-recherche-statut]');
  await expect.poll(() => statut.textContent(), { timeout: 15_000 }).toContain(q);
  const liens = await page.locator('.resultat__titre a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return { liens, statut: (await statut.textContent()) ?? '' };
}

/** Pagefind's files named for a language: `<lang>_<hash>` chunks, `wasm.<lang>`, and the words' lists. */
function langueDuFichier(chemin: string): string | undefined {
  const m =
    /\/pagefind\/(?:.*\/)?(?:pagefind\.)?([a-z]{2}(?:-[a-z]{2})?)_[0-9a-f]+\.pf_|\/pagefind\/wasm\.([a-z-]+)\.pagefind/.exec(
      chemin,
    );
  if (m) return m[1] ?? m[2];
  const mots = /\/pagefind\/mots\/(?:([^/]+)\/)?[^/]+\.txt$/.exec(chemin);
  if (mots) return (mots[1] ?? 'fr').toLowerCase();
  return undefined;
}

describe('search in each translated language', () => {
  it.each(TRADUITES.map((l) => [l.code, l] as const))(
    '%s: residents’ queries find their page in the top 3, in this language’s index only',
    { timeout: 120_000 },
    async (code, l) => {
      const requetes = REQUETES_LANGUES[code as keyof typeof REQUETES_LANGUES];
      expect(requetes.length).toBeGreaterThanOrEqual(20);
      const page = await run.browser.newPage();
      const fichiers: string[] = [];
      page.on('requestfinished', (req) => {
        const p = new URL(req.url()).pathname;
        if (p.startsWith('/pagefind/')) fichiers.push(p);
      });
      await page.goto(`${run.site.url}${l.prefixe}/recherche/`);
      const manques: string[] = [];
      let replis = 0;
      let premiers = 0;
      for (const r of requetes) {
        const { chemins, repli } = attendues(l, r);
        const { liens, statut } = await chercher(page, r.q);
        // Results in the page's language only.
        for (const lien of liens) expect(lien, `« ${r.q} »`).toMatch(new RegExp(`^${l.prefixe}/`));
        if (liens.slice(0, 3).some((lien) => chemins.includes(lien))) {
          replis += Number(repli);
          premiers += Number(chemins.includes(liens[0]!));
        } else
          manques.push(`« ${r.q} » (${r.sorte}) → ${liens.slice(0, 3).join(', ') || statut} ; attendu ${chemins.join(' ou ')}`);
      }
      // Only this language's index, its words' lists and Pagefind's shared script were fetched.
      // A language Pagefind has no stemmer for (Ukrainian, Dari) uses its language-neutral module, wasm.unknown.
      const langues = new Set(fichiers.map(langueDuFichier).filter((x) => x !== undefined && x !== 'unknown'));
      expect([...langues]).toEqual([l.tag.toLowerCase()]);
      await page.close();

      const trouvees = requetes.length - manques.length;
      console.log(
        `recherche ${code} : ${trouvees}/${requetes.length} (${Math.round((trouvees / requetes.length) * 1000) / 10} %) dans le top 3, ` +
          `${premiers} en premier, ${replis} vers l’accueil faute de page du programme ; ${fichiers.length} fichiers de l’index` +
          (manques.length ? `\n  manqués :\n  ${manques.join('\n  ')}` : ''),
      );
      expect(trouvees / requetes.length, manques.join('\n')).toBeGreaterThanOrEqual(0.9);
    },
  );
});

describe('each language’s search page, with and without JavaScript', () => {
  it('without JavaScript: the page says so in its language and offers the emergency numbers, its help page and the site map', async () => {
    const context = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const l of TRADUITES) {
      await page.goto(`${run.site.url}${l.prefixe}/recherche/?q=aide`);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(l.tag);
      const note = page.locator('[data-recherche-note]');
      expect(await note.getAttribute('data-recherche-sans-js')).toBe('');
      expect(await note.textContent()).toContain('JavaScript');
      const liens = await page.locator('[data-recherche-aide] a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(liens).toEqual(expect.arrayContaining(['tel:3919', 'sms:114', `${l.prefixe}/aide/`, '/plan-du-site/']));
      // The header's box searches this language's page.
      expect(await page.locator('form.recherche-rapide').getAttribute('action')).toBe(`${l.prefixe}/recherche/`);
    }
    await context.close();
  });

  it.each(TRADUITES.filter((l) => l.dir === 'rtl').map((l) => [l.code, l] as const))(
    '%s: results and their words in the page’s language, 0 axe violations',
    async (_code, l) => {
      const context = await run.browser.newContext(AXE_CONTEXT);
      const page = await context.newPage();
      await page.goto(`${run.site.url}${l.prefixe}/recherche/`);
      const q = REQUETES_LANGUES[l.code as keyof typeof REQUETES_LANGUES][0]!.q;
      const { liens, statut } = await chercher(page, q);
      expect(liens.length).toBeGreaterThan(0);
      // Said in the page's language: no French word of the script's own.
      expect(statut).not.toMatch(/résultat|Aucun/);
      expect(await page.locator('[data-recherche-note]').textContent()).not.toMatch(/JavaScript|résultats/);
      expect(await axeViolations(page)).toEqual([]);
      // A query that says danger in the language (src/lib/search/danger-langues.ts): the numbers come above its results.
      const danger = l.code === 'ar' ? 'عنف' : 'خشونت';
      const resultats = await chercher(page, danger);
      expect(resultats.liens.length).toBeGreaterThan(0);
      expect(await page.locator('[data-recherche-aide]').isVisible()).toBe(true);
      const [aide, zone] = await Promise.all(
        ['[data-recherche-aide]', '.resultats'].map((sel) => page.locator(sel).evaluate((e) => e.getBoundingClientRect().top)),
      );
      expect(aide).toBeLessThan(zone!);
      expect(await page.locator('[data-recherche-aide] a[href="tel:3919"]').count()).toBeGreaterThan(0);
      await context.close();
    },
  );
});
