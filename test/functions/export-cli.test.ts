/** The CSV export command: one line per submission, formulas neutralised, sealed rows left out. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

it('exports a form’s submissions as CSV', async () => {
  await h.postJson('agir', { ...validSubmissions.agir, message: '=1+1' });
  await h.postJson('e2c', validSubmissions.e2c);
  const root = path.resolve(import.meta.dirname, '../..');
  const csv = execFileSync(path.join(root, 'node_modules/.bin/node'), ['functions/export/cli.ts', 'agir', h.dbFile], {
    cwd: root,
    encoding: 'utf8',
  });
  const lines = csv.trim().split('\r\n');
  expect(lines[0]).toBe('"id","recu_le","prenom","nom","email","telephone","quartier","domaines","disponibilites","message"');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain('"accueil, repas"');
  expect(lines[1]).toContain(`"'=1+1"`);
});
