/**
 * Settings editors change in content/formulaires/<key>.yaml: who receives submissions, whether the
 * form is open, whether it is sensitive, how long submissions are kept, where the person lands after.
 */
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import '../common.ts';
import type { FormDefinition } from './form.ts';

const adresse = z.email({ error: 'adresse e-mail attendue, par exemple equipe@rennes.example' });

export const formSettingsSchema = z.strictObject({
  /** false: the form answers INACTIVE with `message_ferme`. */
  ouvert: z
    .boolean({ error: 'ouvert attendu : true ou false' })
    .meta({ titre: 'Formulaire ouvert', aide: 'Décochez pour le fermer : la page affiche le message ci-dessous.' }),
  /** Shown when the form is closed: what to do instead. */
  message_ferme: z
    .string()
    .min(1)
    .optional()
    .meta({ titre: 'Message quand il est fermé', aide: 'Ce qu’on peut faire à la place.', long: true }),
  /** Team addresses notified of each submission. */
  destinataires: z
    .array(adresse.meta({ titre: 'Adresse e-mail' }))
    .min(1, { error: 'indiquez au moins une adresse dans destinataires' })
    .meta({
      titre: 'Destinataires',
      aide: 'Adresses de l’équipe prévenues à chaque envoi ; au moins une.',
      exemple: 'equipe@rennes.example',
    }),
  /** contact-referent: the referents' shared addresses, by quartier id (content/quartiers/). */
  destinataires_par_quartier: z.record(z.string(), z.array(adresse).min(1)).optional(),
  /** Path of the thank-you page; by default /formulaires/<key>/merci/. */
  merci: z
    .string()
    .regex(/^\/(?!\/)[a-z0-9/_-]*$/, { error: 'merci attendu : un chemin du site, par exemple /formulaires/agir/merci/' })
    .optional()
    .meta({ titre: 'Page de remerciement', aide: 'Laissez vide pour la page prévue.', exemple: '/formulaires/agir/merci/' }),
  /** true: submissions are sealed for the team (issue 5) and notifications carry no content. */
  sensible: z
    .boolean({ error: 'sensible attendu : true ou false' })
    .meta({ titre: 'Sensible', aide: 'Coché : les envois sont scellés pour l’équipe et les e-mails ne contiennent rien.' }),
  /** Days a submission is kept before it is deleted. */
  conservation_jours: z
    .int({ error: 'conservation_jours attendu : un nombre entier de jours' })
    .min(1)
    .max(3650, { error: 'conservation_jours : 3650 jours (10 ans) au plus' })
    .meta({ titre: 'Durée de conservation (jours)', aide: 'Après ce délai, les envois sont effacés.', exemple: 365 }),
  /** Id of the team's current public key: new sensitive submissions are sealed to it. */
  cle_equipe: z
    .string()
    .regex(/^[a-z0-9-]+$/, { error: 'identifiant de clé attendu, par exemple accueil-2026-11-71e1883a' })
    .optional()
    .meta({
      titre: 'Clé de l’équipe',
      aide: 'Donnée par npm run keys -- create ; ne la changez qu’avec la personne qui garde les clés.',
      exemple: 'accueil-2026-11-71e1883a',
    }),
  /**
   * The team's public keys by id (X25519, base64url), pasted from `npm run keys -- create`. Older keys
   * stay listed after a rotation so staff know which private key opens older submissions.
   */
  cles_publiques: z
    .record(
      z.string().regex(/^[a-z0-9-]+$/, { error: 'identifiant de clé attendu, par exemple accueil-2026-11-71e1883a' }),
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{43}$/, { error: 'clé publique attendue : 43 caractères base64url, copiés de npm run keys' }),
    )
    .optional(),
});
export type FormSettings = z.infer<typeof formSettingsSchema> & {
  merci: string;
  /** Set by src/lib/forms/mode.ts: whether the form reaches a real team, in this mode. */
  service?: 'en-service' | 'demonstration' | 'pas-en-service';
};

export type SettingsProblem = { file: string; field?: string; message: string };

/** Parses one settings file; problems name the file and the field, in French. */
export function parseFormSettings(
  file: string,
  text: string,
  form: FormDefinition,
): { settings?: FormSettings; problems: SettingsProblem[] } {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    return { problems: [{ file, message: 'fichier illisible : vérifiez les deux-points, l’indentation et les guillemets' }] };
  }
  const result = formSettingsSchema.safeParse(data ?? {});
  if (!result.success) {
    return {
      problems: result.error.issues.map((issue) => ({
        file,
        field: issue.path.join('.') || undefined,
        message: issue.code === 'unrecognized_keys' ? `champ inconnu : ${issue.keys.join(', ')}` : issue.message,
      })),
    };
  }
  const rules = settingsRuleProblems(result.data, form);
  if (rules.length) return { problems: rules.map((p) => ({ file, ...p })) };
  return {
    settings: { ...result.data, merci: result.data.merci ?? `/formulaires/${form.adresse ?? form.key}/merci/` },
    problems: [],
  };
}

/**
 * What the schema alone cannot say: a form collecting sensitive data stays sealed, and a sealed form names its
 * team key, listed in cles_publiques. Shared by the handlers (parseFormSettings) and check:content (forms-check.ts).
 */
export function settingsRuleProblems(
  data: z.infer<typeof formSettingsSchema>,
  form: FormDefinition,
): { field: string; message: string }[] {
  if (mustBeSealed(form) && !data.sensible)
    return [{ field: 'sensible', message: 'ce formulaire recueille des données sensibles : sensible doit rester à true' }];
  if (!data.sensible) return [];
  const { cle_equipe: current, cles_publiques: keys = {} } = data;
  if (!current)
    return [
      {
        field: 'cle_equipe',
        message:
          'formulaire sensible : indiquez la clé de l’équipe (npm run keys -- create) ; exemple : cle_equipe: accueil-2026-11-71e1883a',
      },
    ];
  if (!Object.hasOwn(keys, current))
    return [
      {
        field: 'cles_publiques',
        message: `la clé ${current} doit figurer dans cles_publiques : ajoutez sous cles_publiques la ligne « ${current}: » suivie des 43 caractères de sa clé publique (donnée par npm run keys -- create)`,
      },
    ];
  return [];
}

// Field names and flags do not depend on the site's content, only choices do: an empty context is enough.
const NO_CONTENT = { formations: [], activites: [], quartiers: [], lieux: {}, today: '' };

/** A form marked sensitive, or with any field marked sensitive, is sealed: its settings cannot say otherwise. */
export const mustBeSealed = (form: FormDefinition) =>
  form.sensitive || form.fields(NO_CONTENT, undefined).some((f) => f.sensitive);

/** The key new submissions are sealed to (sensitive forms only; parseFormSettings guarantees it exists). */
export function currentKey(settings: FormSettings): { id: string; publicKey: string } | undefined {
  const id = settings.cle_equipe;
  const publicKey = id ? settings.cles_publiques?.[id] : undefined;
  return id && publicKey ? { id, publicKey } : undefined;
}

export const formatSettingsProblems = (problems: SettingsProblem[]) =>
  problems.map((p) => `${p.file}${p.field ? ` › ${p.field}` : ''} : ${p.message}`).join('\n');
