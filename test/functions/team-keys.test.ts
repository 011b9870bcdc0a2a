/** Issue 5, step 2: the staff key command and key rotation. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openValues, WrongKeyError } from '../../functions/seal/open.ts';
import { readKeyFile } from '../../functions/staff/key-file.ts';
import { keysCommand } from '../../functions/staff/keys-cli.ts';
import { parseFormSettings } from '../../src/schemas/forms/settings.ts';
import { forms } from '../../src/schemas/forms/index.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, settings, type Harness } from './harness.ts';

let dir: string;
beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'cles-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the command, then reads the printed settings lines back as the settings file would. */
async function createKey(team: string, when = NOW) {
  const out = path.join(dir, `${team}-${when.getTime()}.json`);
  const result = await keysCommand(['create', '--team', team, '--out', out], when);
  expect(result.code, result.err).toBe(0);
  const id = /^cle_equipe: (\S+)$/m.exec(result.out)![1]!;
  const publicKey = new RegExp(`^ {2}${id}: (\\S+)$`, 'm').exec(result.out)![1]!;
  return { out, id, publicKey, printed: result.out };
}

describe('npm run keys -- create', () => {
  it('writes the private key only to the file, mode 0600, and prints what settings need', async () => {
    const { out, id, publicKey, printed } = await createKey('accueil');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const file = JSON.parse(readFileSync(out, 'utf8')) as { privateKey: string; keyId: string };
    expect(file.keyId).toBe(id);
    expect(printed).not.toContain(file.privateKey);
    expect(id).toMatch(/^accueil-\d{4}-\d{2}-[0-9a-f]{8}$/);
    // The printed lines are valid settings as they are.
    const yaml = `ouvert: true\ndestinataires: [a@exemple.fr]\nsensible: true\nconservation_jours: 90\n${printed
      .split('\n')
      .filter((l) => /^(cle_equipe|cles_publiques| {2})/.test(l))
      .join('\n')}\n`;
    const parsed = parseFormSettings('x.yaml', yaml, forms['demande-aide']);
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings?.cles_publiques?.[id]).toBe(publicKey);
  });

  it('never overwrites an existing key file', async () => {
    const out = path.join(dir, 'cle.json');
    writeFileSync(out, 'clé en service');
    const result = await keysCommand(['create', '--team', 'accueil', '--out', out], NOW);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/existe déjà/);
    expect(readFileSync(out, 'utf8')).toBe('clé en service');
  });

  it('refuses a missing option or a team name that is not a slug, in French', async () => {
    expect((await keysCommand(['create', '--team', 'accueil'], NOW)).err).toMatch(/Usage : npm run keys/);
    expect((await keysCommand(['create', '--team', 'Équipe 1', '--out', path.join(dir, 'k')], NOW)).err).toMatch(/minuscules/);
  });

  it('runs as an npm script', () => {
    const out = path.join(dir, 'cli.json');
    const printed = execFileSync('npm', ['run', '--silent', 'keys', '--', 'create', '--team', 'loisirs', '--out', out], {
      encoding: 'utf8',
    });
    expect(printed).toMatch(/^cle_equipe: loisirs-/m);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe('rotation', () => {
  let h: Harness;
  afterEach(() => h?.cleanup());

  it('new submissions use the current key; older ones still open with the old private key', async () => {
    const old = await createKey('accueil', new Date('2026-05-01T00:00:00Z'));
    const current = await createKey('accueil', NOW);
    const withKeys = (cle_equipe: string) => ({
      'demande-aide': {
        ...settings['demande-aide'],
        cle_equipe,
        cles_publiques: { [old.id]: old.publicKey, [current.id]: current.publicKey },
      },
    });
    const dbFile = path.join(dir, 'submissions.sqlite');
    h = await makeHarness({ settings: withKeys(old.id), dbFile });
    await h.postForm('demande-aide', urlEncoded(validSubmissions['demande-aide']), { accept: 'application/json' });
    const before = await h.rows('SELECT id, key_id FROM submissions');
    const { pgUrl, d1 } = h;
    await h.cleanup(true);

    // Same database, settings now naming the new key (as after an edit and a restart).
    h = await makeHarness({ settings: withKeys(current.id), dbFile, pgUrl, d1 });
    await h.postForm(
      'demande-aide',
      urlEncoded({ ...validSubmissions['demande-aide'], message: 'Après le changement de clé.' }),
      {
        accept: 'application/json',
      },
    );
    const rows = await h.rows(
      'SELECT id, form_key, key_id, encapsulated_key, sealed FROM submissions ORDER BY received_at, rowid',
    );
    expect(rows.map((r) => r.key_id)).toEqual([old.id, current.id]);
    expect(rows[0]!.id).toBe(before[0]!.id);

    const oldKey = await readKeyFile(old.out);
    const newKey = await readKeyFile(current.out);
    const sealed = rows.map((r) => ({
      id: String(r.id),
      formKey: String(r.form_key),
      keyId: String(r.key_id),
      encapsulatedKey: r.encapsulated_key as Uint8Array,
      ciphertext: r.sealed as Uint8Array,
    }));
    expect((await openValues(oldKey, sealed[0]!)).message).toBe(validSubmissions['demande-aide'].message);
    expect((await openValues(newKey, sealed[1]!)).message).toBe('Après le changement de clé.');
    await expect(openValues(newKey, sealed[0]!)).rejects.toThrow(WrongKeyError);
    await expect(openValues(oldKey, sealed[1]!)).rejects.toThrow(WrongKeyError);
  });
});
