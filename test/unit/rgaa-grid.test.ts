/**
 * The RGAA grid (content/accessibilite/rgaa.yaml) read through its schema: the 106 criteria of RGAA 4.1.2 in
 * order, each answer backed by tests that exist or by a written check; the rate and status computed, never typed.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRgaaGrid, rgaaResult } from '../../src/lib/accessibility/rgaa.ts';
import { RGAA_IDS, RGAA_THEMES, rgaaGridSchema, type RgaaGrid } from '../../src/schemas/rgaa.ts';

const root = path.resolve(import.meta.dirname, '../..');
const grid = readRgaaGrid(root);

describe('the repository’s RGAA grid', () => {
  it('holds the 106 criteria of RGAA 4.1.2, theme by theme, in order', () => {
    expect(RGAA_THEMES.reduce((n, [, count]) => n + count, 0)).toBe(106);
    expect(grid.criteres.map((c) => c.id)).toEqual(RGAA_IDS);
    expect(RGAA_IDS.slice(0, 2)).toEqual(['1.1', '1.2']);
    expect(RGAA_IDS.at(-1)).toBe('13.12');
  });

  it('names only tests that exist, and says where and why for each criterion not met', () => {
    for (const c of grid.criteres)
      for (const t of c.tests ?? []) expect(existsSync(path.join(root, t)), `${c.id} : ${t}`).toBe(true);
    for (const c of grid.criteres.filter((x) => x.statut === 'non conforme')) {
      expect(c.ecart, c.id).toBeTruthy();
      expect(c.pages?.length, c.id).toBeGreaterThan(0);
    }
  });
});

const criteres = (statuts: Record<string, RgaaGrid['criteres'][number]['statut']>): RgaaGrid['criteres'] =>
  RGAA_IDS.map((id) => ({ id, sujet: 's', statut: statuts[id] ?? 'non applicable', verification: 'v' }));

describe('the rate and status', () => {
  it('are criteria met over criteria that apply, never rounded up, with the law’s thresholds', () => {
    const two = Object.fromEntries(RGAA_IDS.slice(0, 2).map((id) => [id, 'non conforme' as const]));
    const met = Object.fromEntries(RGAA_IDS.slice(2, 5).map((id) => [id, 'conforme' as const]));
    expect(rgaaResult({ criteres: criteres({ ...two, ...met }) })).toEqual({
      conformes: 3,
      nonConformes: 2,
      nonApplicables: 101,
      taux: 60,
      statut: 'partiellement conforme',
    });
    // 2 of 3: 66.66… % is shown 66.6 %, not 66.7 %.
    expect(rgaaResult({ criteres: criteres({ '1.1': 'conforme', '1.2': 'conforme', '1.3': 'non conforme' }) }).taux).toBe(66.6);
    expect(rgaaResult({ criteres: criteres({ '1.1': 'conforme' }) }).statut).toBe('totalement conforme');
    expect(rgaaResult({ criteres: criteres({ '1.1': 'conforme', '1.2': 'non conforme', '1.3': 'non conforme' }) }).statut).toBe(
      'non conforme',
    );
    // Nothing assessed: not « totalement conforme ».
    expect(rgaaResult({ criteres: criteres({}) }).statut).toBe('non conforme');
  });
});

describe('a grid with mistakes', () => {
  const messages = (edit: (g: RgaaGrid) => unknown) => {
    const result = rgaaGridSchema.safeParse(edit(structuredClone(grid)));
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('names the missing, unknown, repeated or misplaced criteria', () => {
    expect(messages((g) => ({ ...g, criteres: g.criteres.filter((c) => c.id !== '4.7') }))).toContain('critères manquants : 4.7');
    expect(messages((g) => ({ ...g, criteres: [...g.criteres, { ...g.criteres[0]!, id: '14.1' }] }))).toContain(
      'critères inconnus du RGAA 4.1.2 : 14.1',
    );
    expect(messages((g) => ({ ...g, criteres: [g.criteres[1]!, g.criteres[0]!, ...g.criteres.slice(2)] }))).toContain(
      'les critères doivent suivre l’ordre du référentiel (1.1, 1.2, … 13.12)',
    );
  });

  it('refuses a criterion not met without its gap and pages, and an unknown status, in French', () => {
    const notMet = messages((g) => {
      g.criteres[0] = { ...g.criteres[0]!, statut: 'non conforme' };
      return g;
    });
    expect(notMet.join('\n')).toContain('critère 1.1 non conforme : écrivez « ecart »');
    const unknown = messages((g) => {
      (g.criteres[0] as { statut: string }).statut = 'presque';
      return g;
    });
    expect(unknown.join('\n')).toContain('statut attendu : conforme, non conforme, non applicable');
  });
});
