/**
 * Build: a check (runs in `npm run check:content` and the build): nothing the site says goes beyond a
 * programme's status. While a programme is a « proposition », its easy-read summary, the forms that reach
 * it (hints, thank-you pages) and the open-data rows about it must describe a proposal, not a service
 * that exists. Messages are French, name the place to fix and say what to write instead.
 */
import type { ContentProblem, LoadedEntry } from './types.ts';
import { buildContentContext } from '../../schemas/forms/context.ts';
import { FORM_KEYS, forms } from '../../schemas/forms/index.ts';

/** A programme is a service that exists only once an editor has recorded « ouvert » or « en-cours », dated and sourced. */
export const serviceExiste = (statut: unknown) => statut === 'ouvert' || statut === 'en-cours';

// Words that say « this is a project »: the first easy-read sentence of a proposal carries one.
const MOT_DE_PROJET = /(?<!\p{L})(projet|proposition|propose|pas encore|idée)(?!\p{L})/iu;

/** Ways of saying a service exists today, with what to write instead (present tense of a thing not yet there). */
export const PRESENTE_COMME_EXISTANT: { motif: RegExp; dire_plutot: string }[] = [
  { motif: /(?<!\p{L})il y a(?!\p{L})/iu, dire_plutot: '« il y aurait » ou « le projet : un … »' },
  { motif: /(?<!\p{L})ici,? on(?!\p{L})/iu, dire_plutot: '« dans ce projet, on … »' },
  {
    motif: /(?<!\p{L})(est|sont) (un|une|des) (lieu|lieux|service|services|école|équipe)(?!\p{L})/iu,
    dire_plutot: '« serait un lieu » ou « c’est un projet de lieu »',
  },
  { motif: /(?<!\p{L})participe(nt)?(?!\p{L})/iu, dire_plutot: '« le projet veut travailler avec … »' },
  {
    motif:
      /(?<!\p{L})(on |qu’on |qu'on |[a-zé]+ )?vous (rappelle|rappellera|répond|répondra|répondrons|attend|écoute|aide|oriente|orienterons|tiendra au courant|recontacte)(?!\p{L})/iu,
    dire_plutot: 'ce qui existe aujourd’hui : le 3919, le 17, le SMS au 114, la page « Besoin d’aide »',
  },
  {
    motif: /(?<!\p{L})être (rappelée?s?|recontactée?s?) par(?!\p{L})/iu,
    dire_plutot: 'ce qui existe aujourd’hui : le 3919, le 17, le SMS au 114, la page « Besoin d’aide »',
  },
  { motif: /(?<!\p{L})pour venir,? il faut(?!\p{L})/iu, dire_plutot: '« les dates du site sont des exemples »' },
  {
    motif: /(?<!\p{L})vous pouvez (le voir|venir|demander)(?!\p{L})/iu,
    dire_plutot: 'ce que la personne peut faire aujourd’hui',
  },
];

// A sentence about the emergency numbers speaks of services that exist (shared/reference/facts.md).
const NUMERO_QUI_EXISTE = /(?<!\d)(3919|115|17|112|114|119)(?!\d)/;

/** The first pattern a sentence matches, if it presents a proposal as an existing service. */
export function promesse(phrase: string): { motif: RegExp; dire_plutot: string } | undefined {
  if (NUMERO_QUI_EXISTE.test(phrase)) return undefined;
  return PRESENTE_COMME_EXISTANT.find(({ motif }) => motif.test(phrase));
}

const citation = (text: string) => (text.length > 70 ? `${text.slice(0, 67)}…` : text);

/** Easy-read summaries of proposals: say first that it is a project, and never describe it as a service that runs. */
export function checkFalcStatut(entries: LoadedEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const e of entries.filter((x) => x.collection === 'programmes')) {
    if (serviceExiste(e.data.statut)) continue;
    const texte = ((e.data.falc as { texte?: string[] } | undefined)?.texte ?? []).map(String);
    if (texte.length > 0 && !MOT_DE_PROJET.test(texte[0]!))
      problems.push({
        file: e.file,
        line: e.lineOf?.(['falc', 'texte', 0]),
        field: 'falc.texte[0]',
        message: `le programme est une proposition : la première phrase facile à lire doit le dire, par exemple « C’est un projet. » (mots reconnus : projet, proposition, pas encore, idée)`,
      });
    texte.forEach((phrase, i) => {
      const p = promesse(phrase);
      if (p)
        problems.push({
          file: e.file,
          line: e.lineOf?.(['falc', 'texte', i]),
          field: `falc.texte[${i}]`,
          message: `« ${citation(phrase)} » présente comme un service qui existe ce qui n’est qu’une proposition ; écrivez plutôt ${p.dire_plutot}, ou notez le nouveau statut du programme (statut, statut_confirme_le, statut_source)`,
        });
    });
  }
  return problems;
}

/** What a form says, as the content check sees it (src/schemas/forms/). */
export type FormTexts = {
  key: string;
  /** The programme whose service this form reaches (content/programmes/<id>.md). */
  programme?: string;
  /** Whether the form collects nothing while that service does not exist (form definition's `notYetOpen`). */
  collectsOnlyWhenOpen: boolean;
  intro: string[];
  hints: string[];
  thanks: string[];
};

/** Forms of proposals: no promise of a callback or an answer, on the page or its thank-you page. */
export function checkFormsStatut(forms: FormTexts[], entries: LoadedEntry[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const form of forms) {
    if (!form.programme) continue;
    const programme = entries.find((e) => e.collection === 'programmes' && e.id === form.programme);
    if (!programme || serviceExiste(programme.data.statut)) continue;
    const file = `src/schemas/forms/${form.key}.ts`;
    const places: [string, string[]][] = [
      ['texte d’introduction', form.intro],
      ['aide d’un champ', form.hints],
      ['page de remerciement', form.thanks],
    ];
    for (const [where, texts] of places)
      for (const text of texts) {
        const p = promesse(text);
        if (p)
          problems.push({
            file,
            field: where,
            message: `formulaire « ${form.key} » : « ${citation(text)} » promet un service qui n’existe pas encore (programme « ${form.programme} » : ${String(programme.data.statut)}) ; dites plutôt ${p.dire_plutot}`,
          });
      }
  }
  return problems;
}

/** A description that says an organisation carries, publishes, runs or organises something, not marked as an example. */
const ditQuiPorte = (description: string) =>
  /(?<!\p{L})(porte|portera|publie|gère|organise)(?!\p{L})/iu.test(description) && !/exemple/iu.test(description);

const texteDe = (value: unknown) => (typeof value === 'string' ? value : '');

/** One row of the open data (HSDS services and organizations), with the programme it belongs to. */
export type OpenDataRow = {
  table: string;
  id: string;
  description: string;
  status?: string;
  programme?: string;
  /** The publisher entry is real (not an example): it may say that it publishes. */
  confirme?: boolean;
};

/** Open data: a service of a proposal is never « active », and no row says an organisation runs what the sources do not say. */
export function checkOpenDataStatut(rows: OpenDataRow[], statuts: Record<string, string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const row of rows) {
    const statut = row.programme ? statuts[row.programme] : undefined;
    if (row.programme && !serviceExiste(statut) && row.status === 'active')
      problems.push({
        file: `donnees/${row.table}`,
        field: row.id,
        message: `service marqué « active » alors que le programme « ${row.programme} » est une ${statut ?? 'proposition'} : il doit être « inactive » tant que le programme n’est pas « ouvert » ou « en-cours » (content/programmes/${row.programme}.md)`,
      });
    if (row.table.startsWith('organizations') && !row.confirme && ditQuiPorte(row.description))
      problems.push({
        file: `donnees/${row.table}`,
        field: row.id,
        message: `« ${citation(row.description)} » dit qui porte ou publie le projet, ce que le texte du programme ne dit pas ; marquez-le comme exemple ou remplissez l’éditeur du site (content/organisations/, champ editeur)`,
      });
  }
  return problems;
}

/** Every form's words as the check reads them, with the fields built from this content. */
export function formTextsOf(entries: LoadedEntry[], today: string): FormTexts[] {
  const ctx = { ...buildContentContext(entries), today };
  return FORM_KEYS.map((key) => {
    const form = forms[key];
    return {
      key,
      programme: form.programme,
      collectsOnlyWhenOpen: Boolean(form.notYetOpen),
      // The description is the page's summary for search engines and links: it promises as much as the page.
      intro: [form.description, ...form.intro],
      hints: form.fields(ctx, undefined).flatMap((f) => (f.hint ? [f.hint] : [])),
      thanks: form.thanks.paragraphs,
    };
  });
}

/** The publisher is one entry of content/organisations/ marked `editeur`. */
export function checkEditeur(entries: LoadedEntry[]): ContentProblem[] {
  const editeurs = entries.filter((e) => e.collection === 'organisations' && e.data.editeur === true);
  return editeurs.slice(1).map((e) => ({
    file: e.file,
    line: e.lineOf?.(['editeur']),
    field: 'editeur',
    message: `un seul éditeur du site : ${editeurs[0]!.file} l’est déjà ; enlevez « editeur: true » de l’une des deux fiches`,
  }));
}

/**
 * The organisations' descriptions, which the programme pages and the open data (organizations.csv) show: one that
 * says who carries, publishes or runs something is an example, or a checked entry (`exemple: false`, `verifie: true`).
 */
export function checkOrganisationsStatut(entries: LoadedEntry[]): ContentProblem[] {
  return entries
    .filter((e) => e.collection === 'organisations')
    .filter((e) => !(e.data.exemple === false && e.data.verifie === true) && ditQuiPorte(texteDe(e.data.description)))
    .map((e) => ({
      file: e.file,
      line: e.lineOf?.(['description']),
      field: 'description',
      message: `« ${citation(texteDe(e.data.description))} » dit que cette organisation porte, publie ou organise quelque chose, ce que les sources ne disent pas ; écrivez que c’est un exemple (« Exemple : … »), ou, une fois vérifié auprès d’elle, notez verifie: true et exemple: false`,
    }));
}

/** The programme each kind of service belongs to (content/programmes/<id>.md). */
const PROGRAMME_DES_SERVICES: Record<string, string> = {
  referents: 'referents-handicap-inclusion',
  formations: 'formations-conjointes',
  activites: 'loisirs-partages',
};

/**
 * A referent in post, a training or an activity that is not an example says a service exists: its programme's
 * status must then be « en-cours » or « ouvert », dated and sourced (statut_confirme_le, statut_source).
 */
export function checkServicesStatut(entries: LoadedEntry[]): ContentProblem[] {
  const statuts = new Map(entries.filter((e) => e.collection === 'programmes').map((e) => [e.id, e.data.statut]));
  return entries
    .filter((e) => PROGRAMME_DES_SERVICES[e.collection] && e.data.exemple !== true)
    .filter((e) => e.collection !== 'referents' || e.data.statut === 'en-poste')
    .filter((e) => statuts.has(PROGRAMME_DES_SERVICES[e.collection]!))
    .filter((e) => !serviceExiste(statuts.get(PROGRAMME_DES_SERVICES[e.collection]!)))
    .map((e) => {
      const programme = PROGRAMME_DES_SERVICES[e.collection]!;
      return {
        file: e.file,
        line: e.lineOf?.(['exemple']),
        field: 'exemple',
        message: `cette fiche n’est pas un exemple, donc elle dit que le service existe, alors que le programme « ${programme} » est une ${String(statuts.get(programme))} : notez dans content/programmes/${programme}.md le statut « en-cours » ou « ouvert » avec statut_confirme_le et statut_source, ou gardez exemple: true`,
      };
    });
}

/** Everything this file checks on the content and the forms. */
export function checkStatuts(entries: LoadedEntry[], today: string): ContentProblem[] {
  return [
    ...checkFalcStatut(entries),
    ...checkFormsStatut(formTextsOf(entries, today), entries),
    ...checkEditeur(entries),
    ...checkOrganisationsStatut(entries),
    ...checkServicesStatut(entries),
  ];
}
