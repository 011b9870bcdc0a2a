/**
 * The note beside a ticked « Session annulée » in the editor (src/admin/inscrits-message.ts, issue 22, item 7):
 * how many people, that ticking tells nobody, where the team tells them; and which training is being edited
 * (src/admin/inscrits.ts, from the editor's address).
 */
import { describe, expect, it } from 'vitest';
import { formationEditee } from '../../src/admin/inscrits.ts';
import { lireInscrits, messageInscrits } from '../../src/admin/inscrits-message.ts';
import { typographie } from '../../src/lib/page-tools/typographie.ts';

const lien = 'https://site.exemple/equipe/sessions/ecole-inclusive/mars-a';
const n = (inscrits: number, attente: number, prevenus = 0) => ({ inscrits, attente, prevenus, lien });
/** Compared without the non-breaking spaces typography puts in (« 3 personnes », « pas : »). */
const texte = (counts: Parameters<typeof messageInscrits>[0]) => messageInscrits(counts).texte.replace(/[\u00a0\u202f]/g, ' ');
const RAPPEL =
  'Cocher cette case ne les prévient pas : après la publication, prévenez-les depuis l’espace équipe (Sessions › cette session).';

describe('the note beside « Session annulée »', () => {
  it('says how many people, that ticking tells none of them, and links to the session in the inbox', () => {
    expect(texte(n(3, 1))).toBe(`3 personnes inscrites et 1 en liste d’attente. ${RAPPEL}`);
    expect(texte(n(3, 0))).toBe(`3 personnes inscrites. ${RAPPEL}`);
    expect(texte(n(0, 2))).toBe(`2 personnes en liste d’attente. ${RAPPEL}`);
    expect(texte(n(1, 1))).toBe(`1 personne inscrite et 1 en liste d’attente. ${RAPPEL}`);
    expect(texte(n(1, 0))).toBe(
      '1 personne inscrite. Cocher cette case ne la prévient pas : après la publication, prévenez-la depuis l’espace équipe (Sessions › cette session).',
    );
    expect(messageInscrits(n(3, 1))).toMatchObject({
      alerte: true,
      lien,
      lienTexte: 'Ouvrir cette session dans l’espace équipe',
    });
  });

  it('with nobody signed up, says so and nothing more', () => {
    expect(messageInscrits(n(0, 0))).toEqual({ texte: 'Personne n’est inscrit à cette session.', alerte: false });
  });

  it('once the team has told them, says so', () => {
    expect(texte(n(0, 0, 3))).toBe('Les 3 personnes inscrites ont déjà été prévenues de l’annulation depuis l’espace équipe.');
    expect(texte(n(0, 0, 1))).toBe('La personne inscrite a déjà été prévenue de l’annulation depuis l’espace équipe.');
    expect(messageInscrits(n(0, 0, 3))).toMatchObject({ alerte: false, lien });
  });

  it('when the server cannot say, the reminder alone, without a link', () => {
    const note = messageInscrits(undefined);
    expect(note.texte).toContain('Cocher cette case ne prévient personne');
    expect(note).toMatchObject({ alerte: true });
    expect(note.lien).toBeUndefined();
  });

  it('every note in the site’s French typography', () => {
    for (const counts of [n(3, 1), n(1, 0), n(0, 2), n(0, 0), n(0, 0, 2), undefined]) {
      const { texte: t } = messageInscrits(counts);
      expect(typographie(t)).toBe(t);
      expect(t).toMatch(/\d\u00a0personne|^Personne|^Le nombre|^La personne|^Les/);
    }
  });

  it('reads only an answer of the expected shape', () => {
    expect(lireInscrits({ inscrits: 2, attente: 0, prevenus: 1, lien: '/equipe/sessions/a/b' })).toEqual({
      inscrits: 2,
      attente: 0,
      prevenus: 1,
      lien: '/equipe/sessions/a/b',
    });
    for (const bad of [
      null,
      'texte',
      {},
      { inscrits: -1, attente: 0, prevenus: 0, lien: '' },
      { inscrits: 1, attente: 0, prevenus: 0 },
    ])
      expect(lireInscrits(bad), JSON.stringify(bad)).toBeUndefined();
  });
});

describe('the training being edited', () => {
  it('is read from the editor’s address, for an existing training only', () => {
    expect(formationEditee('#/collections/formations/entries/ecole-inclusive-parents-enseignants')).toBe(
      'ecole-inclusive-parents-enseignants',
    );
    expect(formationEditee('#/collections/formations/entries/ecole-inclusive?ref=liste')).toBe('ecole-inclusive');
    expect(formationEditee('#/collections/formations/new')).toBeUndefined();
    expect(formationEditee('#/collections/lieux/entries/espace-social')).toBeUndefined();
    expect(formationEditee('#/collections/formations')).toBeUndefined();
    expect(formationEditee('')).toBeUndefined();
  });
});
