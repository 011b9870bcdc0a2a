/**
 * No link glued to the word before or after it on any built page (« maintenant :Besoin d’aide »,
 * « Lelieu ressources »): Astro drops the line break between a text and a link written on the next line,
 * so such a link needs {' '}. Read from the built site (dist/), as thanks-pages-text.test.ts does.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));

async function pages(dir = dist): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'admin' && entry.name !== 'pagefind') found.push(...(await pages(full)));
    else if (entry.name === 'index.html') found.push(full);
  }
  return found;
}

it('no link is glued to the word before or after it', async () => {
  const all = await pages();
  expect(all.length).toBeGreaterThan(50);
  const glued: string[] = [];
  for (const file of all) {
    const html = (await readFile(file, 'utf8')).replace(/<script[\s\S]*?<\/script>/g, '');
    for (const m of html.matchAll(/.{0,30}(?:[\p{L}:;,]<a\s[^>]*>[^<]*<\/a>|<\/a>\p{L}).{0,10}/gu))
      glued.push(`${path.relative(dist, file)} : ${m[0]}`);
  }
  expect(glued).toEqual([]);
});
