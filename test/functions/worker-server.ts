/**
 * The forms' Worker (functions/worker.ts, bundled as for `wrangler deploy`) served by Miniflare, the
 * platform's local runtime (workerd), on 127.0.0.1 with an ephemeral port: a local D1 database, the
 * built site as its assets, run_worker_first as in wrangler.jsonc. The code is bundled once per test
 * process; each Worker gets its own data module (settings, pages), as the build would bundle it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { Miniflare } from 'miniflare';
import { bundleWorker, dataModule, workerData } from '../../functions/worker/build.ts';
import { compatibilityDate } from '../../functions/worker/compatibility-date.ts';
import type { WorkerData } from '../../functions/worker.ts';
import type { D1Like } from '../../functions/store/d1.ts';
import { migrateD1 } from '../../functions/store/d1.ts';

const root = path.resolve(import.meta.dirname, '../..');
/** wrangler.jsonc's date, the one the Worker is deployed with. */
export const COMPATIBILITY_DATE = compatibilityDate();

let code: Promise<string> | undefined;
/** The Worker's code, bundled once per process into a temporary folder. */
export function workerCode(): Promise<string> {
  return (code ??= (async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'worker-code-'));
    const file = await bundleWorker(dir, true);
    const text = readFileSync(file, 'utf8');
    rmSync(dir, { recursive: true, force: true });
    return text;
  })());
}

export type RunningWorker = {
  url: string;
  mf: Miniflare;
  db: D1Like;
  /** Runs the cron handler once, as `wrangler dev --test-scheduled`'s /__scheduled does. */
  scheduled: () => Promise<void>;
  dispose: () => Promise<void>;
};

export async function startWorker(
  options: {
    /** The bundled data; by default what the build would bundle from content/ and dist/. */
    data?: WorkerData;
    /** Adjusts the default data (tests: their own team keys). */
    editData?: (data: WorkerData) => WorkerData;
    /** The Worker's variables and secrets (FORMS_CLIENT_SECRET is given one by default). */
    vars?: Record<string, string>;
    distDir?: string;
    /** Reopens a D1 database kept on disk (as after a new deployment). */
    persistDir?: string;
    /** Lines the Worker logs (console), when a test reads them. */
    onLog?: (line: string) => void;
  } = {},
): Promise<RunningWorker> {
  const distDir = options.distDir ?? path.join(root, 'dist');
  const base = options.data ?? (await workerData({ distDir }));
  const data = options.editData ? options.editData(base) : base;
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: 0,
    modules: [
      { type: 'ESModule', path: path.join(root, 'worker.js'), contents: await workerCode() },
      { type: 'ESModule', path: path.join(root, 'site-data.js'), contents: dataModule(data) },
    ],
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: { DB: 'fabrique-formulaires' },
    d1Persist: options.persistDir ?? false,
    assets: {
      directory: distDir,
      binding: 'ASSETS',
      routerConfig: { invoke_user_worker_ahead_of_assets: true, has_user_worker: true },
      assetConfig: { html_handling: 'auto-trailing-slash', not_found_handling: '404-page' },
    },
    bindings: { FORMS_CLIENT_SECRET: 'secret-des-essais-partage-par-les-isolats', ...options.vars },
    handleRuntimeStdio: (stdout: Readable, stderr: Readable) => {
      const forward = (chunk: Buffer) => {
        for (const line of chunk.toString().split('\n')) if (line.trim()) options.onLog?.(line);
      };
      stdout.on('data', forward);
      stderr.on('data', forward);
    },
  });
  const url = (await mf.ready).href.replace(/\/$/, '');
  const db = (await mf.getD1Database('DB')) as unknown as D1Like;
  // As `wrangler d1 migrations apply` does before a deployment. Idempotent: tried again when Miniflare's
  // synchronous proxy from Node loses a reply on a busy machine (an assertion in its fetch-sync, seen once
  // in 1,400 tests at load 12), which is the test tool's, not the Worker's.
  for (let attempt = 1; ; attempt++) {
    try {
      await migrateD1(db);
      break;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
  const worker = (await mf.getWorker()) as unknown as { scheduled(o: { cron: string }): Promise<unknown> };
  return {
    url,
    mf,
    db,
    scheduled: async () => {
      await worker.scheduled({ cron: '* * * * *' });
    },
    dispose: () => mf.dispose(),
  };
}
