/** What residents type (issue 11): little words of a sentence, danger words, and typos corrected from the index. */
import { describe, expect, it } from 'vitest';
import {
  corriger,
  distance,
  joindreChiffres,
  normaliser,
  sansMotsVides,
  sembleDanger,
  reglesDeDanger,
} from '../../src/lib/search/query-words.ts';
import { DANGER_PAR_LANGUE } from '../../src/lib/search/danger-langues.ts';

const DICTIONNAIRE = ['formation', 'référent', 'handicap', 'handicapé', 'violences', 'accessibilité', 'crèche', 'formations'];

describe('normaliser', () => {
  it('drops case, accents and curly apostrophes', () => {
    expect(normaliser('Référent’s ÉCOLE')).toBe("referent's ecole");
  });
});

describe('sansMotsVides', () => {
  it('keeps only the words that carry meaning in a question', () => {
    expect(sansMotsVides('mon enfant est autiste, qui peut m’aider ?')).toBe('enfant autiste aider');
    expect(sansMotsVides('je dors dehors')).toBe('dors dehors');
  });
  it('gives "" when only little words are left', () => {
    expect(sansMotsVides('à la')).toBe('');
  });
});

describe('sembleDanger', () => {
  it.each(['violences', 'mon mari me frappe', 'Je dors à la rue', 'il fait froid', 'SDF', 'pensées suicidaires', 'menacée'])(
    '« %s » looks like danger',
    (q) => expect(sembleDanger(q)).toBe(true),
  );
  it.each(['formation crèche', 'cirque', 'rue de Quineleu', 'violoncelle', 'sdfgh'])('« %s » does not', (q) =>
    expect(sembleDanger(q)).toBe(false),
  );
  // The translated search pages (issue 23): each page's language's words, the numbers above the results.
  it.each([
    ['en', 'my husband hits me'],
    ['en', 'I am scared'],
    ['en', 'homeless tonight'],
    ['es', 'violencia en casa'],
    ['es', 'tengo miedo'],
    ['pt', 'violência doméstica'],
    ['pt', 'estou com medo'],
    ['uk', 'Насильство вдома'],
    ['uk', 'Мені страшно'],
    ['uk', 'бездомний'],
    ['ar', 'العُنف ضد المرأة'],
    ['ar', 'زوجي يضربني'],
    ['ar', 'أنا خائفة'],
    ['prs', 'خشونت خانگی'],
    ['prs', 'خودکشی'],
    ['prs', 'میترسم'],
  ] as const)('%s: « %s » looks like danger, on its page only', (code, q) => {
    expect(sembleDanger(q, reglesDeDanger(DANGER_PAR_LANGUE[code]))).toBe(true);
    // French's list catches violen- in every Latin script; the rest is the language's own.
    if (!/violen/.test(normaliser(q))) expect(sembleDanger(q)).toBe(false);
  });
  it.each([
    ['en', 'children with a disability'],
    ['es', 'escuela segunda oportunidad'],
    ['pt', 'formação'],
    ['uk', 'школа другого шансу'],
    ['ar', 'مدرسة الفرصة الثانية'],
    ['prs', 'دسترسی'],
    ['prs', 'مکتب فرصت دوم'],
  ] as const)('%s: « %s » does not', (code, q) => expect(sembleDanger(q, reglesDeDanger(DANGER_PAR_LANGUE[code]))).toBe(false));
});

describe('distance', () => {
  it('counts insertions, deletions, substitutions and swaps of neighbours', () => {
    expect(distance('formaton', 'formation', 2)).toBe(1);
    expect(distance('referant', 'referent', 2)).toBe(1);
    expect(distance('vilonece', 'violence', 2)).toBe(2);
    expect(distance('abcd', 'bacd', 2)).toBe(1);
  });
  it('stops beyond the maximum', () => {
    expect(distance('cirque', 'formation', 2)).toBe(3);
  });
});

describe('corriger', () => {
  it('corrects a word the index does not know to the closest index word', () => {
    expect(corriger('referant', DICTIONNAIRE)).toBe('référent');
    expect(corriger('formaton', DICTIONNAIRE)).toBe('formation');
    expect(corriger('acessibilité', DICTIONNAIRE)).toBe('accessibilité');
    expect(corriger('violance conjugale', DICTIONNAIRE)).toBe('violences conjugale');
  });
  it('leaves known words, short words and words far from any index word alone', () => {
    expect(corriger('handicapé', DICTIONNAIRE)).toBe('handicapé');
    expect(corriger('handicape', DICTIONNAIRE)).toBe('handicape');
    expect(corriger('AVS', DICTIONNAIRE)).toBe('AVS');
    expect(corriger('kwijibo', DICTIONNAIRE)).toBe('kwijibo');
  });
  it('prefers the more frequent word on a tie (the dictionary lists frequent words first)', () => {
    expect(corriger('formationx', ['formations', 'formation'])).toBe('formations');
  });
});

describe('joindreChiffres', () => {
  it('joins a number typed in groups of digits, as phone numbers are written', () => {
    expect(joindreChiffres('39 19')).toBe('3919');
    expect(joindreChiffres('appeler le 1 15')).toBe('appeler le 115');
  });
  it('leaves numbers apart from other words alone', () => {
    expect(joindreChiffres('trisomie 21')).toBe('trisomie 21');
    expect(joindreChiffres('de 3 à 13 ans')).toBe('de 3 à 13 ans');
    expect(joindreChiffres('2e chance 26 ans')).toBe('2e chance 26 ans');
  });
});

describe('what residents write in an SMS', () => {
  it('drops the little words written without their apostrophe, and the filler of a question', () => {
    expect(sansMotsVides('jai besoin de trouver un logement')).toBe('besoin logement');
    expect(sansMotsVides('référent handicap près de chez moi à Rennes')).toBe('référent handicap');
  });
  it('reads a word glued to its elided letter as the word, when the index knows it', () => {
    expect(corriger('besoin daide', ['aide', 'besoin'])).toBe('besoin aide');
    expect(corriger('lecole', ['école'])).toBe('école');
    expect(corriger('dormir', ['aide'])).toBe('dormir');
  });
});
