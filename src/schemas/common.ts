/**
 * Building blocks shared by every content schema: dates, time slots, days, example flags.
 * Plain zod (no Astro import) so the same rules serve the build, the content checker and functions/.
 */
import { z } from 'zod';

// French default messages for everything zod says; our own messages below are more specific.
z.config(z.locales.fr());

export const JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
export const jour = z.enum(JOURS, {
  error: `jour attendu : ${JOURS.join(', ')} (en minuscules)`,
});
export type Jour = z.infer<typeof jour>;

/** Dates arrive as text (our checker, YAML 1.2) or as Date (Astro's YAML 1.1 parser): keep the text form. */
const dateAsText = (v: unknown) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v);

/** A calendar date written AAAA-MM-JJ; impossible dates such as 2027-02-30 are refused. */
export const dateIso = z.preprocess(
  dateAsText,
  z.string({ error: 'date attendue au format AAAA-MM-JJ, par exemple 2027-03-15' }).refine(isRealDate, {
    error: (issue) =>
      `date impossible ou mal écrite : « ${String(issue.input)} » ; format attendu AAAA-MM-JJ, par exemple 2027-03-15`,
  }),
);

export function isRealDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;
/** A time of day written HH:MM on 24 hours, e.g. 09:30 or 17:00. */
export const heure = z.string().regex(HEURE, { error: 'heure attendue au format HH:MM sur 24 heures, par exemple 09:30' });

const slotMessage = (issue: { input?: unknown }) =>
  `créneau mal écrit : « ${String(issue.input)} » ; attendu HH:MM-HH:MM avec une fin après le début, par exemple 09:00-12:30`;
// The format as a regular expression too, so the editor (a pattern in /admin/) refuses what the check refuses;
// only "ends after it starts" is left to the refine (a pattern cannot compare two times).
const SLOT = /^\s*(?:[01]\d|2[0-3]):[0-5]\d\s*-\s*(?:[01]\d|2[0-3]):[0-5]\d\s*$/;
/** A time slot written "HH:MM-HH:MM" that ends after it starts, e.g. "09:00-12:30". */
export const creneau = z.string().regex(SLOT, { error: slotMessage, abort: true }).refine(isValidSlot, { error: slotMessage });

export function isValidSlot(text: string): boolean {
  const parts = text.split('-');
  if (parts.length !== 2) return false;
  const [debut, fin] = parts.map((p) => p.trim()) as [string, string];
  return HEURE.test(debut) && HEURE.test(fin) && debut < fin;
}

/** Id of another content entry (its file name without extension), checked by the content checker. */
export const ref = (collection: string) =>
  z.string({ error: `identifiant attendu : le nom d'un fichier de content/${collection}/ sans extension` }).min(1);

/** Fields every entry carries. */
export const commun = {
  /** Date the facts of this entry were last checked by an editor. Shown on the page. */
  verifie_le: dateIso.meta({
    titre: 'Vérifié le',
    aide: 'Le jour où vous avez vérifié ces informations. Affiché sur la page ; la vérification du contenu prévient après 6 mois et refuse après 12.',
    exemple: '2026-11-20',
  }),
  /** true when people, dates or places are invented for illustration: the page labels them "exemple". */
  exemple: z.boolean().default(false).meta({
    titre: 'Exemple inventé',
    aide: 'Cochez si des personnes, dates ou lieux sont inventés : la page affiche « exemple ». Décochez quand tout est vrai et vérifié.',
  }),
};

export const adresse = z.strictObject({
  rue: z.string().min(1).meta({ titre: 'Numéro et rue', exemple: '1 rue de l’Exemple' }),
  code_postal: z
    .string()
    .regex(/^\d{5}$/, { error: 'code postal attendu sur 5 chiffres, par exemple 35000' })
    .meta({ titre: 'Code postal', aide: 'Entre guillemets dans le fichier.', exemple: '35200' }),
  ville: z.string().min(1).default('Rennes').meta({ titre: 'Ville' }),
});
export type Adresse = z.infer<typeof adresse>;
