/**
 * A translated page (content/traductions/<language>/<page>.md, issue 23): which French page it translates, and whether
 * a named role has proofread it. Until then it is a draft, and the page says so in its own language.
 */
import { z } from 'zod';
import { PAGES_TRADUISIBLES } from '../i18n/languages.ts';

const de = z.enum(Object.keys(PAGES_TRADUISIBLES) as [keyof typeof PAGES_TRADUISIBLES]);

export const traductionSchema = z
  .object({
    titre: z.string().trim().min(1),
    description: z.string().trim().min(1),
    // The help page's first sentence, shown above the emergency numbers (the body comes after them).
    chapeau: z.string().trim().min(1).optional(),
    traduction: z.discriminatedUnion('statut', [
      z.object({ de, statut: z.literal('brouillon') }).strict(),
      // The role who proofread it (« médiatrice arabophone de l’accueil »), never a person's name.
      z.object({ de, statut: z.literal('relue'), relue_par: z.string().trim().min(3) }).strict(),
    ]),
  })
  .strict();

export type Traduction = z.infer<typeof traductionSchema>;
