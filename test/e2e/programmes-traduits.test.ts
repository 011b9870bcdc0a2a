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
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { FRANCAIS, TRADUITES, type Langue } from '../../src/i18n/languages.ts';
import { textes } from '../../src/i18n/index.ts';
import { textesProgramme } from '../../src/i18n/programmes.ts';
import { URGENCES } from '../../src/lib/site/urgences.ts';

type Element = DefaultTreeAdapterMap['element'];
type Node = DefaultTreeAdapterMap['node'];

const root = path.resolve(import.meta.dirname, '../..');
const dist = path.join(root, 'dist');
const SITE = 'Fabrique rennaise des solidarités';

const pages = new Map<string, ReturnType<typeof lire>>();
/** A built page, parsed once. */
const page = (chemin: string) => pages.get(chemin) ?? pages.set(chemin, lire(chemin)).get(chemin)!;

/** A built page's elements, in document order, with a few helpers. */
function lire(chemin: string) {
  const elements: Element[] = [];
  const walk = (n: Node) => {
    if ('tagName' in n) elements.push(n);
    const children = 'content' in n && n.content ? n.content.childNodes : 'childNodes' in n ? n.childNodes : [];
    for (const c of children) walk(c as Node);
  };
  walk(parse(readFileSync(path.join(dist, chemin, 'index.html'), 'utf8')) as unknown as Node);
  const attr = (e: Element | undefined, name: string) => e?.attrs.find((a) => a.name === name)?.value;
  const text = (e: Element | undefined): string =>
    (e?.childNodes ?? [])
      .map((c) => ('value' in c ? c.value : 'tagName' in c ? text(c) : ''))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const all = (test: (e: Element) => boolean, within?: Element) => {
    if (!within) return elements.filter(test);
    const inside: Element[] = [];
    const walkIn = (e: Element) => e.childNodes.forEach((c) => 'tagName' in c && (test(c) && inside.push(c), walkIn(c)));
    walkIn(within);
    return inside;
  };
  const tag = (name: string) => (e: Element) => e.tagName === name;
  const has = (name: string, value?: string) => (e: Element) =>
    value === undefined ? attr(e, name) !== undefined : attr(e, name) === value;
  return { all, attr, text, tag, has, html: elements[0]! };
}

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
const alternates = (p: ReturnType<typeof lire>) =>
  Object.fromEntries(
    p
      .all((e) => e.tagName === 'link' && p.attr(e, 'rel') === 'alternate')
      .map((e) => [p.attr(e, 'hreflang'), new URL(p.attr(e, 'href')!).pathname]),
  );
const menu = (p: ReturnType<typeof lire>) => {
  const nav = p.all((e) => e.tagName === 'nav' && p.attr(e, 'class') === 'langues')[0];
  return nav ? Object.fromEntries(p.all(p.tag('a'), nav).map((a) => [p.attr(a, 'hreflang'), p.attr(a, 'href')])) : {};
};

describe.each(TRADUITES.map((l) => [l.code, l] as const))('%s', (code, l) => {
  const t = textesProgramme(code);
  const catalogue = textes(code);

  it.each(PROGRAMMES)('%s: its summary, in its language, a draft that says so, a proposal, the French page both ways', (id) => {
    const francais = frontMatter(`programmes/${id}.md`);
    const traduit = frontMatter(`traductions/${code}/programmes/${id}.md`);
    const p = page(cheminDe(id, l));
    expect([p.attr(p.html, 'lang'), p.attr(p.html, 'dir')]).toEqual([l.tag, l.dir]);
    expect(p.text(p.all(p.tag('h1'))[0])).toBe(traduit.titre);

    const brouillon = p.all(p.has('data-traduction', 'brouillon'))[0];
    expect(Boolean(brouillon)).toBe(traduit.traduction.statut === 'brouillon');
    if (brouillon) {
      expect(p.text(brouillon)).toContain(catalogue.traduction.brouillon);
      expect(p.all((e) => e.tagName === 'a' && p.attr(e, 'hreflang') === 'fr', brouillon).map((a) => p.attr(a, 'href'))).toEqual([
        francaisDe(id),
      ]);
    }
    expect(p.text(p.all(p.has('data-programme-statut'))[0])).toBe(
      francais.statut === 'proposition' ? t.proposition : t.statutEnFrancais,
    );
    const versLeFrancais = p.all(p.has('data-page-francaise'));
    expect(versLeFrancais.map((a) => [p.attr(a, 'href'), p.attr(a, 'hreflang')])).toEqual([[francaisDe(id), FRANCAIS.tag]]);
    expect(p.text(versLeFrancais[0])).toBe(`${t.pageComplete} ${catalogue.pied.enFrancais}`);

    const falc = p.all((e) => e.tagName === 'section' && p.attr(e, 'class') === 'falc')[0]!;
    expect(p.all(p.tag('li'), falc).map((li) => p.text(li))).toEqual(traduit.falc.texte);
    expect(p.attr(falc, 'lang')).toBeUndefined();

    // Both pages name every version, French by default, and their language menus lead from one to the other.
    const fr = page(francaisDe(id));
    for (const q of [p, fr]) {
      expect(alternates(q)).toMatchObject({ fr: francaisDe(id), [l.tag]: cheminDe(id, l), 'x-default': francaisDe(id) });
      expect(menu(q)).toMatchObject({ fr: francaisDe(id), [l.tag]: cheminDe(id, l) });
    }
  });

  it('informations-pratiques: a neutral title in the tab and history, and the French page’s discretion', () => {
    const id = 'informations-pratiques';
    const francais = frontMatter(`programmes/${id}.md`);
    const traduit = frontMatter(`traductions/${code}/programmes/${id}.md`);
    const [fr, p] = [page(francaisDe(id)), page(cheminDe(id, l))];
    expect(francais.titre_historique).toBeTruthy();
    expect(p.text(p.all(p.tag('title'))[0])).toBe(`${traduit.titre_historique} — ${SITE}`);
    // The title says nothing of what the page is about: none of its heading's words longer than 3 letters.
    const mots = p
      .text(p.all(p.tag('h1'))[0])
      .toLowerCase()
      .split(/[\s,()]+/u)
      .filter((m) => m.length > 3);
    for (const mot of mots) expect(traduit.titre_historique!.toLowerCase()).not.toContain(mot);
    expect(p.text(p.all(p.has('data-titre-historique'))[0])).toBe(t.historique.replace('{titre}', traduit.titre_historique!));
    // Whatever the French page does for discretion, the translation does too.
    const discretion = (q: typeof p) => ({
      noarchive: q.all((e) => e.tagName === 'meta' && q.attr(e, 'name') === 'robots').map((e) => q.attr(e, 'content')),
      sensible: q.all((e) => e.tagName === 'body' && q.attr(e, 'data-sensible') !== undefined).length,
      note: q.all((e) => q.attr(e, 'class') === 'note-securite').length,
      sortieRapide: q.all(q.has('data-module', 'sortie-rapide')).length,
    });
    expect(discretion(p)).toEqual(discretion(fr));
    expect(discretion(fr)).toEqual({ noarchive: ['noarchive'], sensible: 1, note: 1, sortieRapide: 1 });
    expect(p.text(p.all((e) => e.attrs.some((a) => a.value === 'note-securite-titre') && e.tagName === 'h2')[0])).toBe(
      catalogue.noteSecurite.titre,
    );
  });

  it('its home lists its summaries, in the programmes’ order', () => {
    const p = page(`${l.prefixe}/`);
    const liste = p.all(p.has('data-programmes-traduits'))[0]!;
    const ordre = (id: string) => frontMatter(`programmes/${id}.md`).ordre as number;
    expect(p.all(p.tag('a'), liste).map((a) => p.attr(a, 'href'))).toEqual(
      [...PROGRAMMES].sort((a, b) => ordre(a) - ordre(b)).map((id) => cheminDe(id, l)),
    );
  });

  it('its offline page dials every emergency number, links the French one, and the service worker keeps it', () => {
    const chemin = `${l.prefixe}/hors-ligne/`;
    const p = page(chemin);
    expect([p.attr(p.html, 'lang'), p.attr(p.html, 'dir')]).toEqual([l.tag, l.dir]);
    expect(p.text(p.all(p.tag('h1'))[0])).toBe(t.horsLigne.h1);
    const liens = p.all(p.tag('a')).map((a) => p.attr(a, 'href'));
    for (const u of URGENCES)
      expect(
        liens.filter((h) => h === u.lien),
        u.lien,
      ).toHaveLength(2); // strip and page
    expect(
      p.all((e) => e.tagName === 'a' && p.attr(e, 'href') === '/hors-ligne/').every((a) => p.attr(a, 'hreflang') === 'fr'),
    ).toBe(true);
    const sw = readFileSync(path.join(dist, 'sw.js'), 'utf8');
    const config = JSON.parse(/const CONFIG = (\{.*\});/.exec(sw)![1]!) as { langues: string[]; never: string[] };
    expect(config.langues).toContain(chemin);
    expect(config.never).toContain(cheminDe('informations-pratiques', l));
    expect(existsSync(path.join(dist, chemin, 'index.html'))).toBe(true);
  });
});
