// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { ASTRO_I18N } from './src/i18n/languages.ts';
import { admin } from './src/integrations/admin.ts';
import { contentCheck } from './src/integrations/content-check.ts';
import { inlineStyleHashes } from './src/integrations/inline-style-hashes.ts';
import { pagefind } from './src/integrations/pagefind.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';
import { formsModeFromEnv } from './src/lib/forms/mode.ts';

// A production build needs its public address: SMS links, QR codes and the printed address are written with it.
if (process.argv.includes('build') && !process.env.SITE_URL && formsModeFromEnv() === 'production')
  throw new Error(
    'SITE_URL manquant : la construction de production a besoin de l’adresse publique du site, par exemple SITE_URL=https://fabrique.rennes.fr npm run build. Sans elle, les liens SMS, les codes QR et l’adresse imprimée mèneraient à http://localhost:4321/. Pour une démonstration sur votre ordinateur : FABRIQUE_DEMONSTRATION=oui npm run build.',
  );

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  // French at the root, the other languages under their prefix (src/i18n/languages.ts, issue 23).
  i18n: ASTRO_I18N,
  // Sensitive pages moved to neutral addresses (the browser's history must not say what they are): old links still work.
  redirects: {
    '/programmes/lieu-ressources-femmes/': '/programmes/informations-pratiques/',
    '/formulaires/femmes-rappel/': '/formulaires/informations/',
    '/formulaires/femmes-rappel/merci/': '/formulaires/informations/merci/',
  },
  integrations: [
    contentCheck(),
    mdx(),
    sitemap({
      filter: (page) => !page.includes('/merci/') && !page.includes('/formulaires/erreur/') && !page.includes('/hors-ligne/'),
    }),
    pagefind(),
    // After pagefind(): the worker is written once the whole site, index included, is in dist/.
    serviceWorker(),
    inlineStyleHashes(),
    // Last: /admin/ is not a public page (no service worker, no search, no style hashes).
    admin(),
  ],
  build: {
    format: 'directory',
    // The whole stylesheet (3.5 KB compressed) inlined in every page: it renders after one round trip, with no
    // render-blocking request. Whole 3.5 KB vs critical part 2.7 KB: figures and choice in README (issue 12).
    inlineStylesheets: 'always',
  },
  // No prefetch, no view transitions: pages are plain documents.
  prefetch: false,
  devToolbar: { enabled: false },
  vite: {
    // Never inline scripts: the CSP forbids inline code (script-src 'self').
    build: { assetsInlineLimit: 0 },
    // No module-preload helper (1.5 KB in every page's script, src/layouts/site-scripts.ts): a part fetched later
    // brings its own imports. Set by a plugin because Astro's own build settings come after the user's; with
    // nothing to preload, Vite's wrapper of each import() is a plain call.
    plugins: [
      {
        name: 'fabrique-sans-modulepreload',
        enforce: 'pre',
        config: () => ({ build: { modulePreload: false } }),
        load: (id) => (id === '\0vite/preload-helper.js' ? 'export const __vitePreload = (f) => f();' : undefined),
      },
    ],
  },
});
