import { z } from 'zod';
import { commun, ref } from './common.ts';

/** One of the six programmes of the Fabrique (HSDS "service"), described for residents. */
export const programmeSchema = z.strictObject({
  /** Order on the home page, 1 to 6. */
  ordre: z.int().min(1).max(6),
  titre: z.string().min(1),
  /** Short title for menus and cards. */
  titre_court: z.string().min(1).max(40),
  resume: z.string().min(1).max(240, { error: 'résumé trop long : 240 caractères au plus' }),
  pour_qui: z.string().min(1),
  ce_qui_est_propose: z.array(z.string().min(1)).min(1),
  comment_participer: z.string().min(1),
  partenaires: z.array(ref('organisations')).default([]),
  statut: z.enum(['en-preparation', 'en-cours', 'ouvert'], { error: 'statut attendu : en-preparation, en-cours ou ouvert' }),
  /** Easy-read (FALC) summary; a draft until people with intellectual disabilities have proofread it. */
  falc: z.strictObject({
    texte: z.array(z.string().min(1)).min(1),
    statut: z.enum(['brouillon', 'relu'], { error: 'statut FALC attendu : brouillon ou relu' }),
  }),
  /** Shows the quick-exit link and safety note (pages for people facing violence). */
  sortie_rapide: z.boolean().default(false),
  ...commun,
});
export type Programme = z.infer<typeof programmeSchema>;
