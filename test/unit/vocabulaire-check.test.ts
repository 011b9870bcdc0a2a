/** Content check of residents' words and place names (issue 11): a word must lead to a page that exists. */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblems } from '../../src/lib/content-checks/content-check.ts';

const fixture = fileURLToPath(new URL('../fixtures/content', import.meta.url));
const temps: string[] = [];

/** The valid fixture plus one file; returns the content folder. */
async function contentWith(file: string, text: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'contenu-'));
  temps.push(dir);
  const content = path.join(dir, 'content');
  await cp(fixture, content, { recursive: true });
  await mkdir(path.join(content, path.dirname(file)), { recursive: true });
  await writeFile(path.join(content, file), text);
  return content;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const check = async (file: string, text: string) => formatProblems((await checkContent(await contentWith(file, text))).problems);

describe('content check of residents’ words', () => {
  it('accepts words that lead to an existing page', async () => {
    const content = await contentWith(
      'vocabulaire/creche.md',
      '---\npage: /formations/creche/\nmots_recherches: [nounou]\n---\n',
    );
    expect((await checkContent(content)).problems).toEqual([]);
  });

  it('refuses a word that points nowhere, and suggests the page with the same name', async () => {
    const message = await check('vocabulaire/creche.md', '---\npage: /programmes/creche/\nmots_recherches: [nounou]\n---\n');
    expect(message).toContain(
      "content/vocabulaire/creche.md, champ « page » : la page « /programmes/creche/ » n'existe pas sur le site : ces mots ne mèneraient nulle part.",
    );
    expect(message).toContain('vouliez-vous dire /formations/creche/ ?');
  });

  it('refuses an address that is not a path, and an entry without any word', async () => {
    expect(await check('vocabulaire/a.md', '---\npage: https://exemple.fr/aide\nmots_recherches: [x]\n---\n')).toContain(
      'adresse de page attendue',
    );
    expect(await check('vocabulaire/b.md', '---\npage: /aide/\n---\n')).toContain('ajoutez au moins un mot');
  });
});

describe('content check of the quartier finder’s names', () => {
  const nom = (extra: string) =>
    `---\nquartier: le-blosne\nnoms:\n  - nom: Italie\n    sorte: station\n    source: https://exemple.org/italie\n${extra}---\n`;

  it('accepts a name, unverified by default', async () => {
    const content = await contentWith('quartiers-noms/le-blosne.md', nom(''));
    const { problems, entries } = await checkContent(content);
    expect(problems).toEqual([]);
    expect(entries.find((e) => e.collection === 'quartiers-noms')?.data.noms).toEqual([
      { nom: 'Italie', sorte: 'station', aussi: [], source: 'https://exemple.org/italie', verifie: false },
    ]);
  });

  it('refuses another quartier that does not exist, a name without a source, and a name twice', async () => {
    expect(await check('quartiers-noms/le-blosne.md', nom('    aussi: [brequigny]\n'))).toContain(
      "champ « noms[0].aussi[0] » : « brequigny » n'existe pas dans content/quartiers/",
    );
    expect(
      await check('quartiers-noms/x.md', '---\nquartier: le-blosne\nnoms:\n  - nom: Italie\n    sorte: station\n---\n'),
    ).toContain('champ « noms[0].source » : champ obligatoire manquant');
    const deux = nom('  - nom: italie\n    sorte: lieu\n    source: https://exemple.org/b\n');
    expect(await check('quartiers-noms/le-blosne.md', deux)).toContain('« italie » figure deux fois dans ce fichier');
  });
});
