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
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/, { error: 'identifiant de session : lettres minuscules, chiffres et tirets, par exemple 2027-03-a' })
      .meta({
        titre: 'Identifiant de la session',
        aide: 'Unique dans la formation ; ne le changez plus après l’ouverture des inscriptions.',
        exemple: '2027-03-a',
      }),
    date: dateIso.meta({ titre: 'Date', exemple: '2027-03-15' }),
    creneau: creneau.meta({ titre: 'Horaire', exemple: '09:00-12:30' }),
    lieu: ref('lieux').meta({ titre: 'Lieu' }),
    capacite: z
      .int()
      .min(1, { error: 'capacité attendue : un nombre de places supérieur à 0' })
      .meta({ titre: 'Nombre de places', exemple: 12 }),
    places_restantes: z.int().min(0, { error: 'places restantes : 0 ou plus' }).meta({
      titre: 'Places restantes',
      aide: 'Places à prendre sur le site quand vous ouvrez la session. Le site compte lui-même chaque inscription reçue et, au-delà, inscrit sur la liste d’attente : ne retirez pas ici les inscriptions du site, seulement les places données autrement (téléphone, partenaire). 0 : la session s’affiche complète (liste d’attente).',
      exemple: 4,
    }),
    /** true when the session will not take place: shown as cancelled on the page and in calendars. */
    annulee: z
      .boolean()
      .optional()
      .meta({ titre: 'Session annulée', aide: 'Cochez si elle n’aura pas lieu : la page et l’agenda l’indiquent.' }),
  })
  .refine((s) => s.places_restantes <= s.capacite, {
    error: 'places_restantes ne peut pas dépasser capacite',
    path: ['places_restantes'],
  });
export type Session = z.infer<typeof session>;

/** A joint training with the MDPH (HSDS "service" + "schedule"). */
export const formationSchema = z.strictObject({
  titre: z.string().min(1).meta({ titre: 'Titre', exemple: 'Accueillir un enfant en situation de handicap à la crèche' }),
  resume: z
    .string()
    .min(1)
    .max(300, { error: 'résumé trop long : 300 caractères au plus' })
    .meta({ titre: 'Résumé', aide: '300 caractères au plus ; affiché dans la liste des formations.', long: true }),
  publics: z.array(publicCible).min(1, { error: 'indiquez au moins un public' }).meta({ titre: 'Publics', aide: 'Au moins un.' }),
  objectifs: z
    .array(z.string().min(1).meta({ titre: 'Objectif' }))
    .min(1, { error: 'indiquez au moins un objectif' })
    .meta({ titre: 'Objectifs', exemple: ['Mieux se comprendre entre parents et professionnels'] }),
  /** Who co-facilitates: a parent of a disabled child with a professional, for instance. */
  coanimation: z
    .string()
    .min(1)
    .meta({ titre: 'Qui anime', exemple: 'Une mère d’enfant en situation de handicap et une professionnelle de la MDPH' }),
  partenaires: z.array(ref('organisations')).default([]).meta({ titre: 'Partenaires' }),
  gratuit: z.boolean().default(true).meta({ titre: 'Gratuite' }),
  inscriptions: z
    .enum(['ouvertes', 'fermees'], { error: 'inscriptions attendu : ouvertes ou fermees' })
    .meta({ titre: 'Inscriptions', aide: '« fermees » retire le formulaire d’inscription de la page.' }),
  sessions: z
    .array(session)
    .min(1, { error: 'indiquez au moins une session' })
    .meta({ titre: 'Sessions', aide: 'Au moins une.' }),
  ...commun,
});
export type Formation = z.infer<typeof formationSchema>;
