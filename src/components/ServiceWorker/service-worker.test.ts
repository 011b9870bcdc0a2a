/** The worker's build-time configuration: a new version when pages change, forms and quick-exit pages never kept. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { workerConfig } from '../../integrations/service-worker.ts';

const roots: string[] = [];
afterAll(() => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));

async function site(pages: Record<string, string>) {
  const root = await mkdtemp(path.join(tmpdir(), 'sw-'));
  roots.push(root);
  for (const [p, html] of Object.entries(pages)) {
    await mkdir(path.join(root, p), { recursive: true });
    await writeFile(path.join(root, p, 'index.html'), html);
  }
  return root;
}
const OFFLINE = '<html><script type="module" src="/_astro/sw-register.abc.js"></script></html>';

describe('workerConfig', () => {
  it('never keeps quick-exit pages nor pages with a form, and precaches the offline page with its scripts', async () => {
    const config = await workerConfig(
      await site({
        '': '<p>accueil</p>',
        'hors-ligne': OFFLINE,
        aide: '<meta name="robots" content="noarchive"><p>aide</p>',
        'formulaires/contact': '<form method="post" action="/f/contact">',
        'quartiers/centre': '<p>centre</p>',
      }),
    );
    expect(config.offline).toBe('/hors-ligne/');
    expect(config.assets).toEqual(['/_astro/sw-register.abc.js']);
    expect(config.never.sort()).toEqual(['/aide/', '/formulaires/contact/']);
    expect(config.prefixes).toEqual(expect.arrayContaining(['/f/', '/pagefind/']));
  });

  it('changes version when a page changes, so old caches are dropped', async () => {
    const a = await workerConfig(await site({ 'hors-ligne': OFFLINE, 'quartiers/centre': '<p>v1</p>' }));
    const same = await workerConfig(await site({ 'hors-ligne': OFFLINE, 'quartiers/centre': '<p>v1</p>' }));
    const b = await workerConfig(await site({ 'hors-ligne': OFFLINE, 'quartiers/centre': '<p>v2</p>' }));
    expect(same.version).toBe(a.version);
    expect(b.version).not.toBe(a.version);
  });
});
