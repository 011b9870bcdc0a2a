/**
 * POST /admin/avertissements (src/lib/content-checks/avertissements.ts): the warnings of the entry being edited,
 * each with its field as the editor labels it, on the real content/ (copied by the function, never written), and
 * the editor's words (src/admin/decap-config.ts `singulier`, src/admin/apercu/francais.ts).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { answerWarnings, warningsOf } from '../../src/lib/content-checks/avertissements.ts';
import { singulier } from '../../src/admin/decap-config.ts';
import { enFrancais } from '../../src/admin/apercu/francais.ts';

const content = new URL('../../content/', import.meta.url).pathname;
const TODAY = '2026-12-04';
const fields = async (file: string) =>
  parse((await readFile(new URL(`../../${file}`, import.meta.url), 'utf8')).split('---')[1]!) as Record<string, unknown>;

describe('the warnings of the entry being edited', () => {
  it('says beside « Vérifié le » that a referent checked 9 months ago is to re-check, in words, without code', async () => {
    const file = 'content/referents/cleunay-arsenal-redon-1.md';
    const fresh = await warningsOf(content, file, await fields(file), TODAY);
    expect(fresh).toEqual([]);
    const old = await warningsOf(content, file, { ...(await fields(file)), verifie_le: '2026-03-01' }, TODAY);
    expect(old).toHaveLength(1);
    expect(old[0]).toMatchObject({ champ: 'verifie_le', libelle: 'Vérifié le' });
    expect(old[0]!.message).toContain('vérifiées le 1er mars 2026, il y a plus de 6 mois');
    expect(old[0]!.message).toContain('par exemple le 4 décembre 2026');
    expect(old[0]!.message).not.toMatch(/verifie_le|équipe referents|\d{4}-\d{2}-\d{2}/);
  });

  it('names the easy-read sentence and the draft status by their labels in the editor', async () => {
    const file = 'content/programmes/fabrique.md';
    const data = await fields(file);
    const falc = data.falc as { texte: string[]; statut: string };
    const texte = [...falc.texte, 'Les professionnels accompagnent quotidiennement.'];
    const warnings = await warningsOf(content, file, { ...data, falc: { ...falc, texte } }, TODAY);
    expect(warnings).toContainEqual(
      expect.objectContaining({ champ: 'falc.statut', libelle: 'Résumé facile à lire (FALC) › Brouillon ou relu' }),
    );
    const long = warnings.find((w) => w.champ === `falc.texte[${texte.length - 1}]`);
    expect(long?.libelle).toBe(`Résumé facile à lire (FALC) › Phrases faciles à lire n° ${texte.length}`);
    expect(long?.message).toContain('mot long : « professionnels », « quotidiennement »');
    const draft = warnings.find((w) => w.champ === 'falc.statut')!;
    expect(draft.message).toContain('choisissez « relu » dans « Brouillon ou relu »');
    expect(draft.message).not.toMatch(/statut:|relecture:|\{/);
  });

  it('answers a request it cannot read with a French line, and refuses files outside content/', async () => {
    expect(await answerWarnings(content, 'pas du json')).toMatchObject({
      status: 400,
      problemes: ['La demande d’avertissements est illisible : du JSON est attendu.'],
    });
    expect((await answerWarnings(content, JSON.stringify({ path: 'content/referents/x.md' }))).status).toBe(400);
    const outside = await answerWarnings(content, JSON.stringify({ path: '../etc/passwd.md', data: {} }));
    expect(outside).toMatchObject({ status: 400, avertissements: [] });
    const ok = await answerWarnings(
      content,
      JSON.stringify({
        path: 'content/referents/cleunay-arsenal-redon-1.md',
        data: await fields('content/referents/cleunay-arsenal-redon-1.md'),
      }),
      TODAY,
    );
    expect(ok).toEqual({ status: 200, avertissements: [], problemes: [] });
  });
});

describe('the editor’s words', () => {
  it('names one item of a list in the singular (« 1 langue parlée », not « 1 langues parlées »)', () => {
    expect(singulier('Langues parlées')).toBe('Langue parlée');
    expect(singulier('Dates annulées')).toBe('Date annulée');
    expect(singulier('Semaines du mois')).toBe('Semaine du mois');
    expect(singulier('Horaires d’ouverture')).toBe('Horaire d’ouverture');
    expect(singulier('Créneaux')).toBe('Créneau');
  });

  it('puts the lists’ English in French', () => {
    expect(enFrancais('No options')).toBe('Aucun choix ne correspond');
    expect(enFrancais('Select...')).toBe('Choisir…');
    expect(enFrancais('option lundi, selected.')).toBe('choix lundi, sélectionné.');
    expect(enFrancais('Langue')).toBe('Langue');
  });
});
