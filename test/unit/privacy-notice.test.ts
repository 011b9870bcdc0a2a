/** Issue 5, step 7: the privacy notice's form-by-form section comes from the definitions and settings. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFormSettings } from '../../src/lib/forms/load.ts';
import { privacyEntries } from '../../src/lib/forms/privacy.ts';
import { FORM_KEYS } from '../../src/schemas/forms/index.ts';
import { content } from '../fixtures/forms-context.ts';

const settings = await loadFormSettings(path.resolve(import.meta.dirname, '../../content'));
const ctx = { ...content, today: '2027-01-15' };
const entries = privacyEntries(ctx, settings);
const entry = (key: string) => entries.find((e) => e.key === key)!;

describe('privacy notice, form by form', () => {
  it('one entry per form, each saying why, what, who and how long', () => {
    expect(entries.map((e) => e.key)).toEqual(FORM_KEYS);
    for (const e of entries) {
      expect(e.purpose.length, e.key).toBeGreaterThan(20);
      expect(e.collected.length, e.key).toBeGreaterThan(0);
      expect(e.readers, e.key).toMatch(/@/);
      expect(e.retention, e.key).toMatch(/^\d+ jours/);
    }
  });

  it('follows the settings: retention days, recipients, sealing', () => {
    expect(entry('demande-aide').retention).toBe(
      `${settings['demande-aide'].conservation_jours} jours (3 mois) après l’envoi, puis effacé automatiquement.`,
    );
    expect(entry('agir').retention).toMatch(/^365 jours \(1 an\)/);
    expect(entry('demande-aide').readers).toMatch(/scellé \(chiffré\) dès son arrivée/);
    expect(entry('agir').readers).not.toMatch(/scellé/);
    expect(entry('agir').readers).toContain(settings.agir.destinataires[0]);
    const changed = privacyEntries(ctx, { ...settings, agir: { ...settings.agir, conservation_jours: 45 } });
    expect(changed.find((e) => e.key === 'agir')!.retention).toMatch(/^45 jours après/);
  });

  it('a sealed form that counts places says its session stays readable in the base; a clear one has nothing to add', () => {
    const sealed = { ...settings['inscription-formation'], sensible: true };
    const notice = privacyEntries(ctx, { ...settings, 'inscription-formation': sealed });
    expect(notice.find((e) => e.key === 'inscription-formation')!.readers).toMatch(/session choisie .* restent lisibles/);
    expect(entry('inscription-formation').purpose).toMatch(/liste d’attente/);
    expect(entry('demande-aide').readers).not.toMatch(/session choisie/);
  });

  it('lists the fields the form asks, optional ones marked', () => {
    expect(entry('femmes-rappel').collected).toContain('Un numéro où vous joindre sans risque');
    expect(entry('demande-aide').collected).toContain('Prénom ou pseudonyme (facultatif)');
    expect(entry('inscription-formation').collected).toContain('Confirmation par e-mail (facultatif)');
  });
});
