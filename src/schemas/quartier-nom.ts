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
  nom: z.string().min(1),
  sorte: z.enum(Object.keys(SORTES_DE_NOM) as [keyof typeof SORTES_DE_NOM], {
    error: `sorte attendue : ${Object.keys(SORTES_DE_NOM).join(', ')}`,
  }),
  /**
   * Other quartiers for this name: a street that runs through two, or sources that disagree (a station on a
   * boundary). The finder then shows every quartier.
   */
  aussi: z.array(ref('quartiers')).default([]),
  /** Public source where the name was read. */
  source: z.url({ error: 'source attendue : une adresse web complète, https://…' }),
  /** false until an editor has checked the name on the ground or with the city; the finder says so. */
  verifie: z.boolean().default(false),
});
export type NomDeLieu = z.infer<typeof nomDeLieu>;

/** The familiar names of one quartier, for the "Quel est mon quartier ?" finder and the search. */
export const quartierNomsSchema = z.strictObject({
  quartier: ref('quartiers'),
  noms: z.array(nomDeLieu).min(1),
});
export type QuartierNoms = z.infer<typeof quartierNomsSchema>;
