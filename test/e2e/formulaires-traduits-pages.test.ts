/**
 * The translated form pages as built (issue 23, item 3), read from dist/ without a browser: each language's form
 * and thank-you page exist with their `lang` and `dir`, the draft notice, the form posting to the same handler with
 * its language, hreflang alternates both ways; the women's form keeps its neutral address and history title, its
 * quick exit and its history rule in every language; the French form pages grow by less than 1 KB compressed.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TRADUITES, type Code } from '../../src/i18n/languages.ts';
import { textes } from '../../src/i18n/index.ts';
import { FORMULAIRES_EN_LANGUE, formulaireEn, formulairesTraduits } from '../../src/i18n/formulaires/index.ts';
import { forms, STANDALONE_FORMS } from '../../src/schemas/forms/index.ts';
import { escapeHtml } from '../../src/lib/forms/html.ts';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const built = (chemin: string) => readFile(`${dist}${chemin}index.html`, 'utf8');
const title = (html: string) => /<title>([^<]*)<\/title>/.exec(html)![1]!;
const SITE = ' — Fabrique rennaise des solidarités';

describe.each(TRADUITES.map((l) => l))('$code', (langue) => {
  const code = langue.code as Exclude<Code, 'fr'>;
  const keys = formulairesTraduits(code).filter((k) => STANDALONE_FORMS.includes(k));

  it.each(keys)('%s: the form page in the language, posting to the same handler with the language', async (key) => {
    const form = formulaireEn(forms[key], code);
    const html = await built(form.pagePath(undefined));
    expect(html).toContain(`<html lang="${langue.tag}" dir="${langue.dir}">`);
    expect(html).toContain(`<h1>${form.title}</h1>`);
    if (FORMULAIRES_EN_LANGUE[code].statut === 'brouillon')
      expect(html).toMatch(new RegExp(`data-traduction="brouillon">${textes(code).traduction.brouillon}`));
    // A form whose service does not exist yet (the women's, while the place is a proposal) shows why, in the language.
    if (html.includes('data-service="pas-encore-ouvert"')) {
      expect(html).toContain(escapeHtml(FORMULAIRES_EN_LANGUE[code].formulaires[key]!.pasEncoreOuvert!));
      // No form of its own (the header's search box is on every page, as on French pages).
      expect(html).not.toContain('<form class="formulaire"');
      return;
    }
    expect(html).toContain(`action="/f/${key}"`);
    expect(html).toContain(`<input type="hidden" name="_langue" value="${code}">`);
    for (const l of [...TRADUITES, { code: 'fr', tag: 'fr' }])
      expect(html).toContain(
        `hreflang="${l.tag}" href="http://localhost:4321${formulaireEn(forms[key], l.code as Code).pagePath(undefined)}"`,
      );
    // Every label is the language's (no French label left under another `lang`).
    for (const field of forms[key].fields({ ...(await ctxOf()), today: '2026-12-04' }, undefined))
      if (field.type !== 'hidden') expect(html, field.name).not.toContain(`>${field.label}<`);
  });

  it.each(keys)('%s: the thank-you page in the language', async (key) => {
    const form = formulaireEn(forms[key], code);
    const html = await built(`${langue.prefixe}/formulaires/${forms[key].adresse ?? key}/merci/`);
    expect(html).toContain(`<html lang="${langue.tag}" dir="${langue.dir}">`);
    expect(html).toContain(`<h1>${form.thanks.title}</h1>`);
  });

  it('the help page leads to the help request in the language, and says no one reads it in demonstration', async () => {
    const demande = formulaireEn(forms['demande-aide'], code);
    const html = await built(`${langue.prefixe}/aide/`);
    expect(html).toContain(`<a class="bouton" href="${demande.pagePath(undefined)}">${demande.title}</a>`);
    expect(demande.pagePath(undefined)).toBe(`${langue.prefixe}/formulaires/demande-aide/`);
    // The test build is a demonstration (package.json's test script): the page says so, in the language.
    expect(html).toContain('data-service="demonstration"');
    expect(html).toContain(escapeHtml(FORMULAIRES_EN_LANGUE[code].messages.demonstration));
    // No sentence left saying the form exists in French only: the link to the French help page is the draft notice's.
    expect(html.match(/href="\/aide\/" hreflang="fr"/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });

  it('the women’s form keeps its neutral address and history title, its quick exit and its history rule', async () => {
    const form = formulaireEn(forms['femmes-rappel'], code);
    for (const chemin of [`${langue.prefixe}/formulaires/informations/`, `${langue.prefixe}/formulaires/informations/merci/`]) {
      const html = await built(chemin);
      expect(title(html), chemin).toBe(`${form.titreHistorique}${SITE}`);
      expect(html).toContain('<body data-sensible');
      expect(html).toContain('class="sortie-rapide__lien"');
      expect(html).toContain('<meta name="robots" content="noarchive">');
    }
    expect(form.titreHistorique).not.toBe(form.title);
  });
});

/** The content the build had (the form pages' choices do not depend on it for these forms). */
async function ctxOf() {
  const { content } = await import('../fixtures/forms-context.ts');
  return content;
}

describe('the French form pages', () => {
  it.each(['contact', 'demande-aide', 'e2c'] as const)(
    '%s lists its languages and grows by less than 1 KB compressed',
    async (key) => {
      const html = await built(forms[key].pagePath(undefined));
      const links = html.match(/<link rel="alternate" hreflang="[^"]+" href="[^"]+">/g) ?? [];
      // Each language, French included, and x-default (the French page).
      expect(links).toHaveLength(TRADUITES.length + 2);
      const xDefault = links.find((l) => l.includes('hreflang="x-default"'));
      expect(xDefault).toMatch(new RegExp(`href="https?://[^/"]+${forms[key].pagePath(undefined)}"`));
      // What languages add: the alternates in <head> and the line that links the form in each language.
      const line = /<p class="formulaire-langues"[\s\S]*?<\/p>/.exec(html)?.[0] ?? '';
      expect(line.match(/<a /g)).toHaveLength(TRADUITES.length);
      const without = links.reduce((page, link) => page.replace(link, ''), html).replace(line, '');
      const growth = gzipSync(html).length - gzipSync(without).length;
      expect(growth).toBeLessThan(1024);
      expect(html).not.toContain('name="_langue"');
      expect(html).not.toContain('data-mot-');
    },
  );
});
