/** Every internal link of the built site leads to a page or file that exists: no dead end for a resident. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

async function htmlFiles(): Promise<string[]> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => path.join(e.parentPath, e.name));
}

function exists(href: string): boolean {
  const clean = decodeURIComponent(href.split(/[?#]/)[0]!);
  const target = path.join(dist, clean);
  return clean.endsWith('/') ? existsSync(path.join(target, 'index.html')) : existsSync(target);
}

describe('internal links', () => {
  it('all resolve to a built page or file', async () => {
    const broken: string[] = [];
    let checked = 0;
    const files = await htmlFiles();
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const html = await readFile(file, 'utf8');
      for (const [, href] of html.matchAll(/\shref="(\/[^"]*)"/g)) {
        checked += 1;
        if (!exists(href!)) broken.push(`${path.relative(dist, file)} → ${href}`);
      }
    }
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });
});
