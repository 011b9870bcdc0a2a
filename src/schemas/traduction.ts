/**
 * A translated page (content/traductions/<language>/<page>.md, issue 23): which French page it translates, and whether
 * a named role has proofread it. Until then it is a draft, and the page says so in its own language. Flat fields (no
 * union), so the visual editor (/admin/) offers them as it offers the FALC summary's.
 */
import { z } from 'zod';
import { PAGES_TRADUISIBLES } from '../i18n/languages.ts';

const PAGES = Object.keys(PAGES_TRADUISIBLES) as [keyof typeof PAGES_TRADUISIBLES];

/**
 * What a translation translates (`de`) and where it stands: a draft until a named role has proofread it. Shared by the
 * translated pages and the translated programme summaries (src/schemas/programme-traduit.ts).
 */
export const etatDeTraduction = <De extends z.ZodType>(de: De, aide = 'Quelle page elle traduit, et si elle a été relue.') =>
  z
    .strictObject({
      de,
      statut: z.enum(['brouillon', 'relue'], { error: 'statut de la traduction attendu : brouillon ou relue' }).meta({
        titre: 'Brouillon ou relue',
        aide: '« brouillon » tant qu’une personne qui lit le français et la langue ne l’a pas relue ; alors « relue ».',
      }),
      // The role who proofread it (« médiatrice arabophone »), never a person's name.
      relue_par: z
        .string()
        .trim()
        .min(3, { error: 'indiquez le rôle de la personne qui a relu, par exemple « interprète en dari »' })
        .optional()
        .meta({
          titre: 'Relue par',
          aide: 'Le rôle de la personne qui a relu, jamais son nom.',
          exemple: 'interprète en dari',
        }),
    })
    .refine((t) => t.statut === 'brouillon' || t.relue_par, {
      error:
        'statut « relue » : notez qui a relu (son rôle), par exemple relue_par: "interprète en dari" ; sinon gardez « brouillon »',
      path: ['relue_par'],
    })
    .meta({ titre: 'Traduction', aide });

export const traductionSchema = z
  .strictObject({
    titre: z.string().trim().min(1).meta({ titre: 'Titre', aide: 'Le titre de la page, dans la langue de la traduction.' }),
    description: z
      .string()
      .trim()
      .min(1)
      .meta({ titre: 'Description', aide: 'Une phrase, dans la langue de la traduction, pour les moteurs de recherche.' }),
    chapeau: z
      .string()
      .trim()
      .min(1)
      .optional()
      .meta({ titre: 'Première phrase', aide: 'Page d’aide seulement : la phrase affichée au-dessus des numéros d’urgence.' }),
    traduction: etatDeTraduction(
      z.enum(PAGES).meta({ titre: 'Page traduite', aide: '« accueil » ou « aide » : le nom du fichier.' }),
    ),
  })
  .meta({ titre: 'Traduction' });

export type Traduction = z.infer<typeof traductionSchema>;
