/**
 * The programme summaries and offline pages in other languages (issue 23), read from the built site (dist/) with an
 * HTML parser, no browser: each summary has its language's `lang` and `dir`, says it is a draft with the French page
 * one link away, states that the programme is a proposal, links the full French page marked as French, shows its
 * easy-read summary, and the French page and the summary name each other (hreflang both ways, language menu). The
 * sensitive programme keeps, in every language, what its French page does for discretion: a neutral tab title, kept
 * out of caches, replaced in history, the safety note. Each home lists its summaries; each offline page dials every
 * emergency number, and the service worker knows it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, Parser, type HtmlElement } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FRANCAIS, TRADUITES, type Code, type Langue } from '../../src/i18n/languages.ts';
import { textes } from '../../src/i18n/index.ts';
import { textesProgramme } from '../../src/i18n/programmes.ts';
import { URGENCES } from '../../src/lib/site/urgences.ts';
import { FORMULAIRE_DU_PROGRAMME } from '../../src/lib/site/programmes-formulaires.ts';
import { formulaireEn, formulairesTraduits } from '../../src/i18n/formulaires/index.ts';
import { forms } from '../../src/schemas/forms/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const SITE = 'Fabrique rennaise des solidarités';
// html-validate's parser (a dependency already): a DOM with CSS selectors, no browser.
const parser = new Parser(await new HtmlValidate({ extends: [] }).getConfigFor('page.html'));

const pages = new Map<string, HtmlElement>();
/** A built page's document, parsed once. */
function page(chemin: string): HtmlElement {
  const document = pages.get(chemin) ?? parser.parseHtml(readFileSync(path.join(dist, chemin, 'index.html'), 'utf8'));
  pages.set(chemin, document);
  return document;
}
const text = (e: HtmlElement | null) => (e?.textContent ?? '').replace(/\s+/g, ' ').trim();
const attr = (e: HtmlElement | null, name: string) => e?.getAttributeValue(name) ?? undefined;

/** A content file's front matter. */
const frontMatter = (file: string) =>
  parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(path.join(root, 'content', file), 'utf8'))![1]!) as Record<
    string,
    unknown
  > & {
    statut: string;
    titre_historique?: string;
    sortie_rapide?: boolean;
    falc: { texte: string[]; statut: string };
    traduction: { statut: string };
  };
const PROGRAMMES = readdirSync(path.join(root, 'content', 'programmes'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => f.slice(0, -3));
const francaisDe = (id: string) => `/programmes/${id}/`;
const cheminDe = (id: string, l: Langue) => `${l.prefixe}/programmes/${id}/`;
const alternates = (p: HtmlElement) =>
  Object.fromEntries(
    p.querySelectorAll('link[rel="alternate"]').map((e) => [attr(e, 'hreflang'), new URL(attr(e, 'href')!).pathname]),
  );
const menu = (p: HtmlElement) =>
  Object.fromEntries(p.querySelectorAll('nav.langues a').map((a) => [attr(a, 'hreflang'), attr(a, 'href')]));

describe.each(TRADUITES.map((l) => [l.code, l] as const))('%s', (code, l) => {
  const t = textesProgramme(code);
  const catalogue = textes(code);

  it.each(PROGRAMMES)('%s: its summary, in its language, a draft that says so, a proposal, the French page both ways', (id) => {
    const francais = frontMatter(`programmes/${id}.md`);
    const traduit = frontMatter(`traductions/${code}/programmes/${id}.md`);
    const p = page(cheminDe(id, l));
    const html = p.querySelector('html');
    expect([attr(html, 'lang'), attr(html, 'dir')]).toEqual([l.tag, l.dir]);
    expect(text(p.querySelector('h1'))).toBe(traduit.titre);

    const brouillon = p.querySelector('[data-traduction="brouillon"]');
    expect(Boolean(brouillon)).toBe(traduit.traduction.statut === 'brouillon');
    if (brouillon) {
      expect(text(brouillon)).toContain(catalogue.traduction.brouillon);
      expect(brouillon.querySelectorAll('a[hreflang="fr"]').map((a) => attr(a, 'href'))).toEqual([francaisDe(id)]);
    }
    expect(text(p.querySelector('[data-programme-statut]'))).toBe(
      francais.statut === 'proposition' ? t.proposition : t.statutEnFrancais,
    );
    const versLeFrancais = p.querySelectorAll('a[data-page-francaise]');
    expect(versLeFrancais.map((a) => [attr(a, 'href'), attr(a, 'hreflang')])).toEqual([[francaisDe(id), FRANCAIS.tag]]);
    expect(text(versLeFrancais[0]!)).toBe(`${t.pageComplete} ${catalogue.pied.enFrancais}`);

    const falc = p.querySelector('section.falc')!;
    expect(falc.querySelectorAll('li').map((li) => text(li))).toEqual(traduit.falc.texte);
    // In the page's language, unlike the French page's summary (lang="fr" there).
    expect(attr(falc, 'lang')).toBeUndefined();

    // Both pages name every version, French by default, and their language menus lead from one to the other.
    for (const q of [p, page(francaisDe(id))]) {
      expect(alternates(q)).toMatchObject({ fr: francaisDe(id), [l.tag]: cheminDe(id, l), 'x-default': francaisDe(id) });
      expect(menu(q)).toMatchObject({ fr: francaisDe(id), [l.tag]: cheminDe(id, l) });
    }
  });

  it.each(PROGRAMMES)('%s: links its form in the language when the form has its words, else says the forms are French', (id) => {
    const p = page(cheminDe(id, l));
    const cle = FORMULAIRE_DU_PROGRAMME[id];
    const formulaire =
      cle && formulairesTraduits(code as Exclude<Code, 'fr'>).includes(cle) ? formulaireEn(forms[cle], code) : undefined;
    const lien = p.querySelector('a[data-formulaire-traduit]');
    expect(attr(lien, 'href')).toBe(formulaire?.pagePath(undefined));
    if (formulaire) {
      expect(formulaire.pagePath(undefined)).toMatch(new RegExp(`^${l.prefixe}/formulaires/`));
      expect(text(lien)).toBe(formulaire.title);
    }
    expect(text(p)).toContain(formulaire ? t.pageEnFrancais : t.formulairesEnFrancais);
  });

  it('informations-pratiques: a neutral title in the tab and history, and the French page’s discretion', () => {
    const id = 'informations-pratiques';
    const francais = frontMatter(`programmes/${id}.md`);
    const traduit = frontMatter(`traductions/${code}/programmes/${id}.md`);
    const [fr, p] = [page(francaisDe(id)), page(cheminDe(id, l))];
    expect(francais.titre_historique).toBeTruthy();
    expect(text(p.querySelector('title'))).toBe(`${traduit.titre_historique} — ${SITE}`);
    // The title says nothing of what the page is about: none of its heading's words longer than 3 letters.
    const mots = text(p.querySelector('h1'))
      .toLowerCase()
      .split(/[\s,()]+/u)
      .filter((m) => m.length > 3);
    expect(mots.length).toBeGreaterThan(3);
    for (const mot of mots) expect(traduit.titre_historique!.toLowerCase()).not.toContain(mot);
    expect(text(p.querySelector('[data-titre-historique]'))).toBe(t.historique.replace('{titre}', traduit.titre_historique!));
    // Whatever the French page does for discretion, the translation does too.
    const discretion = (q: HtmlElement) => ({
      robots: q.querySelectorAll('meta[name="robots"]').map((e) => attr(e, 'content')),
      sensible: q.querySelectorAll('body[data-sensible]').length,
      note: q.querySelectorAll('.note-securite').length,
      sortieRapide: q.querySelectorAll('[data-module="sortie-rapide"]').length,
    });
    expect(discretion(p)).toEqual(discretion(fr));
    expect(discretion(fr)).toEqual({ robots: ['noarchive'], sensible: 1, note: 1, sortieRapide: 1 });
    expect(text(p.querySelector('#note-securite-titre'))).toBe(catalogue.noteSecurite.titre);
  });

  it('its home lists its summaries, in the programmes’ order', () => {
    const p = page(`${l.prefixe}/`);
    const ordre = (id: string) => frontMatter(`programmes/${id}.md`).ordre as number;
    expect(p.querySelectorAll('[data-programmes-traduits] a').map((a) => attr(a, 'href'))).toEqual(
      [...PROGRAMMES].sort((a, b) => ordre(a) - ordre(b)).map((id) => cheminDe(id, l)),
    );
  });

  it('its offline page dials every emergency number, links the French one, and the service worker keeps it', () => {
    const chemin = `${l.prefixe}/hors-ligne/`;
    expect(existsSync(path.join(dist, chemin, 'index.html'))).toBe(true);
    const p = page(chemin);
    const html = p.querySelector('html');
    expect([attr(html, 'lang'), attr(html, 'dir')]).toEqual([l.tag, l.dir]);
    expect(text(p.querySelector('h1'))).toBe(t.horsLigne.h1);
    for (const u of URGENCES) expect(p.querySelectorAll(`main a[href="${u.lien}"]`), u.lien).toHaveLength(1);
    const versLeFrancais = p.querySelectorAll('a[href="/hors-ligne/"]');
    expect(versLeFrancais.length).toBe(2);
    expect(versLeFrancais.every((a) => attr(a, 'hreflang') === 'fr')).toBe(true);
    const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
    const config = JSON.parse(/const CONFIG = (\{.*\});/.exec(sw)![1]!) as { langues: string[]; never: string[] };
    expect(config.langues).toContain(chemin);
    expect(config.never).toContain(cheminDe('informations-pratiques', l));
  });
});
