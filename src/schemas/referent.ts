import { z } from 'zod';
import { commun, creneau, dateIso, jour, JOURS, ref } from './common.ts';

/** One date a permanence does not take place, and why, in words the public reads (issue 22, item 7). */
const annulation = z.strictObject({
  date: dateIso.meta({ titre: 'Date', exemple: '2026-12-15' }),
  raison: z
    .string({ error: 'raison attendue : quelques mots pour le public' })
    .min(3, { error: 'raison attendue : quelques mots pour le public' })
    .meta({ titre: 'Raison', aide: 'Ce que le public lit, en quelques mots.', exemple: 'la référente est en formation' }),
});

/** Monday = 0 … Sunday = 6 (the same as src/lib/time/dates.ts, which schemas do not import). */
const weekday = (iso: string) => (new Date(`${iso}T12:00:00Z`).getUTCDay() + 6) % 7;

/** A recurring permanence: a weekday, a slot, a place; optionally only some weeks of the month. */
export const permanence = z
  .strictObject({
    lieu: ref('lieux').meta({ titre: 'Lieu', aide: 'Où se tient la permanence (une fiche de Lieux).' }),
    jour: jour.meta({ titre: 'Jour', exemple: 'mardi' }),
    creneau: creneau.meta({ titre: 'Horaire', aide: 'Début et fin, sur 24 heures.', exemple: '14:00-17:00' }),
    /** Weeks of the month (1 to 5); empty means every week. */
    semaines: z
      .array(z.int().min(1).max(5, { error: 'semaine du mois attendue entre 1 et 5' }).meta({ titre: 'Semaine' }))
      .default([])
      .meta({ titre: 'Semaines du mois', aide: 'Numéros de 1 à 5 ; laissez vide si c’est chaque semaine.', exemple: [1, 3] }),
    /** e.g. "sans rendez-vous", "sur rendez-vous via le formulaire". */
    modalites: z
      .string()
      .optional()
      .meta({ titre: 'Comment venir', aide: 'Avec ou sans rendez-vous.', exemple: 'sans rendez-vous' }),
    annulations: z.array(annulation).default([]).meta({
      titre: 'Dates annulées',
      aide: 'Un jour où la permanence n’a pas lieu, et pourquoi : la page, l’agenda et la page hors ligne le disent.',
    }),
  })
  .superRefine((p, ctx) => {
    p.annulations.forEach((a, i) => {
      if (typeof a.date === 'string' && weekday(a.date) !== JOURS.indexOf(p.jour))
        ctx.addIssue({
          code: 'custom',
          path: ['annulations', i, 'date'],
          message: `le ${a.date} n’est pas un ${p.jour} : une date annulée est un jour de la permanence`,
        });
    });
  });
export type Permanence = z.infer<typeof permanence>;

/**
 * A "référent handicap et inclusion" of one quartier. Strict: there is no field for a personal phone
 * or e-mail, so none can be published; residents write through the contact form.
 */
export const referentSchema = z
  .strictObject({
    quartier: ref('quartiers').meta({ titre: 'Quartier', aide: 'Le quartier dont la personne est référente.' }),
    statut: z
      .enum(['en-poste', 'poste-ouvert'], { error: 'statut attendu : en-poste ou poste-ouvert' })
      .meta({ titre: 'Statut', aide: '« poste-ouvert » quand personne n’est encore en poste : la page invite à candidater.' }),
    /** First name and initial only, or empty when the post is open. */
    prenom: z.string().optional().meta({
      titre: 'Prénom',
      aide: 'Prénom et initiale du nom seulement ; jamais de téléphone ni d’e-mail personnel. Vide si le poste est ouvert.',
      exemple: 'Nadia B.',
    }),
    profil: z
      .enum(['parent-enfant-handicape', 'adulte-en-situation-de-handicap'], {
        error: 'profil attendu : parent-enfant-handicape ou adulte-en-situation-de-handicap',
      })
      .optional()
      .meta({ titre: 'Profil', aide: 'Obligatoire quand la personne est en poste.' }),
    /** Languages spoken, e.g. [français, LSF]. */
    langues: z
      .array(z.string().min(1).meta({ titre: 'Langue' }))
      .default(['français'])
      .meta({ titre: 'Langues parlées', exemple: ['français', 'LSF'] }),
    permanences: z
      .array(permanence)
      .default([])
      .meta({ titre: 'Permanences', aide: 'Les moments où l’on peut venir la rencontrer.' }),
    ...commun,
  })
  .refine((r) => r.statut === 'poste-ouvert' || (r.prenom && r.profil), {
    error: 'un référent en poste a un prénom et un profil',
    path: ['prenom'],
  })
  .refine((r) => r.statut === 'en-poste' || (!r.prenom && !r.profil), {
    error: 'un poste ouvert n’a ni prénom ni profil : retirez-les, ou passez le statut à en-poste',
    path: ['statut'],
  });
export type Referent = z.infer<typeof referentSchema>;
