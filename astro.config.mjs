// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { contentCheck } from './src/integrations/content-check.ts';
import { pagefind } from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({ filter: (page) => !page.includes('/merci/') && !page.includes('/formulaires/erreur/') }),
    pagefind(),
  ],
  build: {
    format: 'directory',
    // One cached stylesheet for the whole site rather than CSS inlined in every page.
    inlineStylesheets: 'never',
  },
  // No prefetch, no view transitions: pages are plain documents.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    // Never inline scripts: the CSP forbids inline code (script-src 'self').
    build: { assetsInlineLimit: 0 },
  },
});
