/**
 * The demonstration's team key (functions/equipe/demonstration.ts): its file in the repository opens what is
 * sealed to it, production counts it among the example keys, and in demonstration the sensitive forms still on a
 * key whose private half was kept nowhere are sealed to it. The inbox's banner says so on every page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMONSTRATION_KEY, DEMONSTRATION_KEY_FILE, withDemonstrationKey } from '../../functions/equipe/demonstration.ts';
import { page } from '../../functions/equipe/layout.ts';
import { importPrivateKey, openValues } from '../../functions/seal/open.ts';
import { sealValues } from '../../functions/seal/seal.ts';
import { EXAMPLE_PUBLIC_KEYS, exampleReasons } from '../../src/lib/forms/mode.ts';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import { FORM_KEYS } from '../../src/schemas/forms/index.ts';

const root = path.resolve(import.meta.dirname, '../..');
const file = JSON.parse(readFileSync(path.join(root, DEMONSTRATION_KEY_FILE), 'utf8')) as Record<string, string>;

describe('the demonstration’s team key', () => {
  it('its file is the key the code names, and it opens what is sealed to it', async () => {
    expect(file).toMatchObject({
      format: 'fabrique-cle-equipe/1',
      keyId: DEMONSTRATION_KEY.id,
      publicKey: DEMONSTRATION_KEY.publicKey,
    });
    const sealed = await sealValues(DEMONSTRATION_KEY, 'demande-aide', 'abc', { message: 'essai' });
    const key = await importPrivateKey(file.keyId!, file.privateKey!);
    expect(await openValues(key, { id: 'abc', formKey: 'demande-aide', ...sealed })).toEqual({ message: 'essai' });
  });

  it('production refuses it as an example key; in demonstration every sealed form uses it', async () => {
    expect(EXAMPLE_PUBLIC_KEYS.has(DEMONSTRATION_KEY.publicKey)).toBe(true);
    const settings = await loadFormSettings(path.join(root, 'content'));
    const demo = withDemonstrationKey(settings);
    for (const key of FORM_KEYS) {
      if (!settings[key].sensible || !settings[key].cle_equipe) continue;
      expect(demo[key].cle_equipe, key).toBe(DEMONSTRATION_KEY.id);
      expect(exampleReasons(demo[key]).join(), key).toContain('clé d’exemple');
    }
  });

  it('the inbox’s banner says demonstration, example keys that protect nothing; none in production', async () => {
    const demo = String(await page({ title: 'Demandes', demonstration: true }, '' as never));
    expect(demo).toContain('<strong>Démonstration</strong>');
    expect(demo).toContain('ne protège');
    expect(demo).toContain(DEMONSTRATION_KEY_FILE);
    const prod = String(await page({ title: 'Demandes', demonstration: false }, '' as never));
    expect(prod).not.toMatch(/démonstration/i);
  });
});
