/**
 * Small truths on the thank-you pages (issue 21, item 6), read from the built site: words never glued
 * together (« auCentre social », « 35200Rennes », « àla MDPH ») and no reference to an e-mail that was
 * never sent.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

async function pagesMerci(dir = dist): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await pagesMerci(full)));
    else if (entry.name === 'index.html' && full.includes(`${path.sep}merci${path.sep}`)) found.push(full);
  }
  return found;
}

/** The text a reader sees in <main>, as the browser joins it: tags removed without adding spaces. */
const texteVisible = (html: string) =>
  (/<main[\s\S]*?<\/main>/.exec(html)?.[0] ?? '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<(p|li|dt|dd|h\d|div)[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, '\u00a0');

describe('thank-you pages', async () => {
  const pages = await pagesMerci();
  it('exist', () => expect(pages.length).toBeGreaterThan(5));
  it.each(pages.map((p) => path.relative(dist, p)))('%s: no words glued together, no e-mail never sent', async (page) => {
    const texte = texteVisible(await readFile(path.join(dist, page), 'utf8'));
    expect(texte).not.toMatch(/(?<!\p{L})(au|aux|à)(?=\p{Lu})|(?<!\p{L})àl(a|es)(?!\p{L})/u);
    expect(texte).not.toMatch(/\d{5}\p{L}/u);
    expect(texte).not.toMatch(/répondant à cet e-mail/);
  });
});
