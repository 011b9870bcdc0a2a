import { z } from 'zod';
import { adresse, commun } from './common.ts';

/** A partner body (HSDS "organization"): CCAS, CDAS, MDPH, associations, networks. */
export const organisationSchema = z.strictObject({
  nom: z.string().min(1).meta({ titre: 'Nom', exemple: 'Maison départementale des personnes handicapées d’Ille-et-Vilaine' }),
  /** Short name residents know, e.g. MDPH. */
  sigle: z.string().optional().meta({ titre: 'Sigle', exemple: 'MDPH' }),
  type: z
    .enum(['collectivite', 'service-public', 'association', 'reseau'], {
      error: 'type attendu : collectivite, service-public, association ou reseau',
    })
    .meta({ titre: 'Type' }),
  /** One sentence: what this organisation does for residents. */
  description: z.string().min(1).meta({ titre: 'Ce qu’elle fait pour les habitants', aide: 'Une phrase.', long: true }),
  /** Public postal address; never a private or protected one. */
  adresse: adresse.optional().meta({ titre: 'Adresse publique', aide: 'Jamais une adresse privée ou protégée.' }),
  /** Official website, shown as a plain link. */
  site_web: z
    .url({ error: 'adresse web attendue, commençant par https://' })
    .optional()
    .meta({ titre: 'Site web officiel', exemple: 'https://www.association.example/' }),
  /**
   * The body that publishes this site. The programme text names no publisher: the entry that carries it
   * stays `exemple: true` (shown « exemple ») until an editor fills in the real one.
   */
  editeur: z.boolean().default(false).meta({
    titre: 'Éditeur du site',
    aide: 'Cochez pour l’organisation qui publie ce site (une seule). Tant que la fiche est un exemple, le site l’affiche « exemple ».',
  }),
  /** false until an editor has checked the address and details against an official source. */
  verifie: z
    .boolean()
    .default(false)
    .meta({ titre: 'Coordonnées vérifiées', aide: 'Cochez une fois l’adresse vérifiée auprès d’une source officielle.' }),
  ...commun,
});
export type Organisation = z.infer<typeof organisationSchema>;
