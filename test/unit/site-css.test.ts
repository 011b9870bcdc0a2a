/** /admin/site.css (src/admin/site-css.ts): the built site's stylesheet for the editor's preview, or its sources in dev. */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteStylesheet, sourceStylesheet } from '../../src/admin/site-css.ts';

describe('the site’s stylesheet for the preview', () => {
  it('reads the style the build inlines in its pages, and CSS files of _astro/; nothing without a build', async () => {
    const dist = await mkdtemp(path.join(tmpdir(), 'site-css-'));
    expect(await siteStylesheet(dist)).toBe('');
    await writeFile(path.join(dist, 'index.html'), '<html><head><style>.card{border:1px solid}</style></head></html>');
    await mkdir(path.join(dist, '_astro'));
    await writeFile(path.join(dist, '_astro', 'a.css'), '.badge{color:red}');
    const css = await siteStylesheet(dist);
    expect(css).toContain('.card{border:1px solid}');
    expect(css).toContain('.badge{color:red}');
  });

  it('puts the sources together in dev, each import in its layer', async () => {
    const css = await sourceStylesheet(new URL('../../src/styles/global.css', import.meta.url).pathname);
    expect(css).not.toMatch(/@import/);
    expect(css).toMatch(/@layer components \{[\s\S]*\.card\b/);
    expect(css).toContain('.badge--exemple');
  });
});
