/**
 * Node server and dev server: the site's stylesheet for the editor's preview (/admin/site.css, issue 22, item 8),
 * so an entry previewed in /admin/ looks as on the site. The build inlines the one stylesheet in every page
 * (astro.config.mjs, inlineStylesheets: 'always'): it is read back from the home page; CSS files of dist/_astro/
 * are taken too, should the build ever write some. The dev server, with no build, reads src/styles/ itself.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The built site's CSS (dist/_astro/*.css, then the home page's inlined styles), or '' when there is no build. */
export async function siteStylesheet(distDir: string): Promise<string> {
  const assets = path.join(distDir, '_astro');
  const files = (await readdir(assets).catch(() => [] as string[])).filter((f) => f.endsWith('.css')).sort();
  const css = await Promise.all(files.map((f) => readFile(path.join(assets, f), 'utf8')));
  const home = await readFile(path.join(distDir, 'index.html'), 'utf8').catch(() => '');
  const inlined = [...home.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
  return [...css, ...new Set(inlined)].join('\n');
}

/**
 * The same stylesheet from its sources (src/styles/global.css and what it imports), for the dev server: each
 * `@import 'x' layer(name);` becomes `@layer name { … }`, as the build's bundling does.
 */
export async function sourceStylesheet(file: string, seen = new Set<string>()): Promise<string> {
  if (seen.has(file)) return '';
  seen.add(file);
  const text = await readFile(file, 'utf8').catch(() => '');
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(/@import\s+['"]([^'"]+)['"]\s*(?:layer\(([\w-]+)\))?\s*;/g)) {
    parts.push(text.slice(last, m.index));
    const inner = await sourceStylesheet(path.resolve(path.dirname(file), m[1]!), seen);
    parts.push(m[2] ? `@layer ${m[2]} {\n${inner}\n}` : inner);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
