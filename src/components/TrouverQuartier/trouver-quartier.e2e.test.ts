/**
 * "Quel est mon quartier ?" (issue 11) on the home and quartiers pages: every name of content/quartiers-noms/
 * answers, without JavaScript (the A–Z list links to its quartier) and with it (as one types, with the referent);
 * names on a boundary show both quartiers; unverified names say so.
 */
import { readdir, readFile } from 'node:fs/promises';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AXE_CONTEXT, axeViolations, browserAndSite } from '../../../test/e2e/browser.ts';
import { COMPLETE } from '../../../test/scope.ts';

type Nom = { nom: string; quartiers: string[]; verifie: boolean };
const DOSSIER = new URL('../../../content/quartiers-noms/', import.meta.url);

const frontMatter = async (url: URL) => parse((await readFile(url, 'utf8')).split('---')[1]!) as Record<string, unknown>;
const cle = (t: string) =>
  t
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * The names as editors wrote them, read straight from the content files. A name that a quartier's own page
 * also gives (content/quartiers/, checked by an editor) counts as verified.
 */
async function nomsDuContenu(): Promise<Nom[]> {
  const officiels = new Set<string>();
  const QUARTIERS = new URL('../../../content/quartiers/', import.meta.url);
  for (const f of await readdir(QUARTIERS)) {
    const q = (await frontMatter(new URL(f, QUARTIERS))) as { nom: string; autres_noms?: string[] };
    for (const nom of [q.nom, ...(q.autres_noms ?? [])]) officiels.add(`${cle(nom)}|${f.replace('.md', '')}`);
  }
  const noms: Nom[] = [];
  for (const f of await readdir(DOSSIER)) {
    const data = (await frontMatter(new URL(f, DOSSIER))) as {
      quartier: string;
      noms: { nom: string; aussi?: string[]; verifie?: boolean }[];
    };
    for (const n of data.noms) {
      const quartiers = [data.quartier, ...(n.aussi ?? [])];
      const officiel = quartiers.length === 1 && officiels.has(`${cle(n.nom)}|${data.quartier}`);
      noms.push({ nom: n.nom, quartiers, verifie: (n.verifie ?? false) || officiel });
    }
  }
  return noms;
}

const run = browserAndSite();
let noms: Nom[];

beforeAll(async () => {
  noms = await nomsDuContenu();
});

const lignes = (ctx: BrowserContext, path: string) =>
  ctx.newPage().then(async (page) => {
    await page.goto(run.site.url + path);
    const out = await page.locator('#trouver-quartier details li').evaluateAll((lis) =>
      lis.map((li) => ({
        nom: li.querySelector('strong')!.textContent,
        liens: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        aVerifier: li.textContent.includes('à vérifier'),
      })),
    );
    return { page, out };
  });

describe('the quartier finder without JavaScript', () => {
  it('on /quartiers/, lists every name A–Z, each linking to its quartier(s)', async () => {
    const ctx = await run.browser.newContext({ javaScriptEnabled: false });
    const { page, out } = await lignes(ctx, '/quartiers/');
    expect(noms.length).toBeGreaterThan(100);
    for (const n of noms) {
      const ligne = out.find((l) => l.nom === n.nom);
      expect(ligne, n.nom).toBeDefined();
      expect(ligne!.liens.sort()).toEqual(n.quartiers.map((q) => `/quartiers/${q}/`).sort());
      expect(ligne!.aVerifier, n.nom).toBe(!n.verifie);
    }
    const ordre = out.map((l) => l.nom);
    expect(ordre).toEqual([...ordre].sort((a, b) => a.localeCompare(b, 'fr', { sensitivity: 'base' })));
    // The field needs JavaScript: hidden, never a field that does nothing.
    expect(await page.locator('#trouver-quartier-nom').isVisible()).toBe(false);
    expect(await page.locator('#trouver-quartier details').getAttribute('open')).toBe('');
    await ctx.close();
  });

  it.each(['/', '/referents/'])('on %s, links the A–Z list instead of carrying it', async (path) => {
    const ctx = await run.browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(run.site.url + path);
    expect(await page.locator('#trouver-quartier li').count()).toBe(0);
    await page.locator('#trouver-quartier a[href="/quartiers/#noms-de-a-a-z"]').click();
    await page.waitForURL((u) => u.pathname === '/quartiers/');
    expect(await page.locator('#noms-de-a-a-z li').count()).toBeGreaterThan(100);
    await ctx.close();
  });

  it('every quartier link of the list leads to a page', async () => {
    const ctx = await run.browser.newContext({ javaScriptEnabled: false });
    const { out } = await lignes(ctx, '/quartiers/');
    for (const href of new Set(out.flatMap((l) => l.liens))) {
      expect((await fetch(run.site.url + href!)).status, href!).toBe(200);
    }
    await ctx.close();
  });
});

describe('the quartier finder with JavaScript', () => {
  it('answers every name as one types it, with the quartier and its referent', async () => {
    const ctx = await run.browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${run.site.url}/quartiers/`);
    // The field answers on each `input` event, synchronously: every name is typed in one call to the page (one
    // round trip instead of three per name), the answers read as the reader would see them after each.
    await page.locator('#trouver-quartier-nom').fill(noms[0]!.nom);
    // The names arrive with the finder's script, when the field is first used (trouver-quartier-start.ts).
    await expect.poll(() => page.locator('[data-trouver-resultats] li').count()).toBeGreaterThan(0);
    const reponses = await page.evaluate(
      (liste) => {
        const champ = document.querySelector<HTMLInputElement>('#trouver-quartier-nom')!;
        return liste.map((nom) => {
          champ.value = nom;
          champ.dispatchEvent(new Event('input', { bubbles: true }));
          const lis = [...document.querySelectorAll<HTMLElement>('[data-trouver-resultats] li')].filter(
            (li) => li.dataset.nom === nom,
          );
          return {
            nom,
            count: lis.length,
            liens: lis.flatMap((li) => [...li.querySelectorAll('a')].map((a) => a.getAttribute('href'))),
            texte: lis[0]?.textContent ?? '',
          };
        });
      },
      noms.map((n) => n.nom),
    );
    for (const [i, n] of noms.entries()) {
      const r = reponses[i]!;
      expect(r.count, n.nom).toBe(1);
      expect(r.liens.sort(), n.nom).toEqual(n.quartiers.map((q) => `/quartiers/${q}/`).sort());
      expect(r.texte, n.nom).toContain('référent\u00a0: ');
    }
    await ctx.close();
  });

  it('finds a name typed without accents or hyphens, or with a typo, and says when nothing is known', async () => {
    const ctx = await run.browser.newContext();
    const page = await ctx.newPage();
    await page.goto('about:blank');
    await page.goto(`${run.site.url}/`);
    const champ = page.locator('#trouver-quartier-nom');
    const premier = () => page.locator('[data-trouver-resultats] li').first().getAttribute('data-nom');
    await champ.fill('gros chene');
    await expect.poll(premier).toBe('Gros-Chêne');
    await champ.fill('torigne');
    await expect.poll(premier).toBe('Torigné');
    await champ.fill('pontchaillo');
    await expect.poll(premier).toBe('Pontchaillou');
    await champ.fill('zzqx');
    await expect
      .poll(() => page.locator('[data-trouver-statut]').textContent())
      .toMatch(/^Aucun nom connu pour «\u202fzzqx\u202f»/);
    await ctx.close();
  });

  it('shows both quartiers where sources disagree, and passes axe', async () => {
    const ctx = await run.browser.newContext(AXE_CONTEXT);
    const page = await ctx.newPage();
    await page.goto(`${run.site.url}/quartiers/`);
    await page.locator('#trouver-quartier-nom').fill('Henri Fréville');
    const reponse = page.locator('[data-trouver-resultats] li').first();
    await expect
      .poll(() => reponse.textContent())
      .toMatch(/à la limite de deux quartiers selon les sources, voyez les deux\s:\sLe Blosne .* et Bréquigny/);
    expect(await reponse.textContent()).toContain('à vérifier');
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });
});

// Issue 21, item 3: on a phone, the finder is on the first screen of the home page and on the referents page; it
// understands « métro X » and typos, and on a boundary gives both quartiers' referents.
describe('the quartier finder on a phone (360 × 740)', () => {
  const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true };
  const reponses = (page: import('playwright-core').Page) => page.locator('[data-trouver-resultats] li');

  it('is within the first screen of the home page, and on the referents page', async () => {
    const ctx = await run.browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${run.site.url}/`);
    const champ = await page.locator('#trouver-quartier-nom').boundingBox();
    expect(champ).not.toBeNull();
    expect(champ!.y + champ!.height).toBeLessThanOrEqual(740);
    // Without JavaScript, its heading and the link to the A–Z list are there too.
    const sans = await run.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const p2 = await sans.newPage();
    await p2.goto(`${run.site.url}/`);
    const lien = await p2.locator('#trouver-quartier a[href="/quartiers/#noms-de-a-a-z"]').boundingBox();
    expect(lien!.y + lien!.height).toBeLessThanOrEqual(740);
    await p2.goto(`${run.site.url}/referents/`);
    expect(await p2.locator('#trouver-quartier a[href="/quartiers/#noms-de-a-a-z"]').count()).toBe(1);
    await sans.close();
    await page.goto(`${run.site.url}/referents/`);
    await page.locator('#trouver-quartier-nom').fill('métro Henri Fréville');
    await expect.poll(() => reponses(page).first().getAttribute('data-nom')).toBe('Henri Fréville');
    await ctx.close();
  });

  it('« métro Henri Fréville », a typo and a boundary name: the name found, both quartiers with their referents', async () => {
    const ctx = await run.browser.newContext({ ...PHONE, ...AXE_CONTEXT });
    const page = await ctx.newPage();
    await page.goto(`${run.site.url}/`);
    const champ = page.locator('#trouver-quartier-nom');
    await champ.fill('métro Henri Fréville');
    await expect.poll(() => reponses(page).first().getAttribute('data-nom')).toBe('Henri Fréville');
    // A boundary: the sources put it in Le Blosne and in Bréquigny. Both, each with its referent, not a guess.
    const ligne = reponses(page).first();
    const liens = await ligne.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(liens.sort()).toEqual(['/quartiers/brequigny/', '/quartiers/le-blosne/']);
    const texte = (await ligne.textContent())!;
    expect(texte.match(/référent\u00a0: /g)).toHaveLength(2);
    expect(texte).toMatch(/voyez les deux\s:\sLe Blosne .* et Bréquigny/);
    expect(texte).not.toMatch(/hésitent|\bou\b/);
    const essais: [string, string][] = [
      ['station henri freuville', 'Henri Fréville'],
      ['près de pontchailou', 'Pontchaillou'],
      ['à côté du gros chene', 'Gros-Chêne'],
    ];
    for (const [typed, nom] of essais) {
      await champ.fill(typed);
      await expect.poll(() => reponses(page).first().getAttribute('data-nom'), { message: typed }).toBe(nom);
    }
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('each programme page links its easy-read summary from its top', async () => {
    const ctx = await run.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await ctx.newPage();
    const PROGRAMMES = new URL('../../../content/programmes/', import.meta.url);
    const ids = (await readdir(PROGRAMMES)).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
    expect(ids.length).toBeGreaterThan(0);
    // Every page has the link and its target; where it lands on the screen is the template's doing: one page in the
    // browser in CI, every one in `npm run test:complet`.
    for (const id of ids) {
      const html = await (await fetch(`${run.site.url}/programmes/${id}/`)).text();
      expect(html, id).toContain('href="#falc-titre"');
      expect(html.match(/id="falc-titre"/g), id).toHaveLength(1);
    }
    for (const id of COMPLETE ? ids : ids.slice(0, 1)) {
      await page.goto(`${run.site.url}/programmes/${id}/`);
      const lien = page.locator('a[href="#falc-titre"]').first();
      const box = await lien.boundingBox();
      expect(box, id).not.toBeNull();
      expect(box!.y, id).toBeLessThan(740);
      expect(await page.locator('#falc-titre').count(), id).toBe(1);
    }
    await ctx.close();
  });
});
