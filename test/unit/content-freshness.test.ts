/**
 * Freshness of `verifie_le`: a warning after 6 months, an error after 12 (configurable), and the
 * `--fraicheur` list oldest first with the page and the team. Runs on copies of test/fixtures/content.
 */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, formatProblems, formatWarnings } from '../../src/lib/content-checks/content-check.ts';
import { checkEditorial } from '../../src/lib/content-checks/editorial-check.ts';
import { aRevoir, plusMois, seuilsDepuis } from '../../src/lib/content-checks/fraicheur.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = path.join(root, 'test/fixtures/content');
const temps: string[] = [];

/** A copy of the fixture with some files edited; returns the content folder. */
async function contentWith(edits: Record<string, (text: string) => string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fraicheur-'));
  temps.push(dir);
  const content = path.join(dir, 'content');
  await cp(fixture, content, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const target = path.join(content, file);
    await writeFile(target, edit(await readFile(target, 'utf8')));
  }
  return content;
}

afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function editorial(content: string, today: string, env?: string) {
  const { entries } = await checkContent(content);
  return { entries, ...(await checkEditorial(content, entries, { today, seuils: seuilsDepuis(env) })) };
}

describe('freshness of verifie_le', () => {
  it('is quiet before 6 months, warns from 6 months, refuses from 12 months', async () => {
    const before = await editorial(fixture, '2027-05-19');
    expect(before.warnings.filter((w) => w.field === 'verifie_le')).toEqual([]);
    expect(before.errors).toEqual([]);

    const sixMonths = await editorial(fixture, '2027-05-20');
    expect(sixMonths.errors).toEqual([]);
    expect(formatWarnings(sixMonths.warnings)).toContain(
      'content/referents/le-blosne-1.md, ligne 11, champ « verifie_le » : informations vérifiées le 20 novembre 2026, il y a plus de 6 mois : revérifiez-les sur la page /quartiers/le-blosne/ (équipe referents), puis mettez la date du jour, par exemple verifie_le: 2027-05-20',
    );

    const year = await editorial(fixture, '2027-11-20');
    expect(year.errors).toHaveLength(5);
    expect(formatProblems(year.errors)).toContain(
      'content/formations/creche.md, ligne 17, champ « verifie_le » : informations vérifiées le 20 novembre 2026, il y a plus de 12 mois',
    );
  });

  it('takes other thresholds from FABRIQUE_FRAICHEUR and explains a malformed one', async () => {
    const { errors, warnings } = await editorial(fixture, '2027-02-20', '3,6');
    expect(errors).toEqual([]);
    expect(warnings.filter((w) => w.field === 'verifie_le')).toHaveLength(5);
    expect((await editorial(fixture, '2027-05-20', '3,6')).errors).toHaveLength(5);
    expect(() => seuilsDepuis('12,6')).toThrow('FABRIQUE_FRAICHEUR mal écrit : « 12,6 »');
    expect(() => seuilsDepuis('six')).toThrow('par exemple FABRIQUE_FRAICHEUR=6,12');
  });

  it('refuses a verification date in the future', async () => {
    const content = await contentWith({
      'lieux/salle-exemple.md': (t) => t.replace('verifie_le: 2026-11-20', 'verifie_le: 2027-01-05'),
    });
    const { errors } = await editorial(content, '2026-12-01');
    expect(formatProblems(errors)).toContain(
      'content/lieux/salle-exemple.md, ligne 16, champ « verifie_le » : date de vérification dans le futur (2027-01-05)',
    );
  });

  it('counts calendar months, the last day of a short month included', () => {
    expect(plusMois('2026-08-31', 6)).toBe('2027-02-28');
    expect(plusMois('2027-08-31', 6)).toBe('2028-02-29');
    expect(plusMois('2026-11-20', 12)).toBe('2027-11-20');
  });

  it('lists what to re-check oldest first, with page and team', async () => {
    const content = await contentWith({
      'lieux/salle-exemple.md': (t) => t.replace('verifie_le: 2026-11-20', 'verifie_le: 2025-12-02'),
      'referents/le-blosne-1.md': (t) => t.replace('verifie_le: 2026-11-20', 'verifie_le: 2026-06-15'),
    });
    const { entries } = await checkContent(content);
    const list = aRevoir(entries, '2027-01-10');
    expect(list.map((r) => [r.verifie_le, r.page, r.equipe, r.niveau])).toEqual([
      ['2025-12-02', '/lieux/salle-exemple/', 'accueil', 'erreur'],
      ['2026-06-15', '/quartiers/le-blosne/', 'referents', 'avertissement'],
    ]);
  });

  it('npm run check:content -- --fraicheur prints that list and fails when an entry is too old', async () => {
    const content = await contentWith({
      'lieux/salle-exemple.md': (t) => t.replace('verifie_le: 2026-11-20', 'verifie_le: 2025-12-02'),
      'referents/le-blosne-1.md': (t) => t.replace('verifie_le: 2026-11-20', 'verifie_le: 2026-06-15'),
    });
    const run = promisify(execFile)(
      path.join(root, 'node_modules/.bin/node'),
      ['src/cli/check-content.ts', '--fraicheur', '--au', '2027-01-10', content],
      { cwd: root },
    );
    const failure = (await run.then(
      () => null,
      (error: unknown) => error,
    )) as { stdout: string; code: number } | null;
    expect(failure?.code).toBe(1);
    const lines = failure!.stdout.split('\n');
    const first = lines.findIndex((l) => l.includes('/lieux/salle-exemple/'));
    const second = lines.findIndex((l) => l.includes('/quartiers/le-blosne/'));
    expect(lines[0]).toBe("À revérifier au 2027-01-10 (2 fiches, la plus ancienne d'abord ; erreur après 12 mois) :");
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    expect(lines[first]).toContain('2025-12-02  ERREUR');
    expect(lines[second]).toContain('équipe referents');
    expect(lines[second]).toContain('content/referents/le-blosne-1.md, ligne 11');
  }, 30_000);
});
