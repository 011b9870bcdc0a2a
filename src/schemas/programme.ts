import { z } from 'zod';
import { commun, dateIso, ref } from './common.ts';

/** One of the six programmes of the Fabrique (HSDS "service"), described for residents. */
export const programmeSchema = z
  .strictObject({
    /** Order on the home page, 1 to 6. */
    ordre: z
      .int()
      .min(1)
      .max(6)
      .meta({ titre: 'Ordre sur l’accueil', aide: 'Place du programme sur la page d’accueil, de 1 à 6.', exemple: 1 }),
    titre: z.string().min(1).meta({
      titre: 'Titre',
      aide: 'Le titre de la page du programme, en mots simples.',
      exemple: 'Une École de la deuxième chance à Rennes',
    }),
    /** Short title for menus and cards. */
    titre_court: z.string().min(1).max(40).meta({
      titre: 'Titre court',
      aide: 'Pour les menus et les cartes : 40 caractères au plus.',
      exemple: 'École de la deuxième chance',
    }),
    resume: z.string().min(1).max(240, { error: 'résumé trop long : 240 caractères au plus' }).meta({
      titre: 'Résumé',
      aide: 'Une ou deux phrases, 240 caractères au plus : affiché sur l’accueil et dans les résultats de recherche.',
      long: true,
    }),
    pour_qui: z.string().min(1).meta({
      titre: 'Pour qui',
      aide: 'Les personnes à qui le programme s’adresse, dites simplement.',
      exemple: 'Les familles d’enfants en situation de handicap.',
      long: true,
    }),
    ce_qui_est_propose: z
      .array(z.string().min(1).meta({ titre: 'Proposition' }))
      .min(1)
      .meta({ titre: 'Ce qui est proposé', aide: 'Une ligne par proposition, au moins une : affichées en liste sur la page.' }),
    comment_participer: z.string().min(1).meta({
      titre: 'Comment participer',
      aide: 'Ce que la personne peut faire maintenant : venir, écrire, s’inscrire. Dites-le si ce n’est pas encore possible.',
      long: true,
    }),
    partenaires: z.array(ref('organisations')).default([]).meta({
      titre: 'Partenaires',
      aide: 'Les organisations que le texte du programme ou une source datée cite pour ce programme (fiches d’Organisations) ; n’ajoutez pas celle qui publie le site.',
    }),
    /**
     * Where the programme stands. The programme text makes proposals: "proposition" until an editor
     * records otherwise, with the date it was confirmed and who confirmed it.
     */
    statut: z
      .enum(['proposition', 'en-preparation', 'en-cours', 'ouvert'], {
        error: 'statut attendu : proposition, en-preparation, en-cours ou ouvert',
      })
      .meta({
        titre: 'Où en est le programme',
        aide: '« proposition » tant que rien n’est confirmé. Pour un autre choix, remplissez « Confirmé le » et « Confirmé par ».',
      }),
    /** Required for any status but "proposition": the date it was confirmed (AAAA-MM-JJ). */
    statut_confirme_le: dateIso.optional().meta({
      titre: 'Confirmé le',
      aide: 'Obligatoire si le programme n’est plus une « proposition » : le jour où son avancement a été confirmé.',
      exemple: '2026-11-20',
    }),
    /** Required for any status but "proposition": who confirmed it (a service, a decision, a published text). */
    statut_source: z.string().min(1).optional().meta({
      titre: 'Confirmé par',
      aide: 'Obligatoire si le programme n’est plus une « proposition » : un service, une délibération ou un texte publié.',
      exemple: 'délibération du conseil municipal',
    }),
    /** Easy-read (FALC) summary; a draft until people with intellectual disabilities have proofread it. */
    falc: z
      .strictObject({
        texte: z
          .array(z.string().min(1).meta({ titre: 'Phrase' }))
          .min(1)
          .meta({
            titre: 'Phrases faciles à lire',
            aide: 'Une phrase courte par ligne, avec des mots de tous les jours. La vérification signale les phrases trop longues ou difficiles.',
          }),
        statut: z.enum(['brouillon', 'relu'], { error: 'statut FALC attendu : brouillon ou relu' }).meta({
          titre: 'Brouillon ou relu',
          aide: '« brouillon » tant que des personnes en situation de handicap intellectuel ne l’ont pas relu ; alors « relu ».',
        }),
        /** Who proofread it (a group, no personal name needed) and when: required to leave "brouillon". */
        relecture: z
          .strictObject({
            par: z
              .string()
              .min(1, { error: 'indiquez qui a relu, par exemple « atelier de relecture d’un ESAT rennais »' })
              .meta({
                titre: 'Relu par',
                aide: 'Un groupe ou un atelier ; aucun nom de personne n’est nécessaire.',
                exemple: 'groupe de relecture FALC',
              }),
            le: dateIso.meta({ titre: 'Relu le', exemple: '2026-11-20' }),
          })
          .optional()
          .meta({ titre: 'Relecture', aide: 'Qui a relu et quand : obligatoire pour passer à « relu ».' }),
      })
      .refine((f) => f.statut === 'brouillon' || f.relecture, {
        error:
          'statut « relu » : notez la relecture par des personnes en situation de handicap intellectuel, par exemple relecture: { par: "groupe de relecture FALC", le: 2027-01-15 } ; sinon gardez « brouillon »',
        path: ['relecture'],
      })
      .meta({
        titre: 'Résumé facile à lire (FALC)',
        aide: 'Le programme en phrases simples, pour les personnes qui lisent difficilement. Affiché en haut de la page.',
      }),
    /** A sensitive page (people facing violence): safety note, and replaced in history when left (quick exit is on every page). */
    sortie_rapide: z.boolean().default(false).meta({
      titre: 'Page sensible',
      aide: 'Cochez pour une page qui concerne des personnes en danger (violences) : elle affiche un conseil de sécurité et ne reste pas dans l’historique.',
    }),
    /** Sensitive pages: the title the browser's history shows, which must not say what the page is about. */
    titre_historique: z.string().min(1).max(40).optional().meta({
      titre: 'Titre dans l’historique',
      aide: 'Obligatoire pour une page sensible : un titre neutre (40 caractères au plus) que l’onglet et l’historique du navigateur affichent à la place du vrai titre. Le titre de la page, lui, dit ce qu’elle est.',
      exemple: 'Informations pratiques',
    }),
    ...commun,
  })
  .superRefine((p, ctx) => {
    if (p.sortie_rapide && !p.titre_historique)
      ctx.addIssue({
        code: 'custom',
        path: ['titre_historique'],
        message:
          'page sensible : indiquez un titre neutre pour l’historique du navigateur, par exemple titre_historique: "Informations pratiques" ; le nom du fichier, qui fait l’adresse de la page, doit lui aussi rester neutre',
      });
    if (p.statut === 'proposition') return;
    if (!p.statut_confirme_le)
      ctx.addIssue({
        code: 'custom',
        path: ['statut_confirme_le'],
        message: `statut « ${p.statut} » : indiquez la date à laquelle il a été confirmé (AAAA-MM-JJ), sinon gardez « proposition »`,
      });
    if (!p.statut_source)
      ctx.addIssue({
        code: 'custom',
        path: ['statut_source'],
        message: `statut « ${p.statut} » : indiquez qui l’a confirmé (service, délibération, texte publié)`,
      });
  });
export type Programme = z.infer<typeof programmeSchema>;
