/** A production build without SITE_URL stops with a French message (issue 21, item 6): links would lead to localhost. */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('production build without SITE_URL', () => {
  it('stops before building, saying what to set and why', async () => {
    const outDir = await mkdtemp(path.join(tmpdir(), 'sans-site-url-'));
    const env = { ...process.env };
    delete env.SITE_URL;
    delete env.FABRIQUE_DEMONSTRATION;
    const build = spawnSync(path.join(root, 'node_modules/.bin/astro'), ['build', '--outDir', outDir], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    await rm(outDir, { recursive: true, force: true });
    expect(build.status).not.toBe(0);
    expect(build.stdout + build.stderr).toMatch(
      /SITE_URL manquant : la construction de production a besoin de l’adresse publique/,
    );
    expect(build.stdout + build.stderr).toMatch(/liens SMS, les codes QR et l’adresse imprimée/);
  }, 130_000);
});
