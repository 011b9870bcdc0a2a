/**
 * Starts the built site and the forms' app (createApp, with the teams' inbox) on one back-end, for the inbox's
 * browser tests and its bench: Node + a SQLite file, Node + PostgreSQL (FABRIQUE_TEST_PG_URL, a fresh database),
 * or the Worker on workerd + local D1 (Miniflare, from npm). Sensitive forms are sealed to the test team's key.
 * `invite()` makes an administrator's single-use link as the command line does (`--sql` run on D1 for the Worker).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runEquipeCli } from '../../functions/equipe/cli.ts';
import { startServer } from '../../functions/node.ts';
import type { FormKey } from '../../src/schemas/forms/index.ts';
import type { FormSettings } from '../../src/schemas/forms/settings.ts';
import { freshDatabase } from '../functions/postgres-server.ts';
import { startWorker } from '../functions/worker-server.ts';
import { e2eSealedSettings } from './forms-helpers.ts';

export const BACKENDS = ['sqlite', 'postgres', 'd1'] as const;
export type Backend = (typeof BACKENDS)[number];
export const BACKEND_NAMES: Record<Backend, string> = {
  sqlite: 'Node + SQLite',
  postgres: 'Node + PostgreSQL',
  d1: 'workerd + D1 (Miniflare)',
};

export type InboxSite = {
  backend: Backend;
  /** http://localhost:port: WebAuthn needs a host name, not an address. */
  base: string;
  /** The SQLite file (Node + SQLite only), for the tests that read its bytes. */
  dbFile?: string;
  dir: string;
  /** Log lines of the server or Worker. */
  logs: string[];
  /** A single-use invitation link for a new administrator. */
  invite: (name: string, email: string) => Promise<string>;
  close: () => Promise<void>;
};

export async function startInboxSite(
  backend: Backend,
  options: { settings?: Partial<Record<FormKey, FormSettings>> } = {},
): Promise<InboxSite> {
  const dir = mkdtempSync(path.join(tmpdir(), `equipe-${backend}-`));
  const logs: string[] = [];
  const settings = options.settings ?? (await e2eSealedSettings());
  const localhost = (url: string) => url.replace('127.0.0.1', 'localhost');
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const cli = async (args: string[], base: string) => {
    const r = await runEquipeCli([...args, '--site', base], {});
    if (r.code !== 0) throw new Error(r.err);
    return r;
  };
  const person = (name: string, email: string) => ['inviter', '--email', email, '--nom', name];

  if (backend === 'd1') {
    const worker = await startWorker({
      editData: (data) => ({ ...data, settings: { ...data.settings, ...settings } }),
      vars: { FABRIQUE_DEMONSTRATION: 'oui', FORMS_RATE_LIMIT: '1000' },
      onLog: (l) => logs.push(l),
    });
    const base = localhost(worker.url);
    return {
      backend,
      base,
      dir,
      logs,
      invite: async (name, email) => {
        const r = await cli([...person(name, email), '--sql'], base);
        for (const statement of r.out.split(/;\n/).filter((s) => s.trim())) await worker.db.prepare(statement).run();
        return r.err.trim().split('\n').at(-1)!;
      },
      close: async () => {
        await worker.dispose();
        removeDir();
      },
    };
  }

  const pg = backend === 'postgres' ? await freshDatabase() : undefined;
  const dbFile = path.join(dir, 'submissions.sqlite');
  const site = await startServer({
    port: 0,
    mode: 'demonstration',
    dbPath: dbFile,
    databaseUrl: pg?.url,
    rateLimit: { max: 1000, windowMs: 60_000 },
    settings,
    log: (e) => logs.push(JSON.stringify(e)),
    notice: (line) => logs.push(line),
  });
  const base = localhost(site.url);
  const where = pg ? ['--database-url', pg.url] : ['--db', dbFile];
  return {
    backend,
    base,
    dbFile: pg ? undefined : dbFile,
    dir,
    logs,
    invite: async (name, email) => (await cli([...person(name, email), ...where], base)).out.trim(),
    close: async () => {
      await site.close();
      await pg?.drop();
      removeDir();
    },
  };
}
