import { z } from 'zod';
import { commun } from './common.ts';

/** One of Rennes's 12 administrative quartiers; the file name is its id (e.g. `le-blosne`). */
export const quartierSchema = z.strictObject({
  /** Official number, 1 to 12. */
  numero: z
    .int()
    .min(1)
    .max(12, { error: 'numéro de quartier attendu entre 1 et 12' })
    .meta({ titre: 'Numéro officiel', exemple: 7 }),
  /** Official name, as the city writes it. */
  nom: z.string().min(1).meta({ titre: 'Nom officiel', aide: 'Comme la Ville l’écrit.', exemple: 'Le Blosne' }),
  /** Other spellings residents type, for search. */
  autres_noms: z
    .array(z.string().meta({ titre: 'Nom' }))
    .default([])
    .meta({ titre: 'Autres noms', aide: 'Autres façons de l’écrire, pour la recherche.', exemple: ['Blosne'] }),
  ...commun,
});
export type Quartier = z.infer<typeof quartierSchema>;
