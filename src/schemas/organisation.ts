import { z } from 'zod';
import { adresse, commun } from './common.ts';

/** A partner body (HSDS "organization"): CCAS, CDAS, MDPH, associations, networks. */
export const organisationSchema = z.strictObject({
  nom: z.string().min(1),
  /** Short name residents know, e.g. MDPH. */
  sigle: z.string().optional(),
  type: z.enum(['collectivite', 'service-public', 'association', 'reseau'], {
    error: 'type attendu : collectivite, service-public, association ou reseau',
  }),
  /** One sentence: what this organisation does for residents. */
  description: z.string().min(1),
  /** Public postal address; never a private or protected one. */
  adresse: adresse.optional(),
  /** Official website, shown as a plain link. */
  site_web: z.url({ error: 'adresse web attendue, commençant par https://' }).optional(),
  /** false until an editor has checked the address and details against an official source. */
  verifie: z.boolean().default(false),
  ...commun,
});
export type Organisation = z.infer<typeof organisationSchema>;
