import { z } from 'zod';
import { commun, creneau, dateIso, ref } from './common.ts';

export const PUBLICS = {
  parents: 'Parents',
  enseignants: 'Enseignants',
  animateurs: 'Animateurs et animatrices',
  'assistantes-maternelles': 'Assistantes maternelles',
  'professionnels-creche': 'Professionnels de crèche',
  soignants: 'Soignants',
  aidants: 'Aidants',
} as const;
export type Public = keyof typeof PUBLICS;
const publicKeys = Object.keys(PUBLICS) as [Public, ...Public[]];
export const publicCible = z.enum(publicKeys, { error: `public attendu : ${publicKeys.join(', ')}` });

/** One dated session of a training. */
export const session = z
  .strictObject({
    /** Stable id used by the sign-up form, e.g. 2027-03-a. */
    id: z.string().regex(/^[a-z0-9-]+$/, { error: 'identifiant de session : lettres minuscules, chiffres et tirets' }),
    date: dateIso,
    creneau,
    lieu: ref('lieux'),
    capacite: z.int().min(1, { error: 'capacité attendue : un nombre de places supérieur à 0' }),
    places_restantes: z.int().min(0, { error: 'places restantes : 0 ou plus' }),
    /** true when the session will not take place: shown as cancelled on the page and in calendars. */
    annulee: z.boolean().optional(),
  })
  .refine((s) => s.places_restantes <= s.capacite, {
    error: 'places_restantes ne peut pas dépasser capacite',
    path: ['places_restantes'],
  });
export type Session = z.infer<typeof session>;

/** A joint training with the MDPH (HSDS "service" + "schedule"). */
export const formationSchema = z.strictObject({
  titre: z.string().min(1),
  resume: z.string().min(1).max(300, { error: 'résumé trop long : 300 caractères au plus' }),
  publics: z.array(publicCible).min(1, { error: 'indiquez au moins un public' }),
  objectifs: z.array(z.string().min(1)).min(1, { error: 'indiquez au moins un objectif' }),
  /** Who co-facilitates: a parent of a disabled child with a professional, for instance. */
  coanimation: z.string().min(1),
  partenaires: z.array(ref('organisations')).default([]),
  gratuit: z.boolean().default(true),
  inscriptions: z.enum(['ouvertes', 'fermees'], { error: 'inscriptions attendu : ouvertes ou fermees' }),
  sessions: z.array(session).min(1, { error: 'indiquez au moins une session' }),
  ...commun,
});
export type Formation = z.infer<typeof formationSchema>;
