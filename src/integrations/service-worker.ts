import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The switch: FABRIQUE_SERVICE_WORKER=off at build time emits a worker that removes itself (README). */
export const serviceWorkerOn = () => process.env.FABRIQUE_SERVICE_WORKER !== 'off';

export type WorkerConfig = {
  /** Changes with every build whose pages change: a new cache, the old ones deleted. */
  version: string;
  offline: string;
  /** Each translated offline page (/<language>/hors-ligne/, issue 23): shown for that language's pages. */
  langues: string[];
  /** Precached with the offline page: its scripts and the icon, so it loads with no failed request. */
  assets: string[];
  /** Pages never kept: quick-exit pages (noarchive) and pages holding a form. */
  never: string[];
  prefixes: string[];
};

const source = (file: string) => readFile(fileURLToPath(new URL(`../components/ServiceWorker/${file}`, import.meta.url)), 'utf8');

/** Paths of the built pages, with their HTML. */
async function builtPages(root: string) {
  const entries = await readdir(root, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile() && e.name === 'index.html').map((e) => path.join(e.parentPath, e.name));
  files.sort();
  return Promise.all(
    files.map(async (f) => ({
      path: `/${path.relative(root, path.dirname(f)).split(path.sep).join('/')}/`.replace('//', '/'),
      html: await readFile(f, 'utf8'),
    })),
  );
}

export async function workerConfig(root: string): Promise<WorkerConfig> {
  const pages = await builtPages(root);
  const hash = createHash('sha256');
  for (const p of pages) hash.update(p.path).update(p.html);
  const never = pages
    .filter((p) => /<meta name="robots" content="noarchive"/.test(p.html) || /<form[^>]*action="\/f\//.test(p.html))
    .map((p) => p.path);
  const offline = pages.find((p) => p.path === '/hors-ligne/');
  if (!offline) throw new Error('service worker : la page /hors-ligne/ manque');
  const scripts = [...offline.html.matchAll(/<script[^>]* src="(\/_astro\/[^"]+)"/g)].map((m) => m[1]!);
  return {
    version: hash.digest('hex').slice(0, 12),
    offline: offline.path,
    langues: pages.filter((p) => /^\/[a-z]+\/hors-ligne\/$/.test(p.path)).map((p) => p.path),
    // The page's script (src/layouts/site-scripts.ts); its icon is in the page itself.
    assets: scripts,
    never,
    prefixes: ['/f/', '/p/', '/pagefind/', '/formulaires/'],
  };
}

/** Writes dist/sw.js after the search index (this integration comes after pagefind() in astro.config.mjs). */
export function serviceWorker(): AstroIntegration {
  return {
    name: 'fabrique:service-worker',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        if (!serviceWorkerOn()) {
          await writeFile(path.join(root, 'sw.js'), await source('switched-off.js'));
          logger.info('service worker désactivé : sw.js efface les caches et se retire');
          return;
        }
        const config = await workerConfig(root);
        const js = (await source('worker.js'))
          .replace(
            /^\/\*[\s\S]*?\*\/\n/,
            `// Fabrique rennaise des solidarités: offline reading (src/components/ServiceWorker/worker.js)\n`,
          )
          .replace(/\/\*CONFIG\*\/ \{[^\n]*\}/, JSON.stringify(config));
        if (!js.includes(config.version)) throw new Error('service worker : configuration non insérée');
        await writeFile(path.join(root, 'sw.js'), js);
        logger.info(`service worker ${config.version} : ${config.never.length} pages jamais gardées`);
      },
    },
  };
}
