import { z } from 'zod';
import { commun } from './common.ts';

/** One of Rennes's 12 administrative quartiers; the file name is its id (e.g. `le-blosne`). */
export const quartierSchema = z.strictObject({
  /** Official number, 1 to 12. */
  numero: z.int().min(1).max(12, { error: 'numéro de quartier attendu entre 1 et 12' }),
  /** Official name, as the city writes it. */
  nom: z.string().min(1),
  /** Other spellings residents type, for search. */
  autres_noms: z.array(z.string()).default([]),
  ...commun,
});
export type Quartier = z.infer<typeof quartierSchema>;
