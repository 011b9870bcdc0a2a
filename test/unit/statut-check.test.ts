/**
 * Nothing the site says goes beyond a programme's status: easy-read summaries, form texts and thank-you
 * pages, open-data rows. Fixtures are written here (the sentences the site used to carry), never read
 * from content/.
 */
import { describe, expect, it } from 'vitest';
import type { LoadedEntry } from '../../src/lib/content-checks/types.ts';
import {
  checkEditeur,
  checkFalcStatut,
  checkFormsStatut,
  checkOpenDataStatut,
  checkOrganisationsStatut,
  checkServicesStatut,
  formTextsOf,
  type FormTexts,
} from '../../src/lib/content-checks/statut-check.ts';
import { buildContentContext } from '../../src/schemas/forms/context.ts';
import { forms } from '../../src/schemas/forms/index.ts';

const programme = (id: string, texte: string[], statut = 'proposition'): LoadedEntry => ({
  collection: 'programmes',
  id,
  file: `content/programmes/${id}.md`,
  data: { statut, falc: { texte, statut: 'brouillon' } },
  lineOf: (at) => 10 + Number(at[2] ?? 0),
});

const ANCIEN_FALC_FABRIQUE = [
  'La Fabrique est un lieu pour les habitants de Rennes.',
  'Ici, on aide les personnes qui vivent dans la rue.',
  'Vous pouvez donner de votre temps.',
];
const ANCIEN_FALC_REFERENTS = ['Dans chaque quartier, il y a un référent handicap.', 'Le référent vous écoute.'];
const ANCIEN_FALC_FORMATIONS = ['Les parents connaissent bien leur enfant.', 'La MDPH participe aux formations.'];

describe('easy-read summaries of proposals', () => {
  it('refuses a summary that presents a proposal as a service that exists, naming the sentence and what to write', () => {
    const problems = checkFalcStatut([
      programme('fabrique', ANCIEN_FALC_FABRIQUE),
      programme('referents', ANCIEN_FALC_REFERENTS),
      programme('formations', ANCIEN_FALC_FORMATIONS),
    ]);
    const fields = problems.map((p) => `${p.file} ${p.field}`);
    expect(fields).toEqual(
      expect.arrayContaining([
        'content/programmes/fabrique.md falc.texte[0]',
        'content/programmes/fabrique.md falc.texte[1]',
        'content/programmes/referents.md falc.texte[0]',
        'content/programmes/referents.md falc.texte[1]',
        'content/programmes/formations.md falc.texte[1]',
      ]),
    );
    const ici = problems.find((p) => p.message.includes('Ici, on aide'))!;
    expect(ici.message).toMatch(/présente comme un service qui existe ce qui n’est qu’une proposition ; écrivez plutôt/);
    expect(ici.line).toBe(11);
    expect(problems.find((p) => p.field === 'falc.texte[0]' && p.file.includes('fabrique'))!.message).toMatch(
      /première phrase facile à lire doit le dire/,
    );
  });

  it('accepts a proposal said in easy-read words, and sentences about the numbers that answer today', () => {
    const problems = checkFalcStatut([
      programme('fabrique', [
        'La Fabrique est un projet.',
        'Il y aurait un lieu pour aider.',
        'Vous dormez dehors ? Appelez le 115.',
      ]),
      programme('femmes', ['C’est un projet de lieu.', 'Le 3919 vous écoute.']),
    ]);
    expect(problems).toEqual([]);
  });

  it('lets an open programme, dated and sourced, describe its service', () => {
    expect(checkFalcStatut([programme('referents', ANCIEN_FALC_REFERENTS, 'ouvert')])).toEqual([]);
  });
});

const formulaire = (over: Partial<FormTexts>): FormTexts => ({
  key: 'femmes-rappel',
  programme: 'femmes',
  collectsOnlyWhenOpen: false,
  intro: [],
  hints: [],
  thanks: [],
  ...over,
});

describe('forms of proposals', () => {
  it('refuses a thank-you page or a hint that promises a callback or an answer', () => {
    const problems = checkFormsStatut(
      [
        formulaire({ thanks: ['Une personne de l’équipe vous rappelle à un des moments choisis.'] }),
        formulaire({
          key: 'contact-referent',
          programme: 'referents',
          thanks: ['Merci. Un référent de votre quartier vous répond.'],
        }),
        formulaire({ key: 'contact-referent', programme: 'referents', hints: ['Le référent vous rappellera.'] }),
        formulaire({ intro: ['Demander à être rappelée par l’équipe du lieu ressource.'] }),
      ],
      [programme('femmes', ['C’est un projet.']), programme('referents', ['C’est un projet.'])],
    );
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['src/schemas/forms/femmes-rappel.ts', 'page de remerciement'],
      ['src/schemas/forms/contact-referent.ts', 'page de remerciement'],
      ['src/schemas/forms/contact-referent.ts', 'aide d’un champ'],
      ['src/schemas/forms/femmes-rappel.ts', 'texte d’introduction'],
    ]);
    expect(problems[0]!.message).toMatch(
      /formulaire « femmes-rappel » : « Une personne de l’équipe vous rappelle.* » promet un service qui n’existe pas encore \(programme « femmes » : proposition\) ; dites plutôt .*3919/,
    );
  });

  it('accepts the same words once the programme is open', () => {
    const problems = checkFormsStatut(
      [formulaire({ thanks: ['Une personne de l’équipe vous rappelle.'] })],
      [programme('femmes', ['Le lieu est ouvert.'], 'ouvert')],
    );
    expect(problems).toEqual([]);
  });

  it('finds nothing in the site’s own form definitions while every programme is a proposal', () => {
    const entries: LoadedEntry[] = [
      ...['fabrique', 'referents-handicap-inclusion', 'ecole-deuxieme-chance', 'informations-pratiques'].map((id) =>
        programme(id, ['C’est un projet.']),
      ),
      { collection: 'quartiers', id: 'le-blosne', file: 'q.md', data: { nom: 'Le Blosne', numero: 11 } },
    ];
    expect(checkFormsStatut(formTextsOf(entries, '2027-01-15'), entries)).toEqual([]);
  });
});

describe('forms whose service does not exist', () => {
  const entries = [
    { collection: 'quartiers', id: 'saint-martin', data: { nom: 'Saint-Martin', numero: 4 } },
    { collection: 'quartiers', id: 'le-blosne', data: { nom: 'Le Blosne', numero: 11 } },
    { collection: 'referents', id: 'saint-martin-1', data: { quartier: 'saint-martin', statut: 'poste-ouvert' } },
    { collection: 'referents', id: 'le-blosne-1', data: { quartier: 'le-blosne', statut: 'en-poste' } },
    { collection: 'programmes', id: 'informations-pratiques', data: { statut: 'proposition' } },
  ];
  const ctx = { ...buildContentContext(entries), today: '2027-01-15' };

  it('a quartier with no referent collects no message and says what exists instead', () => {
    const form = forms['contact-referent'];
    const message = form.notYetOpen?.(ctx, 'saint-martin');
    expect(message).toMatch(/Saint-Martin n’a pas encore de référent.*poste est à pourvoir/);
    expect(message).toMatch(/13 avenue de Cucillé.*\/aide\//);
    expect(form.inactive?.(ctx, 'saint-martin', {})).toBe(message);
    expect(form.notYetOpen?.(ctx, 'le-blosne')).toBeUndefined();
  });

  it('the call-back form of the women’s resource place collects nothing while the place is a proposal', () => {
    const form = forms['femmes-rappel'];
    expect(form.inactive?.(ctx, undefined, {})).toMatch(/pas encore ouvert.*3919.*17.*SMS au 114/s);
    const open = { ...ctx, programmes: { 'informations-pratiques': 'ouvert' } };
    expect(form.inactive?.(open, undefined, {})).toBeUndefined();
    expect(form.thanks.paragraphs.join(' ')).not.toMatch(/vous rappelle/);
  });
});

describe('open data', () => {
  it('refuses an active service of a proposal and a publisher the sources do not name', () => {
    const problems = checkOpenDataStatut(
      [
        { table: 'services.csv', id: 's1', description: 'Référent', status: 'active', programme: 'referents' },
        {
          table: 'organizations.csv',
          id: 'o1',
          description: 'La Ville de Rennes porte la Fabrique rennaise des solidarités et publie ces données.',
        },
      ],
      { referents: 'proposition' },
    );
    expect(problems.map((p) => p.file)).toEqual(['donnees/services.csv', 'donnees/organizations.csv']);
    expect(problems[0]!.message).toMatch(/marqué « active » alors que le programme « referents » est une proposition/);
    expect(problems[1]!.message).toMatch(/marquez-le comme exemple ou remplissez l’éditeur du site/);
  });

  it('accepts inactive services, an example publisher, and a confirmed one', () => {
    expect(
      checkOpenDataStatut(
        [
          { table: 'services.csv', id: 's1', description: 'Référent', status: 'inactive', programme: 'referents' },
          { table: 'organizations.csv', id: 'o1', description: 'Exemple : la Ville publie ces données.' },
          { table: 'organizations.csv', id: 'o2', description: 'La Ville publie ces données.', confirme: true },
          { table: 'services.csv', id: 's2', description: 'Formation', status: 'active', programme: 'formations' },
        ],
        { referents: 'proposition', formations: 'ouvert' },
      ),
    ).toEqual([]);
  });
});

describe('publisher', () => {
  it('one organisation at most publishes the site', () => {
    const org = (id: string): LoadedEntry => ({
      collection: 'organisations',
      id,
      file: `content/organisations/${id}.md`,
      data: { editeur: true },
    });
    const problems = checkEditeur([org('a'), org('b')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/un seul éditeur du site : content\/organisations\/a\.md l’est déjà/);
  });
});

describe('organisations', () => {
  const org = (id: string, data: Record<string, unknown>): LoadedEntry => ({
    collection: 'organisations',
    id,
    file: `content/organisations/${id}.md`,
    data,
    lineOf: () => 4,
  });

  it('refuses a description that says who carries or publishes, unless it is an example or a checked entry', () => {
    const problems = checkOrganisationsStatut([
      org('ville', { description: 'La Ville de Rennes porte la Fabrique et publie ce site.', exemple: false, verifie: false }),
      org('exemple', { description: 'Exemple d’éditeur : la Ville publie ce site.', exemple: true }),
      org('verifiee', { description: 'Elle organise des loisirs pour tous.', exemple: false, verifie: true }),
      org('mdph', { description: 'Maison départementale des personnes handicapées.', exemple: false, verifie: false }),
    ]);
    expect(problems.map((p) => [p.file, p.field, p.line])).toEqual([['content/organisations/ville.md', 'description', 4]]);
    expect(problems[0]!.message).toMatch(/ce que les sources ne disent pas ; écrivez que c’est un exemple/);
  });
});

describe('services that exist', () => {
  const entry = (collection: LoadedEntry['collection'], id: string, data: Record<string, unknown>): LoadedEntry => ({
    collection,
    id,
    file: `content/${collection}/${id}.md`,
    data,
    lineOf: () => 7,
  });

  it('a real referent in post, training or activity needs its programme confirmed, dated and sourced', () => {
    const entries = [
      programme('referents-handicap-inclusion', ['C’est un projet.']),
      programme('formations-conjointes', ['C’est un projet.']),
      programme('loisirs-partages', ['Les loisirs.'], 'ouvert'),
      entry('referents', 'centre-1', { statut: 'en-poste', exemple: false }),
      entry('referents', 'centre-2', { statut: 'en-poste', exemple: true }),
      entry('referents', 'saint-martin-1', { statut: 'poste-ouvert', exemple: false }),
      entry('formations', 'creche', { exemple: false }),
      entry('activites', 'cirque', { exemple: false }),
    ];
    const problems = checkServicesStatut(entries);
    expect(problems.map((p) => [p.file, p.field, p.line])).toEqual([
      ['content/referents/centre-1.md', 'exemple', 7],
      ['content/formations/creche.md', 'exemple', 7],
    ]);
    expect(problems[0]!.message).toMatch(
      /le programme « referents-handicap-inclusion » est une proposition : notez .* statut_confirme_le et statut_source, ou gardez exemple: true/,
    );
  });
});
