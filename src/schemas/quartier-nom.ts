import { z } from 'zod';
import { ref } from './common.ts';

export const SORTES_DE_NOM = {
  'sous-quartier': 'sous-quartier',
  station: 'station de métro',
  lieu: 'lieu connu',
  rue: 'rue',
} as const;

/** A place name residents know (sub-neighbourhood, metro station, estate, park, street) and its quartier. */
export const nomDeLieu = z.strictObject({
  nom: z
    .string()
    .min(1)
    .meta({ titre: 'Nom', aide: 'Le nom tel que les habitants le disent ou l’écrivent.', exemple: 'Triangle' }),
  sorte: z
    .enum(Object.keys(SORTES_DE_NOM) as [keyof typeof SORTES_DE_NOM], {
      error: `sorte attendue : ${Object.keys(SORTES_DE_NOM).join(', ')}`,
    })
    .meta({
      titre: 'Sorte de lieu',
      aide: 'sous-quartier, station (de métro), lieu (connu : parc, ensemble, équipement) ou rue.',
    }),
  /**
   * Other quartiers for this name: a street that runs through two, or sources that disagree (a station on a
   * boundary). The finder then shows every quartier.
   */
  aussi: z.array(ref('quartiers')).default([]).meta({
    titre: 'Aussi dans ces quartiers',
    aide: 'Si le nom touche d’autres quartiers (une rue qui en traverse deux, une station à la limite) : la recherche les montre tous.',
  }),
  /** Public source where the name was read. */
  source: z.url({ error: 'source attendue : une adresse web complète, https://…' }).meta({
    titre: 'Source',
    aide: 'L’adresse complète (https://…) de la page publique où vous avez lu ce nom.',
    exemple: 'https://example.org/page-qui-cite-ce-nom',
  }),
  /** false until an editor has checked the name on the ground or with the city; the finder says so. */
  verifie: z.boolean().default(false).meta({
    titre: 'Vérifié',
    aide: 'Cochez quand le nom a été vérifié sur place ou auprès de la Ville. Sinon, la recherche dit qu’il n’est pas vérifié.',
  }),
});
export type NomDeLieu = z.infer<typeof nomDeLieu>;

/** The familiar names of one quartier, for the "Quel est mon quartier ?" finder and the search. */
export const quartierNomsSchema = z.strictObject({
  quartier: ref('quartiers').meta({ titre: 'Quartier', aide: 'Le quartier où se trouvent ces lieux.' }),
  noms: z.array(nomDeLieu).min(1).meta({
    titre: 'Noms de lieux',
    aide: 'Au moins un : chaque nom mène la recherche « Quel est mon quartier ? » à ce quartier.',
  }),
});
export type QuartierNoms = z.infer<typeof quartierNomsSchema>;
