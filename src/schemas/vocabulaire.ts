import { z } from 'zod';

/**
 * The words residents use for what one page covers (issue 11): synonyms, common names, abbreviations, older
 * names. Indexed by the search with the page they lead to; `aussi_appele` is also shown on that page.
 */
export const vocabulaireSchema = z
  .strictObject({
    /** Address of the page, as in the browser after the site name: `/aide/`, `/programmes/fabrique/`. */
    page: z
      .string()
      .regex(/^\/([a-z0-9-]+\/)*$/, { error: 'adresse de page attendue, entre deux « / », par exemple /programmes/fabrique/' })
      .meta({
        titre: 'Page',
        aide: 'L’adresse de la page où ces mots mènent, telle qu’elle s’affiche après le nom du site, entre deux « / ».',
        exemple: '/aide/',
      }),
    /** Names shown on the page as "Aussi appelé : …" and in search results; indexed. */
    aussi_appele: z
      .array(z.string().min(1).meta({ titre: 'Nom' }))
      .default([])
      .meta({
        titre: 'Aussi appelé',
        aide: 'Autres noms de ce que la page présente (sigle, ancien nom) : affichés sur la page et trouvés par la recherche.',
        exemple: ['MDPH', 'maison du handicap'],
      }),
    /** Indexed only, never shown: words of a question ("dehors", "frappe"), frequent misspellings. */
    mots_recherches: z
      .array(z.string().min(1).meta({ titre: 'Mot' }))
      .default([])
      .meta({
        titre: 'Mots cherchés',
        aide: 'Mots que les habitants tapent, fautes de frappe comprises : trouvés par la recherche, jamais affichés.',
        exemple: ['nounou', 'assmat'],
      }),
  })
  .refine((v) => v.aussi_appele.length + v.mots_recherches.length > 0, {
    error: 'ajoutez au moins un mot dans aussi_appele ou mots_recherches',
    path: ['aussi_appele'],
  });
export type Vocabulaire = z.infer<typeof vocabulaireSchema>;
