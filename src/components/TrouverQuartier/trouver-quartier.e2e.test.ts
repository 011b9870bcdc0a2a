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
    const out = await page.locator('#trouver-quartier li[data-nom]').evaluateAll((lis) =>
      lis.map((li) => ({
        nom: (li as HTMLElement).dataset.nom!,
        liens: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        aVerifier: li.textContent.includes('à vérifier'),
      })),
    );
    return { page, out };
  });

describe('the quartier finder without JavaScript', () => {
  it.each(['/', '/quartiers/'])('on %s, lists every name A–Z, each linking to its quartier(s)', async (path) => {
    const ctx = await run.browser.newContext({ javaScriptEnabled: false });
    const { page, out } = await lignes(ctx, path);
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
    expect(await page.locator('#trouver-quartier details').getAttribute('open')).toBe(path === '/' ? null : '');
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
    const champ = page.locator('#trouver-quartier-nom');
    for (const n of noms) {
      await champ.fill(n.nom);
      const reponse = page
        .locator('[data-trouver-resultats] li')
        .filter({ has: page.locator(`xpath=self::*[@data-nom="${n.nom}"]`) });
      expect(await reponse.count(), n.nom).toBe(1);
      const liens = await reponse.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(liens.sort(), n.nom).toEqual(n.quartiers.map((q) => `/quartiers/${q}/`).sort());
      expect(await reponse.textContent(), n.nom).toContain('référent : ');
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
    await expect.poll(() => page.locator('[data-trouver-statut]').textContent()).toMatch(/^Aucun nom connu pour « zzqx »/);
    await ctx.close();
  });

  it('shows both quartiers where sources disagree, and passes axe', async () => {
    const ctx = await run.browser.newContext(AXE_CONTEXT);
    const page = await ctx.newPage();
    await page.goto(`${run.site.url}/quartiers/`);
    await page.locator('#trouver-quartier-nom').fill('Henri Fréville');
    const reponse = page.locator('[data-trouver-resultats] li').first();
    await expect.poll(() => reponse.textContent()).toMatch(/les sources hésitent entre Le Blosne .* ou Bréquigny/);
    expect(await reponse.textContent()).toContain('à vérifier');
    expect(await axeViolations(page)).toEqual([]);
    await ctx.close();
  });
});
