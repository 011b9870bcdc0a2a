/** French typography: what every built page gets automatically, and what the content check asks editors to fix. */
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateLongue, formatCreneau } from '../../src/lib/time/dates.ts';
import {
  deNom,
  NBSP,
  NNBSP,
  phrase,
  pluriel,
  problemesTypographiques,
  typographie,
  typographieHtml,
} from '../../src/lib/page-tools/typographie.ts';

describe('typographie()', () => {
  it('curls apostrophes between letters, also as Astro escapes them', () => {
    expect(typographie("L'école d'Anne")).toBe('L’école d’Anne');
    expect(typographie('l&#39;assistante')).toBe('l’assistante');
    expect(typographie("'citation'")).toBe("'citation'");
  });

  it('keeps high punctuation and guillemets with their word', () => {
    expect(typographie('Urgence : 17')).toBe(`Urgence${NBSP}: 17`);
    expect(typographie('Vraiment ? Oui ! Non ; bien')).toBe(`Vraiment${NNBSP}? Oui${NNBSP}! Non${NNBSP}; bien`);
    expect(typographie('« Besoin d’aide »')).toBe(`«${NNBSP}Besoin d’aide${NNBSP}»`);
    expect(typographie('à 9:30, https://exemple.fr/a?b=1')).toBe('à 9:30, https://exemple.fr/a?b=1');
  });

  it('binds numbers to units and times, and writes the first of the month « 1er »', () => {
    expect(typographie('de 16 h 30 à 18 h')).toBe(`de 16${NBSP}h${NBSP}30 à 18${NBSP}h`);
    expect(typographie('3 places, 20 €')).toBe(`3${NBSP}places, 20${NBSP}€`);
    expect(typographie('mardi 1 décembre')).toBe(`mardi 1er${NBSP}décembre`);
    expect(typographie('le 11 décembre, le 21 mars')).toBe(`le 11${NBSP}décembre, le 21${NBSP}mars`);
  });

  it('is idempotent', () => {
    const once = typographie("« L'heure : 16 h 30 ; le 1 mars ! »");
    expect(typographie(once)).toBe(once);
  });
});

describe('typographieHtml()', () => {
  it('changes text, never tags, attributes, scripts, styles or code', () => {
    const html =
      `<p title="a : b">Urgence : <a href="/aide/?x=1">l'aide</a></p>` +
      `<script>const a = 'l\\'x' ; b ? c : d;</script><style>a :hover{}</style><code>x : y</code><p>fin ?</p>`;
    expect(typographieHtml(html)).toBe(
      `<p title="a : b">Urgence${NBSP}: <a href="/aide/?x=1">l’aide</a></p>` +
        `<script>const a = 'l\\'x' ; b ? c : d;</script><style>a :hover{}</style><code>x : y</code><p>fin${NNBSP}?</p>`,
    );
  });
  it('leaves an element marked data-brut as typed, nested elements included, and goes on after it', () => {
    const html = `<dl><dt>Message :</dt><dd data-brut>l'adresse : <b>ici ?</b> <dd>encore ?</dd></dd><dd>fin ?</dd></dl><input data-brut> a ?`;
    expect(typographieHtml(html)).toBe(
      `<dl><dt>Message${NBSP}:</dt><dd data-brut>l'adresse : <b>ici ?</b> <dd>encore ?</dd></dd><dd>fin${NNBSP}?</dd></dl><input data-brut> a${NNBSP}?`,
    );
  });
});

describe('dates in French', () => {
  it('« 1er » for the first of the month, times with « h »', () => {
    expect(formatDateLongue('2026-12-01')).toBe('mardi 1er décembre 2026');
    expect(formatDate('2027-03-01')).toBe('1er mars 2027');
    expect(formatDate('2027-03-11')).toBe('11 mars 2027');
    expect(formatCreneau('09:00-16:30')).toBe('de 9 h à 16 h 30');
  });
});

describe('problemesTypographiques(): for editors', () => {
  it('finds a missing space after punctuation, not in addresses', () => {
    expect(problemesTypographiques('vérifiées le 20 novembre 2026.Cette fiche')).toEqual([
      expect.stringMatching(/espace manquante/),
    ]);
    expect(problemesTypographiques('Voir www.rennes.fr/Solidarite ou contact@exemple.fr.')).toEqual([]);
  });

  it('asks for the article before a place name', () => {
    expect(problemesTypographiques('Rendez-vous à Maison de quartier du Blosne')).toEqual([
      expect.stringMatching(/article manquant.*à la Maison/),
    ]);
    expect(problemesTypographiques('Rendez-vous à la Maison de quartier du Blosne')).toEqual([]);
  });

  it('finds a doubled word', () => {
    expect(problemesTypographiques('(exemple) exemple')).toEqual([expect.stringMatching(/mot répété/)]);
    expect(problemesTypographiques('nous nous retrouvons')).toEqual([]);
  });
});

describe('pluriel()', () => {
  it('agrees with the count', () => {
    expect([0, 1, 2, 12].map((n) => pluriel(n, 'place'))).toEqual([
      `0${NBSP}place`,
      `1${NBSP}place`,
      `2${NBSP}places`,
      `12${NBSP}places`,
    ]);
    expect(pluriel(3, 'session passée', 'sessions passées')).toBe(`3${NBSP}sessions passées`);
  });
});

describe('deNom and phrase', () => {
  it('elides de before a vowel or a mute h, and ends a sentence with one full stop', () => {
    expect(deNom('Aurélie G.')).toBe('d’Aurélie G.');
    expect(deNom('Hélène')).toBe('d’Hélène');
    expect(deNom('Camille T.')).toBe('de Camille T.');
    expect(phrase('quartier Bréquigny : Aurélie G.')).toBe('quartier Bréquigny : Aurélie G.');
    expect(phrase('quartier Bréquigny')).toBe('quartier Bréquigny.');
  });
});
