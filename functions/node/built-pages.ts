/** The built pages (dist/) by path, read once and kept: the handlers fill their form region on errors. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PageSource } from '../pages.ts';

export function builtPages(distDir: string): PageSource {
  const cache = new Map<string, string | undefined>();
  return {
    get(pagePath) {
      if (!/^\/[a-z0-9/_-]*\/$/.test(pagePath) || pagePath.includes('..')) return undefined;
      if (!cache.has(pagePath)) {
        let html: string | undefined;
        try {
          html = readFileSync(path.join(distDir, pagePath, 'index.html'), 'utf8');
        } catch {
          html = undefined;
        }
        cache.set(pagePath, html);
      }
      return cache.get(pagePath);
    },
  };
}
