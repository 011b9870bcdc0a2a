/**
 * Build time: reads the RGAA grid (content/accessibilite/rgaa.yaml) and computes what the accessibility statement
 * and the footer show. The rate is RGAA's global rate: criteria met over criteria that apply; the status follows
 * the law's thresholds (all met: totalement ; at least half: partiellement ; otherwise non conforme).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { rgaaGridSchema, type RgaaGrid } from '../../schemas/rgaa.ts';

export const RGAA_FILE = 'content/accessibilite/rgaa.yaml';
/** Read once per build: every page's footer shows the status. */
const read = new Map<string, RgaaGrid>();

/** The grid, validated; a mistake throws one French line per problem, with the field's place in the file. */
export function readRgaaGrid(root = process.cwd()): RgaaGrid {
  const known = read.get(root);
  if (known) return known;
  const result = rgaaGridSchema.safeParse(parse(readFileSync(path.join(root, RGAA_FILE), 'utf8')));
  if (result.success) {
    read.set(root, result.data);
    return result.data;
  }
  const lines = result.error.issues.map((i) => `  - ${i.path.length ? `champ « ${i.path.join('.')} » : ` : ''}${i.message}`);
  throw new Error(`${RGAA_FILE} : la grille RGAA est à corriger :\n${lines.join('\n')}`);
}

export type RgaaResult = {
  conformes: number;
  nonConformes: number;
  nonApplicables: number;
  /** Percentage, one decimal, of the criteria that apply. */
  taux: number;
  statut: 'totalement conforme' | 'partiellement conforme' | 'non conforme';
};

export function rgaaResult(grid: Pick<RgaaGrid, 'criteres'>): RgaaResult {
  const count = (s: string) => grid.criteres.filter((c) => c.statut === s).length;
  const [conformes, nonConformes, nonApplicables] = [count('conforme'), count('non conforme'), count('non applicable')];
  const applicable = conformes + nonConformes;
  const taux = applicable === 0 ? 0 : Math.floor((conformes / applicable) * 1000) / 10;
  const statut =
    applicable > 0 && nonConformes === 0 ? 'totalement conforme' : taux >= 50 ? 'partiellement conforme' : 'non conforme';
  return { conformes, nonConformes, nonApplicables, taux, statut };
}
