import { z } from 'zod';
import { adresse, commun, creneau, dateIso, jour, ref } from './common.ts';

/** Opening hours for some days: several slots a day, e.g. morning and afternoon. */
export const horaire = z.strictObject({
  jours: z.array(jour).min(1, { error: 'indiquez au moins un jour' }),
  creneaux: z.array(creneau).min(1, { error: 'indiquez au moins un créneau, par exemple 09:00-12:00' }),
});
export type Horaire = z.infer<typeof horaire>;

/** A closure on given dates (holidays, works), inclusive. */
export const fermeture = z
  .strictObject({ du: dateIso, au: dateIso, motif: z.string().min(1) })
  .refine((f) => f.du <= f.au, { error: 'la date « au » doit être le même jour ou après « du »', path: ['au'] });
export type Fermeture = z.infer<typeof fermeture>;

/**
 * An accessibility fact: oui / non once someone has checked on site, non-verifie until then
 * (true and false are read as oui and non), so the page never states as fact what nobody checked.
 */
export const constat = z.preprocess(
  (v) => (v === true ? 'oui' : v === false ? 'non' : v),
  z.enum(['oui', 'non', 'non-verifie'], { error: 'valeur attendue : oui, non ou non-verifie' }),
);
export type Constat = z.infer<typeof constat>;

/** A place where people are received (HSDS "location"), with what Soliguide shows about access. */
export const lieuSchema = z.strictObject({
  nom: z.string().min(1),
  quartier: ref('quartiers'),
  organisation: ref('organisations').optional(),
  adresse,
  accessibilite: z.strictObject({
    /** Step-free entrance (plain-pied, ramp or lift). */
    plain_pied: constat,
    toilettes_adaptees: constat,
    /** Hearing loop (boucle magnétique) at the reception desk. */
    boucle_magnetique: constat,
    /** Reception in French sign language (LSF) possible, on request or always. */
    lsf: z.enum(['non', 'sur-demande', 'oui', 'non-verifie'], { error: 'lsf attendu : non, sur-demande, oui ou non-verifie' }),
    precisions: z.string().optional(),
  }),
  horaires: z.array(horaire).default([]),
  fermetures: z.array(fermeture).default([]),
  /** Public transport stops nearby, e.g. { mode: metro, ligne: a, arret: Le Blosne }. */
  transports: z
    .array(
      z.strictObject({
        mode: z.enum(['metro', 'bus', 'velo-star'], { error: 'mode attendu : metro, bus ou velo-star' }),
        ligne: z.string().min(1),
        arret: z.string().min(1),
      }),
    )
    .default([]),
  ...commun,
});
export type Lieu = z.infer<typeof lieuSchema>;
