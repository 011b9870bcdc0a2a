/** Issue 5, step 3: staff read, export and delete submissions with the team's private key file, audited. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateTeamKey } from '../../functions/seal/keys.ts';
import { writeKeyFile } from '../../functions/staff/key-file.ts';
import { submissionsCommand } from '../../functions/staff/submissions-cli.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, type Harness } from './harness.ts';

let h: Harness;
let keyFile: string;
let auditFile: string;
const AIDE = validSubmissions['demande-aide'];

beforeEach(async () => {
  h = await makeHarness();
  keyFile = path.join(h.dir, 'cle-essai.json');
  writeKeyFile(keyFile, h.teamKey);
  auditFile = path.join(h.dir, 'journal.log');
});
afterEach(() => h.cleanup());

const run = (...argv: string[]) =>
  submissionsCommand([...argv, '--db', h.dbFile, '--audit', auditFile], { now: NOW, user: 'agent', env: {} });
const audit = () =>
  existsSync(auditFile)
    ? readFileSync(auditFile, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, unknown>)
    : [];
async function submit(formKey: keyof typeof validSubmissions, values = validSubmissions[formKey]) {
  const res = await h.postForm(formKey, urlEncoded(values), { accept: 'application/json' });
  return ((await res.json()) as { id: string }).id;
}

describe('list', () => {
  it('shows metadata only, and needs no key', async () => {
    const id = await submit('demande-aide');
    const { code, out } = await run('list');
    expect(code).toBe(0);
    expect(out).toContain(id);
    expect(out).toContain(`scellé (${h.teamKey.id})`);
    expect(out).not.toContain(AIDE.message);
    expect(audit()).toEqual([]);
  });
});

describe('show', () => {
  it('opens a sealed submission with the key file, labels in French, and logs the decrypt without content', async () => {
    const id = await submit('demande-aide');
    const { code, out } = await run('show', id, '--key', keyFile);
    expect(code).toBe(0);
    expect(out).toContain(`Votre demande : ${AIDE.message as string}`);
    expect(out).toContain('Votre demande concerne : Un hébergement, un logement');
    expect(audit()).toEqual([
      { at: NOW.toISOString(), action: 'dechiffrement', user: 'agent', ids: [id], keyIds: [h.teamKey.id], form: 'demande-aide' },
    ]);
    const log = readFileSync(auditFile, 'utf8');
    for (const value of [AIDE.message, AIDE.telephone]) expect(log).not.toContain(value);
  });

  it('without the key, or with another team’s key: a clear French message and no content', async () => {
    const id = await submit('demande-aide');
    const none = await run('show', id);
    expect(none).toMatchObject({ code: 1, out: '' });
    expect(none.err).toMatch(/scellé pour la clé .*Indiquez le fichier de cette clé avec --key\. Rien n’a été affiché/);

    // A key file under the same id but another private key (a copy mix-up): refused all the same.
    const other = await generateTeamKey('essai', NOW);
    const otherFile = path.join(h.dir, 'autre.json');
    writeKeyFile(otherFile, { ...other, id: h.teamKey.id });
    const wrong = await run('show', id, '--key', otherFile);
    expect(wrong).toMatchObject({ code: 1, out: '' });
    expect(wrong.err).toMatch(/n’ouvre pas l’envoi/);
    expect(`${none.err}${wrong.err}`).not.toContain(AIDE.message);
    expect(audit()).toEqual([]);
  });

  it('an unknown id says so', async () => {
    expect((await run('show', 'inconnu', '--key', keyFile)).err).toMatch(/Aucun envoi inconnu/);
  });
});

describe('export', () => {
  it('CSV per RFC 4180 with formulas neutralised, sealed rows opened, audited with every id', async () => {
    const a = await submit('demande-aide', { ...AIDE, message: '=HYPERLINK("http://x")\nligne 2' });
    const b = await submit('demande-aide');
    await submit('agir');
    const { code, out } = await run('export', '--form', 'demande-aide', '--format', 'csv', '--key', keyFile);
    expect(code).toBe(0);
    const lines = out.split('\r\n');
    expect(lines[0]).toMatch(/^"id","recu_le",/);
    expect(out).toContain(`"'=HYPERLINK(""http://x"")\nligne 2"`);
    expect(out).toContain(`"${AIDE.message as string}"`);
    expect(out.endsWith('\r\n')).toBe(true);
    expect(audit()).toEqual([
      expect.objectContaining({ action: 'export', ids: [a, b], keyIds: [h.teamKey.id], form: 'demande-aide', format: 'csv' }),
    ]);
  });

  it('CSV of a clear form: one line each, choices joined, formulas neutralised, no key needed', async () => {
    await submit('agir', { ...validSubmissions.agir, message: '=1+1' });
    await submit('e2c');
    const { code, out } = await run('export', '--form', 'agir', '--format', 'csv');
    expect(code).toBe(0);
    const lines = out.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"accueil, repas"');
    expect(lines[1]).toContain(`"'=1+1"`);
    expect(audit()).toEqual([expect.objectContaining({ action: 'export', form: 'agir', format: 'csv' })]);
  });

  it('training sign-ups: list and export say who has a place and who is on the waiting list', async () => {
    const inscription = validSubmissions['inscription-formation'];
    const placed = await submit('inscription-formation', { ...inscription, session: 'mars-a' });
    const waiting = await submit('inscription-formation', { ...inscription, session: 'mars-b', prenom: 'Nolwenn' });
    const { out: listed } = await run('list', '--form', 'inscription-formation');
    expect(listed).toMatch(new RegExp(`${placed} .*en clair  place\n`));
    expect(listed).toMatch(new RegExp(`${waiting} .*en clair  liste d’attente\n`));
    const { out } = await run('export', '--form', 'inscription-formation', '--format', 'csv');
    const [header, ...lines] = out.trim().split('\r\n');
    expect(header).toMatch(/^"id","recu_le","place","formation","session"/);
    expect(lines.find((l) => l.includes(placed))).toMatch(/,"place",/);
    expect(lines.find((l) => l.includes(waiting))).toMatch(/,"liste d’attente",.*Nolwenn/);
    const json = JSON.parse((await run('export', '--form', 'inscription-formation', '--format', 'json')).out) as {
      id: string;
      place: string;
    }[];
    expect(json.map((r) => [r.id, r.place])).toEqual([
      [placed, 'place'],
      [waiting, 'liste d’attente'],
    ]);
  });

  it('JSON of every form, clear and sealed', async () => {
    await submit('demande-aide');
    await submit('agir');
    const { code, out } = await run('export', '--format', 'json', '--key', keyFile);
    expect(code).toBe(0);
    const data = JSON.parse(out) as { formulaire: string; valeurs: Record<string, unknown> }[];
    expect(data.map((d) => d.formulaire)).toEqual(['demande-aide', 'agir']);
    expect(data[0]!.valeurs).toMatchObject(AIDE);
  });

  it('without the key nothing is exported and nothing is logged', async () => {
    await submit('demande-aide');
    const { code, out, err } = await run('export', '--form', 'demande-aide', '--format', 'csv');
    expect({ code, out }).toEqual({ code: 1, out: '' });
    expect(err).toMatch(/Rien n’a été affiché/);
    expect(audit()).toEqual([]);
  });
});

describe('delete', () => {
  it('removes the submission and its outbox row, and logs it', async () => {
    const id = await submit('demande-aide');
    const kept = await submit('demande-aide');
    const { code, out } = await run('delete', id);
    expect(code).toBe(0);
    expect(out).toContain(`Envoi ${id} effacé`);
    expect(await h.rows('SELECT id FROM submissions')).toEqual([{ id: kept }]);
    expect(await h.rows('SELECT submission_id FROM outbox')).toEqual([{ submission_id: kept }]);
    expect(audit()).toEqual([expect.objectContaining({ action: 'suppression', ids: [id], keyIds: [h.teamKey.id] })]);
  });

  it('the deleted row’s bytes leave the database file and its WAL', async () => {
    const values = { ...validSubmissions.agir, message: 'Effacez-moi : trace-unique-8431' };
    const id = await submit('agir', values);
    const files = () => Buffer.concat([h.dbFile, `${h.dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f)));
    expect(files().includes(Buffer.from('trace-unique-8431'))).toBe(true);
    await run('delete', id);
    expect(files().includes(Buffer.from('trace-unique-8431'))).toBe(false);
  });
});

it('runs as an npm script', async () => {
  const id = await submit('demande-aide');
  const out = execFileSync(
    'npm',
    ['run', '--silent', 'submissions', '--', 'show', id, '--key', keyFile, '--db', h.dbFile, '--audit', auditFile],
    {
      encoding: 'utf8',
    },
  );
  expect(out).toContain(AIDE.message);
});

describe('the audit line comes first (issue 8)', () => {
  it('showing a clear submission is logged too, as a reading', async () => {
    const id = await submit('agir');
    expect((await run('show', id)).code).toBe(0);
    expect(audit()).toEqual([{ at: NOW.toISOString(), action: 'lecture', user: 'agent', ids: [id], keyIds: [], form: 'agir' }]);
  });

  it('when the audit log cannot be written, nothing is shown, exported or deleted', async () => {
    const id = await submit('demande-aide');
    // A directory where the log file should be: every append fails.
    const blocked = path.join(h.dir, 'journal-bloque');
    mkdirSync(blocked);
    const runBlocked = (...argv: string[]) =>
      submissionsCommand([...argv, '--db', h.dbFile, '--audit', blocked], { now: NOW, user: 'agent', env: {} });
    const out = path.join(h.dir, 'export.csv');
    for (const result of [
      await runBlocked('show', id, '--key', keyFile),
      await runBlocked('export', '--form', 'demande-aide', '--format', 'csv', '--key', keyFile, '--out', out),
      await runBlocked('delete', id),
    ]) {
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toMatch(/journal d’audit .* ne peut pas être écrit .*rien n’a été fait/);
      expect(result.err).not.toContain(AIDE.message);
    }
    expect(existsSync(out)).toBe(false);
    expect(await h.rows('SELECT id FROM submissions')).toEqual([{ id }]);
  });

  it('delete says so and fails when a reader keeps the erased bytes in the WAL', async () => {
    const id = await submit('agir');
    const reader = new DatabaseSync(h.dbFile, { readOnly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM submissions').get();
    try {
      const result = await run('delete', id);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/un autre programme lit la base.*Relancez « npm run submissions -- purge »/);
    } finally {
      reader.exec('COMMIT');
      reader.close();
    }
    expect((await run('purge')).code).toBe(0);
  }, 20_000);
});

describe('stats (issue 8)', () => {
  it('shows counts and notifications, no content', async () => {
    await submit('agir');
    await h.store.addCounts({ accepte: 1 });
    const { code, out } = await run('stats');
    expect(code).toBe(0);
    expect(out).toMatch(/accepte\s+1/);
    expect(out).toMatch(/en attente\s+1/);
    expect(out).not.toContain(validSubmissions.agir.nom as string);
  });
});
