import { z } from 'zod';
import { commun, dateIso } from './common.ts';

/** A plain institutional page (legal notice, privacy, accessibility statement). */
export const pageSchema = z.strictObject({
  titre: z.string().min(1).meta({ titre: 'Titre', exemple: 'Mentions légales' }),
  description: z.string().min(1).max(200).meta({
    titre: 'Description',
    aide: 'Une phrase de 200 caractères au plus : elle apparaît dans les résultats des moteurs de recherche.',
    long: true,
  }),
  /** Only on the accessibility statement: the RGAA status the law asks for. */
  rgaa: z
    .strictObject({
      statut: z.enum(['totalement conforme', 'partiellement conforme', 'non conforme']).meta({
        titre: 'Conformité RGAA',
        aide: 'Ce que dit le dernier audit ; « non conforme » tant qu’aucun audit n’a été fait.',
      }),
      taux: z
        .number()
        .min(0)
        .max(100)
        .optional()
        .meta({ titre: 'Taux de conformité (%)', aide: 'Le pourcentage donné par l’audit, de 0 à 100.', exemple: 75 }),
      date_audit: dateIso.optional().meta({ titre: 'Date de l’audit', exemple: '2026-11-20' }),
      methode: z.string().optional().meta({
        titre: 'Comment l’accessibilité a été évaluée',
        aide: 'Audit par un organisme, ou auto-évaluation.',
        exemple: 'auto-évaluation',
      }),
    })
    .optional()
    .meta({
      titre: 'Accessibilité (RGAA)',
      aide: 'Seulement pour la déclaration d’accessibilité : l’état que la loi demande d’afficher. Laissez vide sur les autres pages.',
    }),
  ...commun,
});
export type Page = z.infer<typeof pageSchema>;
