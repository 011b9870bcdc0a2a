import { z } from 'zod';
import { commun, dateIso } from './common.ts';

/** A plain institutional page (legal notice, privacy, accessibility statement). */
export const pageSchema = z.strictObject({
  titre: z.string().min(1),
  description: z.string().min(1).max(200),
  /** Only on the accessibility statement: the RGAA status the law asks for. */
  rgaa: z
    .strictObject({
      statut: z.enum(['totalement conforme', 'partiellement conforme', 'non conforme']),
      taux: z.number().min(0).max(100).optional(),
      date_audit: dateIso.optional(),
      methode: z.string().optional(),
    })
    .optional(),
  ...commun,
});
export type Page = z.infer<typeof pageSchema>;
