import { z } from 'zod';
import { commun, creneau, dateIso, jour, ref } from './common.ts';

/** A mixed leisure activity for disabled and non-disabled children, on the Loisirs Pluriel model. */
export const activiteSchema = z
  .strictObject({
    titre: z.string().min(1).meta({ titre: 'Titre', exemple: 'Atelier cirque' }),
    resume: z
      .string()
      .min(1)
      .max(300, { error: 'résumé trop long : 300 caractères au plus' })
      .meta({ titre: 'Résumé', aide: '300 caractères au plus.', long: true }),
    quartier: ref('quartiers').meta({ titre: 'Quartier' }),
    lieu: ref('lieux').meta({ titre: 'Lieu' }),
    organisation: ref('organisations').optional().meta({ titre: 'Organisation' }),
    ages: z
      .strictObject({
        min: z.int().min(0).max(25).meta({ titre: 'Âge minimum', exemple: 6 }),
        max: z.int().min(0).max(25).meta({ titre: 'Âge maximum', exemple: 12 }),
      })
      .meta({ titre: 'Âges des enfants' }),
    /** Supervision, e.g. "1 adulte pour 3 enfants". */
    encadrement: z.string().min(1).meta({ titre: 'Encadrement', exemple: '1 adulte pour 3 enfants' }),
    adaptations: z
      .array(z.string().min(1).meta({ titre: 'Adaptation' }))
      .default([])
      .meta({ titre: 'Adaptations prévues', exemple: ['coin calme', 'pictogrammes'] }),
    horaires: z
      .strictObject({
        jour: jour.meta({ titre: 'Jour' }),
        creneau: creneau.meta({ titre: 'Horaire', exemple: '14:00-16:00' }),
        /** Period of the year, e.g. from the school year's start to its end. */
        du: dateIso.meta({ titre: 'Du', exemple: '2026-09-02' }),
        au: dateIso.meta({ titre: 'Au', exemple: '2027-06-30' }),
      })
      .meta({ titre: 'Horaires' }),
    places: z.int().min(0).optional().meta({ titre: 'Places', aide: 'Laissez vide si ce n’est pas limité.' }),
    inscriptions: z
      .enum(['ouvertes', 'fermees'], { error: 'inscriptions attendu : ouvertes ou fermees' })
      .meta({ titre: 'Inscriptions', aide: '« fermees » retire le formulaire d’inscription.' }),
    ...commun,
  })
  .refine((a) => a.ages.min <= a.ages.max, {
    error: "l'âge minimum doit être inférieur ou égal au maximum",
    path: ['ages', 'max'],
  })
  .refine((a) => a.horaires.du <= a.horaires.au, { error: 'la date « au » doit être après « du »', path: ['horaires', 'au'] });
export type Activite = z.infer<typeof activiteSchema>;
