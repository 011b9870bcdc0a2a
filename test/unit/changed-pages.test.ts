/** `npm run preview:content` names the pages that show the files an editor changed. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changedContentFiles, pagesFor } from '../../src/lib/content-checks/changed-pages.ts';
import { checkContent } from '../../src/lib/content-checks/content-check.ts';

const fixture = fileURLToPath(new URL('../fixtures/content', import.meta.url));

describe('pages to preview', () => {
  it('reads content files from git status, renamed and new ones included', () => {
    const status = [
      ' M content/referents/le-blosne-1.md',
      '?? content/lieux/salle-exemple.md',
      'R  content/lieux/a.md -> content/lieux/b.md',
      ' M src/pages/index.astro',
      ' M content/formulaires/contact.yaml',
    ].join('\n');
    expect(changedContentFiles(status)).toEqual([
      'content/referents/le-blosne-1.md',
      'content/lieux/salle-exemple.md',
      'content/lieux/b.md',
      'content/formulaires/contact.yaml',
    ]);
  });

  it('maps each changed entry to its page: a referent to its quartier, a form to its form page', async () => {
    const { entries } = await checkContent(fixture);
    const files = [
      'content/referents/le-blosne-1.md',
      'content/quartiers/le-blosne.md',
      'content/formations/creche.md',
      'content/formulaires/contact.yaml',
    ];
    expect(pagesFor(files, entries).map((p) => p.page)).toEqual([
      '/formations/creche/',
      '/formulaires/contact/',
      '/quartiers/le-blosne/',
    ]);
  });
});
