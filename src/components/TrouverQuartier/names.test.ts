/** Data of the "Quel est mon quartier ?" finder and the index's words for typo correction (issue 11). */
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nomsDuFinder, referentEnMots } from './names.ts';
import { writeSearchWords } from '../../lib/search/index-words.ts';

const quartiers = [
  { id: 'le-blosne', data: { nom: 'Le Blosne', autres_noms: ['Blosne'] } },
  { id: 'brequigny', data: { nom: 'Bréquigny', autres_noms: ['Champs Manceaux'] } },
];
const source = 'https://exemple.org/';
const fiches = [
  {
    data: {
      quartier: 'le-blosne',
      noms: [
        { nom: 'Henri Fréville', sorte: 'station' as const, aussi: ['brequigny'], source, verifie: false },
        { nom: 'Italie', sorte: 'sous-quartier' as const, aussi: [], source, verifie: false },
      ],
    },
  },
  {
    data: {
      quartier: 'brequigny',
      noms: [
        { nom: 'Les Champs-Manceaux', sorte: 'sous-quartier' as const, aussi: [], source, verifie: false },
        { nom: 'Champs-Manceaux', sorte: 'sous-quartier' as const, aussi: [], source, verifie: false },
        { nom: 'rue Exemple', sorte: 'rue' as const, aussi: ['le-blosne'], source, verifie: true },
      ],
    },
  },
];

describe('nomsDuFinder', () => {
  const noms = nomsDuFinder(quartiers, fiches);
  const par = (nom: string) => noms.filter((n) => n.nom === nom);

  it('sorts every name A–Z, official names included and verified', () => {
    expect(noms.map((n) => n.nom)).toEqual([
      'Blosne',
      'Bréquigny',
      'Champs-Manceaux',
      'Henri Fréville',
      'Italie',
      'Le Blosne',
      'Les Champs-Manceaux',
      'rue Exemple',
    ]);
    expect(par('Blosne')[0]).toMatchObject({ sorte: 'quartier', verifie: true });
    expect(par('Italie')[0]).toMatchObject({
      sorte: 'sous-quartier',
      verifie: false,
      quartiers: [{ id: 'le-blosne', nom: 'Le Blosne' }],
    });
  });

  it('keeps one line when a familiar name is also the quartier’s own other name, verified by it', () => {
    // "Champs Manceaux" (the quartier's page) and "Champs-Manceaux" (a familiar name) are one answer.
    expect(noms.filter((n) => n.nom.replace('-', ' ') === 'Champs Manceaux')).toEqual([
      {
        nom: 'Champs-Manceaux',
        sorte: 'sous-quartier',
        quartiers: [{ id: 'brequigny', nom: 'Bréquigny' }],
        plusieurs: undefined,
        verifie: true,
      },
    ]);
  });

  it('says whether sources disagree or a street runs through two quartiers', () => {
    expect(par('Henri Fréville')[0]).toMatchObject({
      plusieurs: 'desaccord',
      quartiers: [{ id: 'le-blosne' }, { id: 'brequigny' }],
    });
    expect(par('rue Exemple')[0]).toMatchObject({ plusieurs: 'rue', quartiers: [{ id: 'brequigny' }, { id: 'le-blosne' }] });
  });
});

describe('referentEnMots', () => {
  it('names referents in post, marks examples, and says when the post is open', () => {
    expect(referentEnMots([{ data: { statut: 'en-poste', prenom: 'Fatou S.', exemple: true } }])).toBe('Fatou S. (exemple)');
    expect(referentEnMots([{ data: { statut: 'poste-ouvert', exemple: false } }])).toBe(
      'poste de référent ouvert, pas encore pourvu',
    );
  });
});

describe('writeSearchWords', () => {
  it('writes the indexed words, most frequent first, one file per first letter, without the hidden metadata', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'mots-'));
    try {
      const page = (texte: string) =>
        `<html><body><nav>Menu ignoré</nav><main id="contenu" data-pagefind-body><div hidden data-pagefind-ignore><span data-pagefind-meta="title:Secret"></span></div><p>${texte}</p></main></body></html>`;
      await mkdir(path.join(dir, 'a'));
      await writeFile(path.join(dir, 'a', 'index.html'), page('Le référent du quartier, référent.'));
      await writeFile(path.join(dir, 'index.html'), page('Un autre référent et une formation.'));
      await writeFile(path.join(dir, 'hors.html'), '<main>rien indexé</main>');
      const out = path.join(dir, 'pagefind');
      await mkdir(out);
      expect(await writeSearchWords(dir, out)).toBe(4);
      expect((await readdir(path.join(out, 'mots'))).sort()).toEqual(['a.txt', 'f.txt', 'q.txt', 'r.txt']);
      expect(await readFile(path.join(out, 'mots', 'r.txt'), 'utf8')).toBe('référent');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
