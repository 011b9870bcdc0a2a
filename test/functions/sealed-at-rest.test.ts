/** Issue 5, step 1: sensitive submissions are sealed (HPKE) before anything is written. */
import { readFileSync, existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateTeamKey } from '../../functions/seal/keys.ts';
import { importPrivateKey, openValues, WrongKeyError, type SealedRow } from '../../functions/seal/open.ts';
import { sealValues } from '../../functions/seal/seal.ts';
import { FORM_KEYS, forms } from '../../src/schemas/forms/index.ts';
import { mustBeSealed } from '../../src/schemas/forms/settings.ts';
import { NOW } from '../fixtures/forms-context.ts';
import { urlEncoded, validSubmissions } from '../fixtures/valid-submissions.ts';
import { makeHarness, notOnSqlite, settings, type Harness } from './harness.ts';

let h: Harness;
beforeEach(async () => (h = await makeHarness()));
afterEach(() => h.cleanup());

const SEALED_FORMS = FORM_KEYS.filter((k) => settings[k].sensible);

/** The database file and its WAL, as a thief copying the data folder would get them. */
const fileBytes = () => Buffer.concat([h.dbFile, `${h.dbFile}-wal`].filter(existsSync).map((f) => readFileSync(f)));

/** Every submitted value long enough to be found by chance never (4+ characters), as UTF-8 bytes. */
const searchable = (values: Record<string, string | string[]>) =>
  Object.values(values)
    .flat()
    .filter((v) => v.length >= 4);

describe('sealing on arrival', () => {
  it('the forms issue 5 names, and every form with a sensitive field, are sealed', () => {
    expect(SEALED_FORMS.sort()).toEqual(
      ['candidature-referent', 'contact-referent', 'demande-aide', 'femmes-rappel', 'inscription-loisirs'].sort(),
    );
    for (const key of FORM_KEYS) if (mustBeSealed(forms[key])) expect(settings[key].sensible).toBe(true);
  });

  // The bytes of SQLite's file; on PostgreSQL the rows are read back below (no clear JSON).
  it.skipIf(notOnSqlite)('neither the database file nor its WAL holds any value of a sealed submission', async () => {
    for (const key of SEALED_FORMS) {
      const res = await h.postForm(key, urlEncoded(validSubmissions[key]), { accept: 'application/json' });
      expect(res.status, key).toBe(200);
    }
    const bytes = fileBytes();
    for (const key of SEALED_FORMS) {
      for (const value of searchable(validSubmissions[key])) {
        expect(bytes.includes(Buffer.from(value, 'utf8')), `${key}: « ${value} » en clair dans le fichier`).toBe(false);
      }
    }
    // The team opens every one with its private key.
    const opened = await h.stored();
    expect(opened).toHaveLength(SEALED_FORMS.length);
    SEALED_FORMS.forEach((key, i) => expect(opened[i]).toMatchObject(validSubmissions[key]));
  });

  it.skipIf(notOnSqlite)(
    'the same search finds the values of a form that is not sensitive (so the search itself works)',
    async () => {
      const res = await h.postForm('agir', urlEncoded(validSubmissions.agir), { accept: 'application/json' });
      expect(res.status).toBe(200);
      expect(fileBytes().includes(Buffer.from(validSubmissions.agir.email as string))).toBe(true);
    },
  );

  it('a sealed row keeps key id, encapsulated key and ciphertext, and no clear JSON', async () => {
    await h.postForm('femmes-rappel', urlEncoded(validSubmissions['femmes-rappel']), { accept: 'application/json' });
    const [row] = await h.rows(
      'SELECT data_json, key_id, length(encapsulated_key) AS enc, length(sealed) AS ct FROM submissions',
    );
    expect(row).toEqual({ data_json: null, key_id: h.teamKey.id, enc: 32, ct: expect.any(Number) });
  });
});

describe('opening', () => {
  const values = { message: 'Je cherche un endroit où dormir.' };
  const sealedRow = async (formKey: string, id: string) => {
    const team = await generateTeamKey('accueil', NOW);
    const sealed = await sealValues({ id: team.id, publicKey: team.publicKey }, formKey, id, values);
    const row: SealedRow = {
      id,
      formKey,
      keyId: sealed.keyId,
      encapsulatedKey: sealed.encapsulatedKey,
      ciphertext: sealed.ciphertext,
    };
    return { team, row, key: await importPrivateKey(team.id, team.privateKey) };
  };

  it('opens with the team’s private key', async () => {
    const { row, key } = await sealedRow('demande-aide', 'id-1');
    expect(await openValues(key, row)).toEqual(values);
  });

  it('refuses another team’s key, even under the right key id', async () => {
    const { row } = await sealedRow('demande-aide', 'id-1');
    const other = await generateTeamKey('accueil', NOW);
    await expect(openValues(await importPrivateKey(other.id, other.privateKey), row)).rejects.toThrow(WrongKeyError);
    await expect(openValues(await importPrivateKey(row.keyId, other.privateKey), row)).rejects.toThrow(WrongKeyError);
  });

  it('a blob moved to another submission id or another form does not open (associated data)', async () => {
    const { row, key } = await sealedRow('demande-aide', 'id-1');
    await expect(openValues(key, { ...row, id: 'id-2' })).rejects.toThrow(WrongKeyError);
    await expect(openValues(key, { ...row, formKey: 'femmes-rappel' })).rejects.toThrow(WrongKeyError);
  });

  it('a short and a longer message give ciphertexts of the same length (padding)', async () => {
    const team = await generateTeamKey('accueil', NOW);
    const seal = (message: string) => sealValues({ id: team.id, publicKey: team.publicKey }, 'demande-aide', 'x', { message });
    const [short, longer] = await Promise.all([
      seal('Oui.'),
      seal('Je cherche un endroit où dormir cette semaine, avec mes deux enfants.'),
    ]);
    expect(short.ciphertext.length).toBe(longer.ciphertext.length);
    expect(
      (await openValues(await importPrivateKey(team.id, team.privateKey), { id: 'x', formKey: 'demande-aide', ...longer }))
        .message,
    ).toMatch(/^Je cherche/);
  });

  it('two sealings of the same values differ (fresh encapsulated key each time)', async () => {
    const team = await generateTeamKey('accueil', NOW);
    const a = await sealValues({ id: team.id, publicKey: team.publicKey }, 'demande-aide', 'x', values);
    const b = await sealValues({ id: team.id, publicKey: team.publicKey }, 'demande-aide', 'x', values);
    expect(Buffer.from(a.ciphertext).equals(Buffer.from(b.ciphertext))).toBe(false);
  });
});
