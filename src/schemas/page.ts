import { z } from 'zod';
import { commun } from './common.ts';

/**
 * A plain institutional page (legal notice, privacy, accessibility statement). The statement's status and rate
 * are computed from content/accessibilite/rgaa.yaml, not written here.
 */
export const pageSchema = z.strictObject({
  titre: z.string().min(1).meta({ titre: 'Titre', exemple: 'Mentions légales' }),
  description: z.string().min(1).max(200).meta({
    titre: 'Description',
    aide: 'Une phrase de 200 caractères au plus : elle apparaît dans les résultats des moteurs de recherche.',
    long: true,
  }),
  ...commun,
});
export type Page = z.infer<typeof pageSchema>;
