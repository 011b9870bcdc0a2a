/** Production or demonstration: a form whose recipients or team key are examples reaches no one. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import {
  applyFormsMode,
  describeFormsMode,
  EXAMPLE_PUBLIC_KEYS,
  exampleReasons,
  formsModeFromEnv,
  isExampleAddress,
} from '../../src/lib/forms/mode.ts';
import { renderDemonstrationNotice, renderNotInService } from '../../src/lib/forms/service-notice.ts';
import { FORM_KEYS } from '../../src/schemas/forms/index.ts';

const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));
const REAL_KEY = 'qUeLqUeClEpUbLiQuEdEqUaRaNtEtRoIsCaRaCtErEs';

describe('forms mode', () => {
  it('is production unless FABRIQUE_DEMONSTRATION says oui', () => {
    expect(formsModeFromEnv({})).toBe('production');
    expect(formsModeFromEnv({ FABRIQUE_DEMONSTRATION: 'non' })).toBe('production');
    expect(formsModeFromEnv({ FABRIQUE_DEMONSTRATION: '' })).toBe('production');
    expect(formsModeFromEnv({ FABRIQUE_DEMONSTRATION: 'oui' })).toBe('demonstration');
    expect(formsModeFromEnv({ FABRIQUE_DEMONSTRATION: ' OUI ' })).toBe('demonstration');
    expect(formsModeFromEnv({ FABRIQUE_DEMONSTRATION: '1' })).toBe('demonstration');
  });

  it('recognises the addresses reserved for examples', () => {
    for (const a of [
      'equipe@fabrique-solidarites.example',
      'a@example.com',
      'a@exemple.test',
      'a@x.invalid',
      'a@example.fr',
      'a@listes.exemple.org',
      'a@mail.test',
    ])
      expect(isExampleAddress(a), a).toBe(true);
    for (const a of ['accueil@ville-rennes.fr', 'a@monexample.com', 'a@example-rennes.fr', 'a@rennes.exemples.fr'])
      expect(isExampleAddress(a), a).toBe(false);
  });

  it('knows every key the repository’s settings mark as an example key (« Clé d’exemple »)', () => {
    const dir = path.resolve(import.meta.dirname, '../../content/formulaires');
    const marked = readdirSync(dir).filter((f) => readFileSync(path.join(dir, f), 'utf8').includes("# Clé d'exemple"));
    expect(marked.length).toBeGreaterThan(0);
    for (const name of marked) {
      const { cles_publiques: keys = {} } = parse(readFileSync(path.join(dir, name), 'utf8')) as {
        cles_publiques?: Record<string, string>;
      };
      expect(Object.keys(keys).length, name).toBeGreaterThan(0);
      for (const key of Object.values(keys)) expect(EXAMPLE_PUBLIC_KEYS.has(key), `${name} : ${key}`).toBe(true);
    }
  });

  it('says a sealed form is in service only once its addresses are real and its team key is not an example', () => {
    const sealed = settings['demande-aide'];
    const realAddresses = { ...sealed, destinataires: ['accueil@ville-rennes.fr'] };
    expect(exampleReasons(realAddresses)).toEqual([`clé d’exemple (${sealed.cle_equipe})`]);
    const real = { ...realAddresses, cle_equipe: 'accueil-2027', cles_publiques: { 'accueil-2027': REAL_KEY } };
    expect(exampleReasons(real)).toEqual([]);
    expect(exampleReasons({ ...real, destinataires: ['accueil@example.fr'] })).toEqual([
      'adresses d’exemple (accueil@example.fr)',
    ]);
    const out = applyFormsMode(
      { ...settings, 'demande-aide': realAddresses, contact: { ...settings.contact, destinataires: ['a@ville-rennes.fr'] } },
      'production',
    );
    expect(out['demande-aide']).toMatchObject({ ouvert: false, service: 'pas-en-service' });
    expect(out.contact).toMatchObject({ service: 'en-service' });
  });

  it('finds every form of the repository still on example settings, and says why', () => {
    for (const key of FORM_KEYS) expect(exampleReasons(settings[key]).length, key).toBeGreaterThan(0);
    expect(exampleReasons(settings['femmes-rappel']).join(' ')).toMatch(/adresses d’exemple.*clé d’exemple/);
  });

  it('in production, closes the forms that reach no one and keeps real ones open', () => {
    const real = {
      ...settings['femmes-rappel'],
      destinataires: ['lieu-femmes@ville-rennes.fr'],
      cle_equipe: 'lieu-femmes-2027',
      cles_publiques: { 'lieu-femmes-2027': REAL_KEY },
    };
    const realAddressExampleKey = {
      ...real,
      cle_equipe: settings['femmes-rappel'].cle_equipe,
      cles_publiques: settings['femmes-rappel'].cles_publiques,
    };
    const out = applyFormsMode({ ...settings, 'femmes-rappel': real, 'demande-aide': realAddressExampleKey }, 'production');
    expect(out['femmes-rappel']).toMatchObject({ ouvert: true, service: 'en-service' });
    expect(out['demande-aide']).toMatchObject({ ouvert: false, service: 'pas-en-service' });
    expect(out.agir).toMatchObject({ ouvert: false, service: 'pas-en-service' });
    expect(out.agir.message_ferme).toMatch(/pas encore en service.*3919.*\/aide\//);
  });

  it('in demonstration, leaves every form open and marks it', () => {
    const out = applyFormsMode(settings, 'demonstration');
    for (const key of FORM_KEYS) expect(out[key], key).toMatchObject({ ouvert: settings[key].ouvert, service: 'demonstration' });
  });

  it('says the mode at start-up, form by form', () => {
    const demo = describeFormsMode(settings, 'demonstration');
    expect(demo[0]).toMatch(/^MODE DÉMONSTRATION/);
    expect(demo.some((l) => l.includes('femmes-rappel'))).toBe(true);
    const prod = describeFormsMode(settings, 'production');
    expect(prod[0]).toMatch(/pas encore en service.*FABRIQUE_DEMONSTRATION=oui/);
    expect(prod).toHaveLength(1 + FORM_KEYS.length);
  });

  it('shows the ways to get help now instead of a form, and the demonstration notice otherwise', () => {
    const closed = renderNotInService();
    expect(closed).not.toContain('<form');
    expect(closed).toContain('href="tel:3919"');
    expect(closed).toContain('href="sms:114"');
    expect(closed).toContain('href="/aide/"');
    expect(renderDemonstrationNotice()).toMatch(/démonstration.*lu par personne/);
  });
});
