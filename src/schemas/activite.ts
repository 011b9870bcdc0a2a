import { z } from 'zod';
import { commun, creneau, dateIso, jour, ref } from './common.ts';

/** A mixed leisure activity for disabled and non-disabled children, on the Loisirs Pluriel model. */
export const activiteSchema = z
  .strictObject({
    titre: z.string().min(1),
    resume: z.string().min(1).max(300, { error: 'résumé trop long : 300 caractères au plus' }),
    quartier: ref('quartiers'),
    lieu: ref('lieux'),
    organisation: ref('organisations').optional(),
    ages: z.strictObject({ min: z.int().min(0).max(25), max: z.int().min(0).max(25) }),
    /** Supervision, e.g. "1 adulte pour 3 enfants". */
    encadrement: z.string().min(1),
    adaptations: z.array(z.string().min(1)).default([]),
    horaires: z.strictObject({
      jour,
      creneau,
      /** Period of the year, e.g. from the school year's start to its end. */
      du: dateIso,
      au: dateIso,
    }),
    places: z.int().min(0).optional(),
    inscriptions: z.enum(['ouvertes', 'fermees'], { error: 'inscriptions attendu : ouvertes ou fermees' }),
    ...commun,
  })
  .refine((a) => a.ages.min <= a.ages.max, {
    error: "l'âge minimum doit être inférieur ou égal au maximum",
    path: ['ages', 'max'],
  })
  .refine((a) => a.horaires.du <= a.horaires.au, { error: 'la date « au » doit être après « du »', path: ['horaires', 'au'] });
export type Activite = z.infer<typeof activiteSchema>;
