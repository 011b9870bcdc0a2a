/**
 * Build and dev server: Astro's glob loader behind the content check. A file the check refuses (or that names a
 * refused one) is left out of its collection instead of stopping `npm run dev`; its French message is printed once.
 * The build never gets here with a refused file: src/integrations/content-check.ts stops it first. The entries Astro
 * keeps from the last build are dropped when the schemas change (schemasDigest).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob } from 'astro/loaders';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAll, contentFileName, formatLeftOut, type ContentReport } from './check-all.ts';

type Shared = { contentDir: string; report: Promise<ContentReport>; logged: Set<string> };

// One report for the integration and every collection's loader (same process, separate module graphs).
const KEY = Symbol.for('fabrique.content-report');
const shared = globalThis as { [KEY]?: Shared };

/** The current report; computed once per change of content/ (the loaders invalidate it on the watcher's events). */
export function currentReport(contentDir: string): Shared {
  const known = shared[KEY];
  if (known && known.contentDir === contentDir) return known;
  const fresh: Shared = { contentDir, report: checkAll(contentDir), logged: new Set() };
  shared[KEY] = fresh;
  return fresh;
}

/** Forgets the report when a file under content/ changes (the next reader checks afresh). */
export function invalidate(contentDir: string, file: string) {
  if (!path.resolve(file).startsWith(path.resolve(contentDir) + path.sep)) return;
  if (shared[KEY]?.contentDir === contentDir) delete shared[KEY];
}

const SKIP = { skip: true } as const;

/** A digest of the schemas' source (src/schemas/), once per process. */
let schemas: Promise<string> | undefined;
function schemasDigest(root: URL): Promise<string> {
  schemas ??= (async () => {
    const dir = fileURLToPath(new URL('./src/schemas/', root));
    const files = (await readdir(dir, { recursive: true })).filter((f) => f.endsWith('.ts')).sort();
    const hash = createHash('sha256');
    for (const f of files) hash.update(f).update(await readFile(path.join(dir, f)));
    return hash.digest('hex');
  })();
  return schemas;
}

/** `glob()` of one folder of content/, leaving out what the check refuses. */
export function checkedGlob(folder: string): Loader {
  const inner = glob({ base: `./content/${folder}`, pattern: '*.{md,mdx}' });
  return {
    name: 'fabrique-checked-glob',
    load: async (context: LoaderContext) => {
      const contentDir = fileURLToPath(new URL('./content/', context.config.root));
      // Astro keeps an unchanged file's entry from the last build, parsed by the schemas of then: it starts afresh
      // when content.config.ts changes, not when a schema it imports does (a field's new default would be missing).
      const digest = await schemasDigest(context.config.root);
      if (context.meta.get('schemas') !== digest) {
        context.store.clear();
        context.meta.set('schemas', digest);
      }
      // Registered before the glob loader's own handlers, so a changed file is checked afresh.
      for (const event of ['change', 'add', 'unlink'] as const)
        context.watcher?.on(event, (file: string) => invalidate(contentDir, file));
      const refusedNow = async (filePath: string | undefined) => {
        if (!filePath) return false;
        const current = currentReport(contentDir);
        const report = await current.report;
        const file = contentFileName(contentDir, filePath);
        if (!report.refused.has(file)) return false;
        if (!current.logged.has(file)) {
          current.logged.add(file);
          context.logger.error(formatLeftOut(report, new Set([file])));
        }
        return true;
      };
      const store = new Proxy(context.store, {
        get(target, key, receiver) {
          if (key === 'set')
            return (entry: { id: string; data: unknown }) => {
              if (entry.data !== SKIP) return target.set(entry as Parameters<typeof target.set>[0]);
              target.delete(entry.id);
              return false;
            };
          const value: unknown = Reflect.get(target, key, receiver);
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      const parseData = (async (props: Parameters<LoaderContext['parseData']>[0]) => {
        if (await refusedNow(props.filePath)) return SKIP;
        try {
          return await context.parseData(props);
        } catch (error) {
          // The check and the schemas agree; should they not, the file is still left out, never the server stopped.
          context.logger.error(`${props.filePath ?? props.id} laissé de côté : ${(error as Error).message}`);
          return SKIP;
        }
      }) as LoaderContext['parseData'];
      await inner.load({ ...context, store, parseData });
      // Unchanged files are kept from the last run without parseData: drop those refused now.
      const { refused } = await currentReport(contentDir).report;
      for (const [id, entry] of store.entries()) if (entry.filePath && refused.has(entry.filePath)) store.delete(id);
    },
  };
}
