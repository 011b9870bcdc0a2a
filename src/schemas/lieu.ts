import { z } from 'zod';
import { adresse, commun, creneau, dateIso, jour, ref } from './common.ts';

/** Opening hours for some days: several slots a day, e.g. morning and afternoon. */
export const horaire = z.strictObject({
  jours: z.array(jour).min(1, { error: 'indiquez au moins un jour' }).meta({ titre: 'Jours' }),
  creneaux: z
    .array(creneau.meta({ titre: 'Créneau' }))
    .min(1, { error: 'indiquez au moins un créneau, par exemple 09:00-12:00' })
    .meta({ titre: 'Créneaux', aide: 'Matin et après-midi séparés.', exemple: ['09:00-12:30', '13:30-17:00'] }),
});
export type Horaire = z.infer<typeof horaire>;

/** A closure on given dates (holidays, works), inclusive. */
export const fermeture = z
  .strictObject({
    du: dateIso.meta({ titre: 'Du', exemple: '2026-12-24' }),
    au: dateIso.meta({ titre: 'Au (inclus)', exemple: '2027-01-02' }),
    motif: z.string().min(1).meta({ titre: 'Motif', exemple: 'vacances de fin d’année' }),
  })
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
  nom: z.string().min(1).meta({ titre: 'Nom du lieu', exemple: 'Maison de quartier Sud-Gare' }),
  quartier: ref('quartiers').meta({ titre: 'Quartier' }),
  organisation: ref('organisations').optional().meta({ titre: 'Organisation qui le gère' }),
  adresse: adresse.meta({ titre: 'Adresse' }),
  accessibilite: z
    .strictObject({
      /** Step-free entrance (plain-pied, ramp or lift). */
      plain_pied: constat.meta({ titre: 'Entrée de plain-pied', aide: 'non-verifie tant que personne n’a vérifié sur place.' }),
      toilettes_adaptees: constat.meta({
        titre: 'Toilettes adaptées',
        aide: 'non-verifie tant que personne n’a vérifié sur place.',
      }),
      /** Hearing loop (boucle magnétique) at the reception desk. */
      boucle_magnetique: constat.meta({
        titre: 'Boucle magnétique à l’accueil',
        aide: 'non-verifie tant que personne n’a vérifié.',
      }),
      /** Reception in French sign language (LSF) possible, on request or always. */
      lsf: z
        .enum(['non', 'sur-demande', 'oui', 'non-verifie'], { error: 'lsf attendu : non, sur-demande, oui ou non-verifie' })
        .meta({ titre: 'Accueil en langue des signes (LSF)' }),
      precisions: z.string().optional().meta({ titre: 'Précisions sur l’accessibilité', long: true }),
    })
    .meta({ titre: 'Accessibilité' }),
  horaires: z
    .array(horaire)
    .default([])
    .meta({ titre: 'Horaires d’ouverture', aide: 'Un groupe par ensemble de jours aux mêmes horaires.' }),
  fermetures: z
    .array(fermeture)
    .default([])
    .meta({ titre: 'Fermetures exceptionnelles', aide: 'Vacances, travaux : la page l’annonce.' }),
  /** Public transport stops nearby, e.g. { mode: metro, ligne: a, arret: Le Blosne }. */
  transports: z
    .array(
      z.strictObject({
        mode: z.enum(['metro', 'bus', 'velo-star'], { error: 'mode attendu : metro, bus ou velo-star' }).meta({ titre: 'Mode' }),
        ligne: z.string().min(1).meta({ titre: 'Ligne', exemple: 'a' }),
        arret: z.string().min(1).meta({ titre: 'Arrêt', exemple: 'Le Blosne' }),
      }),
    )
    .default([])
    .meta({ titre: 'Transports à proximité' }),
  ...commun,
});
export type Lieu = z.infer<typeof lieuSchema>;
