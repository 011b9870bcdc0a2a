/**
 * The words the browser scripts write into pages (search results, the quartier finder, live places…) follow
 * the same French typography as the built pages and the server (src/lib/page-tools/typographie.ts): the
 * server's pass never sees them. Every string and template part of the components' scripts is read with
 * TypeScript's own scanner and must come out of `typographie()` unchanged.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { NAVIGATEUR_FR } from '../../src/i18n/recherche.ts';
import { typographie } from '../../src/lib/page-tools/typographie.ts';

const components = path.resolve(import.meta.dirname, '../../src/components');
const scripts = readdirSync(components, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .map((f) => path.join(components, f));

/** The text of every string literal and template part of a file, with its line (TypeScript's own parser). */
function literals(file: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the browser scripts’ French', () => {
  it('finds the scripts and their words', () => {
    expect(scripts.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['recherche.ts', 'trouver-quartier.ts']));
    // The search script's French is in src/i18n/recherche.ts (NAVIGATEUR_FR), beside the other languages.
    expect(
      Object.values(NAVIGATEUR_FR)
        .flat()
        .some((t) => t.includes('résultat')),
    ).toBe(true);
  });

  it('the search script’s French words (src/i18n/recherche.ts): as typographie() leaves them', () => {
    const problems = Object.values(NAVIGATEUR_FR)
      .flat()
      .filter((t) => typographie(t) !== t)
      .map((t) => `${JSON.stringify(t)} → ${JSON.stringify(typographie(t))}`);
    expect(problems).toEqual([]);
  });

  it.each(scripts.map((f) => [path.relative(components, f), f]))('%s: every text as typographie() leaves it', (_, file) => {
    // Only words (a letter or « »), not selectors, URLs or regular expressions.
    const problems = literals(file)
      .filter(({ text }) => /[\p{L}«»]/u.test(text) && !/^[\w./:-]*$/.test(text))
      .filter(({ text }) => typographie(text) !== text)
      .map(({ text, line }) => `line ${line}: ${JSON.stringify(text)} → ${JSON.stringify(typographie(text))}`);
    expect(problems).toEqual([]);
  });
});
