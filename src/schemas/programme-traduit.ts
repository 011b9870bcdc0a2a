/**
 * A programme's summary in another language (content/traductions/<language>/programmes/<programme>.md, issue 23): the
 * French programme page's summary, who it is for, what is proposed, how to take part, and its easy-read summary, in
 * that language. A draft until a named role has proofread it, as the translated pages (traduction.ts). The file name
 * is the French programme's, so the address stays the same in every language (/en/programmes/informations-pratiques/).
 */
import { z } from 'zod';
import { etatDeTraduction } from './traduction.ts';

const texte = z.string().trim().min(1);

export const programmeTraduitSchema = z
  .strictObject({
    titre: texte.meta({ titre: 'Titre', aide: 'Le titre du programme, dans la langue de la traduction.' }),
    titre_historique: texte.max(40).optional().meta({
      titre: 'Titre dans l’historique',
      aide: 'Obligatoire si la page en français en a un (page sensible) : le même titre neutre, traduit (40 caractères au plus).',
      exemple: 'Practical information',
    }),
    resume: texte
      .max(320, { error: 'résumé trop long : 320 caractères au plus' })
      .meta({ titre: 'Résumé', aide: 'Le résumé du programme, traduit.', long: true }),
    pour_qui: texte.meta({ titre: 'Pour qui', aide: '« Pour qui ? », traduit.', long: true }),
    ce_qui_est_propose: z
      .array(texte.meta({ titre: 'Proposition' }))
      .min(1)
      .meta({ titre: 'Ce qui est proposé', aide: 'Une ligne par proposition, comme en français.' }),
    comment_participer: texte.meta({
      titre: 'Comment participer',
      aide: 'Traduit ; les formulaires restent en français : la page le dit et mène à la page en français.',
      long: true,
    }),
    falc: z
      .strictObject({
        texte: z
          .array(texte.meta({ titre: 'Phrase' }))
          .min(1)
          .meta({
            titre: 'Phrases faciles à lire',
            aide: 'Le résumé facile à lire, traduit en phrases courtes et en mots de tous les jours, une par ligne.',
          }),
      })
      .meta({ titre: 'Résumé facile à lire', aide: 'Le résumé « facile à lire » de la page en français, traduit.' }),
    traduction: etatDeTraduction(
      z
        .string()
        .regex(/^[a-z0-9-]+$/, { error: 'le nom du fichier du programme, par exemple fabrique' })
        .meta({
          titre: 'Programme traduit',
          aide: 'Le nom du fichier du programme en français, sans « .md ».',
          exemple: 'fabrique',
        }),
      'Quel programme elle traduit, et si elle a été relue.',
    ),
  })
  .meta({ titre: 'Programme traduit' });

export type ProgrammeTraduit = z.infer<typeof programmeTraduitSchema>;
