/**
 * Path (a)'s deployment (`npm run rebuild:worker`, functions/worker/deploy.ts): the D1 migrations are
 * applied before the Worker is deployed, by wrangler itself (here on a local D1, offline), and the
 * repository's wrangler.jsonc draws no warning from wrangler (the `jurisdiction` field it does not know).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES } from '../../functions/store/d1.ts';
import { deploySteps } from '../../functions/worker/deploy.ts';

const root = path.resolve(import.meta.dirname, '../..');
const offline = { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true', NO_COLOR: '1' };
let dir: string;
beforeEach(() => void (dir = mkdtempSync(path.join(tmpdir(), 'deploiement-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run rebuild:worker', () => {
  it('runs deploy.ts, which applies the migrations before deploying', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(scripts['rebuild:worker']).toBe('npm run build && npm run build:worker && node functions/worker/deploy.ts');
    expect(deploySteps()).toEqual([['d1', 'migrations', 'apply', 'DB', '--remote'], ['deploy']]);
  });

  it('its migration step applies every migration to a D1 (local here), and wrangler warns of nothing', async () => {
    const run = spawnSync(process.execPath, [path.join(root, 'functions/worker/deploy.ts'), '--local', dir], {
      cwd: root,
      encoding: 'utf8',
      env: offline,
    });
    expect(run.status, run.stderr).toBe(0);
    for (const name of MIGRATION_NAMES) expect(run.stdout).toContain(name);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/Unexpected fields|jurisdiction/);
    // The D1 wrangler kept, opened as the Worker's runtime opens it: every migration recorded.
    const mf = new Miniflare({
      modules: true,
      script: 'export default {}',
      d1Persist: path.join(dir, 'v3', 'd1'),
      d1Databases: { DB: '00000000-0000-0000-0000-000000000000' },
    });
    try {
      const db = await mf.getD1Database('DB');
      const { results } = (await db.prepare('SELECT name FROM d1_migrations ORDER BY id').all()) as {
        results: { name: string }[];
      };
      expect(results.map((r) => r.name)).toEqual(MIGRATION_NAMES);
    } finally {
      await mf.dispose();
    }
  });
});
