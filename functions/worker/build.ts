/**
 * Builds the Worker (dist-worker/worker.js) from functions/worker.ts and what Node would read from disk
 * at start: form settings and content (content/), the built pages that hold a form, the style hashes and
 * the build's mode (dist/). Run after `npm run build`, before `wrangler deploy` (which bundles
 * dist-worker/entry.ts itself); dist-worker/worker.js is the same bundle made here, for its size.
 * Stops with the French messages of the settings check when content/ is wrong.
 * Usage: node functions/worker/build.ts [--dist dist] [--out dist-worker]
 */
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadContentContext, loadFormSettings } from '../../src/lib/forms/load.ts';
import { BUILD_STAMP_FILE, parseBuildStamp } from '../build-stamp.ts';
import { MESSAGE_PAGE } from '../pages.ts';
import { REGION_START } from '../../src/lib/forms/render-form.ts';
import type { WorkerData } from '../worker.ts';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Pages that post to the forms (their form region is refilled on errors), the message page, and a translated form's
 * page without a form (not yet open): the frame of its refusals in its own language (functions/pages.ts messagePage).
 */
function formPages(distDir: string): Record<string, string> {
  const pages: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name === 'index.html') {
        const pagePath = `/${path.relative(distDir, dir).split(path.sep).join('/')}/`.replace(/^\/\/$/, '/');
        const html = readFileSync(file, 'utf8');
        const translatedForm = /^\/[a-z]{2,3}\/formulaires\//.test(pagePath) && html.includes(REGION_START);
        if (pagePath === MESSAGE_PAGE || translatedForm || /action="\/(p\/[^"/]+\/)?f\//.test(html)) pages[pagePath] = html;
      }
    }
  };
  walk(distDir);
  return pages;
}

/** What Node would read at start, from content/ and dist/. */
export async function workerData(options: { distDir?: string; contentDir?: string } = {}): Promise<WorkerData> {
  const distDir = path.resolve(options.distDir ?? path.join(root, 'dist'));
  const contentDir = options.contentDir ?? path.join(root, 'content');
  const read = (name: string) => {
    try {
      return readFileSync(path.join(distDir, name), 'utf8');
    } catch {
      return undefined;
    }
  };
  const [settings, content] = await Promise.all([loadFormSettings(contentDir), loadContentContext(contentDir)]);
  return {
    settings,
    content,
    styleHashes: JSON.parse(read('csp-style-hashes.json') ?? '[]') as string[],
    pages: formPages(distDir),
    build: parseBuildStamp(read(BUILD_STAMP_FILE)),
  };
}

/** The data as the module the entry imports (JSON is a JavaScript expression). */
export const dataModule = (data: WorkerData) => `export default ${JSON.stringify(data)};\n`;

/**
 * Bundles functions/worker.ts with esbuild (wrangler's own bundler) into one ES module. With
 * `externalData` the data stays a separate module (./site-data.js) that the caller provides: the tests
 * bundle the code once and give each Worker its own settings.
 */
export async function bundleWorker(outDir: string, externalData = false): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const entry = path.join(outDir, 'entry.ts');
  const worker = path.relative(outDir, path.join(root, 'functions/worker.ts')).split(path.sep).join('/');
  writeFileSync(
    entry,
    `import { createWorker } from '${worker}';\nimport data from './site-data.js';\nexport default createWorker(data);\n`,
  );
  const outFile = path.join(outDir, externalData ? 'worker-code.js' : 'worker.js');
  await build({
    entryPoints: [entry],
    outfile: outFile,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['workerd', 'worker', 'browser'],
    target: 'es2024',
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
    external: externalData ? ['./site-data.js'] : [],
  });
  return outFile;
}

export async function buildWorker(options: { distDir?: string; outDir?: string; contentDir?: string } = {}) {
  const outDir = path.resolve(options.outDir ?? path.join(root, 'dist-worker'));
  const data = await workerData(options);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'site-data.js'), dataModule(data));
  const outFile = await bundleWorker(outDir);
  return { outFile, pages: Object.keys(data.pages).length };
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, out: { type: 'string' } } });
  try {
    const { outFile, pages } = await buildWorker({ distDir: values.dist, outDir: values.out });
    console.log(`Worker construit : ${path.relative(process.cwd(), outFile)} (${pages} pages de formulaire incluses).`);
  } catch (error) {
    console.error(`Le Worker n’est pas construit : ${(error as Error).message}`);
    process.exit(1);
  }
}
