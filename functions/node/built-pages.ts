/**
 * The built pages (dist/) the handlers fill on errors: each form's page (one per quartier, training
 * session or activity for forms with a target) and the message page, read when the build is loaded.
 * Nothing is looked up or kept by what a client sends: an unknown path is simply not there, so the
 * map's size is the build's number of form pages whatever clients post, and no request reads a file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { forms, FORM_KEYS } from '../../src/schemas/forms/index.ts';
import { MESSAGE_PAGE, type PageSource } from '../pages.ts';
import { TRADUITES } from '../../src/i18n/languages.ts';
import { formulaireEn } from '../../src/i18n/formulaires/index.ts';

// Stands for the target in a form's page path: where the build's folders are listed.
const SLOT = '\u0000';

/** Every page path a handler may fill, from the forms' path patterns (French, and each language's) and the build's folders. */
export function formPagePaths(distDir: string): string[] {
  const paths = new Set([MESSAGE_PAGE]);
  const inEveryLanguage = FORM_KEYS.flatMap((key) => {
    const translated = TRADUITES.map((l) => formulaireEn(forms[key], l.code)).filter((f) => f !== forms[key]);
    return [forms[key], ...translated];
  });
  for (const form of inEveryLanguage) {
    const pattern = form.pagePath(SLOT);
    const [before, after] = pattern.split(SLOT);
    if (after === undefined) {
      paths.add(pattern);
      continue;
    }
    let targets: string[] = [];
    try {
      targets = readdirSync(path.join(distDir, before!), { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name);
    } catch {
      /* no page of this kind in the build */
    }
    for (const target of targets) paths.add(`${before}${target}${after}`);
  }
  return [...paths];
}

export function builtPages(distDir: string): PageSource {
  const pages = new Map<string, string>();
  for (const pagePath of formPagePaths(distDir)) {
    const file = path.join(distDir, pagePath, 'index.html');
    if (existsSync(file)) pages.set(pagePath, readFileSync(file, 'utf8'));
  }
  return { get: (pagePath) => pages.get(pagePath) };
}
