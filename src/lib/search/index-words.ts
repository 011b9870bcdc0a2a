/**
 * Build: The index's own words, for correcting what residents type (issue 11): every word of the indexed text of the
 * built pages, most frequent first, one per line, in one small file per first letter (pagefind/mots/r.txt). The
 * search page fetches only the letters of the words typed (~1 KB each, then cached) and corrects from them the
 * words the index does not know: no service, and a few hundred bytes instead of the whole list at 10,000 pages.
 * One set of lists per language: pagefind/mots/r.txt for French, pagefind/mots/ar/627.txt for Arabic.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ecriture, lettreDuDictionnaire, normaliser } from './query-words.ts';

/** Enough for the site's own vocabulary; at 10,000 pages the rarest words (names seen once) are left out. */
const MAX_MOTS = 6000;

export async function writeSearchWords(siteDir: string, outputPath: string): Promise<number> {
  // One list per language (<html lang>), as Pagefind's indexes: a Spanish word never corrects a French query.
  const langues = new Map<string, Map<string, { forme: string; pages: number }>>();
  for (const file of await htmlFiles(siteDir)) {
    const html = await readFile(file, 'utf8');
    const main = /<main[^>]*data-pagefind-body[^>]*>([\s\S]*?)<\/main>/.exec(html)?.[1];
    if (!main) continue;
    const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? 'fr';
    const pages = langues.get(lang) ?? new Map<string, { forme: string; pages: number }>();
    langues.set(lang, pages);
    // Arabic script as the index has it (build-index.ts).
    const texte = ecriture(main, lang)
      .replace(/<div hidden data-pagefind-ignore>[\s\S]*?<\/div>/g, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#39;|&apos;/g, "'")
      .replace(/&[a-z]+;|&#\d+;/g, ' ');
    const vus = new Set<string>();
    // Apostrophes split words, as in queries: "l’atelier" gives "atelier".
    for (const mot of texte.match(/\p{L}[\p{L}\p{M}-]*\p{L}/gu) ?? []) {
      const cle = normaliser(mot);
      if ([...cle].length < 4 || vus.has(cle)) continue;
      vus.add(cle);
      const e = pages.get(cle);
      if (e) e.pages++;
      else pages.set(cle, { forme: mot.toLocaleLowerCase(lang), pages: 1 });
    }
  }
  let total = 0;
  for (const [lang, pages] of langues) {
    const liste = [...pages.entries()].sort(([, a], [, b]) => b.pages - a.pages).slice(0, MAX_MOTS);
    total += liste.length;
    const parLettre = new Map<string, string[]>();
    for (const [cle, { forme }] of liste) {
      const lettre = lettreDuDictionnaire(cle, lang);
      if (lettre) parLettre.set(lettre, [...(parLettre.get(lettre) ?? []), forme]);
    }
    for (const [lettre, formes] of parLettre) {
      const fichier = path.join(outputPath, 'mots', `${lettre}.txt`);
      await mkdir(path.dirname(fichier), { recursive: true });
      await writeFile(fichier, formes.join('\n'));
    }
  }
  return total;
}

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}
