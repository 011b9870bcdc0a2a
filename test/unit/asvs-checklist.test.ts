/**
 * Issue 17, item 8: functions/ASVS.md had drifted from the code (rows naming what no longer existed). Each
 * row names its files and tests: every one must exist, and the counts at the top (met / not applicable /
 * open, per deployment path) must be those of the rows.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, PATHS, rows } from './asvs-rows.ts';

const root = path.resolve(import.meta.dirname, '../..');
const text = readFileSync(path.join(root, 'functions/ASVS.md'), 'utf8');

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.name === 'node_modules' || d.name.startsWith('.') || d.name === 'dist'
      ? []
      : d.isDirectory()
        ? files(path.join(dir, d.name))
        : [path.relative(root, path.join(dir, d.name))],
  );
const repoFiles = [...files(path.join(root, 'functions')), ...files(path.join(root, 'src')), ...files(path.join(root, 'test'))];
const ticked = (cell: string) => [...cell.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]!);

/** A named source file: relative to the repository or functions/, or the end of one file's path. */
const sourceExists = (name: string) =>
  existsSync(path.join(root, name)) ||
  existsSync(path.join(root, 'functions', name)) ||
  repoFiles.some((f) => f.endsWith(`/${name}`));
/** A named test: test/functions/<name>.test.ts (or .ts), test/<name>.test.ts, test/e2e/<name>.test.ts after « e2e ». */
const testExists = (name: string, e2e: boolean) =>
  (e2e
    ? [`test/e2e/${name}.test.ts`]
    : [`test/functions/${name}.test.ts`, `test/functions/${name}.ts`, `test/${name}.test.ts`]
  ).some((f) => existsSync(path.join(root, f)));

describe('functions/ASVS.md', () => {
  const all = rows(text);

  it('has its rows, each with a status on every path', () => {
    expect(all.length).toBeGreaterThan(100);
    for (const r of all) for (const p of PATHS) expect(r.statuses[p], `${r.id}, chemin ${p}`).toBeDefined();
  });

  it('every file it names exists', () => {
    const missing = all.flatMap((r) =>
      ticked(r.where)
        .filter((t) => !t.includes('<') && (/\.(ts|md|ya?ml|jsonc)$/.test(t) || /^[a-z0-9-]+\/$/.test(t)))
        .filter((t) => !sourceExists(t))
        .map((t) => `${r.id} : ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('every test it names exists', () => {
    const missing = all.flatMap((r) =>
      ticked(r.tests)
        .filter((t) => !testExists(t, r.tests.includes(`e2e \`${t}\``)))
        .map((t) => `${r.id} : ${t}`),
    );
    expect(missing).toEqual([]);
  });

  it('the counts at the top are those of the rows, per deployment path', () => {
    const c = counts(all);
    for (const p of PATHS) {
      const line = new RegExp(`^\\| ${p} — [^|]+\\| *(\\d+) *\\| *(\\d+) *\\| *(\\d+) *\\|`, 'm').exec(text);
      expect(line, `ligne du chemin ${p}`).not.toBeNull();
      expect(line!.slice(1, 4).map(Number), `chemin ${p}`).toEqual([c[p]!['✅'], c[p]!['➖'], c[p]!['⏳']]);
    }
  });
});
