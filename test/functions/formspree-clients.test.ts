/** The official Formspree client (@formspree/core), pointed at our real Node server, works end to end. */
import { createClient } from '@formspree/core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../functions/node.ts';
import { validSubmissions } from '../fixtures/valid-submissions.ts';

let server: RunningServer;
const dir = mkdtempSync(path.join(tmpdir(), 'formspree-'));
const dbFile = path.join(dir, 'db.sqlite');
beforeAll(async () => (server = await startServer({ dbPath: dbFile, distDir: path.join(dir, 'dist') })));
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('@formspree/core', () => {
  it('a JSON submission succeeds and is stored', async () => {
    const result = await createClient().submitForm('agir', { ...validSubmissions.agir }, { endpoint: server.url });
    expect(result.kind).toBe('success');
    const db = new DatabaseSync(dbFile, { readOnly: true });
    const rows = db.prepare("SELECT data_json FROM submissions WHERE form_key = 'agir'").all() as { data_json: string }[];
    db.close();
    expect(rows.map((r) => JSON.parse(r.data_json).email)).toContain(validSubmissions.agir.email);
  });

  it('a FormData submission with a project id succeeds', async () => {
    const data = new FormData();
    for (const [k, v] of Object.entries(validSubmissions.agir)) for (const x of [v].flat()) data.append(k, x);
    const result = await createClient({ project: '123' }).submitForm('agir', data, { endpoint: server.url });
    expect(result.kind).toBe('success');
  });

  it('field errors arrive with their codes and French messages', async () => {
    const incomplete: Record<string, string> = { prenom: 'Yann', email: 'non' };
    const result = await createClient().submitForm('agir', incomplete, { endpoint: server.url });
    if (result.kind !== 'error') return expect.fail('expected an error');
    expect(result.getFieldErrors('email')).toEqual([{ code: 'TYPE_EMAIL', message: expect.stringMatching(/adresse e-mail/) }]);
    expect(result.getFieldErrors('nom')).toEqual([
      { code: 'REQUIRED_FIELD_MISSING', message: 'Remplissez le champ «\u202fNom\u202f»' },
    ]);
  });

  it('form-level errors too', async () => {
    const result = await createClient().submitForm('inconnu', { a: 'b' }, { endpoint: server.url });
    if (result.kind !== 'error') return expect.fail('expected an error');
    expect(result.getFormErrors()).toEqual([{ code: 'FORM_NOT_FOUND', message: expect.stringMatching(/n’existe pas/) }]);
  });
});
