import { z } from 'zod';
import { commun, creneau, jour, ref } from './common.ts';

/** A recurring permanence: a weekday, a slot, a place; optionally only some weeks of the month. */
export const permanence = z.strictObject({
  lieu: ref('lieux'),
  jour,
  creneau,
  /** Weeks of the month (1 to 5); empty means every week. */
  semaines: z.array(z.int().min(1).max(5, { error: 'semaine du mois attendue entre 1 et 5' })).default([]),
  /** e.g. "sans rendez-vous", "sur rendez-vous via le formulaire". */
  modalites: z.string().optional(),
});
export type Permanence = z.infer<typeof permanence>;

/**
 * A "référent handicap et inclusion" of one quartier. Strict: there is no field for a personal phone
 * or e-mail, so none can be published; residents write through the contact form.
 */
export const referentSchema = z
  .strictObject({
    quartier: ref('quartiers'),
    statut: z.enum(['en-poste', 'poste-ouvert'], { error: 'statut attendu : en-poste ou poste-ouvert' }),
    /** First name and initial only, or empty when the post is open. */
    prenom: z.string().optional(),
    profil: z
      .enum(['parent-enfant-handicape', 'adulte-en-situation-de-handicap'], {
        error: 'profil attendu : parent-enfant-handicape ou adulte-en-situation-de-handicap',
      })
      .optional(),
    /** Languages spoken, e.g. [français, LSF]. */
    langues: z.array(z.string().min(1)).default(['français']),
    permanences: z.array(permanence).default([]),
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
